/**
 * The demo's scenarios as the reports a boat's tracker would make: an SOS, a head count over the certificate, a
 * minute too fast, a run out of the permitted zone. Each starts where the boat is and moves no faster than a boat
 * can (the intake flags a jump over 60 knots and never lets it move the boat), so the platform's rules meet them
 * exactly as they would meet the real thing. Signal loss has no report: the running simulator goes quiet instead
 * (control.ts). Pure.
 */
import { isInsidePolygon, type LonLat } from '../../tracking/safety/geometry.js';
import type { SimulatorBay } from './bay.js';
import { offsetBy } from './motion.js';
import type { TrackerReport } from './osmand-client.js';
import { cumulativeMetres, KNOTS_TO_METRES_PER_SECOND, nearestAlong, pointAlong } from './voyage.js';

export const SCENARIOS = ['sos', 'signal-lost', 'overspeed', 'leave-area', 'overcapacity'] as const;
export type ScenarioName = (typeof SCENARIOS)[number];

export const SCENARIO_SETTINGS = {
  /** Over the bay's 20-knot limit, under the intake's 60-knot implausible jump. */
  overspeedKnots: 25,
  overspeedSeconds: 60,
  /** Under the bay's limit: leaving the zone is the only rule this breaks on open water. */
  leaveAreaKnots: 18,
  /** How far past the zone's edge the boat goes. */
  beyondEdgeMetres: 300,
  /** Far enough to find the zone's edge from anywhere in the bay. */
  searchMetres: 40_000,
  reportEverySeconds: 5,
  signalLostMinutes: 10,
} as const;

/** The boat a scenario is played on, where it is now. */
export interface ScenarioTarget {
  boatId: string;
  name: string;
  trackerId: string;
  certifiedCapacity: number;
  at: LonLat;
  speedKnots: number;
  courseDegrees: number;
  batteryPercent: number;
  /** The line of the route it is running, for a scenario that carries on along it. */
  routeLine: readonly LonLat[] | null;
}

function reportAt(
  target: ScenarioTarget,
  at: LonLat,
  time: Date,
  speedKnots: number,
  courseDegrees: number,
): TrackerReport {
  return {
    trackerId: target.trackerId,
    at: time,
    latitude: at[1],
    longitude: at[0],
    speedKnots,
    courseDegrees,
    altitudeMetres: 1.5,
    accuracyMetres: 4,
    batteryPercent: target.batteryPercent,
  };
}

/** Where the boat leaves the zone soonest: the nearest point outside it on any of 72 bearings, and that bearing. */
export function nearestExit(
  zone: SimulatorBay['permittedZone'],
  from: LonLat,
): { edge: LonLat; courseDegrees: number; metres: number } | null {
  const stepMetres = 50;
  let best: { edge: LonLat; courseDegrees: number; metres: number } | null = null;
  for (let course = 0; course < 360; course += 5) {
    for (let metres = stepMetres; metres <= SCENARIO_SETTINGS.searchMetres; metres += stepMetres) {
      if (best && metres >= best.metres) break;
      const point = offsetBy(from, course, metres);
      if (!isInsidePolygon(point, zone)) {
        best = { edge: point, courseDegrees: course, metres };
        break;
      }
    }
  }
  return best;
}

/** The reports a scenario sends, from `start` on, every few seconds where it lasts. */
export function scenarioReports(
  scenario: Exclude<ScenarioName, 'signal-lost'>,
  target: ScenarioTarget,
  bay: Pick<SimulatorBay, 'permittedZone'>,
  start: Date,
): TrackerReport[] {
  const every = SCENARIO_SETTINGS.reportEverySeconds;
  const timeAt = (seconds: number) => new Date(start.getTime() + seconds * 1000);
  switch (scenario) {
    case 'sos':
      return [
        {
          ...reportAt(target, target.at, start, target.speedKnots, target.courseDegrees),
          alarm: 'sos',
        },
      ];
    case 'overcapacity':
      return [
        {
          ...reportAt(target, target.at, start, target.speedKnots, target.courseDegrees),
          attributes: { passengers: target.certifiedCapacity + 1 },
        },
      ];
    case 'overspeed': {
      const knots = SCENARIO_SETTINGS.overspeedKnots;
      const metresPerStep = knots * KNOTS_TO_METRES_PER_SECOND * every;
      const reports: TrackerReport[] = [];
      const line = target.routeLine;
      const cumulative = line ? cumulativeMetres(line) : null;
      const startMetres = line && cumulative ? nearestAlong(line, cumulative, target.at).metres : 0;
      let at = target.at;
      for (let seconds = 0; seconds <= SCENARIO_SETTINGS.overspeedSeconds; seconds += every) {
        const step = (seconds / every) * metresPerStep;
        // Along the route when it has one (and before its end); straight ahead on its course otherwise.
        const along =
          line && cumulative && startMetres + step < (cumulative[cumulative.length - 1] as number)
            ? pointAlong(line, cumulative, startMetres + step)
            : null;
        const courseDegrees = along?.courseDegrees ?? target.courseDegrees;
        at = along?.at ?? (seconds === 0 ? target.at : offsetBy(at, courseDegrees, metresPerStep));
        reports.push(reportAt(target, at, timeAt(seconds), knots, courseDegrees));
      }
      return reports;
    }
    case 'leave-area': {
      const exit = nearestExit(bay.permittedZone, target.at);
      if (!exit) return [];
      const knots = SCENARIO_SETTINGS.leaveAreaKnots;
      const metresPerStep = knots * KNOTS_TO_METRES_PER_SECOND * every;
      const goal = exit.metres + SCENARIO_SETTINGS.beyondEdgeMetres;
      const reports: TrackerReport[] = [];
      for (let step = 0; ; step++) {
        const metres = Math.min(goal, step * metresPerStep);
        const at = offsetBy(target.at, exit.courseDegrees, metres);
        reports.push(reportAt(target, at, timeAt(step * every), knots, exit.courseDegrees));
        if (metres >= goal) return reports;
      }
    }
  }
}
