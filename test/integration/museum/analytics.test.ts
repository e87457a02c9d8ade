import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayStatistics } from '../../../functions/museum/analytics.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let managerToken: string;
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  platform = await createTestPlatform();
  managerToken = await platform.signIn(demo.manager.email, demo.manager.password);
});
afterAll(() => platform.dispose());

/** As navigator.sendBeacon sends a string: text/plain. */
const beacon = (body: unknown) =>
  platform.app.request('/api/museum/events', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

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

  it('shows the statistics to managers only', async () => {
    expect((await platform.app.request(`/api/museum/statistics?from=${today()}&to=${today()}`)).status).toBe(
      401,
    );
  });
});
