/**
 * What the live map and the authority's console see: a boat as tracked (its latest position joined with its
 * trip, its company and its open alerts), a safety alert, and the messages of the live-updates WebSocket. One
 * schema for the REST reads (`GET /api/tracking/boats`, `/alerts`) and the WebSocket's messages, so a page can
 * draw from either without translating.
 */
import * as z from 'zod';
import { BoatPosition } from '../model.js';

const Localized = z.object({ vi: z.string(), en: z.string() });

/**
 * How a boat is drawn: `under-way` (moving), `at-stop` (slow within a stop of its route), `in-port` (within a
 * port), `stopped` (slow anywhere else), `silent` (on a trip and not heard for longer than the signal-lost
 * delay), `off-duty` (no trip and no recent report). An open alert is shown over any of these (`openAlerts`).
 */
export const BoatState = z.enum(['under-way', 'at-stop', 'in-port', 'stopped', 'silent', 'off-duty']);

export const ClearanceState = z
  .enum(['cleared', 'refused', 'not-cleared'])
  .meta({ description: 'The port authority’s departure clearance of the trip.' });

export const AlertKind = z.enum([
  'signal-lost',
  'sos',
  'out-of-area',
  'off-route',
  'overspeed',
  'stopped',
  'departed-without-clearance',
  'overcapacity',
]);

export const TripView = z.object({
  departureId: z.string(),
  routeId: z.number().int(),
  routeName: Localized,
  departsAt: z.iso.datetime(),
  expectedReturnAt: z.iso.datetime(),
  aboard: z.number().int().min(0).meta({ description: 'People checked in and boarded.' }),
  clearance: ClearanceState,
  nextStop: z
    .object({ name: Localized, latitude: z.number(), longitude: z.number() })
    .nullable()
    .meta({ description: 'The route’s next stop after the boat’s position; null after the last.' }),
});

export const TrackedBoat = z
  .object({
    boatId: z.string(),
    name: z.string(),
    registrationNumber: z.string(),
    operatorId: z.string(),
    operatorName: z.string(),
    certifiedCapacity: z.number().int(),
    state: BoatState,
    position: BoatPosition.omit({ attributes: true }).nullable().meta({
      description: 'The newest plausible position; null for a boat that never reported.',
    }),
    trip: TripView.nullable().meta({ description: 'The departure the boat is running now.' }),
    openAlerts: z.array(AlertKind).meta({ description: 'Kinds of the boat’s alerts not yet resolved.' }),
  })
  .meta({ id: 'TrackedBoat' });

export const AlertState = z.enum(['open', 'acknowledged', 'resolved']);

export const Alert = z
  .object({
    id: z.string(),
    kind: AlertKind,
    state: AlertState,
    boatId: z.string(),
    boatName: z.string(),
    operatorId: z.string(),
    departureId: z.string().nullable(),
    reason: Localized.meta({ description: 'Why, in words a duty officer reads at a glance.' }),
    raisedAt: z.iso.datetime(),
    position: z
      .object({ latitude: z.number(), longitude: z.number(), fixTime: z.iso.datetime() })
      .nullable()
      .meta({ description: 'Where the boat was when the rule fired (its last position for signal-lost).' }),
    aboard: z
      .object({ count: z.number().int().min(0), certifiedCapacity: z.number().int() })
      .nullable()
      .meta({ description: 'People aboard by the trip’s check-in; the manifest names them.' }),
    acknowledged: z.object({ at: z.iso.datetime(), by: z.string(), note: z.string().max(500) }).nullable(),
    resolved: z.object({ at: z.iso.datetime(), by: z.string(), note: z.string().max(500) }).nullable(),
    conditionEndedAt: z.iso.datetime().nullable().meta({
      description: 'When what raised it stopped (the signal came back); a person still resolves the alert.',
    }),
  })
  .meta({ id: 'TrackingAlert' });

/** The WebSocket's messages, server to client. */
export const LiveMessage = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('ready'), topics: z.array(z.string()) }),
    z.object({ type: z.literal('boat'), boat: TrackedBoat }),
    z.object({ type: z.literal('alert'), alert: Alert }),
  ])
  .meta({ id: 'TrackingLiveMessage' });

export type BoatState = z.infer<typeof BoatState>;
export type AlertKind = z.infer<typeof AlertKind>;
export type TrackedBoat = z.infer<typeof TrackedBoat>;
export type TripView = z.infer<typeof TripView>;
export type Alert = z.infer<typeof Alert>;
export type AlertState = z.infer<typeof AlertState>;
export type LiveMessage = z.infer<typeof LiveMessage>;

/**
 * Topics of the live updates: the authority hears every boat and alert, an operator its company's, a ticket
 * holder their trip's: the boat as `GET /api/tracking/boats` shows it to them, only while they follow it, never an
 * alert.
 */
export const liveTopics = {
  everything: 'tracking',
  operator: (operatorId: string) => `tracking.operator.${operatorId}`,
  trip: (departureId: string) => `tracking.trip.${departureId}`,
} as const;
