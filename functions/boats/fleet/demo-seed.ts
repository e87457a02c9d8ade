/**
 * Loads the demo fleet (assets/seed/demo-fleet.json: invented companies and boats, labelled as demo data)
 * and generates its departures for the days ahead from the file's weekly schedules. Idempotent: a second
 * run writes nothing for days already seeded and never touches a departure's seat counters.
 */
import { readFile } from 'node:fs/promises';
import * as z from 'zod';
import { addDays, isoWeekday, localDateAt, localToUtc } from '../../platform/local-time.js';
import { PortId } from '../catalogue/model.js';
import { type Departure, Fares, newDeparture } from '../departures/model.js';
import type { DeparturesStore } from '../departures/store.js';
import { Boat, Operator, Slug } from './model.js';
import type { FleetStore } from './store.js';

export const DEMO_FLEET_SEED = new URL('../../../assets/seed/demo-fleet.json', import.meta.url);

const DemoSchedule = z.object({
  boatId: Slug,
  routeId: z.number().int().min(1).max(99),
  portId: PortId,
  localTimes: z.array(z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/)).min(1),
  weekdays: z.array(z.number().int().min(1).max(7)).min(1).optional(),
  fares: Fares,
});

/** The shape of assets/seed/demo-fleet.json; `demo: true` keeps it from passing for real data. */
export const DemoFleetSeed = z.object({
  demo: z.literal(true),
  note: z.string().min(1),
  daysAhead: z.number().int().min(1).max(366),
  operators: z.array(Operator),
  boats: z.array(Boat),
  schedules: z.array(DemoSchedule),
});

export type DemoFleetSeed = z.infer<typeof DemoFleetSeed>;

export async function readDemoFleetSeed(file: URL = DEMO_FLEET_SEED): Promise<DemoFleetSeed> {
  return DemoFleetSeed.parse(JSON.parse(await readFile(file, 'utf8')));
}

/**
 * The departures the schedules give from today (Hạ Long time) for `daysAhead` days: only times still
 * ahead, and only days the boat's safety certificate covers, as scheduling through the API would require.
 * With `tripsUnderWay` (npm start's demo), today's departures already left are added too, cleared by the port
 * authority and departed, so the fleet simulator has boats out on the bay at any hour of the day.
 */
export function demoDepartures(
  seed: DemoFleetSeed,
  now: Date,
  { tripsUnderWay = false }: { tripsUnderWay?: boolean } = {},
): Departure[] {
  const today = localDateAt(now);
  const createdAt = now.toISOString();
  const departures: Departure[] = [];
  for (const schedule of seed.schedules) {
    const boat = seed.boats.find((candidate) => candidate.id === schedule.boatId);
    const operator = seed.operators.find((candidate) => candidate.id === boat?.operatorId);
    if (!boat || !operator) throw new Error(`The demo schedule names an unknown boat: ${schedule.boatId}.`);
    const weekdays = new Set(schedule.weekdays ?? [1, 2, 3, 4, 5, 6, 7]);
    for (let day = 0; day < seed.daysAhead; day += 1) {
      const localDate = addDays(today, day);
      if (!weekdays.has(isoWeekday(localDate)) || localDate > boat.safetyCertificateExpiresOn) continue;
      for (const localTime of schedule.localTimes) {
        const departsAt = localToUtc(localDate, localTime);
        if (departsAt > createdAt) {
          departures.push(newDeparture({ ...schedule, boat, operator, localDate, localTime, createdAt }));
        } else if (tripsUnderWay && day === 0) {
          departures.push(
            departedDemoTrip(newDeparture({ ...schedule, boat, operator, localDate, localTime, createdAt })),
          );
        }
      }
    }
  }
  return departures;
}

/** DEMO DATA: a trip of today that has left, cleared at departure by a stand-in of the port authority's staff. */
function departedDemoTrip(departure: Departure): Departure {
  return {
    ...departure,
    clearance: {
      decision: 'cleared',
      reason: 'Demo data: cleared when the platform was seeded, so that the demo has trips under way.',
      at: departure.departsAt,
      by: { subject: 'demo-seed' },
      checks: [],
    },
    departedAt: departure.departsAt,
  };
}

export interface FleetSeedReport {
  fleetItems: number;
  departures: number;
}

/** Adds the companies, boats and departures that are missing; returns how many of each were written. */
export async function seedDemoFleet(
  stores: { fleet: FleetStore; departures: DeparturesStore },
  seed: DemoFleetSeed,
  now = new Date(),
  options: { tripsUnderWay?: boolean } = {},
): Promise<FleetSeedReport> {
  const fleetWrites = await Promise.all([
    ...seed.operators.map((operator) => stores.fleet.addOperatorIfAbsent(operator)),
    ...seed.boats.map((boat) => stores.fleet.addBoatIfAbsent(boat)),
  ]);
  const wanted = demoDepartures(seed, now, options);
  const existing = new Set(await stores.departures.existingDepartureIds(wanted.map(({ id }) => id)));
  const missing = wanted.filter(({ id }) => !existing.has(id));
  const outcome = await stores.departures.addDepartures(missing);
  // The seed runs before the server listens, so nothing else can have written these ids meanwhile.
  if (!outcome.added)
    throw new Error(`Demo departures appeared while seeding: ${outcome.conflictingIds[0]}.`);
  return { fleetItems: fleetWrites.filter(Boolean).length, departures: missing.length };
}
