import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBulkLoadClient, ensureTable, seedDemoData } from '../../../functions/local/bootstrap.js';
import type { Outbox } from '../../../functions/platform/messages/outbox.js';
import type { Alert, SafetyRules } from '../../../functions/tracking/index.js';
import { DEMO_DUTY_CONTACT } from '../../../functions/tracking/safety/demo-seed.js';
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
        demoDutyContacts: 0,
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
        demoDutyContacts: 0,
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

  it(
    'seeds a demo duty officer when asked (npm start), whom an alert then reaches in the outbox, and only once',
    async () => {
      const { localAuth } = platform.dependencies;
      const seeded = await seedDemoData(bulkLoad, platform.tableName, localAuth?.accounts ?? null, {
        demoDutyContact: true,
      });
      expect(seeded.demoDutyContacts).toBe(1);
      const token = await platform.signIn(demo.manager.email, demo.manager.password);
      const rules = (await (
        await platform.app.request('/api/tracking/rules', { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as SafetyRules;
      expect(rules).toMatchObject({ version: 1, updatedBy: 'seed', dutyContacts: [DEMO_DUTY_CONTACT] });
      expect(DEMO_DUTY_CONTACT.name).toContain('(demo');

      // Bay Pearl 01's tracker presses SOS in Tuần Châu's port, as Traccar Client posts it.
      const query = `id=GT-QN5868&timestamp=${Math.floor(Date.now() / 1000)}&lat=20.92&lon=106.993&alarm=sos`;
      expect((await platform.app.request(`/api/tracking/osmand?${query}`, { method: 'POST' })).status).toBe(
        200,
      );
      const alerts = (await (
        await platform.app.request('/api/tracking/alerts', { headers: { Authorization: `Bearer ${token}` } })
      ).json()) as { alerts: Alert[] };
      const sos = alerts.alerts.find((alert) => alert.kind === 'sos' && alert.boatId === 'bay-pearl-01');
      const outbox = platform.dependencies.messages as Outbox;
      const sent = (await outbox.list(50)).filter((message) => message.reference === sos?.id);
      expect(sent.map((message) => message.to)).toEqual(
        expect.arrayContaining([
          { phone: DEMO_DUTY_CONTACT.phone },
          { email: DEMO_DUTY_CONTACT.email },
          { phone: '+84 203 000 0101' },
          { email: 'operations@demo-bay-cruises.example' },
        ]),
      );
      expect(sent).toHaveLength(4);

      const again = await seedDemoData(bulkLoad, platform.tableName, null, { demoDutyContact: true });
      expect(again.demoDutyContacts).toBe(0);
    },
    SEEDING_TIMEOUT_MS,
  );
});
