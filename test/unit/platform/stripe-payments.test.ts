/**
 * The Stripe adapter (REST over fetch, our own signature check) held to the real `stripe` SDK: the same
 * requests reach a local stand-in of Stripe's API on 127.0.0.1, the SDK's own signatures are accepted and
 * whatever it refuses is refused, and a Stripe that hangs or fails is given up on within seconds.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import Stripe from 'stripe';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  type CheckoutRequest,
  InvalidWebhookSignatureError,
  PaymentProviderError,
} from '../../../functions/platform/payments/port.js';
import { createStripePayments } from '../../../functions/platform/payments/stripe.js';
import { encodeStripeForm, STRIPE_API_VERSION } from '../../../functions/platform/payments/stripe-api.js';
import { verifyStripeSignature } from '../../../functions/platform/payments/stripe-webhook.js';

const secretKey = 'sk_test_standin0123456789';
const webhookSecret = 'whsec_standin0123456789abcdef';

interface ReceivedRequest {
  method: string;
  path: string;
  headers: IncomingMessage['headers'];
  body: string;
}

/** A stand-in of Stripe's API: records every request and answers as the test tells it to. */
let answer: (request: ReceivedRequest, response: ServerResponse) => void;
const received: ReceivedRequest[] = [];
let server: Server;
let apiBase: string;

const sessionAnswer = {
  id: 'cs_test_standin',
  object: 'checkout.session',
  url: 'https://checkout.stripe.com/c/pay/cs_test_standin',
  expires_at: 1_900_000_000,
};

function answerJson(status: number, body: unknown, headers: Record<string, string> = {}) {
  return (_request: ReceivedRequest, response: ServerResponse) => {
    response.writeHead(status, { 'Content-Type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };
}

beforeAll(async () => {
  server = createServer((request, response) => {
    let body = '';
    request.setEncoding('utf8');
    request.on('data', (chunk: string) => {
      body += chunk;
    });
    request.on('end', () => {
      const recorded = {
        method: request.method ?? '',
        path: request.url ?? '',
        headers: request.headers,
        body,
      };
      received.push(recorded);
      answer(recorded, response);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  apiBase = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
afterEach(() => {
  received.length = 0;
});

const sdk = () =>
  new Stripe(secretKey, {
    host: '127.0.0.1',
    port: new URL(apiBase).port,
    protocol: 'http',
    maxNetworkRetries: 0,
    telemetry: false,
  });

const adapter = () => createStripePayments({ secretKey, webhookSecret, apiBase });

const checkoutRequest: CheckoutRequest = {
  reference: 'bk_01JEXAMPLE',
  metadata: { bookingId: 'bk_01JEXAMPLE', departure: '2026-12-24 Tuần Châu 08:00' },
  currency: 'vnd',
  lines: [
    { name: 'Người lớn — Vịnh Hạ Long (tuyến 1)', unitAmount: 290_000, quantity: 2 },
    { name: "Trẻ em (5–10) & 'khách' *", unitAmount: 145_000, quantity: 1 },
  ],
  customerEmail: undefined,
  locale: 'vi',
  successUrl: 'https://halong.example/vi/bookings/bk_01JEXAMPLE/?checkout=success',
  cancelUrl: 'https://halong.example/vi/bookings/bk_01JEXAMPLE/?checkout=cancelled',
  expiresAt: new Date('2026-12-20T03:04:05.678Z'),
  idempotencyKey: 'checkout-bk_01JEXAMPLE-1',
};

/** What the request looks like on the wire, minus what identifies the client library. */
const wire = (request: ReceivedRequest | undefined) => ({
  method: request?.method,
  path: request?.path,
  body: request?.body,
  authorization: request?.headers.authorization,
  contentType: request?.headers['content-type'],
  stripeVersion: request?.headers['stripe-version'],
  idempotencyKey: request?.headers['idempotency-key'],
});

describe('requests to Stripe, compared with the stripe SDK’s', () => {
  it('pins the API version the installed SDK pins', () => {
    expect(STRIPE_API_VERSION).toBe(Stripe.API_VERSION);
  });

  it('creates a Checkout Session with exactly the request the SDK sends', async () => {
    answer = answerJson(200, sessionAnswer);
    // The SDK call the adapter made before it moved to the REST API.
    await sdk().checkout.sessions.create(
      {
        mode: 'payment',
        line_items: checkoutRequest.lines.map((line) => ({
          quantity: line.quantity,
          price_data: {
            currency: checkoutRequest.currency,
            unit_amount: line.unitAmount,
            product_data: { name: line.name },
          },
        })),
        client_reference_id: checkoutRequest.reference,
        metadata: checkoutRequest.metadata,
        payment_intent_data: { metadata: checkoutRequest.metadata },
        customer_email: checkoutRequest.customerEmail,
        locale: checkoutRequest.locale,
        success_url: checkoutRequest.successUrl,
        cancel_url: checkoutRequest.cancelUrl,
        expires_at: Math.floor(checkoutRequest.expiresAt.getTime() / 1000),
      },
      { idempotencyKey: checkoutRequest.idempotencyKey },
    );
    const session = await adapter().createCheckout(checkoutRequest);

    expect(received).toHaveLength(2);
    expect(wire(received[1])).toEqual(wire(received[0]));
    expect(wire(received[1])).toMatchObject({
      path: '/v1/checkout/sessions',
      stripeVersion: Stripe.API_VERSION,
      idempotencyKey: checkoutRequest.idempotencyKey,
    });
    expect(session).toEqual({
      id: sessionAnswer.id,
      url: sessionAnswer.url,
      expiresAt: new Date(sessionAnswer.expires_at * 1000).toISOString(),
    });
  });

  it('asks for a refund with exactly the request the SDK sends', async () => {
    answer = answerJson(200, { id: 're_test_standin', object: 'refund', status: 'succeeded' });
    await sdk().refunds.create(
      { payment_intent: 'pi_test_standin', amount: 435_000 },
      { idempotencyKey: 'refund-bk_01JEXAMPLE' },
    );
    const refund = await adapter().refund({
      paymentId: 'pi_test_standin',
      amount: 435_000,
      idempotencyKey: 'refund-bk_01JEXAMPLE',
    });
    expect(wire(received[1])).toEqual(wire(received[0]));
    expect(refund).toEqual({ id: 're_test_standin', status: 'succeeded' });
  });

  it('form-encodes any nested parameters as the SDK does', async () => {
    answer = answerJson(200, sessionAnswer);
    const text = fc.string({ unit: 'grapheme', maxLength: 12 });
    const value = fc.oneof(text, fc.integer(), fc.boolean());
    const params = fc.dictionary(
      // Stripe's parameter names: lower-case words joined by underscores.
      fc.stringMatching(/^[a-z][a-z_]{0,9}$/),
      fc.oneof(
        value,
        fc.array(value, { maxLength: 3 }),
        fc.dictionary(fc.stringMatching(/^\w{1,6}$/), value),
      ),
      { maxKeys: 5 },
    );
    await fc.assert(
      fc.asyncProperty(params, async (generated) => {
        received.length = 0;
        await sdk().checkout.sessions.create(generated as Stripe.Checkout.SessionCreateParams);
        expect(encodeStripeForm(generated)).toBe(received[0]?.body);
      }),
      { numRuns: 60 },
    );
  });

  it('keeps only the kind of a refusal (type, code, status), never its message', async () => {
    answer = answerJson(400, {
      error: { type: 'invalid_request_error', code: 'amount_too_small', message: 'Card of Nguyễn Văn A' },
    });
    const refused = await adapter()
      .refund({ paymentId: 'pi_x', amount: 1, idempotencyKey: 'k' })
      .catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(PaymentProviderError);
    expect((refused as PaymentProviderError).detail).toEqual({
      type: 'invalid_request_error',
      code: 'amount_too_small',
      statusCode: 400,
    });
    expect((refused as Error).message).not.toContain('Nguyễn');
    expect(received).toHaveLength(1);
  });
});

describe('a Stripe that fails or does not answer', () => {
  it('gives up on a Stripe that accepts the connection and never answers, within 7 seconds, after one retry under the same key', async () => {
    answer = () => {};
    const started = performance.now();
    const failure = await adapter()
      .createCheckout(checkoutRequest)
      .catch((error: unknown) => error);
    const elapsed = performance.now() - started;

    expect(failure).toBeInstanceOf(PaymentProviderError);
    expect((failure as PaymentProviderError).detail.type).toBe('timeout');
    expect(elapsed).toBeLessThan(7000);
    expect(received.map((request) => request.headers['idempotency-key'])).toEqual([
      checkoutRequest.idempotencyKey,
      checkoutRequest.idempotencyKey,
    ]);
  }, 15_000);

  it('retries a 5xx once under the same Idempotency-Key and takes the second answer', async () => {
    let calls = 0;
    answer = (request, response) => {
      calls += 1;
      if (calls === 1) answerJson(500, { error: { type: 'api_error' } })(request, response);
      else answerJson(200, sessionAnswer)(request, response);
    };
    await expect(adapter().createCheckout(checkoutRequest)).resolves.toMatchObject({ id: sessionAnswer.id });
    expect(received.map((request) => request.headers['idempotency-key'])).toEqual([
      checkoutRequest.idempotencyKey,
      checkoutRequest.idempotencyKey,
    ]);
  });

  it('does not retry when Stripe says not to (Stripe-Should-Retry: false)', async () => {
    answer = answerJson(503, { error: { type: 'api_error' } }, { 'Stripe-Should-Retry': 'false' });
    await expect(adapter().createCheckout(checkoutRequest)).rejects.toBeInstanceOf(PaymentProviderError);
    expect(received).toHaveLength(1);
  });

  it('reports a refused connection as a provider error, not a crash', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const payments = createStripePayments({ secretKey, webhookSecret, apiBase: `http://127.0.0.1:${port}` });
    const failure = await payments.createCheckout(checkoutRequest).catch((error: unknown) => error);
    expect((failure as PaymentProviderError).detail).toEqual({ type: 'connection_error' });
  });
});

describe('webhook signatures, compared with the stripe SDK’s', () => {
  const payload = JSON.stringify({
    id: 'evt_test_standin',
    object: 'event',
    type: 'checkout.session.completed',
    data: {
      object: {
        id: 'cs_test_standin',
        object: 'checkout.session',
        client_reference_id: 'bk_01JEXAMPLE',
        payment_status: 'paid',
        amount_total: 725_000,
        currency: 'vnd',
        payment_intent: 'pi_test_standin',
      },
    },
  });
  const body = new TextEncoder().encode(payload);
  const sdkAccepts = (signed: string, header: string, secret: string) => {
    try {
      Stripe.webhooks.signature?.verifyHeader(signed, header, secret);
      return true;
    } catch {
      return false;
    }
  };
  const weAccept = (signed: string, header: string, secret: string) => {
    try {
      verifyStripeSignature(new TextEncoder().encode(signed), header, secret);
      return true;
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidWebhookSignatureError);
      return false;
    }
  };

  it('reads an event the SDK signed', async () => {
    const header = Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret });
    await expect(adapter().readWebhook(body, header)).resolves.toEqual({
      kind: 'checkout-completed',
      eventId: 'evt_test_standin',
      sessionId: 'cs_test_standin',
      reference: 'bk_01JEXAMPLE',
      paid: true,
      amount: 725_000,
      currency: 'vnd',
      paymentId: 'pi_test_standin',
    });
  });

  it('refuses what the SDK refuses: another secret, another body, a stale signature, no header', async () => {
    const now = Math.floor(Date.now() / 1000);
    const cases = [
      [payload, Stripe.webhooks.generateTestHeaderString({ payload, secret: 'whsec_another' })],
      [`${payload} `, Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret })],
      [
        payload,
        Stripe.webhooks.generateTestHeaderString({ payload, secret: webhookSecret, timestamp: now - 301 }),
      ],
      [payload, `t=${now}`],
      [payload, 'v1=00'],
    ] as const;
    for (const [signed, header] of cases) {
      expect(sdkAccepts(signed, header, webhookSecret), header).toBe(false);
      expect(weAccept(signed, header, webhookSecret), header).toBe(false);
    }
    await expect(adapter().readWebhook(body, undefined)).rejects.toBeInstanceOf(InvalidWebhookSignatureError);
  });

  it('agrees with the SDK on any body, secret, age and extra signature', () => {
    const now = Math.floor(Date.now() / 1000);
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 200 }),
        fc.stringMatching(/^whsec_\w{8,32}$/),
        fc.integer({ min: -600, max: 600 }),
        fc.boolean(),
        fc.boolean(),
        (signed, secret, age, rightSecret, extraSignature) => {
          const header = Stripe.webhooks.generateTestHeaderString({
            payload: signed,
            secret: rightSecret ? secret : `${secret}x`,
            timestamp: now - age,
          });
          // Stripe sends two v1 signatures while an endpoint's secret is being rolled.
          const sent = extraSignature ? `${header},v1=${'ab'.repeat(32)}` : header;
          expect(weAccept(signed, sent, secret)).toBe(sdkAccepts(signed, sent, secret));
        },
      ),
      { numRuns: 200 },
    );
  });
});
