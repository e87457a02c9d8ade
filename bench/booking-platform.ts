/**
 * What both booking benchmarks stand on: the real API on a fresh table of a running DynamoDB Local, a
 * logger that keeps only each request's server-side duration, and departures scheduled the way an
 * operator schedules them (as test/integration/support/bookings.ts does).
 */
import { randomInt, randomUUID } from 'node:crypto';
import { createApi } from '../functions/api.js';
import type { Fares } from '../functions/boats/departures/model.js';
import { createBulkLoadClient, ensureTable, seedDemoData } from '../functions/local/bootstrap.js';
import { createLocalDependencies } from '../functions/local/dependencies.js';
import { loadConfig } from '../functions/platform/config.js';
import type { PlatformDependencies } from '../functions/platform/dependencies.js';
import { addDays, localDateAt } from '../functions/platform/local-time.js';
import type { Logger } from '../functions/platform/logger.js';

/** The demo boat scheduled for the benchmarks: certified for 48 passengers. */
export const BENCH_BOAT = { id: 'bay-pearl-01', capacity: 48 };
const OPERATOR = { email: 'operator@halong.test', password: 'Operator-HaLong-2026' };

const fares: Fares = {
  adult: 150000,
  'child-7-to-12': 100000,
  'child-under-7': 50000,
  'vietnamese-senior-60': 120000,
  'severe-disability': 50000,
};

/** One request as the HTTP shell logs it, without writing anything. */
export interface ServedRequest {
  method: string;
  path: string;
  status: number;
  durationMs: number;
}

/** A logger that writes nothing and remembers every request's duration in the handler. */
function recordingLogger(served: ServedRequest[]): Logger {
  const ignore = () => {};
  return {
    debug: ignore,
    info(message, fields) {
      if (message === 'request') served.push(fields as ServedRequest);
    },
    warn: ignore,
    error: ignore,
  };
}

/** The API on a new table of the DynamoDB at `dynamoEndpoint`, seeded with the demo data. */
export async function createBenchPlatform(
  dynamoEndpoint: string,
  overrides: Partial<Pick<PlatformDependencies, 'db' | 'payments'>> = {},
) {
  const tableName = `bench-${randomUUID()}`;
  const config = loadConfig({
    DYNAMODB_ENDPOINT: dynamoEndpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'local',
    LOG_LEVEL: 'silent',
  });
  const served: ServedRequest[] = [];
  const dependencies = await createLocalDependencies(config, {
    ...overrides,
    logger: recordingLogger(served),
  });
  const bulkLoad = createBulkLoadClient(config);
  await ensureTable(bulkLoad, tableName);
  await seedDemoData(bulkLoad, tableName, dependencies.localAuth?.accounts ?? null);
  bulkLoad.destroy();
  return { app: createApi(dependencies), dependencies, tableName, served };
}

/** Sends a request to the API, over HTTP or in-process (`app.request`). */
export type SendRequest = (path: string, init?: RequestInit) => Response | Promise<Response>;

async function answerOf<T>(response: Response, expected: number): Promise<T> {
  if (response.status !== expected) {
    throw new Error(`${response.url || 'request'} answered ${response.status}: ${await response.text()}`);
  }
  return (await response.json()) as T;
}

/**
 * Schedules a 48-seat departure of the benchmark boat five days ahead at `localTime` (05:00–05:59 are free
 * of demo departures) and returns its id.
 */
export async function scheduleDeparture(send: SendRequest, localTime: string): Promise<string> {
  const { idToken } = await answerOf<{ idToken: string }>(
    await send('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(OPERATOR),
    }),
    200,
  );
  const { departures } = await answerOf<{ departures: { id: string }[] }>(
    await send('/api/boats/departures', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${idToken}` },
      body: JSON.stringify({
        routeId: 1,
        portId: 'tuan-chau',
        boatId: BENCH_BOAT.id,
        localTime,
        dates: addDays(localDateAt(new Date()), 5),
        fares,
      }),
    }),
    201,
  );
  const [departure] = departures;
  if (!departure) throw new Error(`Scheduling at ${localTime} created no departure.`);
  return departure.id;
}

/** An adult with a valid 12-digit citizen ID, distinct per `index`. */
export function adultPassenger(index: number) {
  return {
    category: 'adult' as const,
    fullName: `Nguyễn Văn An ${String.fromCharCode(65 + (index % 26))}`,
    documentType: 'citizen_id' as const,
    documentNumber: String(100_000_000_000 + index),
    nationality: 'VN',
  };
}

export const benchContact = { email: 'an.nguyen@example.vn', phone: '+84 912 345 678' };

/** The body of POST /api/bookings for `seats` adults, as a client sends it. */
export function bookingBody(departureId: string, seats: number) {
  const passengers = Array.from({ length: seats }, (_, index) => adultPassenger(index));
  return { departureId, passengers, contact: benchContact, language: 'en' as const };
}

/** A party of 1 to 4 passengers, uniformly. */
export const randomPartySize = () => randomInt(1, 5);

/** Hạ Long local time `05:mm` for the `minute`-th departure a benchmark schedules. */
export const benchLocalTime = (minute: number) => `05:${String(minute).padStart(2, '0')}`;
