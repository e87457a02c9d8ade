// The Wi-Fi portal as a phone's captive-portal browser sees it: without JavaScript, in the browser's language,
// tiny, accessible, and the tap on "Connect" taking the guest to the gateway's grant (Meraki's here).
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

// A seeded demo hotspot behind a Meraki access point, as the access point sends a guest.
const portalPath = `/portal/hl-tuanchau-hotel-01?${new URLSearchParams({
  base_grant_url: 'https://n143.network-auth.com/splash/grant',
  user_continue_url: 'http://neverssl.com/',
  client_mac: 'AA:BB:CC:DD:EE:09',
  client_ip: '10.10.0.99',
})}`;

describe('the Wi-Fi portal', () => {
  it('logs a guest in without JavaScript, in Vietnamese, in a page of a few kilobytes', async () => {
    const context = await browser.newContext({
      locale: 'vi-VN',
      javaScriptEnabled: false,
      viewport: { width: 360, height: 640 },
    });
    const page = await context.newPage();
    let bytes = 0;
    page.on('response', async (response) => {
      if (response.url().startsWith(baseUrl))
        bytes += (await response.body().catch(() => Buffer.alloc(0))).length;
    });
    // The grant address is on the internet: the test notes where the portal sends the browser, and stops there.
    const sentTo: string[] = [];
    await page.route('**/portal/*/login', async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      sentTo.push(answer.headers().location ?? '');
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>handed to the gateway</title>',
      });
    });
    await page.goto(`${baseUrl}${portalPath}`);
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(bytes).toBeLessThan(30 * 1024);

    // Connecting without accepting: the browser's own check (required) stops the form.
    await page.getByRole('button', { name: 'Kết nối' }).click();
    expect(new URL(page.url()).pathname).toBe('/portal/hl-tuanchau-hotel-01');
    await page.getByLabel('Tôi đồng ý với điều khoản sử dụng').check();
    await page.getByRole('button', { name: 'Kết nối' }).click();
    await page.waitForURL(/\/login$/);
    const grant = new URL(sentTo[0] ?? '');
    expect(grant.origin).toBe('https://n143.network-auth.com');
    expect(grant.pathname).toBe('/splash/grant');
    expect(grant.searchParams.get('continue_url')).toBe('http://neverssl.com/');
    await context.close();
  });

  it('switches to English and has no accessibility violations', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${portalPath}`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Connect' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
