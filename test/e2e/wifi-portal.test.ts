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

/**
 * A seeded demo hotspot behind a Meraki access point, as the access point sends a guest: each test's phone has a
 * MAC of its own, since the hotspot lets a device in only so often a day.
 */
const portalPathFor = (mac: string, continueUrl = 'http://neverssl.com/') =>
  `/portal/hl-tuanchau-hotel-01?${new URLSearchParams({
    base_grant_url: 'https://n143.network-auth.com/splash/grant',
    user_continue_url: continueUrl,
    client_mac: mac,
    client_ip: '10.10.0.99',
  })}`;
const portalPath = portalPathFor('AA:BB:CC:DD:EE:09');

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
    const free = page.getByRole('region', { name: 'Kết nối miễn phí' });
    await free.getByRole('button', { name: 'Kết nối' }).click();
    expect(new URL(page.url()).pathname).toBe('/portal/hl-tuanchau-hotel-01');
    await free.getByLabel('Tôi đồng ý với điều khoản sử dụng').check();
    await free.getByRole('button', { name: 'Kết nối' }).click();
    await page.waitForURL(/\/login$/);
    const grant = new URL(sentTo[0] ?? '');
    expect(grant.origin).toBe('https://n143.network-auth.com');
    expect(grant.pathname).toBe('/splash/grant');
    // The page asked for came unsigned from the network: the guest lands on our page, which offers it as a link.
    const continueTo = new URL(grant.searchParams.get('continue_url') ?? '');
    expect(continueTo.pathname).toBe('/portal/hl-tuanchau-hotel-01/online');
    await page.unroute('**/portal/*/login');
    await page.goto(`${baseUrl}${continueTo.pathname}${continueTo.search}`);
    await page.getByRole('heading', { level: 1, name: 'Đã kết nối' }).waitFor();
    expect(await page.getByRole('link', { name: 'http://neverssl.com/' }).count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe('/portal/hl-tuanchau-hotel-01/online');
    await context.close();
  });

  it('switches to English and has no accessibility violations', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}${portalPath}`);
    await page.getByRole('link', { name: 'English' }).click();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.getByRole('button', { name: 'Connect', exact: true }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Send me a code' }).count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The page answering a mistyped address, with the reason next to the field, is as accessible.
    const byCode = page.getByRole('region', { name: 'Log in with a code' });
    await byCode.getByLabel('E-mail or mobile number').fill('0912');
    await byCode.getByLabel('I accept the terms and agree').check();
    await byCode.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByRole('alert').getByText('valid e-mail address or mobile number').waitFor();
    expect(await page.getByLabel('E-mail or mobile number').getAttribute('aria-invalid')).toBe('true');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('logs a guest in with a code sent by e-mail, without JavaScript, after a wrong try', async () => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    const sentTo: string[] = [];
    await page.route('**/portal/*/verify', async (route) => {
      const answer = await route.fetch({ maxRedirects: 0 });
      if (answer.status() !== 303) return route.fulfill({ response: answer });
      sentTo.push(answer.headers().location ?? '');
      await route.fulfill({
        status: 200,
        contentType: 'text/html',
        body: '<title>handed to the gateway</title>',
      });
    });
    await page.goto(`${baseUrl}${portalPathFor('AA:BB:CC:DD:EE:0A')}`);
    const byCode = page.getByRole('region', { name: 'Log in with a code' });
    await byCode.getByLabel('E-mail or mobile number').fill('e2e.guest@example.vn');
    await byCode.getByLabel('I accept the terms and agree').check();
    await byCode.getByRole('button', { name: 'Send me a code' }).click();
    await page.getByText('We sent a 6-digit code to e2•••@example.vn').waitFor();

    const code = await codeSentTo('e2e.guest@example.vn');
    await page.getByLabel('6-digit code').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.getByText('That code is not right. 4 attempts left.').waitFor();
    await page.getByLabel('6-digit code').fill(code);
    await page.getByRole('button', { name: 'Connect' }).click();
    await page.waitForURL(/\/verify$/);
    expect(new URL(sentTo[0] ?? '').origin).toBe('https://n143.network-auth.com');
    await context.close();
  });
  it('lands a guest whose phone only probed for the portal on the welcome page, complete without JavaScript', async () => {
    const probe = portalPathFor('AA:BB:CC:DD:EE:0B', 'http://connectivitycheck.gstatic.com/generate_204');
    const login = await fetch(`${baseUrl}${probe}`, { headers: { 'Accept-Language': 'vi' } });
    const context = (await login.text()).match(/name="context" value="([^"]+)"/)?.[1] ?? '';
    const granted = await fetch(`${baseUrl}/portal/hl-tuanchau-hotel-01/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ context, lang: 'vi', accept: 'yes' }).toString(),
      redirect: 'manual',
    });
    expect(granted.status, await granted.clone().text()).toBe(303);
    const landing = new URL(
      new URL(granted.headers.get('location') ?? '').searchParams.get('continue_url') ?? '',
    );
    expect(`${landing.pathname}${landing.search}`).toBe('/vi/welcome/?hotspot=hl-tuanchau-hotel-01');

    const browserContext = await browser.newContext({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 740 },
    });
    const page = await browserContext.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}${landing.pathname}${landing.search}`);
    await page.getByRole('heading', { level: 1, name: 'Bạn đã kết nối Internet' }).waitFor();
    expect(await page.locator('.lead').textContent()).toContain('tại Khu khách sạn đảo Tuần Châu');
    const map = page.getByRole('group', { name: /Bản đồ vịnh Hạ Long/ });
    expect(await map.count()).toBe(1);
    expect(await page.locator('[data-marker-id="here"]').count()).toBe(1);
    expect(await page.getByRole('link', { name: /Bảo tàng Quảng Ninh/ }).count()).toBeGreaterThan(0);
    expect(await page.getByText('© OpenStreetMap contributors').count()).toBe(1);
    const departures = page.getByRole('heading', { level: 2, name: /Tàu tham quan còn chạy hôm nay/ });
    expect(await departures.count()).toBe(1);
    await page.getByRole('link', { name: 'Xem mọi chuyến tàu và đặt chỗ' }).click();
    await page.waitForURL(/\/vi\/boats\/departures\/$/);
    await browserContext.close();
    const withScript = await browser.newContext();
    const checked = await withScript.newPage();
    await checked.goto(`${baseUrl}/en/welcome/?hotspot=hl-tuanchau-port-01`);
    expect(await checked.locator('.lead').textContent()).toContain('Tuần Châu port');
    expect(await accessibilityViolations(checked)).toEqual([]);
    await withScript.close();
  });
  it('tells visitors where the free Wi-Fi is, how to connect and what is kept, from the home page', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    await page.goto(`${baseUrl}/en/`);
    await page.getByRole('link', { name: 'Find the hotspots' }).click();
    await page.waitForURL(/\/en\/wifi\/$/);
    await page.getByRole('heading', { level: 1, name: 'The city’s free Wi-Fi' }).waitFor();
    expect(await page.locator('.lead').textContent()).toContain('107 free Wi-Fi hotspots');
    expect(await page.getByTestId('demo-note').count()).toBe(1);
    expect(await page.locator('[data-hotspot-id]').count()).toBe(107);
    const ports = page.getByRole('region', { name: /^Ports \(/ });
    expect(await ports.getByText('Tuần Châu port – waiting hall A').count()).toBe(1);
    expect(await page.locator('[data-marker-id^="hotspot-"]').count()).toBeGreaterThan(90);
    expect(await page.getByText('MAC address').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});

/** The newest code the outbox holds for an address, as staff read it at /api/outbox. */
async function codeSentTo(email: string): Promise<string> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'manager@halong.test', password: 'Manager-HaLong-2026' }),
  });
  const { idToken } = (await login.json()) as { idToken: string };
  const response = await fetch(`${baseUrl}/api/outbox?limit=20`, {
    headers: { Authorization: `Bearer ${idToken}` },
  });
  const { messages } = (await response.json()) as {
    messages: { kind: string; to: { email?: string }; text: string }[];
  };
  const message = messages.find((sent) => sent.kind === 'wifi-login-code' && sent.to.email === email);
  return message?.text.match(/\b(\d{6})\b/)?.[1] ?? '';
}
