// The stored forecasts end to end on DynamoDB Local: the demo demand history seeded with the platform, the
// nightly refresh writing a 90-day forecast per series, the managers' API reading them beside the actuals, and
// what the services record feeding the series after the demo history ends.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingsStore } from '../../../functions/boats/bookings/store.js';
import { forecastsFor, recordedDemandFor } from '../../../functions/insights/index.js';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import { adult, holdSeats, scheduleTestDeparture } from '../support/bookings.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let manager: string;
const today = localDateAt(new Date());

beforeAll(async () => {
  platform = await createTestPlatform();
  manager = await platform.signIn(demo.manager.email, demo.manager.password);
  const refreshed = await forecastsFor(platform.dependencies).refreshAll();
  expect(refreshed.series).toBe(27);
});
afterAll(() => platform.dispose());

const get = (path: string, token = manager) =>
  platform.app.request(path, { headers: token ? { Authorization: `Bearer ${token}` } : {} });

interface Answer {
  series: { id: string; demo: boolean; unit: string };
  forecast: {
    model: string;
    start: string;
    days: number;
    accuracy: { mase: number; mape: number | null; heldOutDays: number; heldOutFrom: string } | null;
  } | null;
  days: {
    date: string;
    actual: number | null;
    forecast: number | null;
    lower80: number | null;
    upper80: number | null;
    lower95: number | null;
    upper95: number | null;
  }[];
}

describe('demand forecasts', () => {
  it('lists the series: bay passengers (total, 8 routes, 4 ports), Wi-Fi (total, 12 areas), museum — demo data', async () => {
    const response = await get('/api/insights/series');
    expect(response.status).toBe(200);
    const { series } = (await response.json()) as { series: { id: string; demo: boolean }[] };
    expect(series).toHaveLength(27);
    expect(series.every((one) => one.demo)).toBe(true);
    expect(series.map((one) => one.id)).toEqual(
      expect.arrayContaining([
        'bay-passengers',
        'bay-passengers:route-1',
        'bay-passengers:port-tuan-chau',
        'wifi-sessions',
        'wifi-sessions:area-bai-chay',
        'museum-visits',
      ]),
    );
  });

  it('answers the actuals up to yesterday and the stored 90-day forecast from today, with nested intervals', async () => {
    const from = addDays(today, -7);
    const to = addDays(today, 89);
    const response = await get(`/api/insights/forecasts?series=bay-passengers&from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const answer = (await response.json()) as Answer;
    expect(answer.forecast).toMatchObject({ start: today, days: 90 });
    expect(answer.forecast?.model).toMatch(/harmonic regression/);
    // Measured at the refresh on the last four weeks held out: the demo history keeps its pattern, so the model
    // beats repeating the week before.
    expect(answer.forecast?.accuracy).toMatchObject({ heldOutDays: 28, heldOutFrom: addDays(today, -28) });
    expect(answer.forecast?.accuracy?.mase).toBeGreaterThan(0);
    expect(answer.forecast?.accuracy?.mase).toBeLessThan(1);
    expect(answer.days).toHaveLength(97);
    for (const day of answer.days.slice(0, 7)) {
      expect(day.actual).toBeGreaterThan(0);
      expect(day.forecast).toBeNull();
    }
    for (const day of answer.days.slice(7)) {
      expect(day.forecast).toBeGreaterThan(0);
      const { lower95, lower80, forecast, upper80, upper95 } = day as unknown as Record<string, number>;
      expect(lower95).toBeLessThanOrEqual(lower80 as number);
      expect(lower80).toBeLessThanOrEqual(forecast as number);
      expect(forecast).toBeLessThanOrEqual(upper80 as number);
      expect(upper80).toBeLessThanOrEqual(upper95 as number);
    }
  });

  it('forecasts the museum closed on Mondays, as its history is', async () => {
    const answer = (await (
      await get(`/api/insights/forecasts?series=museum-visits&from=${today}&to=${addDays(today, 13)}`)
    ).json()) as Answer;
    const mondays = answer.days.filter((day) => new Date(`${day.date}T00:00:00Z`).getUTCDay() === 1);
    expect(mondays).toHaveLength(2);
    expect(mondays.every((day) => day.forecast === 0)).toBe(true);
    expect(answer.days.filter((day) => (day.forecast ?? 0) > 0)).toHaveLength(12);
  });

  it('is for managers only, and explains a bad question', async () => {
    expect((await get('/api/insights/series', '')).status).toBe(401);
    const operator = await platform.signIn(demo.operator.email, demo.operator.password);
    expect((await get('/api/insights/series', operator)).status).toBe(403);
    const unknown = await get(`/api/insights/forecasts?series=nothing&from=${today}&to=${today}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toBe(PROBLEM_JSON);
    const backwards = await get(
      `/api/insights/forecasts?series=bay-passengers&from=${today}&to=${addDays(today, -1)}`,
    );
    expect(backwards.status).toBe(400);
  });

  it('reads what the services recorded for the days after the demo history: seats sold on a day’s departures', async () => {
    const departureId = await scheduleTestDeparture(platform, { daysAhead: 1 });
    const held = await holdSeats(platform, departureId, [adult(0), adult(1), adult(2)]);
    const store = createBookingsStore(platform.dependencies.db, platform.tableName);
    const booking = await store.getBooking(held.id);
    if (!booking) throw new Error('the booking was not stored');
    await store.confirmHeld(booking, { set: { status: 'confirmed', confirmedAt: new Date().toISOString() } });
    const recorded = recordedDemandFor(platform.dependencies);
    const tomorrow = addDays(today, 1);
    expect(await recorded('bay-passengers:route-1', tomorrow)).toBeGreaterThanOrEqual(3);
    expect(await recorded('bay-passengers:route-2', tomorrow)).toBe(0);
    expect(await recorded('museum-visits', tomorrow)).toBe(0);
  });
});
