/**
 * The payments port: what the domain asks of a payment provider (a hosted checkout, refunds, and the
 * provider's signed notifications read into our own terms). Stripe is the adapter on AWS and whenever keys
 * are set; locally without keys the same Stripe adapter talks to the test checkout in functions/local.
 */
import type { Language } from '../language.js';

/** One line of what is paid, in the currency's minor unit (VND has none: 290000 is 290,000 ₫). */
export interface CheckoutLine {
  name: string;
  unitAmount: number;
  quantity: number;
}

export interface CheckoutRequest {
  /** Our reference for the payment (a booking id), carried back in every event about it. */
  reference: string;
  /** Kept by the provider with the payment, for people reading it in the provider's dashboard. */
  metadata: Record<string, string>;
  currency: 'vnd';
  lines: CheckoutLine[];
  customerEmail: string | undefined;
  locale: Language;
  successUrl: string;
  cancelUrl: string;
  expiresAt: Date;
  /** The same key makes the same checkout, however often the request is retried. */
  idempotencyKey: string;
}

export interface CheckoutSession {
  id: string;
  url: string;
  expiresAt: string;
}

export interface RefundRequest {
  paymentId: string;
  amount: number;
  idempotencyKey: string;
}

export interface RefundResult {
  id: string;
  status: 'pending' | 'succeeded' | 'failed' | 'requires_action' | 'canceled';
}

/** A provider notification, verified and read; anything else the provider sends is `ignored`. */
export type PaymentEvent =
  | {
      kind: 'checkout-completed';
      eventId: string;
      sessionId: string;
      reference: string | null;
      /** False while an asynchronous payment method is still pending. */
      paid: boolean;
      amount: number | null;
      currency: string | null;
      paymentId: string | null;
    }
  | { kind: 'checkout-expired'; eventId: string; sessionId: string; reference: string | null }
  | { kind: 'ignored'; eventId: string; type: string };

/** The provider refused a request or could not be reached; `detail` names the kind, never customer data. */
export class PaymentProviderError extends Error {
  override readonly name = 'PaymentProviderError';
  constructor(readonly detail: { type: string; code?: string | undefined; statusCode?: number | undefined }) {
    super(`The payment provider answered ${detail.type}${detail.code ? ` (${detail.code})` : ''}.`);
  }
}

export class InvalidWebhookSignatureError extends Error {
  override readonly name = 'InvalidWebhookSignatureError';
}

export interface PaymentsPort {
  /** `test` when payments go to the local test checkout (no money moves). */
  readonly mode: 'live' | 'test';
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** Verifies the signature over the exact bytes received; throws InvalidWebhookSignatureError. */
  readWebhook(rawBody: Uint8Array, signatureHeader: string | undefined): Promise<PaymentEvent>;
}
