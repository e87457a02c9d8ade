/**
 * Boat positions as the store and the API see them: one schema for what is written and what is read, for the
 * latest position of each boat and for every position of its history.
 */
import * as z from 'zod';
import { storableNumber } from '../platform/stored-number.js';

/** How long a position is kept in the history (DynamoDB's TTL deletes it after). */
export const HISTORY_RETENTION_DAYS = 90;

/** Faster than any boat of the bay can go (speedboats do about 35 knots): a jump implying more is a bad fix. */
export const IMPLAUSIBLE_SPEED_KNOTS = 60;

/** The most unknown fields kept as attributes of one position, and how long a key and a value may be. */
export const ATTRIBUTE_LIMITS = { count: 20, keyLength: 40, valueLength: 200 } as const;

/** `implausible-jump`: further from the latest position than 60 knots could have taken the boat. */
export const PositionFlag = z.enum(['implausible-jump']);

export const AttributeValue = z.union([
  z.string().max(ATTRIBUTE_LIMITS.valueLength),
  storableNumber(),
  z.boolean(),
]);

/**
 * Which intake a position came through: a GPS tracker speaking the OsmAnd protocol (osmand.ts) or the boat's AIS
 * transponder heard by a shore receiver (ais/).
 */
export const PositionSource = z.enum(['osmand', 'ais']);

/**
 * What a tracker reported, once read from any of the OsmAnd protocol's forms (osmand.ts) or from an AIS position
 * report (ais/reports.ts).
 */
export const PositionReport = z.object({
  source: PositionSource
    // Positions stored before AIS came in were all OsmAnd's; a stored item without the field still reads.
    .default('osmand')
    .meta({ description: 'osmand: a GPS tracker (Traccar Client); ais: the boat’s AIS transponder.' }),
  trackerId: z
    .string()
    .min(1)
    .max(60)
    .meta({ description: 'The tracker’s device id; for AIS, `mmsi:` and the transponder’s 9-digit MMSI.' }),
  fixTime: z.iso.datetime().meta({ description: 'When the tracker took the fix (UTC).' }),
  latitude: storableNumber().min(-90).max(90),
  longitude: storableNumber().min(-180).max(180),
  speedKnots: storableNumber()
    .min(0)
    .nullable()
    .meta({ description: 'Speed over ground in knots, whatever unit the tracker sent.' }),
  courseDegrees: storableNumber().min(0).max(360).nullable(),
  altitudeMetres: storableNumber().nullable(),
  accuracyMetres: storableNumber().min(0).nullable(),
  hdop: storableNumber().min(0).nullable(),
  batteryPercent: storableNumber().min(0).max(100).nullable(),
  valid: z.boolean().meta({ description: 'False when the tracker says the fix is not valid.' }),
  mock: z.boolean().meta({ description: 'The phone reports a mock (simulated) location.' }),
  alarm: z.enum(['sos']).nullable().meta({ description: 'The SOS button of Traccar Client.' }),
  attributes: z
    .record(z.string().max(ATTRIBUTE_LIMITS.keyLength), AttributeValue)
    .meta({ description: `Fields the protocol does not name, at most ${ATTRIBUTE_LIMITS.count}.` }),
});

export const BoatPosition = PositionReport.extend({
  boatId: z.string().min(1).max(60),
  receivedAt: z.iso.datetime(),
  departureId: z
    .string()
    .nullable()
    .meta({ description: 'The departure the boat was running at fixTime; null when on no trip.' }),
  flags: z.array(PositionFlag),
  stillSince: z.iso.datetime().nullable().optional().meta({
    description:
      'On a boat’s latest position only: since when it has been slower than the rules’ moving speed (null: moving).',
  }),
}).meta({ id: 'BoatPosition' });

export const IntakeResult = z
  .object({
    boatId: z.string(),
    duplicate: z.boolean().meta({ description: 'This boat had reported a position at this time already.' }),
    latest: z.boolean().meta({ description: 'The position is now the boat’s latest on the live map.' }),
    departureId: z.string().nullable(),
    flags: z.array(PositionFlag),
  })
  .meta({ id: 'TrackingIntakeResult' });

export type PositionSource = z.infer<typeof PositionSource>;
export type PositionReport = z.infer<typeof PositionReport>;
export type BoatPosition = z.infer<typeof BoatPosition>;
export type PositionFlag = z.infer<typeof PositionFlag>;
export type IntakeResult = z.infer<typeof IntakeResult>;
