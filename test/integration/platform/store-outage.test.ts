/**
 * The data store stops answering and comes back. This file runs a DynamoDB Local of its own, on a data directory,
 * and pauses it (SIGSTOP), resumes it (SIGCONT), kills it and restarts it on the same port, while the API and the
 * site keep running on one client with the store's production budget: nothing waits past the timeout, every
 * answer meanwhile is 503 with Retry-After, everything works again without a restart, and no booking or payment is
 * lost or doubled.
 */

import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningDynamoDb, startDynamoDbLocal } from '../../../functions/local/dynamodb-local.js';
import { STORE_CALL_BUDGET } from '../../../functions/platform/aws-client-options.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import {
  adult,
  asHolder,
  bookingBody,
  getBooking,
  holdSeats,
  postBooking,
  scheduleTestDeparture,
  seatsOf,
} from '../support/bookings.js';
import { createTestPlatform, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

/** Two attempts of 1 s and the backoff between them, with room for a busy test machine. */
const LONGEST_WAIT_MS = 3500;

let dataDirectory: string;
let store: RunningDynamoDb;
let platform: TestPlatform;
let paused = false;

beforeAll(async () => {
  // A memory-backed directory where there is one: the files outlive the process as on disk, but seeding them
  // does not wait on a disk's flushes.
  dataDirectory = mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'store-outage-'));
  store = await startDynamoDbLocal(dataDirectory);
  platform = await createTestPlatform({
    environment: {
      DYNAMODB_ENDPOINT: store.endpoint,
      DYNAMODB_ATTEMPT_TIMEOUT_MS: String(STORE_CALL_BUDGET.requestTimeoutMs),
    },
  });
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(platform.app, render, createSiteServices(platform.dependencies));
}, 240_000);

afterAll(async () => {
  // Whatever failed above, never leave a stopped Java process behind.
  try {
    resumeStore();
    await platform?.dispose();
  } finally {
    await store?.stop();
    rmSync(dataDirectory, { recursive: true, force: true });
  }
});

/**
 * Runs `during` with the store paused (SIGSTOP), and resumes it (SIGCONT) however `during` ends. It begins once
 * the kernel reports the process stopped, and checks that it still is when `during` ends: an answer the store
 * gave while it should have been paused fails here, with the process's state, not as a puzzle further on.
 */
async function whilePaused<T>(during: () => Promise<T>): Promise<T> {
  const pid = store.process.pid as number;
  process.kill(pid, 'SIGSTOP');
  paused = true;
  try {
    await untilStopped(pid);
    const result = await during();
    const state = processState(pid);
    if (state !== 'T') throw new Error(`DynamoDB Local (pid ${pid}) was no longer stopped (state ${state}).`);
    return result;
  } finally {
    resumeStore();
  }
}

/** The one-letter state of a process in /proc/<pid>/stat (T: stopped by a signal), or "?" where there is none. */
function processState(pid: number): string {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
  } catch {
    return '?';
  }
}

/** Waits until the kernel reports `pid` stopped (a signal is delivered asynchronously), 2 s at most. */
async function untilStopped(pid: number): Promise<void> {
  if (!existsSync(`/proc/${pid}/stat`)) return; // no /proc (not Linux): trust the signal
  const giveUpAt = performance.now() + 2000;
  while (processState(pid) !== 'T') {
    if (performance.now() > giveUpAt) throw new Error(`DynamoDB Local (pid ${pid}) did not stop on SIGSTOP.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

function resumeStore() {
  if (paused) process.kill(store.process.pid as number, 'SIGCONT');
  paused = false;
}

/**
 * Runs `during` with the store killed (SIGKILL: no chance to flush or close), then starts it again on its data
 * directory and its port, where the running app's client still points, however `during` ends.
 */
async function whileKilled(during: () => Promise<void>): Promise<void> {
  const exited = new Promise((resolve) => store.process.once('exit', resolve));
  store.process.kill('SIGKILL');
  await exited;
  try {
    await during();
  } finally {
    store = await startDynamoDbLocal(dataDirectory, { port: Number(new URL(store.endpoint).port) });
  }
}

/**
 * `request` sent as a client honouring Retry-After sends it: again while the answer is 503 store-unavailable, for
 * at most 10 s. Only for the calls around a pause, never inside one: a Java process just resumed on a busy machine
 * may miss the 1 s attempt budget once more, and that answer is right, but it is not what these tests are about.
 */
async function onceTheStoreAnswers(request: () => Response | Promise<Response>): Promise<Response> {
  const giveUpAt = performance.now() + 10_000;
  for (;;) {
    const response = await request();
    if (response.status !== 503 || performance.now() > giveUpAt) return response;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** The answer to a request and how long it took. */
async function timed(request: Response | Promise<Response>) {
  const started = performance.now();
  const response = await request;
  return { response, milliseconds: performance.now() - started };
}

const get = (path: string, headers: Record<string, string> = {}) =>
  platform.app.request(`http://localhost${path}`, { headers });

function sendWebhook(event: { body: string; signature: string }) {
  return platform.app.request('/api/payments/stripe/webhook', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Stripe-Signature': event.signature },
    body: event.body,
  });
}

async function startCheckout(booking: { id: string; accessToken: string }) {
  const response = await platform.app.request(`/api/bookings/${booking.id}/checkout`, {
    method: 'POST',
    headers: asHolder(booking.accessToken),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { url: string }).url.split('/').pop() as string;
}

async function expectStoreUnavailableProblem(answer: { response: Response; milliseconds: number }) {
  expect(answer.milliseconds).toBeLessThan(LONGEST_WAIT_MS);
  expect(answer.response.status).toBe(503);
  expect(answer.response.headers.get('content-type')).toBe(PROBLEM_JSON);
  expect(answer.response.headers.get('retry-after')).toBe('5');
  expect(await answer.response.json()).toMatchObject({ type: '/problems/store-unavailable', status: 503 });
}

describe('while the data store is paused', () => {
  it('answers API requests, site pages and health with 503 and Retry-After within the timeout, and recovers on resume', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const key = randomUUID();
    const [routes, departure, booking, health, page] = await whilePaused(() =>
      Promise.all([
        timed(get('/api/boats/routes')),
        timed(get(`/api/boats/departures/${departureId}`)),
        timed(postBooking(platform, bookingBody(departureId, [adult(0)]), key)),
        timed(get('/api/health')),
        timed(get('/en/boats/')),
      ]),
    );
    for (const answer of [routes, departure, booking]) await expectStoreUnavailableProblem(answer);
    await expectStoreUnavailableProblem(health);
    expect(page.milliseconds).toBeLessThan(LONGEST_WAIT_MS);
    expect(page.response.status).toBe(503);
    expect(page.response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.response.headers.get('retry-after')).toBe('5');
    expect(page.response.headers.get('cache-control')).toBe('private, no-store');
    expect(await page.response.text()).toContain('Our data is out of reach for a moment');

    expect((await onceTheStoreAnswers(() => get('/api/boats/routes'))).status).toBe(200);
    expect((await onceTheStoreAnswers(() => get('/api/health'))).status).toBe(200);
    expect((await onceTheStoreAnswers(() => get('/en/boats/'))).status).toBe(200);
    // The booking refused during the pause is made by its retry, once.
    const retried = await onceTheStoreAnswers(() =>
      postBooking(platform, bookingBody(departureId, [adult(0)]), key),
    );
    expect(retried.status).toBe(201);
    expect(await seatsOf(platform, departureId)).toBe(47);
  });

  it('answers a booking retried with its Idempotency-Key with the booking it made, its seats taken once', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const key = randomUUID();
    const body = bookingBody(departureId, [adult(0), adult(1)]);
    // The booking is made, but its answer never reaches the client (the classic timeout ambiguity)…
    const first = await onceTheStoreAnswers(() => postBooking(platform, body, key));
    expect(first.status).toBe(201);
    const made = (await first.json()) as { id: string };
    // …which retries while the store is paused…
    await expectStoreUnavailableProblem(await whilePaused(() => timed(postBooking(platform, body, key))));
    // …and again after: the same booking, not a second one.
    const replayed = await onceTheStoreAnswers(() => postBooking(platform, body, key));
    expect(replayed.status).toBe(201);
    expect(replayed.headers.get('idempotent-replayed')).toBe('true');
    expect(((await replayed.json()) as { id: string }).id).toBe(made.id);
    expect(await seatsOf(platform, departureId)).toBe(46);
  });

  it("answers Stripe's webhook 503 so that Stripe retries, and applies the payment once when it does", async () => {
    const departureId = await scheduleTestDeparture(platform);
    const booking = await holdSeats(platform, departureId, [adult(0), adult(1)]);
    const sessionId = await startCheckout(booking);
    const started = performance.now();
    const firstDelivery = await whilePaused(() => platform.checkout.pay(sessionId));
    expect(performance.now() - started).toBeLessThan(LONGEST_WAIT_MS);
    expect(firstDelivery).toBe(503);

    const event = platform.checkout.sentEvents.at(-1) as { body: string; signature: string };
    // Stripe's retry; the test checkout's own retry may have come first, and then this one finds it applied.
    const retry = await sendWebhook(event);
    expect(retry.status).toBe(200);
    expect(((await retry.json()) as { outcome: string }).outcome).toMatch(/^(already-)?confirmed$/);
    const again = await sendWebhook(event);
    expect(await again.json()).toMatchObject({ outcome: 'already-confirmed' });

    const stored = await getBooking(platform, booking.id, booking.accessToken);
    expect(stored.status).toBe('confirmed');
    expect(await seatsOf(platform, departureId)).toBe(46);
    expect(platform.checkout.refunds).toEqual([]);
  });
});

describe('when the data store is killed and restarted on its data', () => {
  it('answers 503 at once while it is gone, and serves what was confirmed once it is back, without a restart', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const booking = await holdSeats(platform, departureId, [adult(0)]);
    const sessionId = await startCheckout(booking);
    expect(await platform.checkout.pay(sessionId)).toBe(200);

    await whileKilled(async () => {
      await expectStoreUnavailableProblem(await timed(get('/api/health')));
      await expectStoreUnavailableProblem(
        await timed(get(`/api/bookings/${booking.id}`, asHolder(booking.accessToken))),
      );
    });

    expect((await get('/api/health')).status).toBe(200);
    const stored = await getBooking(platform, booking.id, booking.accessToken);
    expect(stored.status).toBe('confirmed');
    expect(await seatsOf(platform, departureId)).toBe(47);
  }, 120_000);
});
