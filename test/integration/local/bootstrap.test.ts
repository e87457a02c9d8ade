import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBulkLoadClient, ensureTable, seedDemoData } from '../../../functions/local/bootstrap.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
/** Seeding goes through its own client, as `npm start` does: thousands of writes at once. */
let bulkLoad: ReturnType<typeof createBulkLoadClient>;
beforeAll(async () => {
  platform = await createTestPlatform({ seed: false });
  bulkLoad = createBulkLoadClient(platform.dependencies.config);
});
afterAll(async () => {
  bulkLoad.destroy();
  await platform.dispose();
});

/**
 * Seeding writes some 1,000 items (800 departures, the museum, 107 hotspots, 27 demand series) and these tests
 * seed twice: a few seconds on an idle DynamoDB Local (7 s measured), but the integration run shares one DynamoDB
 * Local among every file, so they get more than a request's 30 s.
 */
const SEEDING_TIMEOUT_MS = 120_000;

describe('local bootstrap', () => {
  it('creates the table once and finds it the second time', async () => {
    expect(await ensureTable(platform.dependencies.db, platform.tableName)).toBe(false);
  });

  it(
    'seeds the catalogue, the demo fleet, the museum and accounts, and a second run writes nothing',
    async () => {
      const { localAuth } = platform.dependencies;
      const first = await seedDemoData(bulkLoad, platform.tableName, localAuth?.accounts ?? null);
      expect(first).toEqual({
        boatsCatalogueItems: 14,
        fleetItems: 15,
        departures: expect.any(Number),
        // Visiting information, 14 rooms, 56 exhibits and 3 tours.
        museumItems: 74,
        wifiHotspots: 107,
        // Bay passengers (total, 8 routes, 4 ports), Wi-Fi sessions (total, 12 areas), museum visits.
        demandSeries: 27,
        // Only when asked for, as npm start does (insights/demo-counters.test.ts).
        demoCounters: 0,
        accounts: 4,
      });
      // Eight schedules over 90 days: about 800 departures, fewer only for the hours already past today.
      expect(first.departures).toBeGreaterThan(750);
      const second = await seedDemoData(bulkLoad, platform.tableName, localAuth?.accounts ?? null);
      expect(second).toEqual({
        boatsCatalogueItems: 0,
        fleetItems: 0,
        departures: 0,
        museumItems: 0,
        wifiHotspots: 0,
        demandSeries: 0,
        demoCounters: 0,
        accounts: 0,
      });
    },
    SEEDING_TIMEOUT_MS,
  );

  it(
    'never overwrites a manager’s edit when seeding again',
    async () => {
      const token = await platform.signIn(demo.manager.email, demo.manager.password);
      const route = (await (await platform.app.request('/api/boats/routes/8')).json()) as Record<
        string,
        unknown
      >;
      const { id: _id, updatedAt: _updatedAt, discounts: _discounts, ...details } = route;
      const edited = {
        ...details,
        sightseeingFee: { ...(details.sightseeingFee as object), amountVnd: 80000 },
      };
      const response = await platform.app.request('/api/boats/routes/8', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
        body: JSON.stringify(edited),
      });
      expect(response.status).toBe(200);
      await seedDemoData(bulkLoad, platform.tableName, null);
      const after = (await (await platform.app.request('/api/boats/routes/8')).json()) as {
        sightseeingFee: { amountVnd: number };
      };
      expect(after.sightseeingFee.amountVnd).toBe(80000);
    },
    SEEDING_TIMEOUT_MS,
  );
});
