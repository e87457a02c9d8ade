// The generated demo demand history keeps the real figures it is built from, and the daily model forecasts its
// shape: the week, the year, the holidays, closing days.
import { describe, expect, it } from 'vitest';
import { forecastDaily } from '../../../functions/insights/daily-model.js';
import { BAY_VISITORS_PER_YEAR, generateDemoHistory } from '../../../functions/insights/demo-history.js';
import { holidaysBetween } from '../../../functions/insights/holidays.js';

const routes = Array.from({ length: 8 }, (_, index) => ({
  id: index + 1,
  name: { vi: `T${index + 1}`, en: `R${index + 1}` },
}));
const ports = ['tuan-chau', 'ha-long-cruise-port', 'hon-gai', 'cai-rong'].map((id) => ({
  id,
  name: { vi: id, en: id },
}));
const areas = [
  { id: 'bai-chay', name: { vi: 'Bãi Cháy', en: 'Bãi Cháy' }, hotspots: 30 },
  { id: 'tuan-chau', name: { vi: 'Tuần Châu', en: 'Tuần Châu' }, hotspots: 14 },
];
const history = generateDemoHistory({ start: '2019-01-01', end: '2025-12-31', routes, ports, areas });
const byId = new Map(history.map((series) => [series.id, series]));
const bay = byId.get('bay-passengers')?.values ?? [];
const dayIndex = (date: string) => (Date.parse(date) - Date.parse('2019-01-01')) / 86_400_000;
const yearTotal = (values: number[], year: number) =>
  values.slice(dayIndex(`${year}-01-01`), dayIndex(`${year + 1}-01-01`)).reduce((a, b) => a + b, 0);

describe('the demo demand history', () => {
  it('adds up to the published (or assumed) visitors of each year, within the noise', () => {
    for (const year of [2019, 2020, 2023, 2024, 2025]) {
      const expected = BAY_VISITORS_PER_YEAR[year]?.visitors as number;
      expect(Math.abs(yearTotal(bay, year) / expected - 1), String(year)).toBeLessThan(0.03);
    }
    // 2021, mostly closed: a fraction of 2019.
    expect(yearTotal(bay, 2021)).toBeLessThan(0.2 * yearTotal(bay, 2019));
  });

  it('has the shape of the real year: closed in April 2020, the 30 April peak, a quiet Tết eve, busy weekends', () => {
    expect(bay.slice(dayIndex('2020-04-01'), dayIndex('2020-05-09')).every((value) => value === 0)).toBe(
      true,
    );
    expect(bay[dayIndex('2019-04-30')]).toBeGreaterThan(20_000);
    const tetEve = holidaysBetween('2024-01-01', '2024-12-31').find(
      (holiday) => holiday.holiday === 'tet-eve',
    );
    expect(bay[dayIndex(tetEve?.date as string)]).toBeLessThan(
      0.5 * (bay[dayIndex(tetEve?.date as string) - 7] as number),
    );
    const saturdays = [0, 1, 2, 3].map((week) => bay[dayIndex('2023-10-07') + 7 * week] as number);
    const tuesdays = [0, 1, 2, 3].map((week) => bay[dayIndex('2023-10-03') + 7 * week] as number);
    expect(saturdays.reduce((a, b) => a + b)).toBeGreaterThan(1.3 * tuesdays.reduce((a, b) => a + b));
    expect(bay[dayIndex('2024-09-07')]).toBe(0);
  });

  it('splits the total exactly into routes and ports, keeps the museum shut on Mondays, and is the same every time', () => {
    const day = dayIndex('2024-07-13');
    const routeSum = routes.reduce(
      (sum, route) => sum + (byId.get(`bay-passengers:route-${route.id}`)?.values[day] ?? 0),
      0,
    );
    const portSum = ports.reduce(
      (sum, port) => sum + (byId.get(`bay-passengers:port-${port.id}`)?.values[day] ?? 0),
      0,
    );
    expect(routeSum).toBe(bay[day]);
    expect(portSum).toBe(bay[day]);
    expect(byId.get('museum-visits')?.values[dayIndex('2024-07-15')]).toBe(0);
    const again = generateDemoHistory({ start: '2019-01-01', end: '2025-12-31', routes, ports, areas });
    expect(again[0]?.values).toEqual(bay);
  });
});

describe('the daily model', () => {
  it('forecasts the week and the year of the history better than a year ago does', () => {
    const cut = dayIndex('2024-12-31');
    const forecast = forecastDaily('2019-01-01', bay.slice(0, cut + 1), 90);
    expect(forecast.start).toBe('2025-01-01');
    const actual = bay.slice(cut + 1, cut + 91);
    const error =
      actual.reduce((sum, value, h) => sum + Math.abs(value - (forecast.mean[h] as number)), 0) / 90;
    const naiveError =
      actual.reduce((sum, value, h) => sum + Math.abs(value - (bay[cut + 1 + h - 364] as number)), 0) / 90;
    expect(error).toBeLessThan(naiveError);
  });

  it('has intervals close to their nominal coverage over 90-day forecasts from six origins', () => {
    let inside80 = 0;
    let inside95 = 0;
    let days = 0;
    for (const origin of [
      '2024-03-31',
      '2024-06-30',
      '2024-09-30',
      '2024-12-31',
      '2025-03-31',
      '2025-06-30',
    ]) {
      const cut = dayIndex(origin);
      const forecast = forecastDaily('2019-01-01', bay.slice(0, cut + 1), 90);
      bay.slice(cut + 1, cut + 91).forEach((value, h) => {
        days += 1;
        if (value >= (forecast.lower80[h] as number) && value <= (forecast.upper80[h] as number))
          inside80 += 1;
        if (value >= (forecast.lower95[h] as number) && value <= (forecast.upper95[h] as number))
          inside95 += 1;
      });
    }
    expect(inside80 / days).toBeGreaterThan(0.72);
    expect(inside80 / days).toBeLessThan(0.92);
    expect(inside95 / days).toBeGreaterThan(0.89);
    expect(inside95 / days).toBeLessThan(0.995);
  });
});
