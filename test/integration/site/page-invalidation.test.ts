/**
 * The stream's reader against the items real writes leave: each write made through the API, the item it changed
 * read before and after, as the table's stream carries them (NEW_AND_OLD_IMAGES), and given to the handler. Seats
 * moving must not cost an invalidation: every hold, payment and expiry moves them.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { AttributeValue, DynamoDBRecord } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departureKeyOf } from '../../../functions/boats/departures/store.js';
import type { Invalidation } from '../../../functions/platform/cdn/port.js';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import type { ItemKey } from '../../../functions/platform/table.js';
import { invalidateStalePages } from '../../../functions/site/page-invalidation.js';
import { bookingsServiceAt, holdSeats, scheduleTestDeparture } from '../support/bookings.js';
import { createTestPlatform, demo, silentLogger, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let managerToken: string;
const asked: Invalidation[] = [];
const invalidate = invalidateStalePages({
  cdn: {
    invalidate: async (invalidation) => {
      asked.push(invalidation);
      return { id: `I${asked.length}` };
    },
  },
  logger: silentLogger,
  sleep: async () => {},
});

beforeAll(async () => {
  platform = await createTestPlatform();
  managerToken = await platform.signIn(demo.manager.email, demo.manager.password);
});
afterAll(() => platform.dispose());

async function storedItem(key: ItemKey) {
  const { Item } = await platform.dependencies.db.send(
    new GetCommand({ TableName: platform.tableName, Key: key }),
  );
  return Item;
}

/** The stream's record of what `write` did to the item at `key`, as DynamoDB writes it. */
async function recordOf(key: ItemKey, write: () => Promise<unknown>): Promise<DynamoDBRecord> {
  const before = await storedItem(key);
  await write();
  const after = await storedItem(key);
  // As the stream delivers them: DynamoDB JSON.
  const image = (item: Record<string, unknown>): Record<string, AttributeValue> =>
    JSON.parse(JSON.stringify(marshall(item, { removeUndefinedValues: true })));
  return {
    eventID: `${key.PK}/${key.SK}`,
    eventName: !before ? 'INSERT' : !after ? 'REMOVE' : 'MODIFY',
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.now() / 1000),
      Keys: image({ ...key }),
      ...(before && { OldImage: image(before) }),
      ...(after && { NewImage: image(after) }),
    },
  };
}

async function invalidationsFor(records: DynamoDBRecord[]): Promise<Invalidation[]> {
  asked.length = 0;
  await invalidate({ Records: records });
  return [...asked];
}

describe('what real writes cost in invalidations', () => {
  it('asks none for a booking holding seats and its hold ending: they move the seat counters alone', async () => {
    const departureId = await scheduleTestDeparture(platform, { daysAhead: 4 });
    const key = departureKeyOf(departureId) as ItemKey;
    const held = await recordOf(key, () => holdSeats(platform, departureId));
    const released = await recordOf(key, () =>
      bookingsServiceAt(platform, 60 * 60_000).releaseExpiredHolds(),
    );
    expect(held.dynamodb?.OldImage?.seatsFree).not.toEqual(held.dynamodb?.NewImage?.seatsFree);
    expect(released.dynamodb?.OldImage?.held).not.toEqual(released.dynamodb?.NewImage?.held);
    expect(await invalidationsFor([held, released])).toEqual([]);
  });

  it('invalidates the departure search when a departure is scheduled', async () => {
    const day = addDays(localDateAt(new Date()), 6);
    const departureId = `dep-${day.replaceAll('-', '')}-0559-bay-pearl-01`;
    const key = departureKeyOf(departureId) as ItemKey;
    let scheduled = '';
    const record = await recordOf(key, async () => {
      scheduled = await scheduleTestDeparture(platform, { daysAhead: 6, localTime: '05:59' });
    });
    expect(scheduled).toBe(departureId);
    expect(await invalidationsFor([record])).toMatchObject([
      {
        paths: [
          '/en/boats/departures*',
          '/en/boats/routes/*',
          '/en/welcome*',
          '/vi/boats/departures*',
          '/vi/boats/routes/*',
          '/vi/welcome*',
        ],
      },
    ]);
  });

  it('invalidates every page showing the routes when a manager edits one', async () => {
    const {
      id: _id,
      updatedAt: _updatedAt,
      discounts: _discounts,
      ...route
    } = (await (await platform.app.request('/api/boats/routes/4')).json()) as Record<string, unknown> & {
      summary: { vi: string; en: string };
    };
    const record = await recordOf({ PK: 'BOATS#CATALOG', SK: 'ROUTE#004' }, async () => {
      const response = await platform.app.request('/api/boats/routes/4', {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${managerToken}` },
        body: JSON.stringify({
          ...route,
          summary: { ...route.summary, en: 'Edited for the stream’s reader.' },
        }),
      });
      expect(response.status).toBe(200);
    });
    expect(await invalidationsFor([record])).toMatchObject([
      { paths: ['/en/boats*', '/en/welcome*', '/en/wifi*', '/vi/boats*', '/vi/welcome*', '/vi/wifi*'] },
    ]);
  });
});
