/**
 * What one confirmed booking costs on AWS: the DynamoDB capacity each request of the booking flow consumes
 * (hold, checkout, the payment webhook, one read of the booking), metered on DynamoDB Local, and the
 * handlers' durations, priced at on-demand, Lambda and API Gateway list prices.
 */
import { randomUUID } from 'node:crypto';
import { startTestCheckout } from '../functions/local/test-checkout.js';
import { createDocumentClient } from '../functions/platform/dynamo.js';
import { createStripePayments } from '../functions/platform/payments/stripe.js';
import { benchLocalTime, bookingBody, createBenchPlatform, scheduleDeparture } from './booking-platform.js';
import { meterCapacity, type OperationUse } from './capacity-meter.js';
import { median } from './statistics.js';

/** Bookings driven through the whole flow; their handler durations give the p50 billed on Lambda. */
export const COSTED_BOOKINGS = 20;
/** Passengers per costed booking: a couple, the most common party. */
const PARTY_SIZE = 2;

/** List prices as of 2025 for ap-southeast-1 (Singapore); check https://aws.amazon.com/pricing before relying on them. */
export const PRICES = {
  writeRequestUnitPerMillion: 0.7125,
  readRequestUnitPerMillion: 0.1425,
  lambdaArmGbSecond: 0.0000133334,
  lambdaRequestPerMillion: 0.2,
  lambdaMemoryGb: 0.5,
  httpApiRequestPerMillion: 1.3,
};

const STEPS = ['hold', 'checkout', 'webhook', 'read'] as const;
type Step = (typeof STEPS)[number];
const STEP_REQUESTS: Record<Step, string> = {
  hold: '`POST /api/bookings`',
  checkout: '`POST /api/bookings/{id}/checkout`',
  webhook: '`POST /api/payments/stripe/webhook` (checkout.session.completed)',
  read: '`GET /api/bookings/{id}`',
};

export interface BookingCost {
  /** DynamoDB operations per confirmed booking (the mean over the costed bookings). */
  operations: OperationUse[];
  /** Median server-side duration of each step's request, in ms. */
  handlerMs: Record<Step, number>;
}

/**
 * Drives COSTED_BOOKINGS bookings from hold to confirmed and read, in-process, metering each request's
 * DynamoDB calls; then as many again, unmetered, for the handlers' durations (the meter's own reads of the
 * transactions' items would lengthen them).
 */
export async function measureBookingCost(dynamoEndpoint: string): Promise<BookingCost> {
  const db = createDocumentClient({ region: 'local', dynamoEndpoint });
  const sizer = createDocumentClient({ region: 'local', dynamoEndpoint });
  const meter = meterCapacity(db, sizer);
  // The payment provider is the real Stripe SDK against the local test checkout, as in the integration tests.
  const checkout = await startTestCheckout({
    deliver: async (body, signature) =>
      (
        await platform.app.request('/api/payments/stripe/webhook', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
          body,
        })
      ).status,
  });
  const payments = createStripePayments({
    secretKey: checkout.secretKey,
    webhookSecret: checkout.webhookSecret,
    apiBase: checkout.apiBase,
  });
  const platform = await createBenchPlatform(dynamoEndpoint, { db, payments });
  const send = (path: string, init?: RequestInit) => platform.app.request(path, init);
  const durations: Record<Step, number[]> = { hold: [], checkout: [], webhook: [], read: [] };

  let metered = true;

  /** Runs one step of the flow, metered or timed; its request must answer `expected`. */
  async function step<T>(name: Step, action: () => Promise<{ status: number; answer: T }>, expected: number) {
    const servedBefore = platform.served.length;
    meter.label = metered ? name : null;
    const { status, answer } = await action().finally(() => {
      meter.label = null;
    });
    if (status !== expected) throw new Error(`The ${name} step answered ${status}, not ${expected}.`);
    if (!metered) {
      for (const request of platform.served.slice(servedBefore)) durations[name].push(request.durationMs);
    }
    return answer;
  }
  const json = async <T>(response: Response) => ({
    status: response.status,
    answer: (await response.json()) as T,
  });

  try {
    // Each pass on a departure of its own: 20 bookings of 2 fit the 48 seats.
    const meteredDeparture = await scheduleDeparture(send, benchLocalTime(0));
    const timedDeparture = await scheduleDeparture(send, benchLocalTime(1));
    for (let booking = 0; booking < 2 * COSTED_BOOKINGS; booking++) {
      metered = booking < COSTED_BOOKINGS;
      const departureId = metered ? meteredDeparture : timedDeparture;
      const { id, accessToken } = await step(
        'hold',
        async () =>
          json<{ id: string; accessToken: string }>(
            await send('/api/bookings', {
              method: 'POST',
              headers: { 'Content-Type': 'application/json', 'Idempotency-Key': randomUUID() },
              body: JSON.stringify(bookingBody(departureId, PARTY_SIZE)),
            }),
          ),
        201,
      );
      const holder = { Authorization: `Bearer ${accessToken}` };
      const { url } = await step(
        'checkout',
        async () =>
          json<{ url: string }>(
            await send(`/api/bookings/${id}/checkout`, { method: 'POST', headers: holder }),
          ),
        200,
      );
      const sessionId = url.split('/').pop() ?? '';
      await step('webhook', async () => ({ status: await checkout.pay(sessionId), answer: null }), 200);
      const { status } = await step(
        'read',
        async () => json<{ status: string }>(await send(`/api/bookings/${id}`, { headers: holder })),
        200,
      );
      if (status !== 'confirmed') throw new Error(`Booking ${id} is ${status} after payment, not confirmed.`);
    }
  } finally {
    await checkout.stop();
    db.destroy();
    sizer.destroy();
  }
  return {
    operations: meter.uses().map((use) => ({
      ...use,
      calls: use.calls / COSTED_BOOKINGS,
      readUnits: use.readUnits / COSTED_BOOKINGS,
      writeUnits: use.writeUnits / COSTED_BOOKINGS,
      reportedWriteUnits: use.reportedWriteUnits / COSTED_BOOKINGS,
    })),
    handlerMs: Object.fromEntries(STEPS.map((name) => [name, median(durations[name])])) as Record<
      Step,
      number
    >,
  };
}

const units = (value: number) => String(Math.round(value * 100) / 100);
const dollars = (value: number) => `$${value.toFixed(4)}`;

export function costRows({ operations, handlerMs }: BookingCost): string[] {
  const sum = (uses: OperationUse[], pick: (use: OperationUse) => number) =>
    uses.reduce((total, use) => total + pick(use), 0);
  const perStep = STEPS.map((name) => {
    const uses = operations.filter((use) => use.label === name);
    const calls = uses.map((use) => `${use.operation}${use.calls === 1 ? '' : ` × ${units(use.calls)}`}`);
    const written = sum(uses, (use) => use.writeUnits);
    const reported = sum(uses, (use) => use.reportedWriteUnits);
    const writeCell = written === reported ? units(written) : `${units(written)} (Local: ${units(reported)})`;
    return `| ${STEP_REQUESTS[name]} | ${calls.join(', ')} | ${units(sum(uses, (use) => use.readUnits))} | ${writeCell} | ${units(handlerMs[name])} ms |`;
  });
  const readUnits = sum(operations, (use) => use.readUnits);
  const writeUnits = sum(operations, (use) => use.writeUnits);
  const requests = STEPS.length;
  const billedSeconds = STEPS.reduce((total, name) => total + Math.ceil(handlerMs[name]), 0) / 1000;
  const perThousand = {
    reads: readUnits * 1000 * (PRICES.readRequestUnitPerMillion / 1e6),
    writes: writeUnits * 1000 * (PRICES.writeRequestUnitPerMillion / 1e6),
    compute: billedSeconds * 1000 * PRICES.lambdaMemoryGb * PRICES.lambdaArmGbSecond,
    invocations: requests * 1000 * (PRICES.lambdaRequestPerMillion / 1e6),
    gateway: requests * 1000 * (PRICES.httpApiRequestPerMillion / 1e6),
  };
  const total = Object.values(perThousand).reduce((a, b) => a + b, 0);
  return [
    '| request | DynamoDB calls | read units (measured) | write units (transactions computed) | handler p50 |',
    '|---|---|---|---|---|',
    ...perStep,
    `| **one confirmed booking** | ${sum(operations, (use) => use.calls)} calls | **${units(readUnits)} RRU** | **${units(writeUnits)} WRU** | ${units(billedSeconds * 1000)} ms billed |`,
    '',
    '| per 1,000 confirmed bookings | quantity | list price (ap-southeast-1) | cost |',
    '|---|---|---|---|',
    `| DynamoDB reads | ${units(readUnits * 1000)} RRU | $${PRICES.readRequestUnitPerMillion} per million RRU | ${dollars(perThousand.reads)} |`,
    `| DynamoDB writes | ${units(writeUnits * 1000)} WRU | $${PRICES.writeRequestUnitPerMillion} per million WRU | ${dollars(perThousand.writes)} |`,
    `| Lambda compute (arm64, ${PRICES.lambdaMemoryGb * 1024} MB) | ${units(billedSeconds * 1000 * PRICES.lambdaMemoryGb)} GB-s | $${PRICES.lambdaArmGbSecond} per GB-s | ${dollars(perThousand.compute)} |`,
    `| Lambda requests | ${requests * 1000} | $${PRICES.lambdaRequestPerMillion.toFixed(2)} per million | ${dollars(perThousand.invocations)} |`,
    `| API Gateway HTTP API | ${requests * 1000} | $${PRICES.httpApiRequestPerMillion.toFixed(2)} per million | ${dollars(perThousand.gateway)} |`,
    `| **total** | | | **${dollars(total)}** |`,
  ];
}
