/**
 * The payments port on Stripe, through the official SDK: Checkout Sessions, refunds, and webhook events
 * verified on the raw body with the SDK's own `constructEventAsync`. The API host is configurable so the
 * same adapter serves Stripe itself and the local test checkout.
 */
import Stripe from 'stripe';
import {
  type CheckoutRequest,
  type CheckoutSession,
  InvalidWebhookSignatureError,
  type PaymentEvent,
  PaymentProviderError,
  type PaymentsPort,
  type RefundRequest,
  type RefundResult,
} from './port.js';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** e.g. http://127.0.0.1:12111 for a local server speaking Stripe's API; Stripe's own host when absent. */
  apiBase?: string | undefined;
}

function hostOptions(apiBase: string | undefined): Pick<Stripe.StripeConfig, 'host' | 'port' | 'protocol'> {
  if (!apiBase) return {};
  const url = new URL(apiBase);
  const protocol = url.protocol === 'http:' ? 'http' : 'https';
  return { host: url.hostname, port: url.port || (protocol === 'http' ? 80 : 443), protocol };
}

/** Stripe's errors as the port's, keeping only their kind: their messages may quote customer data. */
async function calling<T>(request: () => Promise<T>): Promise<T> {
  try {
    return await request();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) {
      throw new PaymentProviderError({ type: error.type, code: error.code, statusCode: error.statusCode });
    }
    throw error;
  }
}

export function createStripePayments(settings: StripeSettings): PaymentsPort {
  const stripe = new Stripe(settings.secretKey, {
    ...hostOptions(settings.apiBase),
    maxNetworkRetries: 2,
    timeout: 10_000,
    telemetry: false,
  });

  return {
    mode: settings.secretKey.includes('_live_') ? 'live' : 'test',

    async createCheckout(request: CheckoutRequest): Promise<CheckoutSession> {
      const session = await calling(() =>
        stripe.checkout.sessions.create(
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
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      if (!session.url) throw new Error(`Stripe returned checkout session ${session.id} without a URL.`);
      return {
        id: session.id,
        url: session.url,
        expiresAt: new Date(session.expires_at * 1000).toISOString(),
      };
    },

    async refund(request: RefundRequest): Promise<RefundResult> {
      const refund = await calling(() =>
        stripe.refunds.create(
          { payment_intent: request.paymentId, amount: request.amount },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      return { id: refund.id, status: (refund.status ?? 'pending') as RefundResult['status'] };
    },

    async readWebhook(rawBody: Uint8Array, signatureHeader: string | undefined): Promise<PaymentEvent> {
      if (!signatureHeader) throw new InvalidWebhookSignatureError('The Stripe-Signature header is missing.');
      let event: Stripe.Event;
      try {
        event = await stripe.webhooks.constructEventAsync(
          Buffer.from(rawBody),
          signatureHeader,
          settings.webhookSecret,
        );
      } catch (error) {
        if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
          throw new InvalidWebhookSignatureError(error.message);
        }
        throw error;
      }
      return readEvent(event);
    },
  };
}

function readEvent(event: Stripe.Event): PaymentEvent {
  switch (event.type) {
    case 'checkout.session.completed':
    case 'checkout.session.async_payment_succeeded': {
      const session = event.data.object;
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
    case 'checkout.session.expired':
      return {
        kind: 'checkout-expired',
        eventId: event.id,
        sessionId: event.data.object.id,
        reference: event.data.object.client_reference_id,
      };
    default:
      return { kind: 'ignored', eventId: event.id, type: event.type };
  }
}
