/**
 * Departures as the API and the store see them: the passenger categories and their boat fares, scheduled
 * departures with their seat counters, the scheduling request and the search answer; and the rules that
 * make a departure (its id, its first stored state, its seats left).
 */
import * as z from 'zod';
import { localToUtc } from '../../platform/local-time.js';
import { totalIsSumOfParts } from '../../platform/totals.js';
import { PortId } from '../catalogue/model.js';
import { type Boat, type Operator, Slug } from '../fleet/model.js';

/** Who pays what on a boat trip; the sightseeing-fee discount of each is mapped in pricing.ts. */
export const passengerCategories = [
  'adult',
  'child-7-to-12',
  'child-under-7',
  'vietnamese-senior-60',
  'severe-disability',
] as const;
export type PassengerCategory = (typeof passengerCategories)[number];

const Vnd = z.number().int().min(0).max(100_000_000);

/** One integer VND amount for each passenger category, all required. */
const amountPerCategory = () =>
  z.object({
    adult: Vnd,
    'child-7-to-12': Vnd,
    'child-under-7': Vnd.meta({ description: 'Also children under 1.2 m tall.' }),
    'vietnamese-senior-60': Vnd,
    'severe-disability': Vnd,
  });

export const Fares = amountPerCategory().meta({
  id: 'Fares',
  description: 'Boat fare per passenger category, integer VND; every category is required.',
});

/** `suspended`: stopped by a weather ban (pier/bans.ts) until the ban is lifted; nothing is sold meanwhile. */
export const DepartureStatus = z.enum(['open', 'cancelled', 'suspended']);

/** A staff member as a record names them: the token's subject and, where the token has one, the e-mail. */
export const StaffRef = z
  .object({ subject: z.string().min(1).max(200), email: z.string().max(254).optional() })
  .meta({ id: 'StaffRef' });

const PersonName = z
  .string()
  .trim()
  .min(2)
  .max(100)
  .regex(/^[\p{L}\p{M}' .-]+$/u, 'letters, spaces, apostrophes, dots and hyphens only');

/** Who sails the boat on this trip: the port authority checks that the crew is recorded before clearance. */
export const Crew = z
  .object({
    captain: z.object({
      fullName: PersonName,
      licenceNumber: z
        .string()
        .trim()
        .min(3)
        .max(30)
        .regex(/^[A-Za-z0-9/.-]+$/, 'letters, digits, / . -'),
    }),
    members: z
      .array(
        z.object({
          fullName: PersonName,
          role: z.enum(['engineer', 'deckhand', 'safety-officer', 'tour-guide', 'other']),
        }),
      )
      .max(30),
    recordedAt: z.iso.datetime(),
    recordedBy: StaffRef,
  })
  .meta({ id: 'Crew' });

/** Why a departure is suspended: the ban, its reason and until when. */
export const Suspension = z
  .object({ banId: z.string().min(1).max(80), reason: z.string().min(1).max(300), until: z.iso.datetime() })
  .meta({ id: 'Suspension' });

/** One of the checks the port authority's clearance computes (pier/clearance.ts). */
export const ClearanceCheck = z
  .object({
    id: z.enum(['certificate', 'manifest-complete', 'capacity', 'no-weather-ban', 'crew-recorded']),
    passed: z.boolean(),
    detail: z.string().max(300),
  })
  .meta({ id: 'ClearanceCheck' });

/** The port authority's decision on a departure: who, when, why, and the checks as they stood. */
export const Clearance = z
  .object({
    decision: z.enum(['cleared', 'refused']),
    reason: z.string().min(1).max(500),
    at: z.iso.datetime(),
    by: StaffRef,
    checks: z.array(ClearanceCheck),
  })
  .meta({ id: 'Clearance' });

export const Departure = z
  .object({
    id: z.string().meta({ example: 'dep-20261124-0800-ha-long-pearl' }),
    routeId: z.number().int().min(1).max(99),
    portId: PortId,
    operatorId: Slug,
    operatorName: z.string(),
    boatId: Slug,
    boatName: z.string(),
    departsAt: z.iso.datetime().meta({ description: 'UTC instant of departure.' }),
    localDate: z.iso.date().meta({ description: 'Departure date in Asia/Ho_Chi_Minh.' }),
    capacity: z
      .number()
      .int()
      .min(1)
      .max(300)
      .meta({ description: "The boat's certified capacity when scheduled." }),
    held: z.number().int().min(0).meta({ description: 'Seats held by bookings awaiting payment.' }),
    sold: z.number().int().min(0).meta({ description: 'Seats of confirmed bookings.' }),
    seatsFree: z
      .number()
      .int()
      .min(0)
      .meta({
        description:
          'capacity − held − sold, kept in the item because a DynamoDB condition cannot add: every hold is ' +
          'conditional on seatsFree ≥ its seats.',
      }),
    status: DepartureStatus,
    fares: Fares,
    createdAt: z.iso.datetime(),
    aboard: z
      .number()
      .int()
      .min(0)
      .default(0)
      .meta({
        description:
          'People aboard: passengers checked in and walk-ups boarded. Moved in the same conditional ' +
          'transaction as the booking, so it never exceeds capacity.',
      }),
    walkUps: z
      .number()
      .int()
      .min(0)
      .default(0)
      .meta({ description: 'Seats sold at the pier counter (counted in sold).' }),
    /** Holds refused for want of seats, and the seats they asked for (the managers' dashboard counts them). */
    refusedRequests: z.number().int().min(0).default(0),
    refusedSeats: z.number().int().min(0).default(0),
    suspension: Suspension.optional(),
    crew: Crew.optional(),
    clearance: Clearance.optional(),
    departedAt: z.iso.datetime().optional(),
    departedBy: StaffRef.optional(),
  })
  .check(
    totalIsSumOfParts((departure) => ({
      total: departure.capacity,
      parts: [departure.held, departure.sold, departure.seatsFree],
      totalPath: ['capacity'],
      partsPaths: [['held'], ['sold'], ['seatsFree']],
    })),
  )
  .refine((departure) => departure.aboard <= departure.capacity, {
    message: 'no more people aboard than the certified capacity',
    path: ['aboard'],
  })
  .refine((departure) => departure.walkUps <= departure.sold, {
    message: 'walk-ups are part of the seats sold',
    path: ['walkUps'],
  })
  .refine((departure) => departure.departedAt === undefined || departure.clearance?.decision === 'cleared', {
    message: 'a departure leaves only once cleared',
    path: ['departedAt'],
  })
  .meta({ id: 'Departure' });

const LocalDate = z.iso.date();

export const ScheduledDates = z
  .union([
    LocalDate,
    z
      .object({
        from: LocalDate,
        to: LocalDate,
        weekdays: z
          .array(z.number().int().min(1).max(7))
          .min(1)
          .max(7)
          .optional()
          .meta({ description: 'ISO weekdays, 1 = Monday … 7 = Sunday; every day when absent.' }),
      })
      .refine((range) => range.from <= range.to, { message: 'from must not be after to', path: ['to'] }),
  ])
  .meta({ id: 'ScheduledDates', description: 'One local date, or a range of local dates (inclusive).' });

export const ScheduleRequest = z
  .object({
    routeId: z.number().int().min(1).max(99),
    portId: PortId,
    boatId: Slug,
    localTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a local time such as 08:00'),
    dates: ScheduledDates,
    fares: Fares,
  })
  .meta({
    id: 'ScheduleRequest',
    description: 'Departures of one boat at one local time (Asia/Ho_Chi_Minh).',
  });

export const ScheduleResult = z
  .object({ created: z.number().int(), departures: z.array(Departure) })
  .meta({ id: 'ScheduleResult' });

export const DepartureSearchQuery = z.object({
  date: LocalDate.meta({ param: { name: 'date', in: 'query' }, example: '2026-11-24' }),
  route: z.coerce
    .number()
    .int()
    .min(1)
    .max(99)
    .optional()
    .meta({ param: { name: 'route', in: 'query' }, description: 'Route number' }),
  port: PortId.optional().meta({ param: { name: 'port', in: 'query' }, example: 'tuan-chau' }),
  passengers: z.coerce
    .number()
    .int()
    .min(1)
    .max(60)
    .default(1)
    .meta({ param: { name: 'passengers', in: 'query' }, description: 'Seats needed (1–60)' }),
});

/** A company's departures of one local day, of all its boats or of one: what its staff work from. */
export const CompanyDayQuery = z.object({
  companyId: Slug,
  date: LocalDate,
  boatId: Slug.optional(),
});

const Prices = amountPerCategory().meta({
  id: 'Prices',
  description: 'Price per passenger: sightseeing fee after discount plus boat fare, VND.',
});

export const DepartureOffer = z
  .object({
    id: z.string(),
    routeId: z.number().int(),
    portId: PortId,
    departsAt: z.iso.datetime(),
    operator: z.object({ id: Slug, name: z.string() }),
    boat: z.object({ id: Slug, name: z.string(), capacity: z.number().int() }),
    seatsLeft: z.number().int(),
    prices: Prices,
    sightseeingFeeIncluded: z.boolean().meta({
      description: "False when the route's sightseeing fee is not published: prices are boat fares only.",
    }),
  })
  .meta({ id: 'DepartureOffer' });

export const DepartureSearchResult = z
  .object({ departures: z.array(DepartureOffer) })
  .meta({ id: 'DepartureSearchResult' });

export type Fares = z.infer<typeof Fares>;
export type Prices = z.infer<typeof Prices>;
export type Departure = z.infer<typeof Departure>;
export type StaffRef = z.infer<typeof StaffRef>;
export type Crew = z.infer<typeof Crew>;
export type Clearance = z.infer<typeof Clearance>;
export type ClearanceCheck = z.infer<typeof ClearanceCheck>;
export type Suspension = z.infer<typeof Suspension>;
export type ScheduledDates = z.infer<typeof ScheduledDates>;
export type ScheduleRequest = z.infer<typeof ScheduleRequest>;
export type DepartureSearchQuery = z.infer<typeof DepartureSearchQuery>;
export type CompanyDayQuery = z.infer<typeof CompanyDayQuery>;
export type DepartureOffer = z.infer<typeof DepartureOffer>;

/** e.g. `dep-20261124-0800-ha-long-pearl` for the 08:00 departure of that boat on 24 November 2026. */
export function departureIdFor(boatId: string, localDate: string, localTime: string): string {
  return `dep-${localDate.replaceAll('-', '')}-${localTime.replace(':', '')}-${boatId}`;
}

export interface NewDeparture {
  boat: Boat;
  operator: Operator;
  routeId: number;
  portId: string;
  localDate: string;
  localTime: string;
  fares: Fares;
  createdAt: string;
}

/**
 * A departure as first stored: open, nothing held or sold, the boat's certified capacity copied in (the
 * later seat holds check against this copy in the same item), and the company's and boat's names copied
 * too, so that a day's search needs no other read.
 */
export function newDeparture(details: NewDeparture): Departure {
  const { boat, operator, localDate, localTime } = details;
  return {
    id: departureIdFor(boat.id, localDate, localTime),
    routeId: details.routeId,
    portId: details.portId,
    operatorId: operator.id,
    operatorName: operator.name,
    boatId: boat.id,
    boatName: boat.name,
    departsAt: localToUtc(localDate, localTime),
    localDate,
    capacity: boat.certifiedCapacity,
    held: 0,
    sold: 0,
    seatsFree: boat.certifiedCapacity,
    status: 'open',
    fares: details.fares,
    createdAt: details.createdAt,
    aboard: 0,
    walkUps: 0,
    refusedRequests: 0,
    refusedSeats: 0,
  };
}

export function seatsLeft(departure: Pick<Departure, 'seatsFree'>): number {
  return departure.seatsFree;
}
