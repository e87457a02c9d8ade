// The managers' counters on DynamoDB Local, fed by the table's real stream through the same handler the Lambda
// function runs: a booking paid, checked in and another cancelled; a hold refused for want of seats; an alert
// raised, acknowledged and resolved; Wi-Fi sessions; a museum visit — each moves the right counters exactly once,
// a record delivered twice or out of order changes nothing more, and the backfill computes the same counters from
// the records themselves.
import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupBackfillFor, rollupStreamHandlerFor } from '../../../functions/insights/rollups/assembly.js';
import { boatScope } from '../../../functions/insights/rollups/contributions.js';
import {
  type CounterKey,
  ROLLUP_GROUPS,
  type RollupDomain,
  scopeGroup,
} from '../../../functions/insights/rollups/model.js';
import { movesOf } from '../../../functions/insights/rollups/rollups.js';
import { createRollupStore, type StoredCounter } from '../../../functions/insights/rollups/store.js';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import { tableChangeOf } from '../../../functions/platform/table-changes/change.js';
import {
  type LocalStreamReader,
  startLocalStreamReader,
} from '../../../functions/platform/table-changes/local-stream-reader.js';
import type { Alert } from '../../../functions/tracking/index.js';
import { createAlertsStore } from '../../../functions/tracking/safety/alerts-store.js';
import { wifiAnalyticsFor } from '../../../functions/wifi/reads.js';
import { adult, asHolder, bookingBody, postBooking, scheduleTestDeparture } from '../support/bookings.js';
import { checkIn, paidBooking, postJson, staffTokens } from '../support/pier.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let reader: LocalStreamReader;
const delivered: DynamoDBRecord[] = [];
const today = localDateAt(new Date());
const travelDay = addDays(today, 5);
const since = `${addDays(today, -40).slice(0, 7)}-01`;
let departureId: string;

beforeAll(async () => {
  platform = await createTestPlatform({ stream: true });
  // As the local start does: the seeded records counted by the backfill, the stream read from then on.
  await rollupBackfillFor(platform.dependencies).run({ since });
  const handler = rollupStreamHandlerFor(platform.dependencies);
  reader = await startLocalStreamReader({
    dynamoDb: platform.dependencies.db,
    tableName: platform.tableName,
    logger: platform.dependencies.logger,
    startingPosition: 'LATEST',
    handler: async (event) => {
      delivered.push(...event.Records);
      return handler(event);
    },
  });
  departureId = await scheduleTestDeparture(platform, { daysAhead: 5 });
});
afterAll(async () => {
  await reader?.stop();
  await platform?.dispose();
});

const store = () => createRollupStore(platform.dependencies.db, platform.tableName);

async function counter(
  domain: RollupDomain,
  granularity: CounterKey['granularity'],
  bucket: string,
  scope: string,
) {
  const counters = await store().read(domain, scopeGroup(domain, scope), granularity, bucket, bucket);
  return counters.find((one) => one.key.scope === scope)?.measures ?? {};
}

async function everyCounter(): Promise<StoredCounter[]> {
  const domains: RollupDomain[] = ['BOATS', 'BANS', 'ALERTS', 'WIFI', 'MUSEUM'];
  const pages = await Promise.all(
    domains.flatMap((domain) =>
      ROLLUP_GROUPS[domain].flatMap((group) => [
        store().read(domain, group, 'DAY', addDays(today, -40), addDays(today, 40)),
        store().read(domain, group, 'MONTH', addDays(today, -40).slice(0, 7), addDays(today, 40).slice(0, 7)),
      ]),
    ),
  );
  return pages.flat().sort((a, b) => JSON.stringify(a.key).localeCompare(JSON.stringify(b.key)));
}

const scope = boatScope(1, 'tuan-chau', 'demo-bay-cruises');

describe('the boats’ counters', () => {
  it('count a paid booking, its passengers checked in, a cancellation with its refund, and a refused hold', async () => {
    await reader.drained();
    // The seeded departures of the day count too: what the test adds is the difference.
    const baseline = await counter('BOATS', 'DAY', travelDay, scope);
    const { operator } = await staffTokens(platform);
    const kept = await paidBooking(platform, departureId, [adult(1), adult(2)]);
    const cancelled = await paidBooking(platform, departureId, [adult(3)]);
    expect((await checkIn(platform, operator, { code: kept.code, departureId })).status).toBe(200);
    const cancel = await platform.app.request(`/api/bookings/${cancelled.id}/cancel`, {
      method: 'POST',
      headers: { ...asHolder(cancelled.accessToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({}),
    });
    expect(cancel.status, await cancel.clone().text()).toBe(200);
    // 48 seats, 2 sold: a party of 47 is refused.
    const refused = await postBooking(
      platform,
      bookingBody(
        departureId,
        Array.from({ length: 20 }, (_, index) => adult(10 + index)),
      ),
    );
    expect(refused.status).toBe(201);
    const tooMany = await postBooking(
      platform,
      bookingBody(
        departureId,
        Array.from({ length: 20 }, (_, index) => adult(40 + index)),
      ),
    );
    expect(tooMany.status).toBe(201);
    const soldOut = await postBooking(
      platform,
      bookingBody(
        departureId,
        Array.from({ length: 8 }, (_, index) => adult(70 + index)),
      ),
    );
    expect(soldOut.status).toBe(409);
    await reader.drained();

    const after = await counter('BOATS', 'DAY', travelDay, scope);
    const day = Object.fromEntries(
      Object.entries(after).map(([name, value]) => [name, value - (baseline[name] ?? 0)]),
    );
    expect(day).toMatchObject({
      bookings: 2,
      passengers: 3,
      revenue: kept.total + cancelled.total,
      checkedIn: 2,
      cancelled: 1,
      cancelledPassengers: 1,
      capacityRefusals: 1,
      refusedSeats: 8,
    });
    expect(day.refunded).toBeGreaterThan(0);
    // The month and the hour moved with the day (no seeded booking travels at 05:00 in 5 days).
    const month = await counter('BOATS', 'MONTH', travelDay.slice(0, 7), scope);
    expect(month.checkedIn).toBeGreaterThanOrEqual(2);
    const hour = await counter('BOATS', 'HOUR', `${travelDay}T05`, scope);
    expect(hour).toMatchObject({ bookings: 2, passengers: 3, checkedIn: 2, departuresScheduled: 1 });
  });
});

describe('the other services’ counters', () => {
  it('count an alert raised, acknowledged and resolved, with the seconds each took', async () => {
    const alerts = createAlertsStore(platform.dependencies.db, platform.tableName);
    const raisedAt = new Date(Date.now() - 10 * 60_000);
    const alert: Alert = {
      id: `alert-rollup-${Date.now()}`,
      kind: 'sos',
      state: 'open',
      boatId: 'bay-pearl-01',
      boatName: 'Bay Pearl 01',
      operatorId: 'demo-bay-cruises',
      departureId: null,
      reason: { vi: 'Tín hiệu SOS', en: 'SOS signal' },
      raisedAt: raisedAt.toISOString(),
      position: null,
      aboard: null,
      acknowledged: null,
      resolved: null,
      conditionEndedAt: null,
    };
    expect(await alerts.raise(alert, raisedAt)).toBe(true);
    const acknowledged = {
      ...alert,
      state: 'acknowledged' as const,
      acknowledged: {
        at: new Date(raisedAt.getTime() + 90_000).toISOString(),
        by: 'manager@halong.test',
        note: '',
      },
    };
    expect(await alerts.update(acknowledged, ['open'])).toBe(true);
    const resolved = {
      ...acknowledged,
      state: 'resolved' as const,
      resolved: {
        at: new Date(raisedAt.getTime() + 600_000).toISOString(),
        by: 'manager@halong.test',
        note: 'safe',
      },
    };
    expect(await alerts.update(resolved, ['acknowledged'])).toBe(true);
    await reader.drained();
    expect(await counter('ALERTS', 'DAY', localDateAt(raisedAt), 'sos|demo-bay-cruises')).toEqual({
      raised: 1,
      acknowledged: 1,
      acknowledgeSeconds: 90,
      resolved: 1,
      resolveSeconds: 600,
    });
  });

  it('count Wi-Fi sessions per hotspot and hour, and a museum visit with its exhibits', async () => {
    const wifi = wifiAnalyticsFor(platform.dependencies);
    const at = new Date();
    for (const [index, newDevice] of [true, false, true].entries()) {
      await wifi.startSession({
        hotspotId: 'hl-bai-chay-001',
        method: 'terms',
        sessionKey: `rollup-${index}`,
        newDeviceHere: newDevice,
        newDeviceInCity: newDevice,
        at,
      });
    }
    const visit = await postJson(platform, '/api/museum/events', null, {
      visitId: 'rollup-visit-000000000001',
      events: [
        { type: 'visit-started', language: 'en' },
        { type: 'exhibit-viewed', exhibitId: 'whale-skeleton', dwellSeconds: 42 },
        { type: 'tour-completed', tourId: 'highlights-20-minutes' },
      ],
    });
    expect(visit.status, await visit.clone().text()).toBeLessThan(300);
    await reader.drained();
    expect(await counter('WIFI', 'DAY', today, 'hotspots')).toMatchObject({
      'sessions.hl-bai-chay-001': 3,
      'devices.hl-bai-chay-001': 2,
    });
    expect(await counter('WIFI', 'DAY', today, 'city')).toMatchObject({ sessions: 3, devices: 2 });
    const hour = String((at.getUTCHours() + 7) % 24).padStart(2, '0');
    expect(await counter('WIFI', 'HOUR', `${today}T${hour}`, 'city')).toEqual({ sessions: 3 });
    const museumDay = localDateAt(at);
    expect(await counter('MUSEUM', 'DAY', museumDay, 'museum')).toMatchObject({
      visits: 1,
      visitsEn: 1,
      toursCompleted: 1,
      exhibitViews: 1,
    });
    expect(await counter('MUSEUM', 'DAY', museumDay, 'exhibits')).toEqual({
      'views.whale-skeleton': 1,
      'dwellSeconds.whale-skeleton': 42,
    });
  });
});

describe('exactly once', () => {
  it('changes nothing when every record is delivered again, and the backfill agrees with the counters', async () => {
    await reader.drained();
    const before = await everyCounter();
    expect(before.length).toBeGreaterThan(5);
    const handler = rollupStreamHandlerFor(platform.dependencies);
    const again: DynamoDBStreamEvent = { Records: [...delivered] };
    expect((await handler(again)).batchItemFailures).toEqual([]);
    expect(await everyCounter()).toEqual(before);
    const report = await rollupBackfillFor(platform.dependencies).run({
      since,
      check: true,
    });
    expect(report.differences).toEqual([]);
  });

  it('counts the same when the records arrive in reverse order, and the backfill rebuilds them from nothing', async () => {
    await reader.drained();
    const before = await everyCounter();
    const rollups = store();
    const handler = rollupStreamHandlerFor(platform.dependencies);
    /** No counters, and no record applied yet. */
    async function startOver() {
      await rollups.replace(
        new Map(),
        (await everyCounter()).map((one) => one.key),
      );
      for (const record of delivered) {
        await platform.dependencies.db.send(
          new DeleteCommand({
            TableName: platform.tableName,
            Key: { PK: `INSIGHTS#APPLIED#${record.eventID}`, SK: 'APPLIED' },
          }),
        );
      }
      expect(await everyCounter()).toEqual([]);
    }
    await startOver();
    expect((await handler({ Records: delivered })).batchItemFailures).toEqual([]);
    const inOrder = await everyCounter();
    await startOver();
    expect((await handler({ Records: [...delivered].reverse() })).batchItemFailures).toEqual([]);
    expect(await everyCounter()).toEqual(inOrder);

    await startOver();
    const report = await rollupBackfillFor(platform.dependencies).run({ since });
    expect(report.written).toBe(true);
    expect(await everyCounter()).toEqual(before);
  });
});

describe('a failed change', () => {
  it('is reported with its sequence number so the batch is delivered again from it', async () => {
    const handler = rollupStreamHandlerFor({
      ...platform.dependencies,
      config: { ...platform.dependencies.config, tableName: 'no-such-table' },
    });
    const record = delivered.find((one) => {
      const change = tableChangeOf(one);
      return change !== null && movesOf(change).size > 0;
    }) as DynamoDBRecord;
    const answer = await handler({ Records: [record] });
    expect(answer.batchItemFailures).toEqual([{ itemIdentifier: record.dynamodb?.SequenceNumber }]);
  });
});
