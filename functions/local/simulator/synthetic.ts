/**
 * Synthetic trackers for the benchmarks (bench/): any number of boats sailing the bay's route lines with the fleet
 * simulator's motion — cruise speeds, slow zones, pauses at stops, GPS noise — without being boats of the fleet
 * or having departures. Each boat starts somewhere along its voyage and reports at its own moment within the
 * interval, as real trackers drift apart, so the load is spread over time and place as the bay's would be.
 */
import { HALONG_BAY, type SimulatorBay, stopsOf } from './bay.js';
import { CRUISE_KNOTS, trackerReportOf } from './motion.js';
import type { TrackerReport } from './osmand-client.js';
import { planVoyage, positionOnVoyage, type Voyage } from './voyage.js';

export { OSMAND_PATH, osmAndQuery, osmAndRequest, type TrackerReport } from './osmand-client.js';

export interface SimulatedReportsOptions {
  /** The trackers to simulate; they need not be registered (the benchmark registers its own boats). */
  boats: readonly { trackerId: string }[];
  /** The first report's earliest time. */
  from: Date;
  /** Each tracker reports once per interval. */
  intervalSeconds?: number;
  /** Uniform numbers in [0, 1): seededUniform(n) from functions/platform/seeded-random.ts for repeatable runs. */
  random: () => number;
  bay?: SimulatorBay;
  /** Each voyage's length, over which its pauses are spread. */
  tripHours?: number;
}

/** Standard normals from uniforms (Box–Muller), so one generator drives placement and noise alike. */
function normalsFrom(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/**
 * The trackers' reports in time order, without end: boat i sails route line i mod the number of lines, looping its
 * voyage (out, stops, back, out again). Take as many as the benchmark needs.
 */
export function* simulatedReports({
  boats,
  from,
  intervalSeconds = 5,
  random,
  bay = HALONG_BAY,
  tripHours = 4,
}: SimulatedReportsOptions): Generator<TrackerReport> {
  if (boats.length === 0 || bay.routes.length === 0) return;
  const normal = normalsFrom(random);
  // A plan per route and half-knot of speed: hundreds of boats share a few dozen voyages.
  const plans = new Map<string, Voyage>();
  const voyageOf = (routeIndex: number, cruiseKnots: number) => {
    const key = `${routeIndex}\u0000${cruiseKnots}`;
    let voyage = plans.get(key);
    if (!voyage) {
      const route = bay.routes[routeIndex] as SimulatorBay['routes'][number];
      voyage = planVoyage({
        line: route.line,
        stops: stopsOf(bay, route.routeId),
        speedZones: bay.speedZones,
        cruiseKnots,
        scheduledSeconds: tripHours * 3600,
      });
      plans.set(key, voyage);
    }
    return voyage;
  };
  const trackers = boats
    .map((boat, index) => {
      const cruiseKnots =
        Math.round((CRUISE_KNOTS.slowest + (CRUISE_KNOTS.fastest - CRUISE_KNOTS.slowest) * random()) * 2) / 2;
      const voyage = voyageOf(index % bay.routes.length, cruiseKnots);
      return {
        trackerId: boat.trackerId,
        voyage,
        startSeconds: random() * voyage.durationSeconds,
        offsetSeconds: random() * intervalSeconds,
        batteryPercent: Math.round(60 + 40 * random()),
      };
    })
    .sort((a, b) => a.offsetSeconds - b.offsetSeconds);
  for (let round = 0; ; round++) {
    for (const tracker of trackers) {
      const seconds = round * intervalSeconds + tracker.offsetSeconds;
      const elapsed = (tracker.startSeconds + seconds) % tracker.voyage.durationSeconds;
      const point = positionOnVoyage(tracker.voyage, elapsed);
      const at = new Date(from.getTime() + Math.round(seconds * 1000));
      yield trackerReportOf(tracker.trackerId, point, at, normal, tracker.batteryPercent);
    }
  }
}
