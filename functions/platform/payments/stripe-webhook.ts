/**
 * Verification of Stripe's webhook signatures with node:crypto, by Stripe's documented scheme
 * (https://docs.stripe.com/webhooks#verify-manually): the `Stripe-Signature` header carries `t=<unix time>`
 * and one or more `v1=<hex>`, each an HMAC-SHA256 of `<t>.<raw body>` under the endpoint's secret. Same
 * rules as the SDK's `constructEvent`: any matching v1 is accepted, an event signed over 5 minutes ago is not.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { InvalidWebhookSignatureError } from './port.js';

/** The SDK's default tolerance: a replayed delivery older than this is refused. */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

function readHeader(header: string): { timestamp: number; signatures: string[] } {
  let timestamp = Number.NaN;
  const signatures: string[] = [];
  for (const item of header.split(',')) {
    const [key, value = ''] = item.split('=');
    if (key === 't') timestamp = Number.parseInt(value, 10);
    if (key === 'v1') signatures.push(value);
  }
  return { timestamp, signatures };
}

/** Throws InvalidWebhookSignatureError unless `header` signs exactly `rawBody` with `secret`, recently. */
export function verifyStripeSignature(
  rawBody: Uint8Array,
  header: string | undefined,
  secret: string,
  now = new Date(),
): void {
  if (!header) throw new InvalidWebhookSignatureError('The Stripe-Signature header is missing.');
  if (rawBody.byteLength === 0) throw new InvalidWebhookSignatureError('The webhook body is empty.');
  const { timestamp, signatures } = readHeader(header);
  if (!Number.isFinite(timestamp)) {
    throw new InvalidWebhookSignatureError('The Stripe-Signature header carries no timestamp.');
  }
  if (signatures.length === 0)
    throw new InvalidWebhookSignatureError('The Stripe-Signature header has no v1 signature.');
  const expected = Buffer.from(
    createHmac('sha256', secret).update(`${timestamp}.`).update(rawBody).digest('hex'),
  );
  // Compared as the hex text, in constant time, as the SDK compares them.
  const matches = signatures.some((signature) => {
    const given = Buffer.from(signature);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!matches) throw new InvalidWebhookSignatureError('No signature matches the payload.');
  if (Math.floor(now.getTime() / 1000) - timestamp > SIGNATURE_TOLERANCE_SECONDS) {
    throw new InvalidWebhookSignatureError('The signature is older than the tolerance.');
  }
}
