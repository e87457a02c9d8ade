/**
 * GENERATED DEMO DATA: daily demand history for the managers' forecasts until the services have recorded years
 * of their own — bay passengers (total, per route, per port), Wi-Fi sessions (total, per city area) and museum
 * visits — generated from the real figures in the domain notes (shared/domain/halong-bay.md):
 * - the bay's ticketed visitors per year (2019 4.4 M, 2020 1.5 M, 2023 2.46 M; 2024 and 2025 from their first
 *   quarters, 610 k and 700 k; 2022 and 2026 are our assumptions between them);
 * - the domestic summer peak (June–August), Tết (a quiet eve and first day, then a surge), 30 April – 1 May (up
 *   to 26,700 a day in 2018), 2 September and New Year, weekends;
 * - the COVID closures and the slow recovery of 2020–2022 (the bay closed in April 2020 and from February 2021,
 *   residents only from March 2021, in-province tourism from 21 September 2021);
 * - tours stopped on storm days (Typhoon Yagi, 6–8 September 2024; Typhoon Wipha, 20–22 July 2025).
 * Shares of routes, ports, areas, the museum's level and every day's noise are invented (seeded, so the history is
 * the same on every machine) and say so. Every value is labelled demo where it is stored.
 */

import { dayNumberFromParts, dayNumberOf, isoDateOf, isoWeekdayOf } from '../platform/calendar-days.js';
import { seededNormal } from '../platform/seeded-random.js';
import { type HolidayId, holidaysBetween } from './holidays.js';

export interface DemoSeries {
  id: string;
  /** vi/en names for the dashboard. */
  name: { vi: string; en: string };
  unit: 'passengers' | 'sessions' | 'visits';
  /** The first day of the history. */
  start: string;
  /** One value per day from `start`, whole numbers. */
  values: number[];
}

/** The bay's ticketed visitors per year: published figures, or our assumption where none is published. */
export const BAY_VISITORS_PER_YEAR: Record<number, { visitors: number; source: string }> = {
  2019: { visitors: 4_400_000, source: 'published' },
  2020: { visitors: 1_500_000, source: 'published (about)' },
  2022: { visitors: 1_900_000, source: 'assumed: between 2020 and 2023' },
  2023: { visitors: 2_460_000, source: 'published (more than)' },
  2024: { visitors: 2_900_000, source: 'assumed from the first quarter (more than 610 k)' },
  2025: { visitors: 3_200_000, source: 'assumed from the first quarter (about 700 k)' },
  2026: { visitors: 3_400_000, source: 'assumed: the 2025 trend continued' },
};

/** Share of a year's bay visitors per month (domestic summer peak; Tết is a holiday effect, not a month). */
const MONTH_SHARE = [0.075, 0.07, 0.075, 0.085, 0.095, 0.115, 0.12, 0.105, 0.075, 0.065, 0.06, 0.06];
/** Monday … Sunday. */
const BAY_WEEKDAY = [0.85, 0.82, 0.85, 0.9, 1.0, 1.35, 1.23];
/** How a holiday changes a day's visitors. */
const HOLIDAY_EFFECT: Record<HolidayId, number> = {
  'tet-eve': 0.3,
  'tet-1': 0.5,
  'tet-2': 1.3,
  'tet-3': 1.8,
  'tet-4': 1.6,
  'tet-5': 1.3,
  'hung-kings': 1.5,
  reunification: 2.6,
  'labour-day': 2.4,
  'national-day': 2.0,
  'national-day-second': 1.7,
  'new-year': 1.4,
  'mid-autumn': 1.1,
};

/** COVID-19: the share of a normal day's visitors, by period (closures are 0). */
const COVID_PERIODS: { from: string; to: string; factor: number }[] = [
  { from: '2020-02-01', to: '2020-03-31', factor: 0.35 },
  { from: '2020-04-01', to: '2020-05-08', factor: 0 },
  { from: '2020-05-09', to: '2020-07-27', factor: 0.6 },
  { from: '2020-07-28', to: '2020-09-15', factor: 0.25 },
  { from: '2020-09-16', to: '2020-12-31', factor: 0.45 },
  { from: '2021-01-01', to: '2021-01-28', factor: 0.4 },
  { from: '2021-01-29', to: '2021-03-05', factor: 0 },
  { from: '2021-03-06', to: '2021-09-20', factor: 0.05 },
  { from: '2021-09-21', to: '2021-11-15', factor: 0.2 },
  { from: '2021-11-16', to: '2021-12-31', factor: 0.4 },
  { from: '2022-01-01', to: '2022-03-14', factor: 0.6 },
  { from: '2022-03-15', to: '2022-05-31', factor: 0.85 },
];

/** Days tours did not run (first and last, both included). */
export const DEMO_STORM_DAYS: readonly (readonly [string, string])[] = [
  ['2024-09-06', '2024-09-08'],
  ['2025-07-20', '2025-07-22'],
];

/** Invented shares (demo): routes 1–8 and the four ports. */
const ROUTE_SHARE = [0.42, 0.3, 0.08, 0.03, 0.04, 0.03, 0.04, 0.06];
const PORT_SHARE: Record<string, number> = {
  'tuan-chau': 0.64,
  'ha-long-cruise-port': 0.2,
  'hon-gai': 0.11,
  'cai-rong': 0.05,
};

/** Day-to-day weather and mood: multiplicative noise with memory (AR(1) on the log scale). */
function noiseSeries(days: number, seed: number, sigma: number, memory: number): number[] {
  const gaussian = seededNormal(seed);
  const values: number[] = [];
  let state = 0;
  for (let day = 0; day < days; day += 1) {
    state = memory * state + Math.sqrt(1 - memory * memory) * sigma * gaussian();
    values.push(Math.exp(state - (sigma * sigma) / 2));
  }
  return values;
}

function inPeriod(date: string, periods: readonly { from: string; to: string }[]): number {
  return periods.findIndex((period) => date >= period.from && date <= period.to);
}

/** A day's visitors on the 2019 pattern: month, weekday, holidays, COVID and storms. */
function patternOf(day: number, holidays: ReadonlyMap<string, string[]>): number {
  const date = isoDateOf(day);
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const daysInMonth = dayNumberFromParts(year, month + 1, 1) - dayNumberFromParts(year, month, 1);
  let value =
    (BAY_VISITORS_PER_YEAR[2019]?.visitors ?? 0) * ((MONTH_SHARE[month - 1] as number) / daysInMonth);
  value *= BAY_WEEKDAY[isoWeekdayOf(day) - 1] as number;
  for (const holiday of holidays.get(date) ?? []) value *= HOLIDAY_EFFECT[holiday as HolidayId] ?? 1;
  const covid = inPeriod(date, COVID_PERIODS);
  if (covid >= 0) value *= (COVID_PERIODS[covid] as { factor: number }).factor;
  if (DEMO_STORM_DAYS.some(([from, to]) => date >= from && date <= to)) value = 0;
  return value;
}

/**
 * The bay's expected visitors per day (before noise), from `start` to `end` inclusive: the 2019 pattern, each
 * year with a published or assumed total scaled to it (2021, without one, keeps the 2019 level times its
 * closures).
 */
export function expectedBayVisitors(start: string, end: string): number[] {
  const firstYear = Number(start.slice(0, 4));
  const lastYear = Number(end.slice(0, 4));
  const yearsStart = dayNumberFromParts(firstYear, 1, 1);
  const yearsEnd = dayNumberFromParts(lastYear + 1, 1, 1);
  const holidays = new Map<string, string[]>();
  for (const { date, holiday } of holidaysBetween(isoDateOf(yearsStart), isoDateOf(yearsEnd - 1))) {
    holidays.set(date, [...(holidays.get(date) ?? []), holiday]);
  }
  const values = Array.from({ length: yearsEnd - yearsStart }, (_, index) =>
    patternOf(yearsStart + index, holidays),
  );
  for (let year = firstYear; year <= lastYear; year += 1) {
    const total = BAY_VISITORS_PER_YEAR[year]?.visitors;
    if (total === undefined) continue;
    const from = dayNumberFromParts(year, 1, 1) - yearsStart;
    const to = dayNumberFromParts(year + 1, 1, 1) - yearsStart;
    const sum = values.slice(from, to).reduce((a, b) => a + b, 0);
    for (let index = from; index < to; index += 1) values[index] = ((values[index] as number) * total) / sum;
  }
  const first = (dayNumberOf(start) as number) - yearsStart;
  const last = (dayNumberOf(end) as number) - yearsStart;
  return values.slice(first, last + 1);
}

export interface DemoHistoryInput {
  /** The first and last day of the history (the last is usually yesterday). */
  start: string;
  end: string;
  routes: { id: number; name: { vi: string; en: string } }[];
  ports: { id: string; name: { vi: string; en: string } }[];
  /** City areas with the number of hotspots in each, which weights their share of Wi-Fi sessions. */
  areas: { id: string; name: { vi: string; en: string }; hotspots: number }[];
}

/** Bay visitors a day who use the city Wi-Fi, residents' sessions included (invented). */
const WIFI_SESSIONS_PER_BAY_VISITOR = 1.4;
/** The city Wi-Fi's history starts here (invented). */
const WIFI_SINCE = '2022-01-01';
/** Museum visits per bay visitor (invented: about 260,000 visits in 2019). */
const MUSEUM_VISITS_PER_BAY_VISITOR = 0.06;

/** Splits whole `totals` into parts by `shares`, each with its own noise; the parts add up to the totals. */
function split(totals: readonly number[], shares: readonly number[], seed: number): number[][] {
  const noises = shares.map((_, index) => noiseSeries(totals.length, seed + index, 0.15, 0.5));
  return shares.map((_, part) =>
    totals.map((total, day) => {
      const weights = shares.map((share, index) => share * (noises[index]?.[day] as number));
      const sum = weights.reduce((a, b) => a + b, 0);
      // Largest parts first would be fairer; flooring and giving the rest to the first part keeps the sum exact.
      const floors = weights.map((weight) => Math.floor((total * weight) / sum));
      const rest = total - floors.reduce((a, b) => a + b, 0);
      return (floors[part] as number) + (part === 0 ? rest : 0);
    }),
  );
}

/** Every demo series, whole numbers per day, deterministic for the same input. */
export function generateDemoHistory(input: DemoHistoryInput): DemoSeries[] {
  const expected = expectedBayVisitors(input.start, input.end);
  const days = expected.length;
  const routeShares = input.routes.map((_, index) => ROUTE_SHARE[index] ?? 0.02);
  const routeSum = routeShares.reduce((a, b) => a + b, 0);
  const routes = input.routes.map((route, index) => {
    const noise = noiseSeries(days, 1000 + route.id, 0.12, 0.6);
    return expected.map((value, day) =>
      Math.round((value * (routeShares[index] as number) * (noise[day] as number)) / routeSum),
    );
  });
  const total = expected.map((_, day) => routes.reduce((sum, route) => sum + (route[day] as number), 0));
  const ports = split(
    total,
    input.ports.map((port) => PORT_SHARE[port.id] ?? 0.05),
    2000,
  );

  const wifiFrom = Math.max(0, (dayNumberOf(WIFI_SINCE) as number) - (dayNumberOf(input.start) as number));
  const wifiNoise = noiseSeries(days, 3000, 0.1, 0.5);
  const wifiTotal = expected.map((value, day) =>
    day < wifiFrom ? 0 : Math.round(value * WIFI_SESSIONS_PER_BAY_VISITOR * (wifiNoise[day] as number)),
  );
  const areas = split(
    wifiTotal,
    input.areas.map((area) => area.hotspots),
    4000,
  );
  const museumNoise = noiseSeries(days, 5000, 0.18, 0.4);
  const firstDay = dayNumberOf(input.start) as number;
  const museum = expected.map((value, day) =>
    // The museum closes on Mondays; the other six days carry the week.
    isoWeekdayOf(firstDay + day) === 1
      ? 0
      : Math.round(value * MUSEUM_VISITS_PER_BAY_VISITOR * (7 / 6) * (museumNoise[day] as number)),
  );

  const series = (
    id: string,
    name: DemoSeries['name'],
    unit: DemoSeries['unit'],
    values: number[],
  ): DemoSeries => ({ id, name, unit, start: input.start, values });
  return [
    series('bay-passengers', { vi: 'Khách tham quan vịnh', en: 'Bay passengers' }, 'passengers', total),
    ...input.routes.map((route, index) =>
      series(
        `bay-passengers:route-${route.id}`,
        { vi: `Tuyến ${route.id}: ${route.name.vi}`, en: `Route ${route.id}: ${route.name.en}` },
        'passengers',
        routes[index] as number[],
      ),
    ),
    ...input.ports.map((port, index) =>
      series(`bay-passengers:port-${port.id}`, port.name, 'passengers', ports[index] as number[]),
    ),
    series('wifi-sessions', { vi: 'Phiên Wi-Fi miễn phí', en: 'Free Wi-Fi sessions' }, 'sessions', wifiTotal),
    ...input.areas.map((area, index) =>
      series(`wifi-sessions:area-${area.id}`, area.name, 'sessions', areas[index] as number[]),
    ),
    series('museum-visits', { vi: 'Lượt khách bảo tàng', en: 'Museum visits' }, 'visits', museum),
  ];
}
