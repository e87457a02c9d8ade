import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DepartureOffer, Fares } from '../../../../functions/boats/departures/model.js';
import type { Boat } from '../../../../functions/boats/fleet/model.js';
import { createFleetStore } from '../../../../functions/boats/fleet/store.js';
import { addDays, isoWeekday, localDateAt } from '../../../../functions/platform/local-time.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;
let operatorToken: string;
let managerToken: string;
const today = localDateAt(new Date());
const inDays = (days: number) => addDays(today, days);

beforeAll(async () => {
  platform = await createTestPlatform();
  operatorToken = await platform.signIn(demo.operator.email, demo.operator.password);
  managerToken = await platform.signIn(demo.manager.email, demo.manager.password);
});
afterAll(() => platform.dispose());

const fares: Fares = {
  adult: 100000,
  'child-7-to-12': 70000,
  'child-under-7': 50000,
  'vietnamese-senior-60': 80000,
  'severe-disability': 50000,
};

function schedule(body: Record<string, unknown>, token = operatorToken) {
  return platform.app.request('/api/boats/departures', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ routeId: 1, portId: 'tuan-chau', fares, ...body }),
  });
}

async function search(query: string) {
  const response = await platform.app.request(`/api/boats/departures?${query}`);
  return {
    response,
    departures: ((await response.clone().json()) as { departures: DepartureOffer[] }).departures,
  };
}

async function departureExists(id: string): Promise<boolean> {
  return (await platform.app.request(`/api/boats/departures/${id}`)).status === 200;
}

async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
  return (await response.json()) as { type: string; detail: string; errors?: { path: string }[] };
}

describe('POST /api/boats/departures', () => {
  it("lets an operator schedule its own boat on chosen weekdays, copying the boat's capacity", async () => {
    const dates = { from: inDays(10), to: inDays(16), weekdays: [1, 3, 5] };
    const response = await schedule({ boatId: 'bay-pearl-02', localTime: '06:45', dates });
    expect(response.status).toBe(201);
    const result = (await response.json()) as { created: number; departures: Record<string, unknown>[] };
    // Seven consecutive days hold each weekday once.
    expect(result.created).toBe(3);
    for (const departure of result.departures) {
      expect([1, 3, 5]).toContain(isoWeekday(departure.localDate as string));
      expect(departure).toMatchObject({
        capacity: 36,
        held: 0,
        sold: 0,
        status: 'open',
        operatorId: 'demo-bay-cruises',
      });
      expect(departure.departsAt).toBe(new Date(`${departure.localDate}T06:45:00+07:00`).toISOString());
    }
    const first = result.departures[0] as { id: string; localDate: string };
    const { departures } = await search(`date=${first.localDate}&route=1`);
    expect(departures.find((offer) => offer.id === first.id)).toMatchObject({ seatsLeft: 36 });
  });

  it("forbids (403) an operator from scheduling another company's boat, and writes nothing", async () => {
    const response = await schedule({ boatId: 'sea-swallow-1', localTime: '06:50', dates: inDays(11) });
    expect(response.status).toBe(403);
    expect((await problemOf(response)).type).toBe('/problems/forbidden');
    expect(await departureExists(`dep-${inDays(11).replaceAll('-', '')}-0650-sea-swallow-1`)).toBe(false);
  });

  it("lets a manager schedule any company's boat", async () => {
    const response = await schedule(
      { boatId: 'sea-swallow-1', localTime: '06:50', dates: inDays(11) },
      managerToken,
    );
    expect(response.status).toBe(201);
  });

  it('refuses a boat whose safety certificate has expired, naming the boat and the date', async () => {
    const response = await schedule({ boatId: 'bay-pearl-05', localTime: '07:00', dates: inDays(3) });
    expect(response.status).toBe(422);
    const problem = await problemOf(response);
    expect(problem.type).toBe('/problems/certificate-expired');
    expect(problem.detail).toContain('Bay Pearl 05');
    expect(problem.detail).toContain('2026-09-30');
    expect(await departureExists(`dep-${inDays(3).replaceAll('-', '')}-0700-bay-pearl-05`)).toBe(false);
  });

  it('refuses a range that outlasts the certificate and writes none of its dates', async () => {
    const boat: Boat = {
      id: 'bay-pearl-test',
      operatorId: 'demo-bay-cruises',
      name: 'Bay Pearl Test',
      registrationNumber: 'QN-9999',
      class: 'day-cruise',
      certifiedCapacity: 24,
      safetyCertificateExpiresOn: inDays(12),
      trackerId: null,
      mmsi: null,
    };
    await createFleetStore(platform.dependencies.db, platform.tableName).addBoatIfAbsent(boat);
    const response = await schedule({
      boatId: boat.id,
      localTime: '07:00',
      dates: { from: inDays(10), to: inDays(14) },
    });
    expect(response.status).toBe(422);
    expect((await problemOf(response)).type).toBe('/problems/certificate-expired');
    expect(await departureExists(`dep-${inDays(10).replaceAll('-', '')}-0700-${boat.id}`)).toBe(false);
  });

  it('refuses to schedule the same boat twice at the same minute', async () => {
    const first = await schedule({ boatId: 'bay-pearl-01', localTime: '05:30', dates: inDays(20) });
    expect(first.status).toBe(201);
    const again = await schedule({ boatId: 'bay-pearl-01', localTime: '05:30', dates: inDays(20) });
    expect(again.status).toBe(409);
    const problem = await problemOf(again);
    expect(problem.type).toBe('/problems/departure-exists');
    expect(problem.detail).toContain(`dep-${inDays(20).replaceAll('-', '')}-0530-bay-pearl-01`);
  });

  it('writes nothing of a long schedule when one of its later dates is taken', async () => {
    expect((await schedule({ boatId: 'bay-pearl-01', localTime: '05:45', dates: inDays(150) })).status).toBe(
      201,
    );
    // 121 dates: the taken one falls in the second transaction of 100, after the first was written.
    const response = await schedule({
      boatId: 'bay-pearl-01',
      localTime: '05:45',
      dates: { from: inDays(40), to: inDays(160) },
    });
    expect(response.status).toBe(409);
    expect(await departureExists(`dep-${inDays(40).replaceAll('-', '')}-0545-bay-pearl-01`)).toBe(false);
    expect(await departureExists(`dep-${inDays(160).replaceAll('-', '')}-0545-bay-pearl-01`)).toBe(false);
  });

  it('refuses a departure time that has already passed', async () => {
    const response = await schedule({ boatId: 'bay-pearl-01', localTime: '00:00', dates: today });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((error) => error.path)).toEqual(['dates']);
  });

  it('refuses more than 366 departures in one request', async () => {
    const response = await schedule({
      boatId: 'bay-pearl-01',
      localTime: '04:00',
      dates: { from: inDays(1), to: inDays(400) },
    });
    expect(response.status).toBe(400);
    expect((await problemOf(response)).errors?.map((error) => error.path)).toEqual(['dates']);
  });

  it('lists every invalid field: a malformed time, a missing fare, an unknown route', async () => {
    const { 'child-under-7': _missing, ...incompleteFares } = fares;
    const response = await schedule({
      boatId: 'bay-pearl-01',
      localTime: '8am',
      dates: inDays(2),
      fares: incompleteFares,
    });
    expect(response.status).toBe(400);
    const paths = (await problemOf(response)).errors?.map((error) => error.path).sort();
    expect(paths).toEqual(['fares.child-under-7', 'localTime']);
    const unknownRoute = await schedule({
      boatId: 'bay-pearl-01',
      localTime: '04:10',
      dates: inDays(2),
      routeId: 42,
    });
    expect(unknownRoute.status).toBe(400);
    expect((await problemOf(unknownRoute)).errors?.map((error) => error.path)).toEqual(['routeId']);
  });
});

describe('GET /api/boats/departures', () => {
  const day = inDays(3);

  it('lists a day’s departures on a route in time order, cacheable for 30 seconds', async () => {
    const { response, departures } = await search(`date=${day}&route=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=30');
    expect(departures.length).toBeGreaterThanOrEqual(5);
    expect(departures.every((offer) => offer.routeId === 1)).toBe(true);
    const times = departures.map((offer) => offer.departsAt);
    expect(times).toEqual([...times].sort());
    expect(departures[0]).toMatchObject({
      operator: { id: expect.any(String), name: expect.any(String) },
      boat: { id: expect.any(String), name: expect.any(String), capacity: expect.any(Number) },
      sightseeingFeeIncluded: true,
    });
  });

  it('filters by port', async () => {
    const { departures } = await search(`date=${day}&port=ha-long-cruise-port`);
    expect(departures.map((offer) => offer.boat.id)).toEqual(['heritage-lotus']);
  });

  it('lists only departures with seats for the whole party', async () => {
    const { departures } = await search(`date=${day}&passengers=50`);
    expect(departures.map((offer) => offer.boat.id).sort()).toEqual(['bay-pearl-star', 'heritage-lotus']);
    expect(departures.every((offer) => offer.seatsLeft >= 50)).toBe(true);
  });

  it('answers 400 with the failing fields for a bad query', async () => {
    const response = await platform.app.request('/api/boats/departures?route=x&passengers=61');
    expect(response.status).toBe(400);
    const paths = (await problemOf(response)).errors?.map((error) => error.path).sort();
    expect(paths).toEqual(['date', 'passengers', 'route']);
  });

  it('prices from the fee rules in force: a route fee edited by a manager shows in the next search', async () => {
    const before = (await search(`date=${day}&route=2`)).departures[0];
    expect(before?.prices).toMatchObject({ adult: 150000 + 290000, 'child-under-7': 75000 });

    const route = (await (await platform.app.request('/api/boats/routes/2')).json()) as Record<
      string,
      unknown
    >;
    const { id: _id, updatedAt: _updatedAt, discounts: _discounts, ...details } = route;
    const edited = {
      ...details,
      sightseeingFee: { ...(details.sightseeingFee as object), amountVnd: 300000 },
    };
    const put = await platform.app.request('/api/boats/routes/2', {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${managerToken}` },
      body: JSON.stringify(edited),
    });
    expect(put.status).toBe(200);

    const after = (await search(`date=${day}&route=2`)).departures[0];
    expect(after?.prices).toEqual({
      adult: 150000 + 300000,
      'child-7-to-12': 100000 + 240000,
      'child-under-7': 75000,
      'vietnamese-senior-60': 120000 + 150000,
      'severe-disability': 75000,
    });
  });

  it('says when a route’s sightseeing fee is unpublished and prices the boat fare alone', async () => {
    // Route 3 sails on Wednesdays, Saturdays and Sundays.
    const sailing = [1, 2, 3, 4, 5, 6, 7].map(inDays).find((date) => [3, 6, 7].includes(isoWeekday(date)));
    const [offer] = (await search(`date=${sailing}&route=3`)).departures;
    expect(offer).toMatchObject({
      sightseeingFeeIncluded: false,
      prices: { adult: 300000, 'child-under-7': 150000 },
    });
  });
});
