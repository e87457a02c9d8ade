import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departureKeyOf } from '../../../../functions/boats/departures/store.js';
import { createBulkLoadClient, seedDemoData } from '../../../../functions/local/bootstrap.js';
import { addDays, localDateAt } from '../../../../functions/platform/local-time.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;
let operatorToken: string;
let managerToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  operatorToken = await platform.signIn(demo.operator.email, demo.operator.password);
  managerToken = await platform.signIn(demo.manager.email, demo.manager.password);
});
afterAll(() => platform.dispose());

const boatsOf = (operatorId: string, token?: string) =>
  platform.app.request(`/api/boats/operators/${operatorId}/boats`, {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  });

describe('GET /api/boats/operators', () => {
  it('lists the demo companies to anyone, with a contact phone and nothing more', async () => {
    const response = await platform.app.request('/api/boats/operators');
    expect(response.status).toBe(200);
    const { operators } = (await response.json()) as { operators: Record<string, unknown>[] };
    expect(operators).toHaveLength(5);
    expect(operators).toContainEqual({
      id: 'demo-bay-cruises',
      name: 'Demo Bay Cruises',
      contactPhone: '+84 203 000 0101',
    });
    for (const operator of operators)
      expect(Object.keys(operator).sort()).toEqual(['contactPhone', 'id', 'name']);
  });
});

describe('GET /api/boats/operators/{operatorId}/boats', () => {
  it("shows an operator their own company's boats with certificate and AIS details", async () => {
    const response = await boatsOf('demo-bay-cruises', operatorToken);
    expect(response.status).toBe(200);
    const { boats } = (await response.json()) as { boats: { id: string; mmsi: string | null }[] };
    expect(boats.map((boat) => boat.id)).toEqual([
      'bay-pearl-01',
      'bay-pearl-02',
      'bay-pearl-05',
      'bay-pearl-star',
    ]);
    expect(boats.find((boat) => boat.id === 'bay-pearl-star')).toMatchObject({
      certifiedCapacity: 60,
      mmsi: '574001234',
      registrationNumber: 'QN-6120',
    });
  });

  it("forbids (403) an operator from another company's boats", async () => {
    const response = await boatsOf('tuan-chau-sea-tours', operatorToken);
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/forbidden');
  });

  it("lets a manager see any company's boats, and answers 404 for an unknown company", async () => {
    expect((await boatsOf('tuan-chau-sea-tours', managerToken)).status).toBe(200);
    const missing = await boatsOf('no-such-company', managerToken);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { type: string }).type).toBe('/problems/not-found');
  });

  it('asks for sign-in when no token is sent', async () => {
    expect((await boatsOf('demo-bay-cruises')).status).toBe(401);
  });
});

describe('seeding the demo fleet again', () => {
  it('writes nothing new and keeps the seat counters of seeded departures', async () => {
    const inFiveDays = addDays(localDateAt(new Date()), 5);
    const search = await platform.app.request(`/api/boats/departures?date=${inFiveDays}&route=1`);
    const [first] = ((await search.json()) as { departures: { id: string; seatsLeft: number }[] }).departures;
    if (!first) throw new Error('the seed should have departures on route 1 in five days');
    const key = departureKeyOf(first.id);
    await platform.dependencies.db.send(
      new UpdateCommand({
        TableName: platform.tableName,
        Key: key ?? undefined,
        UpdateExpression: 'SET held = :held, sold = :sold, seatsFree = seatsFree - :taken',
        ExpressionAttributeValues: { ':held': 3, ':sold': 7, ':taken': 10 },
      }),
    );

    const bulkLoad = createBulkLoadClient(platform.dependencies.config);
    const again = await seedDemoData(bulkLoad, platform.tableName, null);
    bulkLoad.destroy();
    expect(again).toMatchObject({ boatsCatalogueItems: 0, fleetItems: 0, departures: 0 });

    const after = await platform.app.request(`/api/boats/departures/${first.id}`);
    expect(((await after.json()) as { seatsLeft: number }).seatsLeft).toBe(first.seatsLeft - 10);
  });
});
