/**
 * Where a simulated boat is at an instant, and the report its tracker makes of it: on a trip, the point of its
 * voyage the time since departure gives; between trips, its port; then a GPS fix's noise on top. Shared by the
 * fleet simulator and the benchmarks' synthetic trackers (synthetic.ts).
 */
import { seededUniform } from '../../platform/seeded-random.js';
import { type LonLat, metresBetween } from '../../tracking/safety/geometry.js';
import { routeLineFor, type SimulatorBay, stopsOf } from './bay.js';
import type { SimulatedBoat } from './fleet.js';
import type { TrackerReport } from './osmand-client.js';
import {
  between,
  courseBetween,
  KNOTS_TO_METRES_PER_SECOND,
  knotsAt,
  planVoyage,
  positionOnVoyage,
  type Voyage,
  type VoyagePoint,
} from './voyage.js';

/** A boat's own steady speed out of the speed zones: 8 to 12 knots, the day cruisers' range. */
export const CRUISE_KNOTS = { slowest: 8, fastest: 12 } as const;
/** How fast a boat that was taken off its schedule (a scenario) heads back to where the schedule has it. */
export const REJOIN_KNOTS = 15;
/** One standard deviation of a phone's GPS fix on open water, metres. */
export const GPS_NOISE_METRES = 3;

const METRES_PER_DEGREE_LATITUDE = 111_320;

/** A 32-bit number from a text (FNV-1a), so each boat's speed and battery come out the same on every run. */
export function seedOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

export function cruiseKnotsOf(boatId: string): number {
  const uniform = seededUniform(seedOf(`cruise:${boatId}`))();
  return CRUISE_KNOTS.slowest + (CRUISE_KNOTS.fastest - CRUISE_KNOTS.slowest) * uniform;
}

/** The point `east` and `north` metres from `from`. */
export function offsetMetres(from: LonLat, east: number, north: number): LonLat {
  const metresPerDegreeLongitude = METRES_PER_DEGREE_LATITUDE * Math.cos((from[1] * Math.PI) / 180);
  return [from[0] + east / metresPerDegreeLongitude, from[1] + north / METRES_PER_DEGREE_LATITUDE];
}

/** The point `metres` from `from` on `courseDegrees`. */
export function offsetBy(from: LonLat, courseDegrees: number, metres: number): LonLat {
  const radians = (courseDegrees * Math.PI) / 180;
  return offsetMetres(from, Math.sin(radians) * metres, Math.cos(radians) * metres);
}

/** Voyages planned once per departure: the plan depends on nothing that changes during a trip. */
export function createVoyagePlanner(bay: SimulatorBay) {
  const voyages = new Map<string, Voyage | null>();
  return (boat: SimulatedBoat): Voyage | null => {
    const trip = boat.trip;
    if (!trip) return null;
    const key = `${trip.departureId}\u0000${boat.boatId}`;
    if (!voyages.has(key)) {
      const route = routeLineFor(bay, trip.routeId, trip.portId);
      voyages.set(
        key,
        route
          ? planVoyage({
              line: route.line,
              stops: stopsOf(bay, trip.routeId),
              speedZones: bay.speedZones,
              cruiseKnots: cruiseKnotsOf(boat.boatId),
              scheduledSeconds: trip.scheduledHours * 3600,
            })
          : null,
      );
      // A day's departures at most: forget the oldest plans rather than keep every trip ever sailed.
      if (voyages.size > 500) voyages.delete(voyages.keys().next().value as string);
    }
    return voyages.get(key) ?? null;
  };
}

/**
 * Where the boat is by its schedule: on its voyage when on a trip, else at rest in its home port; null for a boat
 * with no port to keep to (no departure in the days read).
 */
export function scheduledPoint(
  boat: SimulatedBoat,
  voyage: Voyage | null,
  bay: SimulatorBay,
  now: Date,
): VoyagePoint | null {
  if (boat.trip && voyage) {
    return positionOnVoyage(voyage, (now.getTime() - Date.parse(boat.trip.departsAt)) / 1000);
  }
  const port = boat.homePortId ? bay.ports.get(boat.homePortId) : undefined;
  return port ? { at: port, speedKnots: 0, courseDegrees: 0, phase: 'in-port' } : null;
}

/** A boat off its schedule heading back to it: where it was told to start from and when. */
export interface Rejoin {
  from: LonLat;
  at: Date;
}

/**
 * The step back towards the schedule: `REJOIN_KNOTS` (slower in the speed zones) from where the boat was, until it
 * is within a step of its scheduled point — then null, and the schedule leads again.
 */
export function rejoinStep(
  rejoin: Rejoin,
  scheduled: VoyagePoint,
  bay: SimulatorBay,
  now: Date,
): { point: VoyagePoint; rejoin: Rejoin | null } {
  const seconds = Math.max(0, (now.getTime() - rejoin.at.getTime()) / 1000);
  const knots = knotsAt(rejoin.from, bay.speedZones, REJOIN_KNOTS);
  const step = knots * KNOTS_TO_METRES_PER_SECOND * seconds;
  const distance = metresBetween(rejoin.from, scheduled.at);
  if (distance <= step) return { point: scheduled, rejoin: null };
  const at = between(rejoin.from, scheduled.at, step / distance);
  return {
    point: {
      at,
      speedKnots: knots,
      courseDegrees: courseBetween(rejoin.from, scheduled.at),
      phase: 'under-way',
    },
    rejoin: { from: at, at: now },
  };
}

/** The tracker's report of a point: a GPS fix's noise on the position, speed and course, as a phone's are. */
export function trackerReportOf(
  trackerId: string,
  point: VoyagePoint,
  at: Date,
  normal: () => number,
  batteryPercent: number,
): TrackerReport {
  const noisy = offsetMetres(point.at, normal() * GPS_NOISE_METRES, normal() * GPS_NOISE_METRES);
  const moving = point.speedKnots > 0;
  return {
    trackerId,
    at,
    latitude: noisy[1],
    longitude: noisy[0],
    speedKnots: moving ? Math.max(0, point.speedKnots + normal() * 0.2) : 0,
    courseDegrees: (((point.courseDegrees + (moving ? normal() * 1.5 : 0)) % 360) + 360) % 360,
    altitudeMetres: 1.5 + normal() * 0.5,
    accuracyMetres: 3 + Math.abs(normal()) * 2,
    batteryPercent,
  };
}

/** A phone's battery through the day: each boat starts from its own level and loses 3 % an hour. */
export function batteryOf(boatId: string, at: Date): number {
  const start = 70 + 30 * seededUniform(seedOf(`battery:${boatId}`))();
  const hoursIntoDay = (((at.getTime() / 3_600_000 + 7) % 24) + 24) % 24;
  return Math.max(15, Math.round((start - 3 * hoursIntoDay) * 10) / 10);
}
