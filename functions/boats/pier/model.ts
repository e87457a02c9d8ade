/**
 * The pier as the API sees it: check-in of a ticket, sales at the counter (walk-ups), the passenger manifest,
 * the crew of a trip, the port authority's clearance and its weather bans. The stored shapes these write are the
 * departure's and the booking's own (departures/model.ts, bookings/model.ts), and a ban's (below).
 */
import * as z from 'zod';
import {
  Contact,
  Guardian,
  Language,
  MAX_PASSENGERS_PER_BOOKING,
  Passenger,
  PriceLine,
} from '../bookings/model.js';
import { PortId } from '../catalogue/model.js';
import {
  Clearance,
  ClearanceCheck,
  Crew,
  DepartureStatus,
  passengerCategories,
  type Suspension,
} from '../departures/model.js';

const PassengerIndexes = z
  .array(
    z
      .number()
      .int()
      .min(0)
      .max(MAX_PASSENGERS_PER_BOOKING - 1),
  )
  .max(MAX_PASSENGERS_PER_BOOKING)
  .refine((indexes) => new Set(indexes).size === indexes.length, 'each passenger once');

export const CheckInRequest = z
  .object({
    code: z.string().trim().min(6).max(2000).meta({
      description:
        "What the ticket's QR code carries (a signed code), or the booking reference typed from the ticket.",
    }),
    departureId: z.string().max(120).optional().meta({
      description: 'The departure the scanner is boarding; a ticket for another one is refused.',
    }),
    passengers: PassengerIndexes.optional().meta({
      description:
        'Which passengers (positions in the booking, from 0) board now; every one not yet seen when absent.',
    }),
    noShow: PassengerIndexes.optional().meta({ description: 'Passengers to mark as not come.' }),
  })
  .refine((request) => !request.passengers?.some((index) => request.noShow?.includes(index)), {
    message: 'a passenger cannot both board and be a no-show',
    path: ['noShow'],
  })
  .meta({ id: 'CheckInRequest' });

export const PassengerState = z.enum(['aboard', 'no-show', 'expected']);

/** A passenger as the pier sees them: enough to check a face against a document, nothing more. */
export const PierPassenger = z.object({
  index: z.number().int(),
  fullName: z.string(),
  category: z.enum(passengerCategories),
  state: PassengerState,
  at: z.iso.datetime().optional(),
});

export const DepartureCount = z
  .object({
    id: z.string(),
    capacity: z.number().int(),
    aboard: z.number().int(),
    booked: z.number().int().meta({ description: 'Seats held, sold online and sold at the counter.' }),
  })
  .meta({ id: 'DepartureCount' });

export const CheckInResult = z
  .object({
    booking: z.object({
      id: z.string(),
      status: z.enum(['confirmed', 'redeemed']),
      channel: z.enum(['online', 'counter']),
      passengers: z.array(PierPassenger),
    }),
    boarded: z.number().int().meta({ description: 'People this check-in put aboard.' }),
    departure: DepartureCount,
  })
  .meta({ id: 'CheckInResult' });

export const WalkUpRequest = z
  .object({
    passengers: z.array(Passenger).min(1).max(MAX_PASSENGERS_PER_BOOKING),
    payment: z.object({
      method: z.enum(['cash', 'card']),
      receiptNumber: z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9-]{1,40}$/, 'the receipt number as printed: letters, digits and hyphens'),
    }),
    contact: Contact.optional(),
    language: Language.default('vi'),
    board: z.boolean().default(true).meta({ description: 'Board them now (they stand at the gangway).' }),
  })
  .superRefine((request, context) => {
    const adults = request.passengers.some(
      (p) => p.category !== 'child-7-to-12' && p.category !== 'child-under-7',
    );
    if (!adults) {
      context.addIssue({
        code: 'custom',
        path: ['passengers'],
        message: 'children travel with at least one passenger who is not a child',
      });
    }
  })
  .meta({ id: 'WalkUpRequest' });

export const WalkUpResult = z
  .object({
    bookingId: z.string(),
    status: z.enum(['confirmed', 'redeemed']),
    lines: z.array(PriceLine),
    total: z.number().int(),
    receiptNumber: z.string(),
    departure: DepartureCount,
  })
  .meta({ id: 'WalkUpResult' });

export const ManifestRow = z
  .object({
    bookingId: z.string(),
    channel: z.enum(['online', 'counter']),
    index: z.number().int(),
    fullName: z.string(),
    documentType: z.enum(['citizen_id', 'passport']),
    documentNumber: z.string(),
    nationality: z.string(),
    category: z.enum(passengerCategories),
    guardian: Guardian.optional(),
    state: PassengerState,
    checkedInAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'ManifestRow' });

export const Manifest = z
  .object({
    departure: z.object({
      id: z.string(),
      routeId: z.number().int(),
      portId: PortId,
      departsAt: z.iso.datetime(),
      localDate: z.iso.date(),
      operator: z.object({ id: z.string(), name: z.string() }),
      boat: z.object({ id: z.string(), name: z.string() }),
      status: DepartureStatus,
      capacity: z.number().int(),
      booked: z.number().int(),
      aboard: z.number().int(),
      walkUps: z.number().int(),
      crew: Crew.optional(),
      clearance: Clearance.optional(),
      departedAt: z.iso.datetime().optional(),
    }),
    passengers: z.array(ManifestRow),
    generatedAt: z.iso.datetime(),
  })
  .meta({
    id: 'Manifest',
    description: 'Every passenger of a departure; personal data, audited on every read.',
  });

export const CrewRequest = Crew.pick({ captain: true, members: true }).meta({ id: 'CrewRequest' });

export const ClearanceRequest = z
  .object({
    decision: z.enum(['cleared', 'refused']),
    reason: z.string().trim().min(1).max(500).meta({ example: 'Equipment and safety briefing checked' }),
  })
  .meta({ id: 'ClearanceRequest' });

export const ClearanceView = z
  .object({
    departureId: z.string(),
    checks: z.array(ClearanceCheck),
    clearable: z.boolean().meta({ description: 'Every check passes and the boat has not left.' }),
    clearance: Clearance.optional(),
    departedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'ClearanceView' });

export type CheckInRequest = z.infer<typeof CheckInRequest>;
export type CheckInResult = z.infer<typeof CheckInResult>;
export type WalkUpRequest = z.infer<typeof WalkUpRequest>;
export type WalkUpResult = z.infer<typeof WalkUpResult>;
export type ManifestRow = z.infer<typeof ManifestRow>;
export type Manifest = z.infer<typeof Manifest>;
export type CrewRequest = z.infer<typeof CrewRequest>;
export type ClearanceRequest = z.infer<typeof ClearanceRequest>;
export type ClearanceView = z.infer<typeof ClearanceView>;

export * from './ban-model.js';
export type { Suspension };
