/**
 * Live tracking under the bay's load, on the real path: `npm start`'s program in its own process (in memory, no
 * simulator) on a DynamoDB Local this benchmark starts, 500 benchmark boats registered on it, each on a cleared
 * trip of route 1, and positions sent as Traccar Client sends them (POST, fields in the query) over HTTP.
 *
 * 1. Intake: 1,000 positions/s offered for 60 s by an open-loop sender (each request leaves at its scheduled
 *    time whether or not the earlier ones were answered, and its latency counts from that time), beside the raw
 *    DynamoDB Local write rate for the same items (the history item and the conditional latest) offered at the
 *    same rate to the same DynamoDB Local.
 * 2. Report to browser: 100 WebSocket clients signed in as the authority; a position's latency is from the moment
 *    its request is sent to the moment each client receives the boat's message carrying its fix time.
 * 3. Signal lost: the 500 boats fall silent at random moments over 30 s; the platform's own 15-second check raises
 *    the alerts under the rules as shipped (a 40 s limit); a boat's delay is from its last report to its alert's
 *    raisedAt (the issue's bound: p99 ≤ 60 s).
 */
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import WebSocket from 'ws';
import features from '../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import { type Departure, newDeparture } from '../functions/boats/departures/model.js';
import { createDeparturesStore } from '../functions/boats/departures/store.js';
import type { Boat } from '../functions/boats/fleet/model.js';
import { createFleetStore } from '../functions/boats/fleet/store.js';
import { freePort, type RunningDynamoDb } from '../functions/local/dynamodb-local.js';
import { loadConfig } from '../functions/platform/config.js';
import { createDocumentClient } from '../functions/platform/dynamo.js';
import { seededUniform } from '../functions/platform/seeded-random.js';
import type { Alert, LiveMessage } from '../functions/tracking/live/model.js';
import type { SafetyRules } from '../functions/tracking/safety/model.js';
import { interrupt, launchPlatform, waitForUrl } from '../test/e2e/support/platform-process.js';
import { median, percentile } from './statistics.js';

export const BOATS = 500;
export const OFFERED_PER_SECOND = 1_000;
export const INTAKE_SECONDS = 60;
/** The bay's real peak: about 500 boats every 5–10 s. */
const PEAK_PER_SECOND = 100;
const PEAK_SECONDS = 30;
export const CLIENTS = 100;
const LATENCY_PER_SECOND = 20;
const LATENCY_SECONDS = 20;
const SILENCE_SPREAD_SECONDS = 30;
const REQUEST_TIMEOUT_MS = 15_000;
const MANAGER = { email: 'manager@halong.test', password: 'Manager-HaLong-2026' };
const OPERATOR_ID = 'demo-bay-cruises';

type LonLat = [number, number];

/** Route 1's line from Tuần Châu, which every benchmark boat follows from its own starting point. */
const ROUTE_LINE = routeLine('route-1-tuan-chau');

function routeLine(id: string): LonLat[] {
  const feature = features.features.find((candidate) => candidate.properties.id === id);
  if (!feature) throw new Error(`The bay's features have no ${id}`);
  return feature.geometry.coordinates as unknown as LonLat[];
}

/** Metres along a line to a point on it, on a plane tangent at the bay (good to a few metres here). */
function pointAlong(line: readonly LonLat[], metres: number): LonLat {
  const toMetres = (a: LonLat, b: LonLat) =>
    Math.hypot((b[0] - a[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (b[1] - a[1]) * 111_320);
  let left = metres;
  for (let index = 1; index < line.length; index++) {
    const a = line[index - 1] as LonLat;
    const b = line[index] as LonLat;
    const length = toMetres(a, b);
    if (left <= length) {
      const t = length === 0 ? 0 : left / length;
      return [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];
    }
    left -= length;
  }
  return line.at(-1) as LonLat;
}

const trackerOf = (index: number) => `BENCH-${String(index).padStart(4, '0')}`;
const boatIdOf = (index: number) => `bench-boat-${String(index).padStart(4, '0')}`;

/** Each benchmark boat's position at a time: 9 knots along route 1 from a starting point of its own. */
function positionOf(index: number, at: number): { lat: number; lon: number } {
  const start = 1_500 + ((index * 37) % 9_000);
  const metres = start + ((at / 1000) * 9 * 1852) / 3600;
  // Out along the line and back (never a jump from its end to its start, which the intake would set aside).
  const lap = metres % 24_000;
  const [lon, lat] = pointAlong(ROUTE_LINE, lap <= 12_000 ? lap : 24_000 - lap);
  return { lat, lon };
}

export interface IntakeRun {
  offered: number;
  /** Sent before the run's end: fewer than offered when the path could not keep up. */
  sent: number;
  answered: number;
  failed: number;
  seconds: number;
  perSecond: number;
  p50: number;
  p99: number;
}

export interface TrackingMeasurement {
  intake: IntakeRun;
  raw: IntakeRun;
  peak: IntakeRun;
  liveLatency: { messages: number; expected: number; p50: number; p99: number; max: number };
  signalLost: { boats: number; limitSeconds: number; alerted: number; p50: number; p99: number; max: number };
}

/** The most requests a run keeps in flight: past it, the sender falls behind its schedule, and says so. */
const MAX_IN_FLIGHT = 256;

/**
 * Sends `perSecond` operations for `seconds`, each at its scheduled instant and timed from that instant (a request
 * sent late because the earlier ones were still in flight counts its wait), with at most MAX_IN_FLIGHT at once;
 * what the schedule asked for but could not be sent before the run's end is counted as not sent.
 */
async function openLoop(perSecond: number, seconds: number, send: (sequence: number) => Promise<boolean>) {
  const total = perSecond * seconds;
  const latencies: number[] = [];
  let failed = 0;
  let inFlight = 0;
  let slotFreed: (() => void) | null = null;
  const started = performance.now();
  const ends = started + seconds * 1000;
  const pending: Promise<void>[] = [];
  let sent = 0;
  for (let sequence = 0; sequence < total; sequence++) {
    const due = started + (sequence * 1000) / perSecond;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    while (inFlight >= MAX_IN_FLIGHT) await new Promise<void>((resolve) => (slotFreed = resolve));
    if (performance.now() > ends) break;
    inFlight++;
    sent++;
    pending.push(
      send(sequence)
        .then(
          (ok) => {
            if (ok) latencies.push(performance.now() - due);
            else failed++;
          },
          () => {
            failed++;
          },
        )
        .finally(() => {
          inFlight--;
          const wake = slotFreed;
          slotFreed = null;
          wake?.();
        }),
    );
  }
  await Promise.all(pending);
  const elapsed = (performance.now() - started) / 1000;
  return {
    offered: total,
    sent,
    answered: latencies.length,
    failed,
    seconds: elapsed,
    perSecond: latencies.length / elapsed,
    p50: median(latencies),
    p99: percentile(latencies, 99),
  };
}

async function registerBenchFleet(db: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const fleet = createFleetStore(db, tableName);
  const departures = createDeparturesStore(db, tableName);
  const operator = await fleet.getOperator(OPERATOR_ID);
  if (!operator) throw new Error('The demo operator is not seeded');
  const departs = new Date(Date.now() - 30 * 60_000 + 7 * 3_600_000).toISOString();
  const made: Departure[] = [];
  for (let index = 0; index < BOATS; index++) {
    const boat: Boat = {
      id: boatIdOf(index),
      operatorId: OPERATOR_ID,
      name: `Benchmark boat ${index}`,
      registrationNumber: `QN-${String(70_000 + index)}`,
      class: 'day-cruise',
      certifiedCapacity: 48,
      safetyCertificateExpiresOn: '2030-12-31',
      trackerId: trackerOf(index),
      mmsi: null,
    };
    await fleet.addBoatIfAbsent(boat);
    const clearedAt = new Date(Date.now() - 35 * 60_000).toISOString();
    made.push({
      ...newDeparture({
        boat,
        operator,
        routeId: 1,
        portId: 'tuan-chau',
        localDate: departs.slice(0, 10),
        localTime: departs.slice(11, 16),
        fares: {
          adult: 100_000,
          'child-7-to-12': 70_000,
          'child-under-7': 0,
          'vietnamese-senior-60': 50_000,
          'severe-disability': 0,
        },
        createdAt: clearedAt,
      }),
      aboard: 30,
      clearance: {
        decision: 'cleared',
        reason: 'Benchmark',
        at: clearedAt,
        by: { subject: 'bench', email: MANAGER.email },
        checks: [],
      },
      departedAt: clearedAt,
    } as Departure);
  }
  for (let start = 0; start < made.length; start += 25) {
    await departures.addDepartures(made.slice(start, start + 25));
  }
}

function osmandQuery(index: number, at: number, extra: Record<string, string> = {}): string {
  const { lat, lon } = positionOf(index, at);
  return new URLSearchParams({
    id: trackerOf(index),
    timestamp: String(at), // unix milliseconds, one of the forms Traccar accepts
    lat: lat.toFixed(6),
    lon: lon.toFixed(6),
    speed: '9',
    bearing: '120',
    altitude: '0',
    accuracy: '5',
    batt: '80',
    ...extra,
  }).toString();
}

async function postPosition(url: string, query: string): Promise<boolean> {
  const response = await fetch(`${url}api/tracking/osmand?${query}`, {
    method: 'POST',
    signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
  });
  await response.arrayBuffer();
  return response.status === 200;
}

/** Fix times step by whole seconds per boat: a boat's n-th report is n seconds after its first. */
function fixTimeOf(sequence: number, base: number): { index: number; at: number } {
  return { index: sequence % BOATS, at: base + Math.floor(sequence / BOATS) * 1000 };
}

async function measureIntake(
  url: string,
  perSecond = OFFERED_PER_SECOND,
  seconds = INTAKE_SECONDS,
): Promise<IntakeRun> {
  // Each fix is timed when its request is due: fresh, as a tracker's are, so no boat looks silent meanwhile.
  const base = Date.now();
  return openLoop(perSecond, seconds, (sequence) =>
    postPosition(url, osmandQuery(sequence % BOATS, base + Math.floor((sequence * 1000) / perSecond))),
  );
}

/** The same items straight to DynamoDB Local: the history item, and the boat's latest on its fix-time condition. */
async function measureRaw(endpoint: string, tableName: string): Promise<IntakeRun> {
  const db = DynamoDBDocumentClient.from(
    new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    }),
    { marshallOptions: { removeUndefinedValues: true } },
  );
  const base = Date.now() - INTAKE_SECONDS * 2_000;
  const run = `raw-${randomUUID().slice(0, 8)}`;
  try {
    return await openLoop(OFFERED_PER_SECOND, INTAKE_SECONDS, async (sequence) => {
      const { index, at } = fixTimeOf(sequence, base);
      const { lat, lon } = positionOf(index, at);
      const fixTime = new Date(at).toISOString();
      const item = {
        trackerId: trackerOf(index),
        fixTime,
        latitude: lat,
        longitude: lon,
        speedKnots: 9,
        courseDegrees: 120,
        boatId: boatIdOf(index),
        receivedAt: new Date().toISOString(),
      };
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { PK: `${run}#TRIP#${index}`, SK: `POSITION#${fixTime}`, ...item },
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: { PK: `${run}#LATEST`, SK: `BOAT#${index}`, ...item },
          ConditionExpression: 'attribute_not_exists(PK) OR fixTime < :fixTime',
          ExpressionAttributeValues: { ':fixTime': fixTime },
        }),
      );
      return true;
    });
  } finally {
    db.destroy();
  }
}

async function signIn(url: string): Promise<string> {
  const response = await fetch(`${url}api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(MANAGER),
  });
  if (response.status !== 200) throw new Error(`sign-in answered ${response.status}`);
  return ((await response.json()) as { idToken: string }).idToken;
}

async function measureLiveLatency(url: string, token: string): Promise<TrackingMeasurement['liveLatency']> {
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  const socketUrl = `${url.replace(/^http/, 'ws')}api/tracking/live`;
  const clients = await Promise.all(
    Array.from(
      { length: CLIENTS },
      () =>
        new Promise<WebSocket>((resolve, reject) => {
          const socket = new WebSocket(socketUrl, { headers: { Authorization: `Bearer ${token}` } });
          socket.once('error', reject);
          socket.on('message', (data) => {
            const message = JSON.parse(String(data)) as LiveMessage;
            if (message.type === 'ready') resolve(socket);
            if (message.type !== 'boat' || !message.boat.position) return;
            const sent = sentAt.get(`${message.boat.boatId}|${message.boat.position.fixTime}`);
            if (sent !== undefined) latencies.push(performance.now() - sent);
          });
        }),
    ),
  );
  await openLoop(LATENCY_PER_SECOND, LATENCY_SECONDS, async (sequence) => {
    const index = sequence % BOATS;
    const at = Date.now();
    sentAt.set(`${boatIdOf(index)}|${new Date(at).toISOString()}`, performance.now());
    return postPosition(url, osmandQuery(index, at));
  });
  await new Promise((resolve) => setTimeout(resolve, 2_000));
  for (const socket of clients) socket.close();
  return {
    messages: latencies.length,
    expected: CLIENTS * LATENCY_PER_SECOND * LATENCY_SECONDS,
    p50: median(latencies),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
  };
}

async function resolveAll(url: string, token: string, alerts: readonly Alert[]): Promise<void> {
  const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' };
  for (let start = 0; start < alerts.length; start += 16) {
    await Promise.all(
      alerts.slice(start, start + 16).map(async (alert) => {
        const response = await fetch(`${url}api/tracking/alerts/${alert.id}/resolve`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ note: 'Benchmark: silence measured' }),
        });
        if (response.status !== 200) throw new Error(`resolving ${alert.id} answered ${response.status}`);
      }),
    );
  }
}

/** The signal limit in force: the shipped default, as no rules were saved on this table. */
async function signalLimit(url: string, token: string): Promise<number> {
  const response = await fetch(`${url}api/tracking/rules`, { headers: { Authorization: `Bearer ${token}` } });
  return ((await response.json()) as SafetyRules).signalLostAfterSeconds;
}

/** The benchmark boats' unresolved signal-lost alerts. */
async function signalLostAlerts(url: string, token: string): Promise<Alert[]> {
  const response = await fetch(`${url}api/tracking/alerts`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  return ((await response.json()) as { alerts: Alert[] }).alerts.filter(
    (alert) => alert.kind === 'signal-lost' && alert.boatId.startsWith('bench-boat-'),
  );
}

async function measureSignalLost(url: string, token: string): Promise<TrackingMeasurement['signalLost']> {
  const random = seededUniform(21);
  const silentFrom = new Array<number>(BOATS).fill(Number.POSITIVE_INFINITY);
  const lastFix = new Array<number>(BOATS).fill(0);
  const reporting = new Set(Array.from({ length: BOATS }, (_, index) => index));
  // Every boat reports each second until its moment of silence (none is chosen until the limit applies).
  const reports = (async () => {
    while (reporting.size > 0) {
      const second = Math.floor(Date.now() / 1000) * 1000;
      await Promise.all(
        [...reporting].map(async (index) => {
          if (Date.now() >= (silentFrom[index] as number)) {
            reporting.delete(index);
            return;
          }
          if (await postPosition(url, osmandQuery(index, second))) lastFix[index] = second;
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, second + 1000 - Date.now())));
    }
  })();
  const limit = await signalLimit(url, token);
  // A boat already alerted would not be alerted again, and its delay could not be measured.
  const before = await signalLostAlerts(url, token);
  if (before.length > 0)
    throw new Error(`${before.length} benchmark boats were alerted as silent before their silence began`);
  const silenceStarts = Date.now();
  for (let index = 0; index < BOATS; index++) {
    silentFrom[index] = silenceStarts + random() * SILENCE_SPREAD_SECONDS * 1000;
  }
  await reports;
  // Wait for the last boat's limit and a minute more.
  const deadline = Math.max(...lastFix) + limit * 1000 + 60_000;
  let alerts: Alert[] = [];
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    alerts = (await signalLostAlerts(url, token)).filter(
      (alert) => Date.parse(alert.raisedAt) >= silenceStarts,
    );
    if (alerts.length >= BOATS) break;
  }
  const delays = alerts.flatMap((alert) => {
    const last = lastFix[Number(alert.boatId.slice('bench-boat-'.length))] as number;
    return last > 0 ? [(Date.parse(alert.raisedAt) - last) / 1000] : [];
  });
  await resolveAll(url, token, await signalLostAlerts(url, token));
  return {
    boats: BOATS,
    limitSeconds: limit,
    alerted: alerts.length,
    p50: median(delays),
    p99: percentile(delays, 99),
    max: Math.max(...delays),
  };
}

export async function measureTracking(dynamo: RunningDynamoDb): Promise<TrackingMeasurement> {
  const tableName = `bench-tracking-${randomUUID().slice(0, 8)}`;
  const platform = launchPlatform(
    {
      PORT: String(await freePort()),
      LOG_LEVEL: 'silent',
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_NAME: tableName,
    },
    ['--in-memory', '--no-edge-cache', '--no-simulator'],
  );
  try {
    const url = `${await waitForUrl(platform, 180_000)}`;
    const config = loadConfig({
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_NAME: tableName,
      AWS_REGION: 'local',
    });
    // The raw writes first, before any benchmark boat is on a trip: no boat is silent while they run.
    const raw = await measureRaw(dynamo.endpoint, tableName);
    const db = createDocumentClient(config);
    await registerBenchFleet(db, tableName);
    db.destroy();
    const token = await signIn(url);
    // A first, fresh report from every boat (the fleet read, the trips, the rules warm), then the measured runs.
    await Promise.all(
      Array.from({ length: BOATS }, (_, index) => postPosition(url, osmandQuery(index, Date.now()))),
    );
    // Signal loss while every boat is fresh (the overload below delays positions past the limit), its alerts then
    // resolved as the authority would, so they stay quiet through the other runs.
    const signalLost = await measureSignalLost(url, token);
    const peak = await measureIntake(url, PEAK_PER_SECOND, PEAK_SECONDS);
    const liveLatency = await measureLiveLatency(url, token);
    const intake = await measureIntake(url);
    return { intake, raw, peak, liveLatency, signalLost };
  } finally {
    await interrupt(platform);
  }
}

const ms = (value: number) => `${value.toFixed(1)} ms`;

export function trackingRows({ intake, raw, peak, liveLatency, signalLost }: TrackingMeasurement): string[] {
  const row = (name: string, run: IntakeRun, seconds = INTAKE_SECONDS) =>
    `| ${name} | ${run.offered} in ${seconds} s | ${run.sent} | ${run.answered} (${run.failed} failed) | ${run.perSecond.toFixed(0)}/s | ${ms(run.p50)} | ${ms(run.p99)} |`;
  return [
    `| path | offered | sent (at most ${MAX_IN_FLIGHT} in flight) | answered | throughput | p50 | p99 |`,
    '|---|---|---|---|---|---|---|',
    row('intake: Traccar Client’s POST over HTTP (the platform)', intake),
    row('raw: the same two writes straight to DynamoDB Local', raw),
    row('intake at the bay’s real peak', peak, PEAK_SECONDS),
    '',
    `Overhead of the platform at ${OFFERED_PER_SECOND}/s offered: ${(intake.p50 / raw.p50).toFixed(1)}× the raw write's median latency, ${(intake.p99 / raw.p99).toFixed(1)}× its p99; throughput ${((intake.perSecond / raw.perSecond) * 100).toFixed(0)} % of the raw rate. The bay's real peak is about 100 positions/s.`,
    '',
    '| report → browser | clients | messages received / expected | p50 | p99 | max |',
    '|---|---|---|---|---|---|',
    `| position POSTed → boat message on each WebSocket | ${CLIENTS} | ${liveLatency.messages} / ${liveLatency.expected} | ${ms(liveLatency.p50)} | ${ms(liveLatency.p99)} | ${ms(liveLatency.max)} |`,
    '',
    '| signal lost | boats silent | alerts raised | last report → alert p50 | p99 | max |',
    '|---|---|---|---|---|---|',
    `| 15-second check, limit ${signalLost.limitSeconds} s (as shipped) | ${signalLost.boats} | ${signalLost.alerted} | ${signalLost.p50.toFixed(1)} s | ${signalLost.p99.toFixed(1)} s | ${signalLost.max.toFixed(1)} s |`,
  ];
}
