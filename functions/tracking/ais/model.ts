/**
 * AIS as the store and the API see it: the static data a boat's transponder broadcasts (kept per MMSI, the latest
 * of each field), and the counts a shore receiver's batch of sentences is answered with.
 */
import * as z from 'zod';
import { storableNumber } from '../../platform/stored-number.js';

/** The most sentences one request may carry (a shore receiver forwards a few seconds' worth at a time). */
export const MAX_SENTENCES_PER_REQUEST = 2_000;

/** How a boat's AIS position is told apart from a GPS tracker's: `mmsi:` and the 9-digit MMSI. */
export const aisTrackerId = (mmsi: string) => `mmsi:${mmsi}`;

export const Mmsi = z.string().regex(/^\d{9}$/, 'a 9-digit MMSI');

/** Metres from the AIS antenna to each side of the hull: the transponder's own reference point. */
export const AisDimensions = z.object({
  toBowMetres: z.number().int().min(0),
  toSternMetres: z.number().int().min(0),
  toPortMetres: z.number().int().min(0),
  toStarboardMetres: z.number().int().min(0),
});

/** The ETA a class A transponder sends: UTC, with no year (AIS has none); the hour and minute may be unknown. */
export const AisEta = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  hour: z.number().int().min(0).max(23).nullable(),
  minute: z.number().int().min(0).max(59).nullable(),
});

/**
 * The latest static data an MMSI of our fleet broadcast: type 5 (class A) sends it all, type 24 part A the name
 * and part B the call sign, ship type and dimensions; each message replaces only the fields it carries. Null is
 * what AIS calls "not available" or a field no message has carried yet.
 */
export const AisStaticData = z
  .object({
    mmsi: Mmsi,
    boatId: z.string().min(1).max(60),
    name: z.string().max(20).nullable(),
    callSign: z.string().max(7).nullable(),
    imo: z
      .number()
      .int()
      .min(1)
      .max(2 ** 30 - 1)
      .nullable(),
    shipType: z
      .number()
      .int()
      .min(1)
      .max(255)
      .nullable()
      .meta({ description: 'ITU-R M.1371 ship and cargo type: 60–69 passenger ships, 37 pleasure craft.' }),
    dimensions: AisDimensions.nullable(),
    draughtMetres: storableNumber().min(0).nullable(),
    destination: z.string().max(20).nullable(),
    eta: AisEta.nullable(),
    reportedAt: z.iso.datetime().meta({ description: 'When the newest static message merged was received.' }),
  })
  .meta({ id: 'AisStaticData' });

export const AisIntakeCounts = z
  .object({
    accepted: z.number().int().meta({ description: 'Positions of our boats stored (new in the history).' }),
    duplicates: z
      .number()
      .int()
      .meta({ description: 'Positions of our boats stored already (same fix time).' }),
    unknownMmsi: z.number().int().meta({
      description: 'Messages of an MMSI that is no boat of ours: a shore receiver hears every ship.',
    }),
    badChecksum: z.number().int().meta({ description: 'Sentences (or tag blocks) whose checksum is wrong.' }),
    malformed: z.number().int().meta({
      description: 'Lines that are no AIS sentence, and messages too short or with impossible values.',
    }),
    incomplete: z
      .number()
      .int()
      .meta({ description: 'Multi-part messages missing a part in this request: never stored.' }),
    notAvailable: z.number().int().meta({
      description: 'Position reports of our boats without a position (latitude 91, longitude 181).',
    }),
    staticReports: z
      .number()
      .int()
      .meta({ description: 'Static data messages (types 5, 24) of our boats kept.' }),
    otherTypes: z
      .number()
      .int()
      .meta({ description: 'Messages of other types (base stations, safety texts…): read, not used.' }),
  })
  .meta({ id: 'AisIntakeResult' });

export type AisDimensions = z.infer<typeof AisDimensions>;
export type AisEta = z.infer<typeof AisEta>;
export type AisStaticData = z.infer<typeof AisStaticData>;
export type AisIntakeCounts = z.infer<typeof AisIntakeCounts>;
