/**
 * Property: whatever hotspot the registry's write schema accepts is stored and read back equal (secrets
 * included, through the store; without them, through the API). And a hotspot item damaged in the table is
 * left out of the list while an admin can still replace or remove it.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HotspotInput, hotspotView } from '../../../functions/wifi/model.js';
import { createHotspotStore } from '../../../functions/wifi/store.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';
import { acceptedBy } from '../support/schema-arbitrary.js';

let platform: TestPlatform;
let adminToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  adminToken = await platform.signIn('admin@halong.test', 'Admin-HaLong-2026');
});
afterAll(() => platform.dispose());

// Seeded and short, so that every run of the suite tries the same bodies; a property gets its own time budget.
const runs = { numRuns: 30, seed: 18_2026, endOnFailure: true };
const PROPERTY_TIMEOUT_MS = 120_000;
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

const call = (method: string, path: string, body?: unknown) =>
  platform.app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

describe('what an admin can register, the registry reads back equal', () => {
  it(
    'a hotspot (POST, then the stored item, GET alone and the list)',
    async () => {
      const store = createHotspotStore(platform.dependencies.db, platform.tableName);
      await fc.assert(
        fc.asyncProperty(acceptedBy(HotspotInput), async (body) => {
          const input = HotspotInput.parse(body);
          const response = await call('POST', '/api/wifi/hotspots', body);
          expect(response.status).toBe(201);
          const answered = (await response.json()) as { id: string };
          const stored = await store.get(answered.id);
          expect(stored).not.toBeNull();
          expect(asJson(stored?.gateway)).toEqual(asJson(input.gateway));
          expect(asJson(stored?.name)).toEqual(asJson(input.name));
          expect(asJson(hotspotView(stored as NonNullable<typeof stored>))).toEqual(answered);
          const alone = await call('GET', `/api/wifi/hotspots/${answered.id}`);
          expect(await alone.json()).toEqual(answered);
          expect((await call('GET', '/api/wifi/hotspots')).status).toBe(200);
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('a hotspot item damaged in the table', () => {
  it('is left out of the list, answered 404 alone, and can be replaced (secrets sent again) or removed', async () => {
    const damaged = (id: string) => ({
      PK: 'WIFI#HOTSPOTS',
      SK: `HOTSPOT#${id}`,
      entity: 'WifiHotspot',
      id,
      name: { vi: 'Hỏng', en: 'Damaged' },
      gateway: { vendor: 'opennds', securityLevel: 7 },
      demo: false,
    });
    for (const id of ['damaged-one', 'damaged-two']) {
      await platform.dependencies.db.send(
        new PutCommand({ TableName: platform.tableName, Item: damaged(id) }),
      );
    }
    const list = await call('GET', '/api/wifi/hotspots');
    expect(list.status).toBe(200);
    const ids = ((await list.json()) as { hotspots: { id: string }[] }).hotspots.map((hotspot) => hotspot.id);
    expect(ids).not.toContain('damaged-one');
    expect(ids.length).toBeGreaterThan(0);
    expect((await call('GET', '/api/wifi/hotspots/damaged-one')).status).toBe(404);

    const replacement = {
      name: 'Tuần Châu port – hall D',
      location: { lat: 20.9203, lon: 106.9931 },
      gateway: { vendor: 'opennds', securityLevel: 3 },
      loginMethods: ['terms'],
    };
    const withoutSecret = await call('PUT', '/api/wifi/hotspots/damaged-one', replacement);
    expect(withoutSecret.status).toBe(400);
    expect(await withoutSecret.text()).toContain('gateway.faskey');
    const replaced = await call('PUT', '/api/wifi/hotspots/damaged-one', {
      ...replacement,
      gateway: { ...replacement.gateway, faskey: 'hl-wifi-demo-faskey-2026' },
    });
    expect(replaced.status).toBe(200);
    expect((await call('GET', '/api/wifi/hotspots/damaged-one')).status).toBe(200);

    expect((await call('DELETE', '/api/wifi/hotspots/damaged-two')).status).toBe(204);
    expect((await call('DELETE', '/api/wifi/hotspots/damaged-two')).status).toBe(404);
  });
});
