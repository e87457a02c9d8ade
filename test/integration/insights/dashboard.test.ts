// The managers' dashboard API on DynamoDB Local, over counters written as the roll-ups write them: a period's
// totals beside the same dates a year before, filters, breakdowns, the chart per hour, day or month; managers
// only; bad queries answered with problem+json.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addContributions,
  type Contribution,
  type CounterTotals,
} from '../../../functions/insights/rollups/model.js';
import { createRollupStore } from '../../../functions/insights/rollups/store.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let manager: string;
let operator: string;

const boats = (
  date: string,
  hour: number,
  scope: string,
  measures: Record<string, number>,
): Contribution => ({
  domain: 'BOATS',
  scope,
  date,
  hour,
  measures,
});

beforeAll(async () => {
  platform = await createTestPlatform({ seed: true });
  [manager, operator] = await Promise.all([
    platform.signIn(demo.manager.email, demo.manager.password),
    platform.signIn(demo.operator.email, demo.operator.password),
  ]);
  const counters: CounterTotals = new Map();
  addContributions(counters, [
    boats('2025-07-03', 8, '1|tuan-chau|demo-bay-cruises', {
      bookings: 3,
      passengers: 7,
      revenue: 1_050_000,
    }),
    boats('2026-07-03', 8, '1|tuan-chau|demo-bay-cruises', {
      bookings: 5,
      passengers: 12,
      revenue: 1_800_000,
      refunded: 150_000,
      checkedIn: 10,
      departuresRun: 1,
      seatsOffered: 48,
      seatsFilled: 10,
    }),
    boats('2026-07-03', 13, '2|ha-long-cruise-port|bai-chay-heritage-boats', {
      bookings: 2,
      passengers: 4,
      revenue: 600_000,
    }),
    boats('2026-07-20', 9, '1|tuan-chau|demo-bay-cruises', { bookings: 1, passengers: 2, revenue: 300_000 }),
    boats('2026-03-15', 9, '1|tuan-chau|demo-bay-cruises', {
      bookings: 4,
      passengers: 9,
      revenue: 1_350_000,
    }),
    {
      domain: 'ALERTS',
      scope: 'sos|demo-bay-cruises',
      date: '2026-07-03',
      hour: 10,
      measures: { raised: 2, acknowledged: 2, acknowledgeSeconds: 240, resolved: 1, resolveSeconds: 1200 },
    },
    { domain: 'BANS', scope: 'port:tuan-chau', date: '2026-07-04', hour: null, measures: { banDays: 1 } },
    { domain: 'BANS', scope: 'all', date: '2026-07-04', hour: null, measures: { banDays: 1 } },
    { domain: 'BANS', scope: 'port:hon-gai', date: '2026-07-05', hour: null, measures: { banDays: 1 } },
    {
      domain: 'WIFI',
      scope: 'city',
      date: '2026-07-03',
      hour: null,
      measures: { devices: 30, endedSessions: 10, dwellSeconds: 18_000 },
    },
    { domain: 'WIFI', scope: 'city', date: '2026-07-03', hour: 9, measures: { sessions: 25 } },
    { domain: 'WIFI', scope: 'city', date: '2026-07-03', hour: 17, measures: { sessions: 15 } },
    {
      domain: 'WIFI',
      scope: 'hotspots',
      date: '2026-07-03',
      hour: null,
      measures: {
        'sessions.hl-bai-chay-001': 30,
        'devices.hl-bai-chay-001': 22,
        'sessions.hl-hon-gai-002': 10,
        'devices.hl-hon-gai-002': 8,
      },
    },
    {
      domain: 'MUSEUM',
      scope: 'museum',
      date: '2026-07-03',
      hour: null,
      measures: { visits: 9, visitsVi: 6, visitsEn: 3, toursCompleted: 2, exhibitViews: 20 },
    },
    {
      domain: 'MUSEUM',
      scope: 'exhibits',
      date: '2026-07-03',
      hour: null,
      measures: {
        'views.whale-skeleton': 12,
        'dwellSeconds.whale-skeleton': 600,
        'views.dau-ram-jar': 8,
        'dwellSeconds.dau-ram-jar': 160,
      },
    },
  ]);
  await createRollupStore(platform.dependencies.db, platform.tableName).replace(counters, []);
});
afterAll(() => platform.dispose());

const get = (path: string, token: string | null = manager) =>
  platform.app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

async function json<T>(path: string): Promise<T> {
  const response = await get(path);
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as T;
}

describe('the summary', () => {
  it('adds up a month of every service and sets it beside the same month a year before', async () => {
    const summary = await json<Record<string, any>>('/api/insights/summary?from=2026-07-01&to=2026-07-31');
    expect(summary.period).toEqual({ from: '2026-07-01', to: '2026-07-31' });
    expect(summary.comparison).toEqual({ from: '2025-07-01', to: '2025-07-31' });
    expect(summary.demo).toBe(false);
    expect(summary.boats.totals).toMatchObject({
      bookings: 8,
      passengers: 18,
      revenue: 2_700_000,
      netRevenue: 2_550_000,
      loadFactor: 0.208,
    });
    expect(summary.boats.previous).toMatchObject({ bookings: 3, passengers: 7 });
    expect(summary.safety.totals).toEqual({
      raised: 2,
      acknowledged: 2,
      resolved: 1,
      unresolved: 1,
      meanAcknowledgeMinutes: 2,
      meanResolveMinutes: 20,
      banDays: 2,
    });
    expect(summary.wifi.totals).toMatchObject({ sessions: 40, deviceDays: 30, averageDwellMinutes: 30 });
    expect(summary.museum.totals).toMatchObject({ visits: 9, toursCompleted: 2 });
  });

  it('filters the boats by route, port and company, and the ban days by what they covered', async () => {
    const byRoute = await json<Record<string, any>>(
      '/api/insights/summary?from=2026-07-01&to=2026-07-31&route=2',
    );
    expect(byRoute.boats.totals).toMatchObject({ bookings: 2, passengers: 4 });
    expect(byRoute.filters).toEqual({ route: 2, port: null, operator: null });
    const byPort = await json<Record<string, any>>(
      '/api/insights/summary?from=2026-07-01&to=2026-07-31&port=hon-gai',
    );
    expect(byPort.boats.totals.passengers).toBe(0);
    expect(byPort.safety.totals.banDays).toBe(2);
    const byCompany = await json<Record<string, any>>(
      '/api/insights/summary?from=2026-07-01&to=2026-07-31&operator=bai-chay-heritage-boats',
    );
    expect(byCompany.boats.totals.passengers).toBe(4);
    expect(byCompany.safety.totals.raised).toBe(0);
  });
});

describe('the panels', () => {
  it('break the boats down per route, port and company, charted per day', async () => {
    const panel = await json<Record<string, any>>('/api/insights/panels/boats?from=2026-07-01&to=2026-07-31');
    expect(panel.resolution).toBe('day');
    expect(
      panel.byRoute.map((row: { routeId: number; passengers: number }) => [row.routeId, row.passengers]),
    ).toEqual([
      [1, 14],
      [2, 4],
    ]);
    expect(panel.byOperator[0]).toMatchObject({ operatorId: 'demo-bay-cruises', passengers: 14 });
    expect(panel.series).toEqual([
      { point: '2026-07-03', passengers: 16, checkedIn: 10, netRevenue: 2_250_000 },
      { point: '2026-07-20', passengers: 2, checkedIn: 0, netRevenue: 300_000 },
    ]);
  });

  it('chart a year per month from its month counters, and one day per hour', async () => {
    const year = await json<Record<string, any>>('/api/insights/panels/boats?from=2026-01-01&to=2026-12-31');
    expect(year.resolution).toBe('month');
    expect(
      year.series.map((point: { point: string; passengers: number }) => [point.point, point.passengers]),
    ).toEqual([
      ['2026-03', 9],
      ['2026-07', 18],
    ]);
    const day = await json<Record<string, any>>('/api/insights/panels/wifi?from=2026-07-03&to=2026-07-03');
    expect(day.resolution).toBe('hour');
    expect(day.series).toEqual([
      { point: '09', sessions: 25, devices: 0 },
      { point: '17', sessions: 15, devices: 0 },
    ]);
    expect(day.byHotspot).toEqual([
      { hotspotId: 'hl-bai-chay-001', sessions: 30, deviceDays: 22 },
      { hotspotId: 'hl-hon-gai-002', sessions: 10, deviceDays: 8 },
    ]);
  });

  it('rank the museum’s most-viewed exhibits and the alerts per kind', async () => {
    const museum = await json<Record<string, any>>(
      '/api/insights/panels/museum?from=2026-07-01&to=2026-07-31',
    );
    expect(museum.topExhibits).toEqual([
      { exhibitId: 'whale-skeleton', views: 12, averageDwellSeconds: 50 },
      { exhibitId: 'dau-ram-jar', views: 8, averageDwellSeconds: 20 },
    ]);
    const safety = await json<Record<string, any>>(
      '/api/insights/panels/safety?from=2026-07-01&to=2026-07-31',
    );
    expect(safety.byKind).toEqual([
      { kind: 'sos', raised: 2, resolved: 1, meanAcknowledgeMinutes: 2, meanResolveMinutes: 20 },
    ]);
  });
});

describe('who may read it, and bad queries', () => {
  it('answers managers only', async () => {
    expect((await get('/api/insights/summary?from=2026-07-01&to=2026-07-31', null)).status).toBe(401);
    const refused = await get('/api/insights/panels/boats?from=2026-07-01&to=2026-07-31', operator);
    expect(refused.status).toBe(403);
    expect(refused.headers.get('Content-Type')).toBe(PROBLEM_JSON);
  });

  it.each([
    ['a backwards period', 'from=2026-07-31&to=2026-07-01'],
    ['a period of three years', 'from=2024-01-01&to=2026-12-31'],
    ['no dates', ''],
    ['a route that is not a number', 'from=2026-07-01&to=2026-07-31&route=one'],
    ['a port id with spaces', 'from=2026-07-01&to=2026-07-31&port=tuan%20chau'],
  ])('refuses %s with problem+json', async (_, query) => {
    const response = await get(`/api/insights/summary?${query}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toBe(PROBLEM_JSON);
  });
});
