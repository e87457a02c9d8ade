/**
 * The local test checkout: a small server speaking the part of Stripe's API the platform uses (Checkout
 * Sessions, refunds), with a payment page clearly marked as test mode. Paying or letting the page expire
 * sends the same events Stripe sends, signed with Stripe's own helpers, to the platform's webhook. So
 * `npm start` without Stripe keys runs the real Stripe adapter and the real webhook path end to end.
 * Tests use it as the local server that the real `stripe` SDK is pointed at.
 */

import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { html, raw } from 'hono/html';
import { parse as parseForm } from 'qs';
import Stripe from 'stripe';
import type { Language } from '../platform/language.js';
import { formatVnd } from '../platform/money.js';

/** Sends one signed event to the platform's webhook; resolves with the HTTP status it answered. */
export type DeliverWebhook = (body: string, signature: string) => Promise<number>;

export interface TestSession {
  id: string;
  status: 'open' | 'complete' | 'expired';
  paymentStatus: 'unpaid' | 'paid';
  amountTotal: number;
  currency: string;
  lines: { name: string; unitAmount: number; quantity: number }[];
  clientReferenceId: string | null;
  metadata: Record<string, string>;
  customerEmail: string | null;
  locale: Language;
  successUrl: string;
  cancelUrl: string;
  expiresAt: number;
  paymentIntent: string | null;
}

export interface TestRefund {
  id: string;
  paymentIntent: string;
  amount: number;
}

export interface TestCheckout {
  /** For STRIPE_API_BASE: where the Stripe adapter sends its requests. */
  apiBase: string;
  /** The origin of the payment pages browsers are sent to. */
  pageOrigin: string;
  secretKey: string;
  webhookSecret: string;
  sessions: Map<string, TestSession>;
  refunds: TestRefund[];
  /** Every API request received, form fields parsed, for tests to inspect. */
  requests: {
    method: string;
    path: string;
    fields: Record<string, unknown>;
    idempotencyKey: string | null;
  }[];
  /** Completes a session as the "Pay" button does (tests drive it without a browser). */
  pay(sessionId: string): Promise<number>;
  /** Expires a session now, as Stripe does at `expires_at`. */
  expire(sessionId: string): Promise<number>;
  /** Re-sends every event sent so far, as Stripe retries do. */
  sentEvents: { body: string; signature: string }[];
  stop(): Promise<void>;
}

const newId = (prefix: string) =>
  `${prefix}_test_${randomBytes(12).toString('base64url').replaceAll(/[-_]/g, 'x')}`;

const text = {
  vi: {
    title: 'Thanh toán thử nghiệm',
    banner:
      'CHẾ ĐỘ THỬ NGHIỆM — không có tiền thật nào được chuyển. Đây là trang thanh toán mô phỏng của môi trường chạy thử.',
    total: 'Tổng cộng',
    pay: 'Thanh toán (thẻ thử nghiệm)',
    decline: 'Mô phỏng thẻ bị từ chối',
    back: 'Huỷ và quay lại',
    declined: 'Thẻ thử nghiệm đã bị từ chối. Chưa có khoản nào được thanh toán; bạn có thể thử lại.',
    closed: 'Phiên thanh toán này đã kết thúc.',
  },
  en: {
    title: 'Test checkout',
    banner: 'TEST MODE — no real money moves. This is the simulated payment page of a local run.',
    total: 'Total',
    pay: 'Pay (test card)',
    decline: 'Simulate a declined card',
    back: 'Cancel and go back',
    declined: 'The test card was declined. Nothing was charged; you can try again.',
    closed: 'This checkout session has ended.',
  },
} as const;

function stripeError(context: Context, status: 400 | 401 | 404, message: string, param?: string) {
  return context.json({ error: { type: 'invalid_request_error', message, ...(param && { param }) } }, status);
}

function sessionObject(session: TestSession, origin: string) {
  return {
    id: session.id,
    object: 'checkout.session',
    mode: 'payment',
    status: session.status,
    payment_status: session.paymentStatus,
    amount_total: session.amountTotal,
    amount_subtotal: session.amountTotal,
    currency: session.currency,
    client_reference_id: session.clientReferenceId,
    metadata: session.metadata,
    customer_email: session.customerEmail,
    locale: session.locale,
    success_url: session.successUrl,
    cancel_url: session.cancelUrl,
    expires_at: session.expiresAt,
    payment_intent: session.paymentIntent,
    url: session.status === 'open' ? `${origin}/checkout/${session.id}` : null,
    livemode: false,
  };
}

export async function startTestCheckout(options: {
  deliver: DeliverWebhook;
  host?: string;
  /** The address browsers use for the payment page, when it differs from the bound one. */
  publicHost?: string;
}): Promise<TestCheckout> {
  const secretKey = `sk_test_local${randomBytes(12).toString('hex')}`;
  const webhookSecret = `whsec_local${randomBytes(24).toString('hex')}`;
  const sessions = new Map<string, TestSession>();
  const refunds: TestRefund[] = [];
  const requests: TestCheckout['requests'] = [];
  const sentEvents: TestCheckout['sentEvents'] = [];
  const idempotentAnswers = new Map<string, unknown>();
  const expiryTimers = new Map<string, NodeJS.Timeout>();
  let origin = '';

  async function sendEvent(type: string, session: TestSession): Promise<number> {
    const payload = JSON.stringify({
      id: newId('evt'),
      object: 'event',
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      type,
      livemode: false,
      data: { object: sessionObject(session, origin) },
    });
    const signature = await Stripe.webhooks.generateTestHeaderStringAsync({ payload, secret: webhookSecret });
    sentEvents.push({ body: payload, signature });
    return deliverWithRetries(payload, signature);
  }

  /** Like Stripe, a delivery that fails is tried again later (here three times within half a minute). */
  async function deliverWithRetries(payload: string, signature: string): Promise<number> {
    const status = await options.deliver(payload, signature).catch(() => 0);
    if (status >= 200 && status < 300) return status;
    let attempt = 0;
    const retry = () => {
      attempt++;
      void options.deliver(payload, signature).then(
        (answer) => {
          if ((answer < 200 || answer >= 300) && attempt < 3) setTimeout(retry, 5000 * attempt).unref();
        },
        () => attempt < 3 && setTimeout(retry, 5000 * attempt).unref(),
      );
    };
    setTimeout(retry, 1000).unref();
    return status;
  }

  async function pay(sessionId: string): Promise<number> {
    const session = sessions.get(sessionId);
    if (session?.status !== 'open') throw new Error(`Session ${sessionId} is not open.`);
    session.status = 'complete';
    session.paymentStatus = 'paid';
    session.paymentIntent = newId('pi');
    clearTimeout(expiryTimers.get(sessionId));
    return sendEvent('checkout.session.completed', session);
  }

  async function expire(sessionId: string): Promise<number> {
    const session = sessions.get(sessionId);
    if (session?.status !== 'open') throw new Error(`Session ${sessionId} is not open.`);
    session.status = 'expired';
    clearTimeout(expiryTimers.get(sessionId));
    return sendEvent('checkout.session.expired', session);
  }

  const app = new Hono();

  // The API, as Stripe's SDK and our adapter call it: form-encoded bodies, Bearer secret key, Idempotency-Key.
  app.use('/v1/*', async (context, next) => {
    if (context.req.header('Authorization') !== `Bearer ${secretKey}`) {
      return stripeError(context, 401, 'Invalid API Key provided.');
    }
    const fields = context.req.method === 'POST' ? parseForm(await context.req.text()) : {};
    const idempotencyKey = context.req.header('Idempotency-Key') ?? null;
    requests.push({ method: context.req.method, path: context.req.path, fields, idempotencyKey });
    const remembered = idempotencyKey && idempotentAnswers.get(`${context.req.path}:${idempotencyKey}`);
    if (remembered) return context.json(remembered as object);
    context.set('fields' as never, fields as never);
    await next();
    if (idempotencyKey && context.res.status === 200) {
      idempotentAnswers.set(`${context.req.path}:${idempotencyKey}`, await context.res.clone().json());
    }
  });

  app.post('/v1/checkout/sessions', (context) => {
    const fields = context.get('fields' as never) as Record<string, unknown>;
    type Item = {
      quantity?: string;
      price_data?: { currency?: string; unit_amount?: string; product_data?: { name?: string } };
    };
    const items = (Array.isArray(fields.line_items) ? fields.line_items : []) as Item[];
    if (fields.mode !== 'payment')
      return stripeError(context, 400, 'Only mode=payment is supported here.', 'mode');
    if (items.length === 0) return stripeError(context, 400, 'line_items is required.', 'line_items');
    const lines = items.map((item) => ({
      name: String(item.price_data?.product_data?.name ?? ''),
      unitAmount: Number(item.price_data?.unit_amount),
      quantity: Number(item.quantity),
    }));
    const currencies = new Set(items.map((item) => item.price_data?.currency));
    if (currencies.size !== 1)
      return stripeError(context, 400, 'All line items need one currency.', 'line_items');
    if (lines.some((line) => !Number.isInteger(line.unitAmount) || !Number.isInteger(line.quantity))) {
      return stripeError(context, 400, 'unit_amount and quantity must be integers.', 'line_items');
    }
    const expiresAt = Number(fields.expires_at ?? Math.floor(Date.now() / 1000) + 24 * 3600);
    const lifetime = expiresAt - Date.now() / 1000;
    if (lifetime < 30 * 60 - 60 || lifetime > 24 * 3600) {
      return stripeError(context, 400, 'expires_at must be 30 minutes to 24 hours from now.', 'expires_at');
    }
    const session: TestSession = {
      id: newId('cs'),
      status: 'open',
      paymentStatus: 'unpaid',
      amountTotal: lines.reduce((sum, line) => sum + line.unitAmount * line.quantity, 0),
      currency: String([...currencies][0]),
      lines,
      clientReferenceId: typeof fields.client_reference_id === 'string' ? fields.client_reference_id : null,
      metadata: (fields.metadata ?? {}) as Record<string, string>,
      customerEmail: typeof fields.customer_email === 'string' ? fields.customer_email : null,
      locale: fields.locale === 'en' ? 'en' : 'vi',
      successUrl: String(fields.success_url),
      cancelUrl: String(fields.cancel_url),
      expiresAt,
      paymentIntent: null,
    };
    sessions.set(session.id, session);
    const timer = setTimeout(() => void expire(session.id).catch(() => undefined), lifetime * 1000);
    timer.unref();
    expiryTimers.set(session.id, timer);
    return context.json(sessionObject(session, origin));
  });

  app.get('/v1/checkout/sessions/:id', (context) => {
    const session = sessions.get(context.req.param('id'));
    return session
      ? context.json(sessionObject(session, origin))
      : stripeError(context, 404, 'No such checkout.session');
  });

  app.post('/v1/refunds', (context) => {
    const fields = context.get('fields' as never) as Record<string, unknown>;
    const paymentIntent = String(fields.payment_intent ?? '');
    const paid = [...sessions.values()].find((session) => session.paymentIntent === paymentIntent);
    if (!paid)
      return stripeError(context, 404, `No such payment_intent: '${paymentIntent}'`, 'payment_intent');
    const alreadyRefunded = refunds
      .filter((refund) => refund.paymentIntent === paymentIntent)
      .reduce((sum, refund) => sum + refund.amount, 0);
    const amount = fields.amount === undefined ? paid.amountTotal - alreadyRefunded : Number(fields.amount);
    if (!Number.isInteger(amount) || amount <= 0 || amount > paid.amountTotal - alreadyRefunded) {
      return stripeError(context, 400, 'Refund amount is greater than the unrefunded amount.', 'amount');
    }
    const refund = { id: newId('re'), paymentIntent, amount };
    refunds.push(refund);
    return context.json({
      id: refund.id,
      object: 'refund',
      amount,
      currency: paid.currency,
      payment_intent: paymentIntent,
      status: 'succeeded',
    });
  });

  // The payment page a tourist sees in place of Stripe's.
  const page = (session: TestSession, notice?: string) => {
    const t = text[session.locale];
    const open = session.status === 'open';
    return html`<!doctype html>
<html lang="${session.locale}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${t.title}</title>
<style>
body{font-family:system-ui,sans-serif;max-width:32rem;margin:0 auto;padding:1rem;color:#1a1a1a;line-height:1.5}
.banner{background:#8a4b00;color:#fff;padding:.75rem 1rem;border-radius:.5rem;font-weight:600}
table{width:100%;border-collapse:collapse;margin:1rem 0}td{padding:.4rem 0;border-bottom:1px solid #ccc}
td:last-child{text-align:right}.total td{font-weight:700;border-bottom:none}
button{font:inherit;padding:.75rem 1rem;border-radius:.5rem;border:2px solid #0b5394;width:100%;margin:.25rem 0;cursor:pointer}
.pay{background:#0b5394;color:#fff}.decline{background:#fff;color:#0b5394}
.notice{border-left:4px solid #b00020;padding:.5rem 1rem;background:#fdecee}
a{color:#0b5394}
</style></head>
<body><main>
<p class="banner" role="note">${t.banner}</p>
<h1>${t.title}</h1>
${notice ? html`<p class="notice" role="alert">${notice}</p>` : ''}
<table><tbody>
${session.lines.map((line) => html`<tr><td>${line.quantity} × ${line.name}</td><td>${formatVnd(line.unitAmount * line.quantity, session.locale)}</td></tr>`)}
<tr class="total"><td>${t.total}</td><td>${formatVnd(session.amountTotal, session.locale)}</td></tr>
</tbody></table>
${
  open
    ? html`<form method="post" action="/checkout/${session.id}/pay"><button class="pay" type="submit">${t.pay} · ${formatVnd(session.amountTotal, session.locale)}</button></form>
<form method="post" action="/checkout/${session.id}/decline"><button class="decline" type="submit">${t.decline}</button></form>
<p><a href="${session.cancelUrl}">${t.back}</a></p>`
    : html`<p>${t.closed}</p>`
}
</main></body></html>`;
  };

  app.get('/checkout/:id', (context) => {
    const session = sessions.get(context.req.param('id'));
    if (!session) return context.text('No such checkout session.', 404);
    return context.html(page(session));
  });

  app.post('/checkout/:id/pay', async (context) => {
    const session = sessions.get(context.req.param('id'));
    if (!session) return context.text('No such checkout session.', 404);
    if (session.status !== 'open') return context.html(page(session), 409);
    await pay(session.id);
    return context.redirect(session.successUrl.replace('{CHECKOUT_SESSION_ID}', session.id), 303);
  });

  app.post('/checkout/:id/decline', (context) => {
    const session = sessions.get(context.req.param('id'));
    if (!session) return context.text('No such checkout session.', 404);
    // Stripe sends no event for a declined card: the session stays open for another try.
    return context.html(page(session, text[session.locale].declined), 402);
  });

  app.get('/', (context) =>
    context.html(raw('<p>Local test checkout (Stripe API subset). No money moves.</p>')),
  );

  const host = options.host ?? '127.0.0.1';
  const server = await new Promise<ReturnType<typeof serve>>((resolve) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: host }, () => resolve(started));
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://${options.publicHost ?? (host === '127.0.0.1' ? 'localhost' : host)}:${port}`;

  return {
    apiBase: `http://${host}:${port}`,
    pageOrigin: origin,
    secretKey,
    webhookSecret,
    sessions,
    refunds,
    requests,
    sentEvents,
    pay,
    expire,
    async stop() {
      for (const timer of expiryTimers.values()) clearTimeout(timer);
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
