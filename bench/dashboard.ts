/**
 * The managers' dashboard (issue 22): three years of counters (the demo generator's, from the seeded catalogue,
 * fleet, hotspots and exhibits), then 20 managers asking for a one-year period at once, for a fixed time each —
 * the summary and each panel through the real API over HTTP, beside the same counters read by plain DynamoDB
 * Local Queries (the reads the API makes, with no routing, auth or adding up): what the platform adds to the
 * database's own time. Then what the roll-ups cost per recorded event: the write capacity DynamoDB reports for
 * each kind of change, the marker and the counters in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import { readBoatsCatalogueSeed } from '../functions/boats/catalogue/seed.js';
import { readDemoFleetSeed } from '../functions/boats/fleet/demo-seed.js';
import { planPeriod, yearBefore } from '../functions/insights/dashboard/period.js';
import { demoCounters } from '../functions/insights/rollups/demo-counters.js';
import { writeDemoCounters } from '../functions/insights/rollups/demo-counters-store.js';
import { counterItemKey, type RollupDomain } from '../functions/insights/rollups/model.js';
import { createRollups, movesOf } from '../functions/insights/rollups/rollups.js';
import { createRollupStore } from '../functions/insights/rollups/store.js';
import {
  createBulkLoadClient,
  demoCountersInputOf,
  ensureTable,
  seedDemoData,
} from '../functions/local/bootstrap.js';
import { createLocalDependencies } from '../functions/local/dependencies.js';
import type { RunningDynamoDb } from '../functions/local/dynamodb-local.js';
import { createLocalApi } from '../functions/local/local-api.js';
import { mountSite } from '../functions/local/site.js';
import { readMuseumSeed } from '../functions/museum/seed.js';
import { loadConfig } from '../functions/platform/config.js';
import { addDays, localDateAt } from '../functions/platform/local-time.js';
import type { TableChange } from '../functions/platform/table-changes/change.js';
import { createSiteServices } from '../functions/site/services.js';
import { readWifiSeed } from '../functions/wifi/seed.js';
import { median, percentile } from './statistics.js';

export const MANAGERS = 20;
export const DASHBOARD_SECONDS = 20;
export const HISTORY_DAYS = 3 * 365;
const MANAGER = { email: 'manager@halong.test', password: 'Manager-HaLong-2026' };

interface Latencies {
  name: string;
  requests: number;
  failed: number;
  p50: number;
  p99: number;
  perSecond: number;
}

/** `clients` loops of `ask` for `seconds`, each waiting for its answer before the next. */
async function load(
  name: string,
  clients: number,
  seconds: number,
  ask: () => Promise<boolean>,
): Promise<Latencies> {
  const latencies: number[] = [];
  let failed = 0;
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const started = performance.now();
        const ok = await ask().catch(() => false);
        latencies.push(performance.now() - started);
        if (!ok) failed += 1;
      }
    }),
  );
  return {
    name,
    requests: latencies.length,
    failed,
    p50: median(latencies),
    p99: percentile(latencies, 99),
    perSecond: latencies.length / seconds,
  };
}

export interface DashboardMeasurement {
  counterItems: number;
  seedSeconds: number;
  period: { from: string; to: string };
  rows: Latencies[];
  costs: { change: string; counters: number; capacityUnits: number; estimated: number }[];
}

export async function measureDashboard(dynamo: RunningDynamoDb): Promise<DashboardMeasurement> {
  const tableName = `bench-dashboard-${randomUUID()}`;
  const config = loadConfig({
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'local',
    LOG_LEVEL: 'silent',
    // One DynamoDB Local answers every manager's Queries in turn: a request may wait longer than DynamoDB ever
    // makes one wait, and the default 1 s budget would count the queue as failures.
    DYNAMODB_ATTEMPT_TIMEOUT_MS: '10000',
  });
  const dependencies = await createLocalDependencies(config);
  const bulkLoad = createBulkLoadClient(config);
  await ensureTable(bulkLoad, tableName, { stream: false });
  await seedDemoData(bulkLoad, tableName, dependencies.localAuth?.accounts ?? null);
  const [catalogue, wifi, fleet, museum] = await Promise.all([
    readBoatsCatalogueSeed(),
    readWifiSeed(),
    readDemoFleetSeed(),
    readMuseumSeed(),
  ]);
  const today = localDateAt(new Date());
  const to = addDays(today, -1);
  const from = addDays(to, -(HISTORY_DAYS - 1));
  const seedStarted = performance.now();
  const counters = demoCounters({ ...demoCountersInputOf(catalogue, wifi, fleet, museum), from, to });
  await writeDemoCounters(bulkLoad, tableName, counters, { from, to, generatedAt: new Date().toISOString() });
  const seedSeconds = (performance.now() - seedStarted) / 1000;
  bulkLoad.destroy();

  // The API and the site's pages in one process, as npm start serves them (without the local edge cache).
  const app = createLocalApi(dependencies);
  await mountSite(app, createSiteServices(dependencies), dependencies.config);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(MANAGER),
    });
    const { idToken } = (await login.json()) as { idToken: string };
    // A year to yesterday: 11 whole months and two edges of days, and the year before it to compare.
    const period = { from: addDays(today, -365), to: addDays(today, -1) };
    const query = `from=${period.from}&to=${period.to}`;
    const get = (path: string) => async () => {
      const response = await fetch(`${base}${path}`, { headers: { Authorization: `Bearer ${idToken}` } });
      await response.arrayBuffer();
      return response.status === 200;
    };
    const store = createRollupStore(dependencies.db, tableName);
    /**
     * The Queries the summary makes, sent as they are: each domain's group it reads (all boats, the alerts, the
     * ban days, the city's Wi-Fi, the museum's visits), its days and months, this year and last.
     */
    const summaryGroups: [RollupDomain, string][] = [
      ['BOATS', 'ALL'],
      ['ALERTS', 'ALL'],
      ['BANS', 'ALL'],
      ['WIFI', 'CITY'],
      ['MUSEUM', 'VISITS'],
    ];
    const rawSummary = async () => {
      const reads = [period, { from: yearBefore(period.from), to: yearBefore(period.to) }].flatMap(
        (range) => {
          const plan = planPeriod(range.from, range.to);
          return summaryGroups.flatMap(([domain, group]) =>
            domain === 'BANS'
              ? [store.read(domain, group, 'DAY', range.from, range.to)]
              : [
                  ...plan.dayRanges.map((days) => store.read(domain, group, 'DAY', days.from, days.to)),
                  ...(plan.months
                    ? [store.read(domain, group, 'MONTH', plan.months.from, plan.months.to)]
                    : []),
                ],
          );
        },
      );
      await Promise.all(reads);
      return true;
    };
    const rows: Latencies[] = [];
    // A warm-up, as a manager's first request after a deploy is not what the next nineteen see.
    await load('warm-up', MANAGERS, 3, get(`/api/insights/summary?${query}`));
    rows.push(
      await load(
        'raw: the summary’s Queries straight to DynamoDB Local',
        MANAGERS,
        DASHBOARD_SECONDS,
        rawSummary,
      ),
    );
    const page = async () => {
      const response = await fetch(
        `${base}/en/staff/dashboard/?period=custom&from=${period.from}&to=${period.to}`,
        { headers: { Cookie: `hl_staff=${idToken}` } },
      );
      const html = await response.text();
      return response.status === 200 && html.includes('data-testid="dashboard-boats');
    };
    rows.push(
      await load(
        'GET /en/staff/dashboard/ (the page, every panel, server-rendered)',
        MANAGERS,
        DASHBOARD_SECONDS,
        page,
      ),
    );
    rows.push(
      await load(
        'GET /api/insights/summary',
        MANAGERS,
        DASHBOARD_SECONDS,
        get(`/api/insights/summary?${query}`),
      ),
    );
    for (const panel of ['boats', 'safety', 'wifi', 'museum']) {
      rows.push(
        await load(
          `GET /api/insights/panels/${panel}`,
          MANAGERS,
          DASHBOARD_SECONDS / 2,
          get(`/api/insights/panels/${panel}?${query}`),
        ),
      );
    }

    // What a recorded event costs the roll-ups: one change of each kind, applied as the stream's handler applies it.
    const rollups = createRollups(store);
    const booking = (status: string, extra: Record<string, unknown> = {}) => ({
      PK: 'BOOKING#HLBENCH0001',
      SK: 'BOOKING',
      entity: 'Booking',
      id: 'HLBENCH0001',
      status,
      departure: {
        id: `dep-${today.replaceAll('-', '')}-0800-bay-pearl-01`,
        routeId: 1,
        portId: 'tuan-chau',
        departsAt: `${today}T01:00:00.000Z`,
        localDate: today,
        operator: { id: 'demo-bay-cruises', name: 'Demo Bay Cruises' },
        boat: { id: 'bay-pearl-01', name: 'Bay Pearl 01' },
      },
      seats: 2,
      passengers: [],
      language: 'vi',
      lines: [{ category: 'adult', quantity: 2, unitPrice: 150000, amount: 300000 }],
      total: 300000,
      currency: 'VND',
      sightseeingFeeIncluded: true,
      accessTokenHash: 'x',
      createdAt: `${today}T00:00:00.000Z`,
      holdExpiresAt: `${today}T00:15:00.000Z`,
      payment: { paidAt: `${today}T00:05:00.000Z`, amountPaid: 300000 },
      refunds: [],
      ...extra,
    });
    const aboard = {
      state: 'aboard',
      at: `${today}T00:55:00.000Z`,
      by: { id: 'x', email: 'operator@halong.test' },
    };
    const wifiDay = (sessions: number, devices: number) => ({
      PK: `WIFI#STATS#${today}`,
      SK: 'HOTSPOT#hl-bai-chay-001',
      entity: 'WifiStatistics',
      sessions,
      devices,
      h09: sessions,
      mTerms: sessions,
    });
    const changes: {
      change: string;
      newItem: Record<string, unknown>;
      oldItem: Record<string, unknown> | null;
    }[] = [
      {
        change: 'a booking paid (on hold → confirmed)',
        newItem: booking('confirmed'),
        oldItem: booking('on_hold', { payment: {} }),
      },
      {
        change: 'a passenger checked in',
        newItem: booking('redeemed', { boarding: [aboard, null] }),
        oldItem: booking('confirmed'),
      },
      {
        change: 'a Wi-Fi session (its hotspot’s day counter)',
        newItem: wifiDay(6, 4),
        oldItem: wifiDay(5, 4),
      },
      {
        change: 'a Wi-Fi session (the city’s day counter, with its hour)',
        newItem: { ...wifiDay(61, 40), SK: 'CITY' },
        oldItem: { ...wifiDay(60, 40), SK: 'CITY' },
      },
    ];
    const costs: DashboardMeasurement['costs'] = [];
    for (const { change, newItem, oldItem } of changes) {
      const spent = { capacityUnits: 0 };
      const tableChange: TableChange = {
        id: randomUUID(),
        kind: oldItem ? 'MODIFY' : 'INSERT',
        keys: { PK: String(newItem.PK), SK: String(newItem.SK) },
        newItem,
        oldItem,
        expired: false,
      };
      const outcome = await rollups.apply(tableChange, spent);
      if (outcome !== 'applied') throw new Error(`${change}: ${outcome}`);
      const moves = movesOf(tableChange);
      // DynamoDB's rule for a transaction: 2 WCU per item per KB (rounded up) of the larger of its two versions —
      // here the counters as they now stand, and the marker.
      const items = await Promise.all(
        [...moves.values()].map(async ({ key }) => {
          const { Item } = await dependencies.db.send(
            new GetCommand({ TableName: tableName, Key: counterItemKey(key) }),
          );
          return Item ?? {};
        }),
      );
      const markerBytes = 80;
      const estimated =
        2 * Math.ceil(markerBytes / 1024) +
        items.reduce((sum, item) => sum + 2 * Math.ceil(itemBytes(item) / 1024), 0);
      costs.push({ change, counters: moves.size, capacityUnits: spent.capacityUnits, estimated });
    }
    return { counterItems: counters.size, seedSeconds, period, rows, costs };
  } finally {
    server.close();
    dependencies.db.destroy();
  }
}

/** An item's size as DynamoDB counts it: attribute names and values (a number about half its digits, plus one). */
function itemBytes(item: Record<string, unknown>): number {
  let bytes = 0;
  for (const [name, value] of Object.entries(item)) {
    bytes += Buffer.byteLength(name);
    if (typeof value === 'number')
      bytes += Math.ceil(String(Math.abs(value)).replace('.', '').length / 2) + 1;
    else if (typeof value === 'string') bytes += Buffer.byteLength(value);
    else if (typeof value === 'boolean') bytes += 1;
    else bytes += Buffer.byteLength(JSON.stringify(value));
  }
  return bytes;
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function dashboardRows(measured: DashboardMeasurement): string[] {
  const raw = measured.rows.find((row) => row.name.startsWith('raw'));
  return [
    `${measured.counterItems.toLocaleString('en')} counter items for ${HISTORY_DAYS} days of history (written in ${measured.seedSeconds.toFixed(1)} s); period asked: ${measured.period.from} to ${measured.period.to}, beside the year before. ${MANAGERS} managers at once, each asking again as soon as answered.`,
    '',
    '| read | requests | failed | per second | p50 | p99 | p50 vs raw |',
    '|---|---|---|---|---|---|---|',
    ...measured.rows.map(
      (row) =>
        `| ${row.name} | ${row.requests} | ${row.failed} | ${row.perSecond.toFixed(1)} | ${ms(row.p50)} | ${ms(row.p99)} | ${raw ? `${(row.p50 / raw.p50).toFixed(2)}×` : ''} |`,
    ),
    '',
    '| recorded event | counters moved | write capacity by DynamoDB’s rule (2 WCU per item-KB in a transaction) | as DynamoDB Local reports it |',
    '|---|---|---|---|',
    ...measured.costs.map(
      (cost) => `| ${cost.change} | ${cost.counters} | ${cost.estimated} WCU | ${cost.capacityUnits} WCU |`,
    ),
  ];
}
