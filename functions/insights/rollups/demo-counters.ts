/**
 * GENERATED DEMO DATA: a year of the managers' counters for a fresh clone, so every dashboard panel has numbers
 * before the services have recorded a year of their own. A year of raw records at the bay's scale (millions of
 * passengers) cannot be seeded on a laptop, so the history is written as counters, from the same daily figures
 * the forecasts' demo history holds (demo-history.ts: bay passengers per route and port, Wi-Fi sessions per area,
 * museum visits) — the dashboard's actuals and the forecast views agree:
 * - bay passengers: each route's series, over the ports its trades sail from (fitted to the ports' series, so
 *   the port totals come close to theirs), then over the companies that sail it, by their seats;
 * - bookings, check-ins, no-shows, cancellations and refunds (the default policy: all back a day ahead, half
 *   after), revenue at the trade's average price (fares and fees of the seeded catalogue and fleet);
 * - departures: as many trips of the trade's boats as its passengers fill (the demo companies stand for the
 *   bay's ~500 boats); on a storm day every departure is suspended under a ban on the whole bay; on peak days the
 *   boats sail full and holds are refused for want of seats;
 * - a few part-day weather bans on one route or port (the bay's small-craft warnings; invented), safety alerts
 *   of the tracking's kinds, a handful a week;
 * - Wi-Fi: each area's sessions over its hotspots, devices fewer than sessions; museum: the visits, tours and
 *   views spread over the real exhibits.
 * Every share, rate and day's noise here is invented (seeded: the same on every machine) and says so; every item
 * written is flagged `demo` (demo-counters-store.ts). The bay's counters are made in demo-bay.ts, the Wi-Fi's and
 * the museum's in demo-visitors.ts.
 */
import { addDays } from '../../platform/local-time.js';
import { generateDemoHistory } from '../demo-history.js';
import { DEMO_HISTORY_START, type DemandSeedInput } from '../seed.js';
import { bayDemoContributions, type DemoTrade } from './demo-bay.js';
import { visitorsDemoContributions } from './demo-visitors.js';
import { addContributions, type CounterTotals, withoutZeros } from './model.js';

export type { DemoTrade } from './demo-bay.js';

export interface DemoCountersInput {
  /** Local dates, both included. */
  from: string;
  to: string;
  /** The same input the forecasts' demo history was generated from (insights/seed.ts). */
  demand: DemandSeedInput;
  trades: readonly DemoTrade[];
  hotspots: readonly { id: string; area: string }[];
  exhibitIds: readonly string[];
}

/** Every date from `from` to `to`. */
function datesOf(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The demo's day and month counters from `from` to `to`; the same for the same input. */
export function demoCounters(input: DemoCountersInput): CounterTotals {
  const { from, to, demand } = input;
  // The forecasts' history from its own first day, so each day's figures are the ones it stored.
  const history = generateDemoHistory({ start: DEMO_HISTORY_START, end: to, ...demand });
  const offset = datesOf(DEMO_HISTORY_START, from).length - 1;
  const seriesOf = (id: string) => (history.find((series) => series.id === id)?.values ?? []).slice(offset);
  const dates = datesOf(from, to);
  const bay = bayDemoContributions({
    dates,
    routeIds: demand.routes.map((route) => route.id),
    portIds: demand.ports.map((port) => port.id),
    routeSeries: demand.routes.map((route) => seriesOf(`bay-passengers:route-${route.id}`)),
    portSeries: demand.ports.map((port) => seriesOf(`bay-passengers:port-${port.id}`)),
    trades: input.trades,
  });
  const visitors = visitorsDemoContributions({
    dates,
    areaSessions: demand.areas.map((area) => ({
      areaId: area.id,
      sessions: seriesOf(`wifi-sessions:area-${area.id}`),
    })),
    citySessions: seriesOf('wifi-sessions'),
    hotspots: input.hotspots,
    museumVisits: seriesOf('museum-visits'),
    exhibitIds: input.exhibitIds,
  });
  return withoutZeros(addContributions(addContributions(new Map(), bay), visitors));
}
