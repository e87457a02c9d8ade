/**
 * The site's public address comes from configuration only: an X-Forwarded-Host that is not on ALLOWED_HOSTS
 * (anyone calling API Gateway directly can send one) reaches neither the JSON-LD of a cacheable page nor the
 * return addresses of a Stripe checkout (the local test checkout, through the real Stripe SDK).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import { asHolder, holdSeats, scheduleTestDeparture } from '../support/bookings.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
const origin = 'http://localhost';
const cloudFrontHost = 'd111.cloudfront.net';

beforeAll(async () => {
  platform = await createTestPlatform({ environment: { ALLOWED_HOSTS: cloudFrontHost } });
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(
    platform.app,
    render,
    createSiteServices(platform.dependencies),
    platform.dependencies.config,
  );
});
afterAll(() => platform.dispose());

const jsonLdOf = (html: string) =>
  /<script type="application\/ld\+json">(.*?)<\/script>/s.exec(html)?.[1] ?? '';

describe('the public address of a page', () => {
  it('never takes a forwarded host that is not allowed into the JSON-LD of a cacheable page', async () => {
    const page = await platform.app.request(`${origin}/en/boats/routes/1/`, {
      headers: { 'X-Forwarded-Host': 'evil.example' },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toContain('s-maxage');
    const html = await page.text();
    expect(html).not.toContain('evil.example');
    expect(jsonLdOf(html)).toContain(`"${origin}/en/boats/routes/1/"`);
  });

  it('names the allowed host CloudFront passes on', async () => {
    const page = await platform.app.request(`${origin}/en/boats/routes/1/`, {
      headers: { 'X-Forwarded-Host': cloudFrontHost },
    });
    expect(jsonLdOf(await page.text())).toContain(`"https://${cloudFrontHost}/en/boats/routes/1/"`);
  });
});

describe('the return addresses of a Stripe checkout', () => {
  async function checkoutFrom(forwardedHost: string) {
    const booking = await holdSeats(platform, await scheduleTestDeparture(platform));
    const response = await platform.app.request(`/api/bookings/${booking.id}/checkout`, {
      method: 'POST',
      headers: { ...asHolder(booking.accessToken), 'X-Forwarded-Host': forwardedHost },
    });
    expect(response.status, await response.clone().text()).toBe(200);
    const sessionId = ((await response.json()) as { url: string }).url.split('/').pop() as string;
    return { bookingId: booking.id, session: platform.checkout.sessions.get(sessionId) };
  }

  it('never send the tourist to a forwarded host that is not allowed', async () => {
    const { bookingId, session } = await checkoutFrom('evil.example');
    expect(session?.successUrl).toBe(`${origin}/en/bookings/${bookingId}/?checkout=success`);
    expect(JSON.stringify(session)).not.toContain('evil.example');
  });

  it('send the tourist back to the allowed host CloudFront passes on', async () => {
    const { bookingId, session } = await checkoutFrom(cloudFrontHost);
    expect(session?.successUrl).toBe(`https://${cloudFrontHost}/en/bookings/${bookingId}/?checkout=success`);
  });
});
