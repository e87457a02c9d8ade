// The demo dashboard counters (GENERATED DEMO DATA) on DynamoDB Local, seeded as npm start seeds them: a year up
// to yesterday for every panel, months the sums of their days, numbers that hold together, every item flagged demo
// under one marker, written once — and the backfill neither checks, deletes nor overwrites them.
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rollupBackfillFor } from '../../../functions/insights/rollups/assembly.js';
import { readDemoRange, seedDemoCounters } from '../../../functions/insights/rollups/demo-counters-store.js';
import {
  counterId,
  counterItemKey,
  ROLLUP_DOMAINS,
  ROLLUP_GROUPS,
  type RollupDomain,
} from '../../../functions/insights/rollups/model.js';
import { createRollupStore, type StoredCounter } from '../../../functions/insights/rollups/store.js';
import { addDays, isoWeekday, localDateAt } from '../../../functions/platform/local-time.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
const yesterday = addDays(localDateAt(new Date()), -1);
const firstDay = addDays(yesterday, -364);
const days: StoredCounter[] = [];
const months: StoredCounter[] = [];

beforeAll(async () => {
  platform = await createTestPlatform({ demoCounters: true });
  const store = createRollupStore(platform.dependencies.db, platform.tableName);
  for (const domain of ROLLUP_DOMAINS) {
    for (const group of ROLLUP_GROUPS[domain]) {
      days.push(...(await store.read(domain, group, 'DAY', firstDay, yesterday)));
      months.push(...(await store.read(domain, group, 'MONTH', firstDay.slice(0, 7), yesterday.slice(0, 7))));
    }
  }
}, 120_000);
afterAll(async () => {
  await platform?.dispose();
});

const of = (counters: StoredCounter[], domain: RollupDomain) =>
  counters.filter((counter) => counter.key.domain === domain);
const datesOf = (domain: RollupDomain) => new Set(of(days, domain).map((counter) => counter.key.bucket));
const everyDay = () => Array.from({ length: 365 }, (_, index) => addDays(firstDay, index));

describe('the demo counters', () => {
  it('cover the year up to yesterday under one marker, every item flagged demo', async () => {
    const range = await readDemoRange(platform.dependencies.db, platform.tableName);
    expect(range).toMatchObject({ from: firstDay, to: yesterday });
    const { Items = [] } = await platform.dependencies.db.send(
      new QueryCommand({
        TableName: platform.tableName,
        KeyConditionExpression: 'PK = :pk',
        ExpressionAttributeValues: { ':pk': counterItemKey(days[0]?.key as StoredCounter['key']).PK },
      }),
    );
    expect(Items.length).toBeGreaterThan(0);
    expect(Items.every((item) => item.demo === true && item.entity === 'InsightsCounter')).toBe(true);
  });

  it('give every panel numbers: boats and Wi-Fi every day, the museum every day it opens, alerts every month', () => {
    expect([...datesOf('BOATS')].sort()).toEqual(everyDay());
    expect([...datesOf('WIFI')].sort()).toEqual(everyDay());
    expect([...datesOf('MUSEUM')].sort()).toEqual(everyDay().filter((date) => isoWeekday(date) !== 1));
    const alertMonths = new Set([...datesOf('ALERTS')].map((date) => date.slice(0, 7)));
    expect(alertMonths.size).toBe(new Set(everyDay().map((date) => date.slice(0, 7))).size);
    expect(datesOf('BANS').size).toBeGreaterThan(0);
  });

  it('add up: each month is the sum of its days', () => {
    const sums = new Map<string, Record<string, number>>();
    for (const { key, measures } of days) {
      const id = counterId({ ...key, granularity: 'MONTH', bucket: key.bucket.slice(0, 7) });
      const sum = sums.get(id) ?? {};
      for (const [name, value] of Object.entries(measures)) sum[name] = (sum[name] ?? 0) + value;
      sums.set(id, sum);
    }
    expect(months.length).toBe(sums.size);
    for (const month of months) expect(month.measures).toEqual(sums.get(counterId(month.key)));
  });

  it('hold together: check-ins within passengers, seats filled within seats offered, devices within sessions', () => {
    for (const { measures: m } of of(days, 'BOATS')) {
      if (!m.passengers) continue;
      expect(m.checkedIn).toBeLessThanOrEqual(m.passengers);
      expect(m.checkedIn).toBeGreaterThanOrEqual(Math.floor(m.passengers * 0.85));
      expect(m.bookings).toBeLessThanOrEqual(m.passengers);
      expect(m.seatsFilled).toBeLessThanOrEqual(m.seatsOffered as number);
      expect(m.departuresRun).toBeLessThanOrEqual(m.departuresScheduled as number);
      expect(m.refunded ?? 0).toBeLessThanOrEqual(m.revenue as number);
    }
    for (const { key, measures } of of(days, 'WIFI')) {
      if (key.scope === 'city') expect(measures.devices).toBeLessThan(measures.sessions as number);
      else {
        for (const [name, sessions] of Object.entries(measures)) {
          if (name.startsWith('sessions.'))
            expect(measures[`devices.${name.slice('sessions.'.length)}`]).toBeLessThanOrEqual(sessions);
        }
      }
    }
    for (const { key, measures } of of(days, 'MUSEUM')) {
      if (key.scope === 'museum') {
        expect((measures.visitsVi ?? 0) + (measures.visitsEn ?? 0)).toBe(measures.visits);
        expect(measures.toursCompleted).toBeLessThanOrEqual(measures.toursStarted as number);
      }
    }
    // Each sale counts under all boats, its route, port and company and its mix: the year's is all boats'.
    const yearPassengers = of(months, 'BOATS')
      .filter(({ key }) => key.scope === 'all')
      .reduce((sum, { measures }) => sum + (measures.passengers ?? 0), 0);
    // The bay's scale (demo-history.ts: some 3 million a year).
    expect(yearPassengers).toBeGreaterThan(2_000_000);
    expect(yearPassengers).toBeLessThan(5_000_000);
  });

  it('are written once: a second seed finds the marker and writes nothing', async () => {
    const written = await seedDemoCounters(platform.dependencies.db, platform.tableName, {
      demand: { routes: [], ports: [], areas: [] },
      trades: [],
      hotspots: [],
      exhibitIds: [],
    });
    expect(written).toBe(0);
  });

  it('are left alone by the backfill, even where a real record lands in a demo day', async () => {
    const since = `${firstDay.slice(0, 7)}-01`;
    const backfill = rollupBackfillFor(platform.dependencies);
    // A real record on a demo day: the museum's day counter of the last day the demo museum opened (it closes on
    // Mondays, so not always yesterday).
    const museumDay = days
      .filter(({ key }) => key.domain === 'MUSEUM' && key.scope === 'museum')
      .map(({ key }) => key.bucket)
      .sort()
      .at(-1) as string;
    await platform.dependencies.db.send(
      new PutCommand({
        TableName: platform.tableName,
        Item: { PK: `MUSEUM#STATS#${museumDay}`, SK: 'DAY', entity: 'MuseumStatistics', visits: 3 },
      }),
    );
    // The seeded departures (today on) are counted; nothing in the demo year is touched.
    const first = await backfill.run({ since });
    expect(first.differences.filter(({ counter }) => !(counter.split('|')[2]! > yesterday))).toEqual([]);
    expect(await backfill.run({ since, check: true })).toMatchObject({ differences: [] });

    const store = createRollupStore(platform.dependencies.db, platform.tableName);
    const after: StoredCounter[] = [];
    for (const domain of ROLLUP_DOMAINS) {
      for (const group of ROLLUP_GROUPS[domain])
        after.push(...(await store.read(domain, group, 'DAY', firstDay, yesterday)));
    }
    const sort = (counters: StoredCounter[]) =>
      [...counters].sort((a, b) => counterId(a.key).localeCompare(counterId(b.key)));
    expect(sort(after)).toEqual(sort(days));
  });
});
