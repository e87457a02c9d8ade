/**
 * The museum's content as the API, the store and the pages see it: rooms by floor, exhibits with their
 * bilingual texts and 3D representation, curated tours, and the visiting information curators edit.
 * The same schemas validate the seed file, curators' edits and the OpenAPI document.
 */
import * as z from 'zod';
import { storableNumber } from '../platform/stored-number.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

export const Bilingual = z
  .object({ vi: Text(600), en: Text(600) })
  .meta({ id: 'MuseumText', description: 'The same text in Vietnamese and English.' });

const Paragraphs = z.array(Text(2000)).min(1).max(8);

export const Slug = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case slug such as whale-skeleton')
  .max(80);

/** Floors of the building: 0 the lobby, 1–3 the galleries, −1 the outdoor exhibits. */
export const Floor = z.union([z.literal(-1), z.literal(0), z.literal(1), z.literal(2), z.literal(3)]);

export const Room = z
  .object({
    id: Slug,
    floor: Floor,
    order: z.number().int().min(1).max(999).meta({ description: 'Position in visiting order.' }),
    name: Bilingual,
    summary: Bilingual,
  })
  .meta({ id: 'MuseumRoom' });

export const modelKinds = [
  'whale-skeleton',
  'boat-model',
  'stake-field',
  'jar',
  'vase',
  'bowl',
  'box',
  'stone-block',
  'rock-specimen',
  'mineral-case',
  'coral',
  'shell-case',
  'fish-case',
  'plant-case',
  'animal-model',
  'stone-tool',
  'bronze-drum',
  'pagoda-model',
  'statue',
  'stele',
  'costume',
  'textile',
  'tool',
  'weapon',
  'cannon',
  'anti-aircraft-gun',
  'missile-launcher',
  'mine-cart',
  'mine-lamp',
  'helmet',
  'diorama',
  'map-table',
  'photo-panel',
  'boat',
  'drum',
  'instrument',
] as const;

export const ExhibitModel = z
  .object({
    kind: z.enum(modelKinds).meta({ description: 'Which procedural 3D model represents the object.' }),
    size: z.object({
      width: storableNumber().positive().max(40),
      height: storableNumber().positive().max(20),
      depth: storableNumber().positive().max(20),
    }),
  })
  .meta({ id: 'ExhibitModel', description: 'The 3D representation: a model kind and its size in metres.' });

/**
 * An exhibit's content as a curator writes it (PUT) — and, with its id, as it is stored and read. The
 * rule across fields is on this schema, so the exhibit's read schema, derived from it, cannot be stricter
 * than what a write accepts.
 */
export const ExhibitFields = z
  .object({
    roomId: Slug,
    title: Bilingual,
    period: Bilingual,
    material: Bilingual,
    origin: Bilingual,
    description: z.object({ vi: Paragraphs, en: Paragraphs }),
    highlight: z.boolean(),
    nationalTreasure: z.boolean(),
    model: ExhibitModel,
    demo: z
      .boolean()
      .meta({ description: 'True when some details are written for the demo (see demoNote).' }),
    demoNote: Bilingual.optional(),
  })
  .refine((exhibit) => !exhibit.demo || exhibit.demoNote !== undefined, {
    message: 'an exhibit with demo details says which in demoNote',
    path: ['demoNote'],
  });

/** zod keeps the refinement of `ExhibitFields` on the extended schema. */
export const Exhibit = ExhibitFields.extend({ id: Slug }).meta({ id: 'Exhibit' });

export const TourStop = z.object({ exhibitId: Slug, narration: Bilingual });

/** A tour as a curator writes it (PUT, the id in the path); stored and read with its id. */
export const TourFields = z.object({
  title: Bilingual,
  summary: Bilingual,
  minutes: z.number().int().min(1).max(240),
  stops: z.array(TourStop).min(2).max(40),
});

export const Tour = TourFields.extend({ id: Slug }).meta({ id: 'Tour' });

export const Visiting = z
  .object({
    openingHours: z
      .array(z.object({ days: Bilingual, hours: Bilingual }))
      .min(1)
      .max(7),
    closed: Bilingual,
    tickets: z
      .array(z.object({ id: Slug, label: Bilingual, priceVnd: z.number().int().min(0).max(10_000_000) }))
      .min(1)
      .max(12),
    note: Bilingual,
  })
  .meta({ id: 'MuseumVisiting', description: 'Opening hours and ticket prices, edited by curators.' });

/** The shape of assets/seed/museum.json. */
export const MuseumSeed = z.object({
  demo: z.literal(true),
  note: z.string().min(1),
  visiting: Visiting,
  rooms: z.array(Room).min(1),
  exhibits: z.array(Exhibit).min(1),
  tours: z.array(Tour),
});

export type Bilingual = z.infer<typeof Bilingual>;
export type Room = z.infer<typeof Room>;
export type Exhibit = z.infer<typeof Exhibit>;
export type ExhibitFields = z.infer<typeof ExhibitFields>;
export type Tour = z.infer<typeof Tour>;
export type TourFields = z.infer<typeof TourFields>;
export type Visiting = z.infer<typeof Visiting>;
export type MuseumSeed = z.infer<typeof MuseumSeed>;
