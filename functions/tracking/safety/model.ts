/**
 * The safety rules as data the port authority edits (zones, limits, corridors, delays, who is told), and the
 * stored form of the alerts they raise. The seeded rules come from the bay's map features
 * (assets/map/halong-bay-features.geo.json); a manager's change applies to the next position reported.
 */
import * as z from 'zod';
import { storableNumber } from '../../platform/stored-number.js';

const Localized = z.object({ vi: z.string().trim().min(1).max(200), en: z.string().trim().min(1).max(200) });
const Longitude = storableNumber().min(-180).max(180);
const Latitude = storableNumber().min(-90).max(90);
const LonLat = z.tuple([Longitude, Latitude]).meta({ description: '[longitude, latitude], as GeoJSON.' });
const Ring = z
  .array(LonLat)
  .min(4)
  .max(2000)
  .refine((ring) => ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1], {
    message: 'a ring ends where it starts',
  });
const Polygon = z
  .array(Ring)
  .min(1)
  .max(20)
  .meta({ description: 'GeoJSON Polygon coordinates: outer ring, then holes.' });

export const SpeedZone = z.object({
  id: z.string().trim().min(1).max(60),
  name: Localized,
  limitKnots: storableNumber().min(1).max(60),
  polygon: Polygon,
});

export const RouteCorridor = z.object({
  routeId: z.number().int().min(1).max(99),
  widthMetres: storableNumber().min(50).max(20_000).meta({ description: 'How far either side of the line.' }),
  line: z.array(LonLat).min(2).max(2000),
});

export const AllowedStop = z.object({
  id: z.string().trim().min(1).max(60),
  name: Localized,
  routeId: z.number().int().min(1).max(99).nullable().meta({ description: 'Null: a stop of every route.' }),
  longitude: Longitude,
  latitude: Latitude,
  radiusMetres: storableNumber().min(20).max(5_000),
  maxStopMinutes: storableNumber()
    .min(1)
    .max(24 * 60),
});

export const PortArea = z.object({
  id: z.string().trim().min(1).max(60),
  name: Localized,
  longitude: Longitude,
  latitude: Latitude,
  radiusMetres: storableNumber().min(20).max(5_000),
});

export const DutyContact = z
  .object({
    name: z.string().trim().min(1).max(120),
    email: z.email().max(200).nullable(),
    phone: z
      .string()
      .regex(/^\+?[0-9 ]{8,20}$/, 'a phone number such as +84 203 384 6000')
      .nullable(),
  })
  .refine((contact) => contact.email !== null || contact.phone !== null, {
    message: 'an e-mail address or a phone number',
    path: ['email'],
  });

/** What a manager sends: every rule at once, with the version it was read at (optimistic concurrency). */
export const SafetyRulesInput = z
  .object({
    signalLostAfterSeconds: z.number().int().min(30).max(3600).meta({
      description:
        'A boat on a trip silent for longer than this raises signal-lost (the checks run every 15 s).',
    }),
    movingAboveKnots: storableNumber()
      .min(0.5)
      .max(10)
      .meta({ description: 'Faster than this, a boat is under way.' }),
    stoppedAfterMinutes: storableNumber().min(1).max(240).meta({
      description: 'How long a boat on a trip may stay still outside a port or an allowed stop.',
    }),
    defaultSpeedLimitKnots: storableNumber().min(1).max(60),
    permittedZone: z.object({ name: Localized, polygon: Polygon }),
    speedZones: z.array(SpeedZone).max(100),
    corridors: z.array(RouteCorridor).max(99),
    stops: z.array(AllowedStop).max(300),
    ports: z.array(PortArea).max(50),
    dutyContacts: z.array(DutyContact).max(20).meta({
      description: 'The authority’s duty officers: every alert goes to each by SMS and e-mail.',
    }),
  })
  .meta({ id: 'SafetyRulesInput' });

export const SafetyRules = SafetyRulesInput.extend({
  version: z.number().int().min(0).meta({ description: '0 for rules never saved (the defaults).' }),
  updatedAt: z.iso.datetime(),
  updatedBy: z.string().max(200).meta({ description: 'Who changed them last; "seed" for the seeded rules.' }),
}).meta({ id: 'SafetyRules' });

export type SafetyRulesInput = z.infer<typeof SafetyRulesInput>;
export type SafetyRules = z.infer<typeof SafetyRules>;
export type SpeedZone = z.infer<typeof SpeedZone>;
export type RouteCorridor = z.infer<typeof RouteCorridor>;
export type AllowedStop = z.infer<typeof AllowedStop>;
export type PortArea = z.infer<typeof PortArea>;
export type DutyContact = z.infer<typeof DutyContact>;

/** What the form posts: the version read and the page's language, then the edited values under their paths. */
export const SafetyRulesForm = z
  .object({
    version: z.string().max(12).default('').meta({ description: 'The version the page showed.' }),
    language: z.enum(['vi', 'en']).default('vi'),
    signalLostAfterSeconds: z.string().max(20).optional(),
    movingAboveKnots: z.string().max(20).optional(),
    stoppedAfterMinutes: z.string().max(20).optional(),
    defaultSpeedLimitKnots: z.string().max(20).optional(),
  })
  .catchall(z.string().max(300))
  .meta({
    id: 'SafetyRulesForm',
    description:
      'Besides the fields named: `speedZones.{i}.limitKnots`, `corridors.{i}.widthMetres`, ' +
      '`stops.{i}.maxStopMinutes`, `stops.{i}.radiusMetres`, `ports.{i}.radiusMetres` (i: the index in the rules ' +
      'read; a field not sent keeps its value), and the duty contacts as rows `dutyContacts.{n}.name`, `.email`, ' +
      '`.phone`, `.remove` (a row removed or left blank is dropped; without any row the contacts stay as they are).',
  });

export type SafetyRulesForm = z.infer<typeof SafetyRulesForm>;
