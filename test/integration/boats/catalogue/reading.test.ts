import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, PROBLEM_JSON, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.dispose());

interface RouteBody {
  id: number;
  name: { vi: string; en: string };
  stops: { name: { vi: string; en: string } }[];
  sightseeingFee: {
    amountVnd: number | null;
    unit: string;
    components: { kind: string; amountVnd: number }[];
  };
  discounts: { id: string; percentOff: number }[];
}

describe('GET /api/boats/routes', () => {
  it('lists the eight official routes in number order with their fees and discounts', async () => {
    const response = await platform.app.request('/api/boats/routes');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { routes: RouteBody[]; feePolicy: { discounts: unknown[] } };
    expect(body.routes.map((route) => route.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    const fees = Object.fromEntries(body.routes.map((route) => [route.id, route.sightseeingFee.amountVnd]));
    expect(fees).toEqual({
      1: 290000,
      2: 290000,
      3: null,
      4: null,
      5: 290000,
      6: 150000,
      7: 600000,
      8: 70000,
    });
    expect(body.routes[0]?.sightseeingFee.components).toEqual([
      { kind: 'sightseeing', amountVnd: 250000 },
      { kind: 'port', amountVnd: 40000 },
    ]);
    expect(body.routes[5]?.sightseeingFee.unit).toBe('per-person-per-day');
    expect(body.routes[0]?.discounts.map((discount) => [discount.id, discount.percentOff])).toEqual([
      ['child-under-7-or-1-2m', 100],
      ['severe-disability', 100],
      ['child-7-to-12', 20],
      ['vietnamese-senior-60', 50],
    ]);
    expect(body.feePolicy.discounts).toHaveLength(4);
  });
});

describe('GET /api/boats/routes/{id}', () => {
  it('returns route 2 with its stops from Tuần Châu to Mê Cung cave', async () => {
    const response = await platform.app.request('/api/boats/routes/2');
    expect(response.status).toBe(200);
    const route = (await response.json()) as RouteBody & { departurePortId: string };
    expect(route.departurePortId).toBe('tuan-chau');
    expect(route.stops.at(0)?.name.vi).toBe('Soi Sim');
    expect(route.stops.at(-1)?.name.en).toBe('Mê Cung Cave');
  });

  it('answers 404 problem+json for a route that does not exist', async () => {
    const response = await platform.app.request('/api/boats/routes/42');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(await response.json()).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      detail: 'There is no route 42.',
    });
  });

  it('answers 400 naming the path parameter when the id is not a route number', async () => {
    const response = await platform.app.request('/api/boats/routes/abc');
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { type: string; errors: { location: string; path: string }[] };
    expect(problem.type).toBe('/problems/validation-error');
    expect(problem.errors).toEqual([expect.objectContaining({ location: 'path', path: 'id' })]);
  });
});

describe('GET /api/boats/ports', () => {
  it('lists the four ports with coordinates inside the bay area', async () => {
    const response = await platform.app.request('/api/boats/ports');
    const { ports } = (await response.json()) as {
      ports: { id: string; position: { lat: number; lon: number } }[];
    };
    expect(ports.map((port) => port.id).sort()).toEqual([
      'cai-rong',
      'ha-long-cruise-port',
      'hon-gai',
      'tuan-chau',
    ]);
    for (const { position } of ports) {
      expect(position.lat).toBeGreaterThan(20.5);
      expect(position.lat).toBeLessThan(21.5);
      expect(position.lon).toBeGreaterThan(106.8);
      expect(position.lon).toBeLessThan(107.6);
    }
  });
});
