/**
 * The local test checkout's payment page, reached as the booking pages send a visitor to it: through the real
 * Stripe adapter's checkout request. The page speaks the visitor's language and writes money as the site does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCheckout, type TestCheckout } from '../../../functions/local/test-checkout.js';
import type { Language } from '../../../functions/platform/language.js';
import { createStripePayments } from '../../../functions/platform/payments/stripe.js';
import { formatVnd } from '../../../web/src/lib/format.js';

let checkout: TestCheckout;

beforeAll(async () => {
  checkout = await startTestCheckout({ deliver: async () => 200 });
});
afterAll(() => checkout.stop());

/** The payment page of a checkout for two adults at 290,000 ₫ and a child at 150,000 ₫, in `locale`. */
async function paymentPage(locale: Language): Promise<string> {
  const payments = createStripePayments({
    secretKey: checkout.secretKey,
    webhookSecret: checkout.webhookSecret,
    apiBase: checkout.apiBase,
  });
  const session = await payments.createCheckout({
    reference: `HLTEST${locale.toUpperCase()}`,
    metadata: {},
    currency: 'vnd',
    lines: [
      { name: 'Adult', unitAmount: 290000, quantity: 2 },
      { name: 'Child 7–12', unitAmount: 150000, quantity: 1 },
    ],
    customerEmail: 'visitor@example.vn',
    locale,
    successUrl: 'http://localhost/ok',
    cancelUrl: 'http://localhost/back',
    expiresAt: new Date(Date.now() + 3600_000),
    idempotencyKey: `checkout-page-${locale}`,
  });
  const page = await fetch(`${checkout.apiBase}${new URL(session.url).pathname}`);
  expect(page.status).toBe(200);
  return page.text();
}

describe('the local test checkout’s payment page', () => {
  it('speaks English to an English visitor and writes money as the English site does', async () => {
    const html = await paymentPage('en');
    expect(html).toContain('<html lang="en">');
    expect(html).toContain('<h1>Test checkout</h1>');
    expect(html).toContain('Pay (test card) · ₫730,000');
    for (const amount of [580000, 150000, 730000]) expect(html).toContain(formatVnd(amount, 'en'));
    expect(html).not.toContain('Thanh toán');
  });

  it('speaks Vietnamese to a Vietnamese visitor and writes money as the Vietnamese site does', async () => {
    const html = await paymentPage('vi');
    expect(html).toContain('<html lang="vi">');
    expect(html).toContain('<h1>Thanh toán thử nghiệm</h1>');
    // Intl writes "730.000 ₫" with a no-break space before the sign, as the site's pages do.
    expect(html).toContain('Tổng cộng</td><td>730.000\u00a0₫');
    for (const amount of [580000, 150000, 730000]) expect(html).toContain(formatVnd(amount, 'vi'));
    expect(html).not.toContain('Test checkout');
  });
});
