/**
 * The city's demo counters (GENERATED DEMO DATA, demo-counters.ts says from what): Wi-Fi sessions and devices per
 * hotspot and for the city, the museum's visits, tours and exhibit views.
 */
import { seededUniform } from '../../platform/seeded-random.js';
import { apportion } from './demo-shares.js';
import type { Contribution } from './model.js';

const SEED = 22_007;

export interface VisitorsDemoInput {
  dates: readonly string[];
  /** Sessions a day per area, and the city's (the forecasts' demo series). */
  areaSessions: readonly { areaId: string; sessions: readonly number[] }[];
  citySessions: readonly number[];
  hotspots: readonly { id: string; area: string }[];
  museumVisits: readonly number[];
  exhibitIds: readonly string[];
}

/** What the demo year adds to the WIFI and MUSEUM counters. */
export function visitorsDemoContributions(input: VisitorsDemoInput): Contribution[] {
  const { dates, citySessions, museumVisits } = input;
  const contributions: Contribution[] = [];
  const random = seededUniform(SEED);

  // Wi-Fi: each area's sessions over its hotspots (each with a fixed, invented pull).
  const pull = new Map(input.hotspots.map((hotspot) => [hotspot.id, 0.4 + 1.2 * random()]));
  for (const { areaId, sessions } of input.areaSessions) {
    const hotspots = input.hotspots.filter((hotspot) => hotspot.area === areaId);
    dates.forEach((date, day) => {
      const parts = apportion(
        sessions[day] ?? 0,
        hotspots.map((hotspot) => pull.get(hotspot.id) as number),
      );
      const measures: Record<string, number> = {};
      hotspots.forEach((hotspot, index) => {
        const count = parts[index] as number;
        if (count === 0) return;
        measures[`sessions.${hotspot.id}`] = count;
        measures[`devices.${hotspot.id}`] = Math.max(1, Math.round(count / (1.2 + 0.4 * random())));
      });
      contributions.push({ domain: 'WIFI', scope: 'hotspots', date, hour: null, measures });
    });
  }
  dates.forEach((date, day) => {
    const sessions = citySessions[day] ?? 0;
    if (sessions === 0) return;
    const endedSessions = Math.round(sessions * (0.95 + 0.03 * random()));
    const [loginsTerms, loginsCode, loginsBooking] = apportion(sessions, [0.7, 0.18, 0.12]) as number[];
    contributions.push({
      domain: 'WIFI',
      scope: 'city',
      date,
      hour: null,
      measures: {
        sessions,
        // A device seen at several hotspots is one device of the city's.
        devices: Math.round(sessions / (1.35 + 0.3 * random())),
        endedSessions,
        dwellSeconds: Math.round(endedSessions * (25 + 12 * random()) * 60),
        bytesIn: Math.round(sessions * (60 + 40 * random()) * 1_048_576),
        bytesOut: Math.round(sessions * (8 + 6 * random()) * 1_048_576),
        loginsTerms: loginsTerms as number,
        loginsCode: loginsCode as number,
        loginsBooking: loginsBooking as number,
      },
    });
  });

  // The museum: visits by language, tours, and views over the exhibits (each with a fixed, invented pull).
  const appeal = input.exhibitIds.map(() => 0.3 + 1.7 * random() ** 2);
  const viewSeconds = input.exhibitIds.map(() => 30 + Math.round(90 * random()));
  dates.forEach((date, day) => {
    const visits = museumVisits[day] ?? 0;
    // Closed on Mondays: the series has no visits then.
    if (visits === 0) return;
    const visitsVi = Math.round(visits * (0.78 + 0.08 * random()));
    const toursStarted = Math.round(visits * (0.1 + 0.05 * random()));
    const views = apportion(Math.round(visits * (7 + 4 * random())), appeal);
    const exhibits: Record<string, number> = {};
    input.exhibitIds.forEach((id, index) => {
      const count = views[index] as number;
      if (count === 0) return;
      exhibits[`views.${id}`] = count;
      exhibits[`dwellSeconds.${id}`] = count * (viewSeconds[index] as number);
    });
    contributions.push(
      {
        domain: 'MUSEUM',
        scope: 'museum',
        date,
        hour: null,
        measures: {
          visits,
          visitsVi,
          visitsEn: visits - visitsVi,
          exhibitViews: views.reduce((a, b) => a + b, 0),
          toursStarted,
          toursCompleted: Math.round(toursStarted * (0.6 + 0.2 * random())),
        },
      },
      { domain: 'MUSEUM', scope: 'exhibits', date, hour: null, measures: exhibits },
    );
  });

  return contributions;
}
