import { randomUUID } from 'node:crypto';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createVisitAnalytics,
  type DayStatistics,
  type EVENT_BATCH_LIMITS,
} from '../../../functions/museum/analytics.js';
import { addAnalyticsRoutes } from '../../../functions/museum/analytics-routes.js';
import { museumServiceFor } from '../../../functions/museum/index.js';
import { type AppEnv, createHttpApp } from '../../../functions/platform/http-app.js';
import { localDateAt } from '../../../functions/platform/local-time.js';
import { createRateLimiter } from '../../../functions/platform/rate-limit.js';
import { createRouter } from '../../../functions/platform/routing.js';
import {
  createTestPlatform,
  demo,
  PROBLEM_JSON,
  silentLogger,
  type TestPlatform,
} from '../support/platform.js';

let platform: TestPlatform;
let managerToken: string;
const today = () => localDateAt(new Date());

beforeAll(async () => {
  platform = await createTestPlatform();
  managerToken = await platform.signIn(demo.manager.email, demo.manager.password);
});
afterAll(() => platform.dispose());

/** As navigator.sendBeacon sends a string: text/plain; a new visit each time unless one is given. */
const beacon = (
  body: unknown,
  from: { visitId?: string; address?: string } = {},
  app: Hono<AppEnv> = platform.app,
) =>
  app.request('/api/museum/events', {
    method: 'POST',
    headers: {
      'Content-Type': 'text/plain;charset=UTF-8',
      // What CloudFront's function writes (functions/platform/client-address.ts).
      'X-Viewer-Address': from.address ?? '203.0.113.10',
    },
    body:
      typeof body === 'string'
        ? body
        : JSON.stringify({ visitId: from.visitId ?? randomUUID(), ...(body as object) }),
  });

/**
 * The events route over the test platform's table with `limits` and a clock that stands still 20 s into a
 * minute, so a test fills a window without racing its end.
 */
function limitedApp(limits: typeof EVENT_BATCH_LIMITS) {
  const { db, config, requireRole } = platform.dependencies;
  const stillClock = () => new Date(Date.UTC(2026, 0, 1, 8, 0, 20));
  const router = addAnalyticsRoutes(
    createRouter(),
    {
      analytics: createVisitAnalytics(db, config.tableName),
      museum: museumServiceFor(platform.dependencies),
      limiter: createRateLimiter(db, config.tableName, stillClock),
      limits,
      clock: stillClock,
    },
    requireRole,
  );
  const app = createHttpApp({ logger: silentLogger, maxBodyBytes: config.maxBodyBytes });
  app.route('/api/museum', router);
  return {
    beacon: (body: unknown, from: { visitId?: string; address?: string } = {}) => beacon(body, from, app),
  };
}

async function statistics(): Promise<DayStatistics> {
  const response = await platform.app.request(`/api/museum/statistics?from=${today()}&to=${today()}`, {
    headers: { Authorization: `Bearer ${managerToken}` },
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { days: DayStatistics[] }).days[0] as DayStatistics;
}

describe('visit analytics', () => {
  it('adds beacons of anonymous events to the day’s counters, per exhibit with the average dwell time', async () => {
    const first = await beacon({
      events: [
        { type: 'visit-started', language: 'en' },
        { type: 'exhibit-viewed', exhibitId: 'whale-skeleton', dwellSeconds: 30 },
        { type: 'exhibit-viewed', exhibitId: 'dau-ram-jar', dwellSeconds: 12 },
        { type: 'tour-started', tourId: 'highlights-20-minutes' },
      ],
    });
    expect(first.status).toBe(204);
    await beacon({
      events: [
        { type: 'visit-started', language: 'vi' },
        { type: 'exhibit-viewed', exhibitId: 'whale-skeleton', dwellSeconds: 50 },
        { type: 'tour-completed', tourId: 'highlights-20-minutes' },
      ],
    });
    expect(await statistics()).toMatchObject({
      visits: 2,
      visitsByLanguage: { vi: 1, en: 1 },
      exhibitViews: 3,
      toursStarted: 1,
      toursCompleted: 1,
      exhibits: [
        { exhibitId: 'whale-skeleton', views: 2, averageDwellSeconds: 40 },
        { exhibitId: 'dau-ram-jar', views: 1, averageDwellSeconds: 12 },
      ],
    });
  });

  it('refuses a malformed batch with problem+json and counts nothing of it', async () => {
    const before = await statistics();
    expect((await beacon('not json')).status).toBe(400);
    const invalid = await beacon({
      events: [
        { type: 'visit-started', language: 'en' },
        { type: 'exhibit-viewed', exhibitId: 'whale-skeleton', dwellSeconds: -5 },
      ],
    });
    expect(invalid.status).toBe(400);
    expect(((await invalid.json()) as { errors: { path: string }[] }).errors[0]?.path).toBe(
      'events.1.dwellSeconds',
    );
    expect(await statistics()).toEqual(before);
  });

  it('counts nothing of a batch that names an exhibit or tour the catalogue does not have', async () => {
    const before = await statistics();
    const response = await beacon({
      events: [
        { type: 'visit-started', language: 'en' },
        { type: 'exhibit-viewed', exhibitId: 'whale-skeleton', dwellSeconds: 10 },
        { type: 'exhibit-viewed', exhibitId: 'no-such-exhibit', dwellSeconds: 10 },
        { type: 'tour-started', tourId: 'no-such-tour' },
      ],
    });
    expect(response.status).toBe(422);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    const problem = (await response.json()) as { type: string; errors: { path: string }[] };
    expect(problem.type).toBe('/problems/unknown-reference');
    expect(problem.errors.map((error) => error.path)).toEqual(['events.2.exhibitId', 'events.3.tourId']);
    expect(await statistics()).toEqual(before);
  });

  it('counts a visit’s batches only up to its limit a minute, then answers 429 with Retry-After', async () => {
    const limited = limitedApp({ perVisit: 3, perAddress: 100, windowSeconds: 60 });
    const visitId = randomUUID();
    const batch = { events: [{ type: 'exhibit-viewed', exhibitId: 'dau-ram-jar', dwellSeconds: 1 }] };
    for (let sent = 0; sent < 3; sent++) {
      expect((await limited.beacon(batch, { visitId, address: '198.51.100.1' })).status).toBe(204);
    }
    const before = await statistics();
    const refused = await limited.beacon(batch, { visitId, address: '198.51.100.1' });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(((await refused.json()) as { type: string }).type).toBe('/problems/too-many-requests');
    // The window is a minute from the hour's start; the fixed clock stands 20 s into it.
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(await statistics()).toEqual(before);
    // Another visit from the same address is counted as before.
    expect((await limited.beacon(batch, { address: '198.51.100.1' })).status).toBe(204);
  });

  it('counts an address’s batches only up to its limit a minute, whatever visits it claims', async () => {
    const limited = limitedApp({ perVisit: 100, perAddress: 5, windowSeconds: 60 });
    const batch = { events: [{ type: 'visit-started', language: 'vi' }] };
    const address = '192.0.2.77';
    const answers = await Promise.all(Array.from({ length: 5 }, () => limited.beacon(batch, { address })));
    expect(answers.map((answer) => answer.status)).toEqual([204, 204, 204, 204, 204]);
    const before = await statistics();
    const refused = await limited.beacon(batch, { address });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('40');
    expect(await statistics()).toEqual(before);
    expect((await limited.beacon(batch, { address: '192.0.2.78' })).status).toBe(204);
  });

  it('shows the statistics to managers only', async () => {
    expect((await platform.app.request(`/api/museum/statistics?from=${today()}&to=${today()}`)).status).toBe(
      401,
    );
  });
});
