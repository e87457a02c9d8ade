/**
 * Which boats the simulator sails and what each is doing now: a boat with a tracker, its trip when it has one
 * (from boarding to its late return, the window the platform files positions under) and otherwise the port it
 * keeps to. Read from the boats' reads of the table (`baySituationFor`), so the simulator follows the departures
 * actually scheduled — seeded, or added on the operators' pages — and never a list of its own.
 */
import type { BaySituation, DeparturesOfDay } from '../../boats/reads.js';
import { addDays, localDateAt } from '../../platform/local-time.js';
import { createReadCache } from '../../platform/read-cache.js';

export interface SimulatedTrip {
  departureId: string;
  routeId: number;
  /** The port the departure leaves from: which of a route's lines the boat sails. */
  portId: string | null;
  departsAt: string;
  /** The route's typical duration: the stops' pauses are spread so the boat is back about then. */
  scheduledHours: number;
}

export interface SimulatedBoat {
  boatId: string;
  name: string;
  trackerId: string;
  certifiedCapacity: number;
  /**
   * Where the boat lies between trips: the port of its latest departure, else of its next (tomorrow's, late in
   * the day); null for a boat with neither, which the simulator leaves silent, as a boat laid up is.
   */
  homePortId: string | null;
  trip: SimulatedTrip | null;
}

/** The fleet as the simulator sails it at an instant. */
export type FleetSource = (now: Date) => Promise<SimulatedBoat[]>;

/** Boarding starts this long before departure; a late return is allowed this long: the platform's trip window. */
const BOARDING_MINUTES = 30;
const LATE_RETURN_HOURS = 1;
const DEFAULT_TRIP_HOURS = 4;
const MINUTE_MS = 60_000;
const HOUR_MS = 3_600_000;

/**
 * The boats with a tracker and, for each, the open departure whose window holds `now` (the one that left last
 * when two do). A suspended or cancelled departure is no trip: under a weather ban the boat stays in port.
 * `tomorrow` (the next day's departures) gives a port to a boat with none left today.
 */
export function fleetOfSituation(
  situation: BaySituation,
  now: Date,
  tomorrow: BaySituation['departures'] = [],
): SimulatedBoat[] {
  const time = now.getTime();
  const boats: SimulatedBoat[] = [];
  for (const boat of situation.boats) {
    if (!boat.trackerId) continue;
    const departures = situation.departures.filter(
      (departure) => departure.boatId === boat.id && departure.status !== 'cancelled',
    );
    let trip: SimulatedTrip | null = null;
    for (const departure of departures) {
      if (departure.status !== 'open') continue;
      const departs = Date.parse(departure.departsAt);
      const hours = situation.routeHours.get(departure.routeId) ?? DEFAULT_TRIP_HOURS;
      const from = departs - BOARDING_MINUTES * MINUTE_MS;
      const until = departs + (hours + LATE_RETURN_HOURS) * HOUR_MS;
      if (time < from || time > until || (trip && trip.departsAt >= departure.departsAt)) continue;
      trip = {
        departureId: departure.id,
        routeId: departure.routeId,
        portId: departure.portId,
        departsAt: departure.departsAt,
        scheduledHours: hours,
      };
    }
    const started = departures.filter((departure) => Date.parse(departure.departsAt) <= time);
    const next =
      departures.find((departure) => Date.parse(departure.departsAt) > time) ??
      tomorrow.find((departure) => departure.boatId === boat.id && departure.status !== 'cancelled');
    boats.push({
      boatId: boat.id,
      name: boat.name,
      trackerId: boat.trackerId,
      certifiedCapacity: boat.certifiedCapacity,
      homePortId: (started[started.length - 1] ?? next)?.portId ?? null,
      trip,
    });
  }
  return boats;
}

const TOMORROW_KEPT = { ttlMilliseconds: 60_000, maxEntries: 2 } as const;

/**
 * The fleet read through the boats' reads (the situation kept a few seconds there, tomorrow's departures a
 * minute here), for the simulator inside `npm start`.
 */
export function fleetFromTable(
  situation: (instant: Date) => Promise<BaySituation>,
  departuresOn: DeparturesOfDay,
): FleetSource {
  const kept = createReadCache(TOMORROW_KEPT);
  return async (now) => {
    const tomorrow = addDays(localDateAt(now), 1);
    const [bay, next] = await Promise.all([
      situation(now),
      kept.read('departures', tomorrow, () => departuresOn(tomorrow)),
    ]);
    return fleetOfSituation(bay, now, next);
  };
}
