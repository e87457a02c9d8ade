/**
 * Issue 7's rush on one departure: 500 concurrent bookings of a 48-seat boat through the API over real HTTP,
 * beside the same conditional transaction sent straight to DynamoDB Local (the raw rate: no HTTP, no
 * validation, no pricing, no reads), in the same run against the same DynamoDB Local.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { serve } from '@hono/node-server';
import type { Booking } from '../functions/boats/bookings/model.js';
import { newBookingReference } from '../functions/boats/bookings/service.js';
import { createBookingsStore } from '../functions/boats/bookings/store.js';
import { Departure } from '../functions/boats/departures/model.js';
import { createDeparturesStore, departureKeyOf } from '../functions/boats/departures/store.js';
import type { RunningDynamoDb } from '../functions/local/dynamodb-local.js';
import { createDocumentClient } from '../functions/platform/dynamo.js';
import {
  adultPassenger,
  BENCH_BOAT,
  benchContact,
  benchLocalTime,
  bookingBody,
  createBenchPlatform,
  randomPartySize,
  type SendRequest,
  scheduleDeparture,
} from './booking-platform.js';
import { type CpuUsage, startCpuSpan } from './cpu-usage.js';
import { median, percentile } from './statistics.js';

export const CONCURRENT_BOOKINGS = 500;
export const CONTENTION_ROUNDS = 3;
/** The throughput of the API against the raw transaction's that issue 7 asks for, and its p99. */
export const TARGET_RATIO = 0.5;
export const TARGET_P99_MS = 100;

/** One burst of CONCURRENT_BOOKINGS attempts on a fresh departure. */
export interface Burst {
  held: number;
  refused: number;
  /** Attempts neither held nor refused for lack of seats (a 5xx, a transaction that stayed busy). */
  other: number;
  seatsHeld: number;
  wallMs: number;
  perSecond: number;
  p50: number;
  p99: number;
  /** Share of the burst the Node event loop (client, server and SDK) was busy. */
  eventLoopUtilization: number;
  nodeCpuMsPerAttempt: number;
  /** DynamoDB Local's JVM; null where its CPU time cannot be read. */
  dynamoCpuMsPerAttempt: number | null;
}

export interface ContentionRound {
  api: Burst & { serverP50: number; serverP99: number };
  raw: Burst;
}

function burstOf(
  outcomes: { kind: 'held' | 'refused' | 'other'; seats: number; ms: number }[],
  wallMs: number,
  cpu: CpuUsage,
): Burst {
  const latencies = outcomes.map((outcome) => outcome.ms);
  const count = (kind: string) => outcomes.filter((outcome) => outcome.kind === kind).length;
  return {
    held: count('held'),
    refused: count('refused'),
    other: count('other'),
    seatsHeld: outcomes.reduce((sum, outcome) => sum + (outcome.kind === 'held' ? outcome.seats : 0), 0),
    wallMs,
    perSecond: (outcomes.length / wallMs) * 1000,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    eventLoopUtilization: cpu.eventLoopUtilization,
    nodeCpuMsPerAttempt: cpu.nodeCpuMs / outcomes.length,
    dynamoCpuMsPerAttempt: cpu.childCpuMs === null ? null : cpu.childCpuMs / outcomes.length,
  };
}

/** Every attempt started at once; each one's latency from its start to its answer read in full. */
async function burst<T>(attempts: (() => Promise<T>)[], dynamoPid: number | undefined) {
  const cpuSpan = startCpuSpan(dynamoPid);
  const started = performance.now();
  const results = await Promise.all(
    attempts.map(async (attempt) => {
      const sent = performance.now();
      const result = await attempt();
      return { result, ms: performance.now() - sent };
    }),
  );
  const wallMs = performance.now() - started;
  return { results, wallMs, cpu: cpuSpan() };
}

async function bookOverHttp(baseUrl: string, departureId: string, dynamoPid?: number): Promise<Burst> {
  // Bodies and keys prepared before the clock starts: the client's own work is kept out of the figures.
  const requests = Array.from({ length: CONCURRENT_BOOKINGS }, () => {
    const seats = randomPartySize();
    const init: RequestInit = {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
      body: JSON.stringify(bookingBody(departureId, seats)),
    };
    return { seats, init };
  });
  const { results, wallMs, cpu } = await burst(
    requests.map(({ init }) => async () => {
      const response = await fetch(`${baseUrl}/api/bookings`, init);
      await response.arrayBuffer();
      return response.status;
    }),
    dynamoPid,
  );
  return burstOf(
    results.map(({ result: status, ms }, index) => ({
      kind: status === 201 ? 'held' : status === 409 ? 'refused' : 'other',
      seats: requests[index]?.seats ?? 0,
      ms,
    })),
    wallMs,
    cpu,
  );
}

/** A booking as the service builds it (priced at the adult fare), with the idempotency record it writes. */
export function bookingOn(departure: Departure, seats: number) {
  const now = new Date();
  const unitPrice = departure.fares.adult;
  const booking: Booking = {
    id: newBookingReference(),
    status: 'on_hold',
    channel: 'online',
    departure: {
      id: departure.id,
      routeId: departure.routeId,
      portId: departure.portId,
      departsAt: departure.departsAt,
      localDate: departure.localDate,
      operator: { id: departure.operatorId, name: departure.operatorName },
      boat: { id: departure.boatId, name: departure.boatName },
    },
    seats,
    passengers: Array.from({ length: seats }, (_, index) => adultPassenger(index)),
    contact: benchContact,
    language: 'en',
    lines: [{ category: 'adult', quantity: seats, unitPrice, amount: seats * unitPrice }],
    total: seats * unitPrice,
    currency: 'VND',
    sightseeingFeeIncluded: true,
    accessTokenHash: createHash('sha256').update(randomUUID()).digest('hex'),
    createdAt: now.toISOString(),
    holdExpiresAt: new Date(now.getTime() + 10 * 60_000).toISOString(),
    payment: {},
    refunds: [],
  };
  const idempotency = {
    keyHash: createHash('sha256').update(randomUUID()).digest('hex'),
    bookingId: booking.id,
    fingerprint: createHash('sha256').update(booking.id).digest('hex'),
    tokenSalt: randomUUID(),
  };
  return { booking, idempotency };
}

/** `holdSeats` itself, the API's only write on this path, called straight from here. */
async function holdDirectly(
  bookings: ReturnType<typeof createBookingsStore>,
  departure: Departure,
  dynamoPid?: number,
): Promise<Burst> {
  const prepared = Array.from({ length: CONCURRENT_BOOKINGS }, () => bookingOn(departure, randomPartySize()));
  const { results, wallMs, cpu } = await burst(
    prepared.map(
      ({ booking, idempotency }) =>
        async () =>
          bookings.holdSeats(booking, idempotency).catch(() => null),
    ),
    dynamoPid,
  );
  return burstOf(
    results.map(({ result, ms }, index) => ({
      kind: result?.held ? 'held' : result?.reason === 'sold-out' ? 'refused' : 'other',
      seats: prepared[index]?.booking.seats ?? 0,
      ms,
    })),
    wallMs,
    cpu,
  );
}

/**
 * Fails the benchmark unless the departure was sold out exactly: every seat held, none twice, and its
 * counters adding up to the capacity.
 */
async function assertSoldExactly(
  db: ReturnType<typeof createDocumentClient>,
  tableName: string,
  departureId: string,
  result: Burst,
  label: string,
) {
  const { Item } = await db.send(
    new GetCommand({ TableName: tableName, Key: departureKeyOf(departureId) ?? {}, ConsistentRead: true }),
  );
  const { held, sold, seatsFree, capacity } = Departure.parse(Item);
  const problems = [
    result.seatsHeld !== BENCH_BOAT.capacity &&
      `the ${result.held} answered holds took ${result.seatsHeld} seats, not ${BENCH_BOAT.capacity}`,
    held !== result.seatsHeld && `the departure counts ${held} held seats, the answers ${result.seatsHeld}`,
    held + sold + seatsFree !== capacity &&
      `held ${held} + sold ${sold} + free ${seatsFree} is not the capacity ${capacity}`,
    capacity !== BENCH_BOAT.capacity && `the capacity is ${capacity}, not ${BENCH_BOAT.capacity}`,
  ].filter(Boolean);
  if (problems.length > 0) {
    throw new Error(`Contention benchmark (${label}) on ${departureId} FAILED: ${problems.join('; ')}.`);
  }
}

/**
 * A warm-up burst, then CONTENTION_ROUNDS rounds, each on two fresh departures: the API's burst over HTTP,
 * then the raw transaction's. Every departure must end sold out exactly, or this throws.
 */
export async function measureContention(dynamo: RunningDynamoDb): Promise<ContentionRound[]> {
  const { endpoint: dynamoEndpoint, process: dynamoProcess } = dynamo;
  const platform = await createBenchPlatform(dynamoEndpoint);
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started),
    );
  });
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A client of its own for the raw rate, built exactly as the API's (same connection pool size).
  const rawDb = createDocumentClient({ region: 'local', dynamoEndpoint });
  const rawBookings = createBookingsStore(rawDb, platform.tableName);
  const departures = createDeparturesStore(rawDb, platform.tableName);
  // Node's fetch keeps connections alive by default, so the bursts after the first reuse them.
  const send: SendRequest = (path, init) => fetch(`${baseUrl}${path}`, init);
  let minute = 0;
  const freshDeparture = async () => {
    const id = await scheduleDeparture(send, benchLocalTime(minute++));
    const departure = await departures.getDeparture(id);
    if (!departure) throw new Error(`Departure ${id} was scheduled but cannot be read.`);
    return departure;
  };

  try {
    const round = async (label: string): Promise<ContentionRound> => {
      const apiDeparture = await freshDeparture();
      platform.served.length = 0;
      const api = await bookOverHttp(baseUrl, apiDeparture.id, dynamoProcess.pid);
      const serverDurations = platform.served
        .filter((request) => request.path === '/api/bookings')
        .map((request) => request.durationMs);
      await assertSoldExactly(rawDb, platform.tableName, apiDeparture.id, api, `${label}, API`);
      const rawDeparture = await freshDeparture();
      const raw = await holdDirectly(rawBookings, rawDeparture, dynamoProcess.pid);
      await assertSoldExactly(rawDb, platform.tableName, rawDeparture.id, raw, `${label}, raw`);
      return {
        api: {
          ...api,
          serverP50: percentile(serverDurations, 50),
          serverP99: percentile(serverDurations, 99),
        },
        raw,
      };
    };
    await round('warm-up');
    const rounds: ContentionRound[] = [];
    for (let index = 1; index <= CONTENTION_ROUNDS; index++) rounds.push(await round(`round ${index}`));
    return rounds;
  } finally {
    rawDb.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    platform.dependencies.db.destroy();
  }
}

const ms = (value: number) => `${Math.round(value)} ms`;

export function contentionRows(rounds: ContentionRound[]): string[] {
  const of = (pick: (round: ContentionRound) => number) => median(rounds.map(pick));
  const ratio = of((round) => round.api.perSecond) / of((round) => round.raw.perSecond);
  const apiP99 = of((round) => round.api.p99);
  const row = (what: string, side: 'api' | 'raw') =>
    `| ${what} | ${of((r) => r[side].held)} / ${of((r) => r[side].refused)} / ${of((r) => r[side].other)} | ${of((r) => r[side].seatsHeld)} | ${ms(of((r) => r[side].wallMs))} | ${Math.round(of((r) => r[side].perSecond))} | ${ms(of((r) => r[side].p50))} | ${ms(of((r) => r[side].p99))} |`;
  const cpuRow = (what: string, side: 'api' | 'raw') => {
    const dynamoCpu = rounds.map((r) => r[side].dynamoCpuMsPerAttempt);
    const dynamoCell = dynamoCpu.includes(null)
      ? 'not read (no /proc)'
      : `${median(dynamoCpu as number[]).toFixed(1)} ms`;
    return `| ${what} | ${Math.round(of((r) => r[side].eventLoopUtilization) * 100)} % | ${of((r) => r[side].nodeCpuMsPerAttempt).toFixed(1)} ms | ${dynamoCell} |`;
  };
  return [
    '| path | held / refused (409) / other | seats held | wall time | attempts/s | p50 | p99 |',
    '|---|---|---|---|---|---|---|',
    row('`POST /api/bookings` over HTTP', 'api'),
    row('`holdSeats` transaction straight to DynamoDB Local', 'raw'),
    '',
    `Ratio of throughputs, ours/raw: **${ratio.toFixed(2)}** (target ≥ ${TARGET_RATIO}). p99 of ours: **${ms(apiP99)}** (target ≤ ${TARGET_P99_MS} ms). ` +
      `Time in the handler (server side, as logged): p50 ${ms(of((r) => r.api.serverP50))}, p99 ${ms(of((r) => r.api.serverP99))}.`,
    '',
    '| where the CPU went, per attempt | Node event loop busy | Node CPU (client, server, SDK) | DynamoDB Local CPU |',
    '|---|---|---|---|',
    cpuRow('ours, over HTTP', 'api'),
    cpuRow('raw transaction', 'raw'),
    '',
    `Each round (ours / raw, attempts/s; p99): ${rounds
      .map(
        (r) =>
          `${Math.round(r.api.perSecond)} / ${Math.round(r.raw.perSecond)}; ${ms(r.api.p99)} / ${ms(r.raw.p99)}`,
      )
      .join(' · ')}.`,
  ];
}
