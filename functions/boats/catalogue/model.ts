/**
 * The boats catalogue's contract: zod schemas for the sightseeing routes, ports and fee rules of Hạ Long Bay.
 * The same schemas validate the seed file, the API requests and the OpenAPI document.
 */
import * as z from 'zod';
import { storableNumber } from '../../platform/stored-number.js';
import { totalIsSumOfParts } from '../../platform/totals.js';

export const LocalizedText = z
  .object({
    vi: z.string().trim().min(1).max(500),
    en: z.string().trim().min(1).max(500),
  })
  .meta({ id: 'LocalizedText', description: 'The same text in Vietnamese and English.' });

export const Coordinates = z
  .object({
    lat: storableNumber().min(-90).max(90),
    lon: storableNumber().min(-180).max(180),
  })
  .meta({ id: 'Coordinates', description: 'WGS 84 position in decimal degrees (approximate, 1–3 km).' });

export const PortId = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'a lower-case slug such as tuan-chau')
  .max(60);

export const Port = z
  .object({
    id: PortId,
    name: LocalizedText,
    position: Coordinates,
    notes: LocalizedText,
  })
  .meta({ id: 'Port' });

export const RouteStop = z
  .object({
    name: LocalizedText,
    position: Coordinates.nullable().meta({ description: 'Null where no position is published yet.' }),
  })
  .meta({ id: 'RouteStop' });

export const FeeComponent = z
  .object({
    kind: z.enum(['sightseeing', 'port']),
    amountVnd: z.number().int().min(0).max(100_000_000),
  })
  .meta({ id: 'FeeComponent' });

export const SightseeingFee = z
  .object({
    amountVnd: z
      .number()
      .int()
      .min(0)
      .max(100_000_000)
      .nullable()
      .meta({ description: 'Total per person in VND (no minor unit); null when not yet published.' }),
    unit: z.enum(['per-person', 'per-person-per-day']),
    components: z.array(FeeComponent).max(5),
    chargedSince: z.iso.date().nullable(),
  })
  .check(
    totalIsSumOfParts((fee) => ({
      total: fee.amountVnd,
      parts: fee.components.map((component) => component.amountVnd),
      breakdownOptional: true,
      totalPath: ['amountVnd'],
      partsPaths: [['components']],
    })),
  )
  .meta({
    id: 'SightseeingFee',
    description:
      'When components are listed, amountVnd is their sum (a request where it is not answers 422); a fee may ' +
      'be published without its components.',
  });

export const TypicalDuration = z
  .object({
    minHours: storableNumber().positive().max(48).nullable(),
    maxHours: storableNumber().positive().max(48).nullable(),
    label: LocalizedText,
  })
  .refine((d) => d.minHours === null || d.maxHours === null || d.minHours <= d.maxHours, {
    message: 'minHours must not exceed maxHours',
    path: ['minHours'],
  })
  .meta({ id: 'TypicalDuration' });

export const RouteNumber = z.coerce.number().int().min(1).max(99);

/** A route as an editor submits it; the route number comes from the path. */
export const RouteDetails = z
  .object({
    name: LocalizedText,
    summary: LocalizedText,
    stops: z.array(RouteStop).min(1).max(30),
    departurePortId: PortId.nullable(),
    typicalDuration: TypicalDuration,
    sightseeingFee: SightseeingFee,
  })
  .meta({ id: 'RouteDetails' });

export const Route = RouteDetails.extend({
  id: z.number().int().min(1).max(99).meta({ description: 'Official route number of the bay board.' }),
  updatedAt: z.iso.datetime(),
}).meta({ id: 'Route' });

export const FeeDiscount = z
  .object({
    id: z
      .string()
      .regex(/^[a-z0-9-]+$/)
      .max(60),
    percentOff: z.number().int().min(1).max(100),
    appliesTo: LocalizedText,
  })
  .meta({ id: 'FeeDiscount' });

export const FeePolicy = z
  .object({
    discounts: z.array(FeeDiscount).max(20),
    proof: LocalizedText,
  })
  .meta({ id: 'FeePolicy', description: 'Who pays less than the full sightseeing fee, on every route.' });

export const RouteWithDiscounts = Route.extend({ discounts: z.array(FeeDiscount) }).meta({
  id: 'RouteWithDiscounts',
});

export const RouteList = z
  .object({ routes: z.array(RouteWithDiscounts), feePolicy: FeePolicy })
  .meta({ id: 'RouteList' });

export const PortList = z.object({ ports: z.array(Port) }).meta({ id: 'PortList' });

/** The shape of assets/seed/boats-catalogue.json. */
export const BoatsCatalogueSeed = z.object({
  source: z.string(),
  ports: z.array(Port),
  feePolicy: FeePolicy,
  routes: z.array(RouteDetails.extend({ id: z.number().int().min(1).max(99) })),
});

export type LocalizedText = z.infer<typeof LocalizedText>;
export type Port = z.infer<typeof Port>;
export type RouteDetails = z.infer<typeof RouteDetails>;
export type Route = z.infer<typeof Route>;
export type RouteWithDiscounts = z.infer<typeof RouteWithDiscounts>;
export type FeePolicy = z.infer<typeof FeePolicy>;
export type BoatsCatalogueSeed = z.infer<typeof BoatsCatalogueSeed>;
