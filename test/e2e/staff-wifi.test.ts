// The staff's Wi-Fi pages in Chromium against the running platform: the admin signs in through the sign-in page,
// adds a hotspot (a refused form first, which keeps what was typed), edits it with its secret left blank, reads the
// list and the statistics, and reaches the removal's confirmation; a filter chosen survives a language switch; an
// operator is refused. Every page passes axe.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every request the pages make stays on this machine. */
async function localOnly(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    return hostname === '127.0.0.1' || hostname === 'localhost' ? route.continue() : route.abort();
  });
}

/** Opens `path`, signing in on the site as `email` when it asks. */
async function signedInAt(page: Page, path: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  expect(new URL(page.url()).pathname).toBe('/en/staff/sign-in/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

const FAS_KEY = 'e2e-fas-key-from-the-installer';

describe('the staff Wi-Fi pages', () => {
  it('lets the admin add and edit a hotspot, its secret never shown, every page accessible', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });
    await localOnly(context);
    const page = await context.newPage();
    await signedInAt(page, '/en/staff/wifi/new/', 'admin@halong.test', 'Admin-HaLong-2026');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Name in Vietnamese').fill('Điểm thử trình duyệt');
    await page.getByLabel('Name in English').fill('Browser test point');
    await page.getByLabel('Area (optional)').fill('bai-chay');
    await page.getByLabel('Latitude').fill('95');
    await page.getByLabel('Longitude').fill('107.05');
    await page.getByLabel('Gateway vendor').selectOption('opennds');
    await page.getByLabel('FAS key (faskey)').fill(FAS_KEY);
    await page.getByLabel('Boat booking reference').check();
    await page.getByRole('button', { name: 'Add the hotspot' }).click();

    const summary = page.getByTestId('error-summary');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Latitude: Enter 90 or less.');
    expect(await page.getByLabel('Name in English').inputValue()).toBe('Browser test point');
    expect(await page.getByLabel('FAS key (faskey)').inputValue()).toBe('');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Latitude').fill('20.955');
    await page.getByLabel('FAS key (faskey)').fill(FAS_KEY);
    await page.getByRole('button', { name: 'Add the hotspot' }).click();
    await page.getByTestId('saved-notice').waitFor();
    expect(await page.getByTestId('saved-notice').textContent()).toMatch(
      /^Hotspot browser-test-point-\w{6} added\.$/,
    );
    expect(await page.content()).not.toContain(FAS_KEY);
    expect(await page.getByText('A secret is set.').count()).toBe(1);
    expect(await accessibilityViolations(page)).toEqual([]);
    const hotspotPath = new URL(page.url()).pathname;

    await page.getByLabel('Name in English').fill('Browser test point, renamed');
    await page.getByRole('button', { name: 'Save the hotspot' }).click();
    await page.getByTestId('saved-notice').waitFor();
    expect(await page.getByLabel('Name in English').inputValue()).toBe('Browser test point, renamed');
    expect(await page.getByText('A secret is set.').count()).toBe(1);

    await page.getByRole('link', { name: 'Remove…' }).click();
    await page.getByRole('button', { name: 'Yes, remove the hotspot' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'No, keep it' }).click();
    expect(new URL(page.url()).pathname).toBe(hotspotPath);

    await page.goto(`${baseUrl}/en/staff/wifi/?area=bai-chay`);
    await page.getByRole('link', { name: 'Browser test point, renamed' }).waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    const fitsWidth = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(fitsWidth).toBe(true);

    await page.goto(`${baseUrl}/en/staff/wifi/statistics/`);
    await page.getByTestId('statistics-heading').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('keeps a filter chosen but not yet applied when the language is switched, without JavaScript', async () => {
    const context = await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false });
    await localOnly(context);
    const page = await context.newPage();
    await signedInAt(page, '/en/staff/wifi/', 'manager@halong.test', 'Manager-HaLong-2026');
    await page.getByLabel('Area').selectOption('bai-chay');
    await page
      .getByRole('navigation', { name: 'Language' })
      .getByRole('button', { name: 'Tiếng Việt' })
      .click();
    await page.waitForURL((url) => url.pathname === '/vi/staff/wifi/');
    expect(new URL(page.url()).searchParams.get('area')).toBe('bai-chay');
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
    expect(await page.locator('#filter-area').inputValue()).toBe('bai-chay');
    await context.close();
  });

  it('refuses the operator with a page saying who may manage the Wi-Fi', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    await localOnly(context);
    const page = await context.newPage();
    await signedInAt(page, '/en/staff/wifi/', 'operator@halong.test', 'Operator-HaLong-2026');
    expect(await page.getByTestId('forbidden').textContent()).toContain(
      'Only tourism managers and admins manage the city’s Wi-Fi hotspots',
    );
    expect(await page.getByTestId('hotspots').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
