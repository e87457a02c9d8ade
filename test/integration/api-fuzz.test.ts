/**
 * Our own fuzzer, in CI: every operation of the OpenAPI document, called with generated boundary and invalid
 * requests as anonymous, as each staff role and with a forged token, against the real API on DynamoDB Local.
 * Whatever is sent: no 5xx; every 4xx is problem+json whose status matches; and a refused request writes
 * nothing to the table. `npm test` runs a fixed seed on a short budget; `npm run fuzz` runs longer with a random
 * seed (FUZZ_SEED, FUZZ_RUNS) and prints the seed of any failure, so it can be replayed.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type Callers,
  type FuzzRequest,
  harvestIds,
  type OpenApiDocument,
  operationsOf,
  requestArbitrary,
  wellFormedRequests,
} from './support/openapi-fuzz.js';
import { createTestPlatform, demo, type TestPlatform } from './support/platform.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261206);
const RUNS_PER_OPERATION = Number(process.env.FUZZ_RUNS ?? 12);

let platform: TestPlatform;
let document: OpenApiDocument;
const callers: Callers = { anonymous: {} };
const knownValues = new Map<string, string[]>();

/** Passengers as the booking form sends them: a foreign adult, a Vietnamese adult, a child with a guardian. */
const samples = {
  Passenger: [
    {
      category: 'adult',
      fullName: 'Anne-Marie Dupont',
      documentType: 'passport',
      documentNumber: '18AB23456',
      nationality: 'FR',
    },
    {
      category: 'adult',
      fullName: 'Nguyễn Văn An',
      documentType: 'citizen_id',
      documentNumber: '001203004567',
      nationality: 'VN',
    },
    {
      category: 'child-7-to-12',
      fullName: 'Nguyễn Minh Châu',
      documentType: 'citizen_id',
      documentNumber: '001215009876',
      nationality: 'VN',
      guardian: { fullName: 'Nguyễn Văn An', documentNumber: '001203004567', phone: '+84 912 345 678' },
    },
  ],
};

beforeAll(async () => {
  // FUZZ_VERBOSE also shows what the platform logs (the cause of a 500, say).
  const logger = process.env.FUZZ_VERBOSE
    ? {
        debug() {},
        info() {},
        warn: console.warn,
        error: (message: string, fields?: object) => console.error(message, JSON.stringify(fields)),
      }
    : undefined;
  platform = await createTestPlatform({ logger });
  document = (await (await platform.app.request('/api/openapi.json')).json()) as OpenApiDocument;
  const accounts = { ...demo, curator: { email: 'curator@halong.test', password: 'Curator-HaLong-2026' } };
  for (const [role, account] of Object.entries(accounts)) {
    callers[role] = { Authorization: `Bearer ${await platform.signIn(account.email, account.password)}` };
  }
  // A token signed by nobody we trust, with an admin's claims.
  const [header, , signature] = (callers.admin?.Authorization ?? '').replace('Bearer ', '').split('.');
  const claims = Buffer.from(
    JSON.stringify({ sub: 'x', email: 'x@evil.example', 'cognito:groups': ['admin'] }),
  ).toString('base64url');
  watchWrites();
  callers.forged = { Authorization: `Bearer ${header}.${claims}.${signature}` };
  // What exists, so that generated requests reach past "not found" into the rules: every read, as staff,
  // asked as a well-behaved client would (its required query included), twice over so later reads see ids
  // the earlier ones listed.
  const components = document.components?.schemas ?? {};
  const staff = { admin: callers.admin ?? {}, manager: callers.manager ?? {} };
  for (const round of [1, 2]) {
    for (const [index, operation] of operationsOf(document).entries()) {
      if (operation.method !== 'GET') continue;
      for (const request of wellFormedRequests(
        operation,
        staff,
        { knownValues, components, samples },
        3,
        SEED + round * 1000 + index,
      )) {
        const response = await platform.app.request(request.url, { headers: request.headers });
        if (response.status === 200 && response.headers.get('Content-Type')?.startsWith('application/json')) {
          harvestIds(
            await response.json(),
            knownValues,
            operation.path.includes('{') ? undefined : operation.path,
          );
        }
      }
    }
  }
}, 240_000);
afterAll(() => platform?.dispose());

/**
 * The writes the platform makes, as the store sees them: each successful Put, Update, Delete or transaction of
 * the API's own client, with the partition keys it wrote (attempt counters left out: a refused sign-in is
 * meant to count). Cheaper and stricter than comparing the table before and after each request.
 */
const writes: string[] = [];
const WRITE_COMMANDS = /^(Put|Update|Delete|BatchWrite|TransactWrite)/;

function writtenKeys(input: Record<string, unknown>): string[] {
  const keys: string[] = [];
  const visit = (value: unknown) => {
    if (Array.isArray(value)) value.forEach(visit);
    else if (typeof value === 'object' && value !== null) {
      const record = value as Record<string, unknown>;
      if ('PK' in record) keys.push(String((record.PK as { S?: string })?.S ?? record.PK));
      else Object.values(record).forEach(visit);
    }
  };
  visit(input.Key ?? input.Item ?? input.TransactItems ?? input.RequestItems);
  return keys.filter((key) => !key.startsWith('RATE#'));
}

function watchWrites(): void {
  platform.dependencies.db.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (WRITE_COMMANDS.test(context.commandName ?? '')) {
        const keys = writtenKeys(args.input as Record<string, unknown>);
        if (keys.length > 0) writes.push(`${context.commandName} ${keys.join(', ')}`);
      }
      return result;
    },
    { step: 'initialize', name: 'fuzzWriteWatch' },
  );
}

interface Failure {
  request: string;
  problem: string;
}

function describeRequest(request: FuzzRequest): string {
  const body = request.body === undefined ? '' : ` body=${JSON.stringify(request.body.slice(0, 1500))}`;
  const type =
    request.headers['Content-Type'] === undefined
      ? ''
      : ` type=${JSON.stringify(request.headers['Content-Type'])}`;
  return `${request.method} ${request.url.slice(0, 300)} as ${request.caller}${type}${body}`;
}

/** What is wrong with the answer to `request`, or null. */
/** Per operation, the statuses it answered: proof the generated requests reach past the validators. */
const answered = new Map<string, number[]>();

async function check(request: FuzzRequest): Promise<string | null> {
  writes.length = 0;
  const response = await platform.app.request(request.url, {
    method: request.method,
    headers: request.headers,
    body: request.body,
  });
  const key = `${request.method} ${request.operation.path}`;
  answered.set(key, [...(answered.get(key) ?? []), response.status]);
  if (process.env.FUZZ_VERBOSE === '2' && response.status === 400) {
    console.log(`${key} 400:`, request.url.slice(0, 150), (await response.clone().text()).slice(0, 400));
  }
  const text = await response.text();
  if (response.status >= 500) return `answered ${response.status}: ${text.slice(0, 300)}`;
  if (
    response.status >= 200 &&
    response.status < 300 &&
    response.headers.get('Content-Type')?.startsWith('application/json')
  ) {
    const answer = JSON.parse(text) as { accessToken?: unknown };
    harvestIds(answer, knownValues, request.method === 'POST' ? request.operation.path : undefined);
    // The holder of the newest booking calls too, so the operations of a booking's holder are reached.
    if (typeof answer.accessToken === 'string') {
      callers.bookingHolder = { Authorization: `Bearer ${answer.accessToken}` };
    }
  }
  if (response.status < 400) return null;
  if (response.headers.get('Content-Type') !== 'application/problem+json') {
    return `answered ${response.status} as ${response.headers.get('Content-Type')}, not problem+json`;
  }
  const problem = JSON.parse(text) as { type?: unknown; title?: unknown; status?: unknown };
  if (
    typeof problem.type !== 'string' ||
    typeof problem.title !== 'string' ||
    problem.status !== response.status
  ) {
    return `answered a malformed problem: ${text.slice(0, 300)}`;
  }
  if (writes.length > 0) return `refused with ${response.status} but wrote ${writes.join('; ')}`;
  return null;
}

describe('the API under generated requests', () => {
  it(`answers every operation without a 5xx, with problem+json, changing nothing when it refuses (seed ${SEED}, ${RUNS_PER_OPERATION} runs per operation)`, async () => {
    const operations = operationsOf(document);
    expect(operations.length).toBeGreaterThan(40);
    const failures: Failure[] = [];
    for (const [index, operation] of operations.entries()) {
      const arbitrary = requestArbitrary(operation, callers, {
        knownValues,
        components: document.components?.schemas ?? {},
        samples,
      });
      const result = await fc.check(
        fc.asyncProperty(arbitrary, async (request) => {
          const problem = await check(request);
          if (problem) failures.push({ request: describeRequest(request), problem });
          return problem === null;
        }),
        { seed: SEED + index, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      );
      const last = failures.at(-1);
      if (result.failed && last) {
        last.problem += ` (replay: FUZZ_SEED=${SEED} — operation seed ${SEED + index}, path ${result.counterexamplePath})`;
      }
    }
    if (process.env.FUZZ_VERBOSE) {
      for (const [key, values] of knownValues) console.log('known', key, values.slice(0, 5).join(' '));
      for (const [key, statuses] of answered) console.log(key, statuses.sort().join(' '));
    }
    // A generator that never gets past validation would pass for the wrong reason.
    const reachedRules = [...answered.values()].filter((statuses) => statuses.some((status) => status < 300));
    expect(reachedRules.length / operations.length).toBeGreaterThan(0.5);
    const report = failures.map((failure) => `${failure.request}\n    → ${failure.problem}`).join('\n');
    expect(failures, `seed ${SEED}:\n${report}`).toEqual([]);
  }, 600_000);
});
