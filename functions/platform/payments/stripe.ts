/**
 * The payments port on Stripe, through its REST API (stripe-api.ts) rather than the SDK: Checkout Sessions,
 * refunds, and webhook events verified on the raw body (stripe-webhook.ts) and read with zod. Tests hold
 * both to the real `stripe` SDK: the same requests, and the SDK's own signatures accepted. The API host is
 * configurable so the same adapter serves Stripe itself and the local test checkout.
 */
import * as z from 'zod';
import type {
  CheckoutRequest,
  CheckoutSession,
  PaymentEvent,
  PaymentsPort,
  RefundRequest,
  RefundResult,
} from './port.js';
import { createStripeApi, type StripeApiSettings } from './stripe-api.js';
import { verifyStripeSignature } from './stripe-webhook.js';

export interface StripeSettings extends StripeApiSettings {
  webhookSecret: string;
}

// Only the fields we read; Stripe adds fields to its objects without a new API version.
const CreatedSession = z.object({ id: z.string(), url: z.string().nullable(), expires_at: z.number().int() });

const CreatedRefund = z.object({
  id: z.string(),
  status: z.enum(['pending', 'succeeded', 'failed', 'requires_action', 'canceled']).nullable(),
});

const EventSession = z.object({
  id: z.string(),
  client_reference_id: z.string().nullable(),
  payment_status: z.string(),
  amount_total: z.number().int().nullable(),
  currency: z.string().nullable(),
  payment_intent: z.union([z.string(), z.object({ id: z.string() })]).nullable(),
});

const StripeEvent = z.object({ id: z.string(), type: z.string(), data: z.object({ object: z.unknown() }) });

export function createStripePayments(settings: StripeSettings): PaymentsPort {
  const api = createStripeApi(settings);

  return {
    mode: settings.secretKey.includes('_live_') ? 'live' : 'test',

    async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
      const session = await api.post(
        '/v1/checkout/sessions',
        {
          mode: 'payment',
          line_items: request.lines.map((line) => ({
            quantity: line.quantity,
            price_data: {
              currency: request.currency,
              unit_amount: line.unitAmount,
              product_data: { name: line.name },
            },
          })),
          client_reference_id: request.reference,
          metadata: request.metadata,
          payment_intent_data: { metadata: request.metadata },
          customer_email: request.customerEmail,
          locale: request.locale,
          success_url: request.successUrl,
          cancel_url: request.cancelUrl,
          expires_at: Math.floor(request.expiresAt.getTime() / 1000),
        },
        request.idempotencyKey,
        CreatedSession,
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
      return {
        id: session.id,
        url: session.url,
        expiresAt: new Date(session.expires_at * 1000).toISOString(),
      };
    },

    async refund(request: RefundRequest): Promise<RefundResult> {
      const refund = await api.post(
        '/v1/refunds',
        { payment_intent: request.paymentId, amount: request.amount },
        request.idempotencyKey,
        CreatedRefund,
      );
      return { id: refund.id, status: refund.status ?? 'pending' };
    },

    async readWebhook(rawBody: Uint8Array, signatureHeader: string | undefined): Promise<PaymentEvent> {
      verifyStripeSignature(rawBody, signatureHeader, settings.webhookSecret);
      // Signed by Stripe, so a body that does not read is Stripe's change, not a client's mistake: it throws.
      return readEvent(StripeEvent.parse(JSON.parse(new TextDecoder().decode(rawBody))));
    },
  };
}

function readEvent(event: z.infer<typeof StripeEvent>): PaymentEvent {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = EventSession.parse(event.data.object);
      const paymentIntent = session.payment_intent;
      return {
        kind: 'checkout-completed',
        eventId: event.id,
        sessionId: session.id,
        reference: session.client_reference_id,
        paid: session.payment_status === 'paid',
        amount: session.amount_total,
        currency: session.currency,
        paymentId: typeof paymentIntent === 'string' ? paymentIntent : (paymentIntent?.id ?? null),
      };
    }
    case 'checkout.session.expired': {
      const session = EventSession.pick({ id: true, client_reference_id: true }).parse(event.data.object);
      return {
        kind: 'checkout-expired',
        eventId: event.id,
        sessionId: session.id,
        reference: session.client_reference_id,
      };
    }
    default:
      return { kind: 'ignored', eventId: event.id, type: event.type };
  }
}
