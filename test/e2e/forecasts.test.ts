// The managers' forecast pages in Chromium against the running platform (its demo history forecast at start): the
// manager signs in, finds the series, opens the bay's passengers and sees the chart's 80 % and 95 % bands drawn from
// the stored forecast, the holidays ahead marked and listed, the model's measured accuracy and what to expect next
// weekend and holiday; the page passes axe at laptop and tablet widths, then switches to Vietnamese on the same page.
// An operator is refused. Nothing is fetched from outside 127.0.0.1.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every request the pages make stays on this machine; the ones that tried not to are listed. */
async function localOnly(context: BrowserContext): Promise<string[]> {
  const outside: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    const { hostname } = new URL(url);
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    outside.push(url);
    return route.abort();
  });
  return outside;
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

/** The number of points a path's `d` visits. */
const pointsOf = (d: string | null) => (d ?? '').match(/[ML]-?\d/g)?.length ?? 0;

describe('the managers’ forecast pages', () => {
  it('shows a series’ forecast bands, holidays and outlook, accessibly, and switches language', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });
    const outside = await localOnly(context);
    const page = await context.newPage();
    await signedInAt(page, '/en/staff/forecasts/', 'manager@halong.test', 'Manager-HaLong-2026');
    expect(await page.getByTestId('demo-notice').textContent()).toContain('Demo data');
    const bay = page.getByTestId('series-bay-passengers');
    expect(await bay.getByRole('row').count()).toBe(1 + 1 + 8 + 4); // the header, the bay, 8 routes, 4 ports
    expect(await bay.getByRole('row').nth(1).textContent()).toMatch(/\d[\d,]* passengers/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await bay.getByRole('link', { name: 'Bay passengers' }).click();
    await page.waitForURL((url) => url.pathname === '/en/staff/forecasts/bay-passengers/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain('Forecast: Bay passengers');

    // The bands are the forecast's 90 days up and back (closed), the actuals the 60 days before today.
    const band80 = await page.getByTestId('band-80').getAttribute('d');
    const band95 = await page.getByTestId('band-95').getAttribute('d');
    expect(pointsOf(band80)).toBe(180);
    expect(pointsOf(band95)).toBe(180);
    expect(band80).toMatch(/Z$/);
    expect(band95).not.toBe(band80);
    expect(pointsOf(await page.getByTestId('mean-line').getAttribute('d'))).toBe(90);
    expect(pointsOf(await page.getByTestId('actual-line').getAttribute('d'))).toBeGreaterThanOrEqual(59);
    expect(await page.getByTestId('forecast-table').getByRole('row').count()).toBe(1 + 60 + 90);

    // Tết is always within 90 days of a December visit, as New Year's Day is; both are marked and listed.
    expect(await page.getByTestId('holiday-mark').count()).toBeGreaterThan(0);
    const holidays = await page.getByTestId('holidays-ahead').textContent();
    expect(holidays).toContain('Tết, day 1');
    expect(await page.getByTestId('outlook-weekend').textContent()).toMatch(
      /About [\d,]+ passengers a day at Tuần Châu International Passenger Port .*% of the [\d,]+ seats a day.*about [\d,]+ boat trips/,
    );
    expect(await page.getByTestId('outlook-holiday').textContent()).toMatch(
      /Next holiday: .+passengers a day/,
    );
    expect(await page.getByTestId('model').textContent()).toContain('harmonic regression');
    expect(await page.getByTestId('accuracy').textContent()).toMatch(/MASE \d/);
    expect(await page.getByTestId('stale-warning').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 768, height: 1024 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Tiếng Việt' }).click();
    await page.waitForURL((url) => url.pathname === '/vi/staff/forecasts/bay-passengers/');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toContain(
      'Dự báo: Khách tham quan vịnh',
    );
    expect(pointsOf(await page.getByTestId('band-95').getAttribute('d'))).toBe(180);
    expect(await page.getByTestId('outlook-weekend').textContent()).toContain('khách một ngày tại');
    expect(await page.getByTestId('holidays-ahead').textContent()).toContain('Mùng 1 Tết');
    expect(await accessibilityViolations(page)).toEqual([]);

    // The museum's outlook is per opening hour, read from its visiting information.
    await page.goto(`${baseUrl}/en/staff/forecasts/museum-visits/`);
    expect(await page.getByTestId('outlook-weekend').textContent()).toMatch(
      /an opening hour over its 9 hours/,
    );
    expect(outside).toEqual([]);
    await context.close();
  });

  it('refuses an operator with a page saying who may read the forecasts', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const outside = await localOnly(context);
    const page = await context.newPage();
    await signedInAt(
      page,
      '/en/staff/forecasts/bay-passengers/',
      'operator@halong.test',
      'Operator-HaLong-2026',
    );
    expect(await page.getByTestId('forbidden').textContent()).toContain(
      'Only tourism managers and admins can read the demand forecasts',
    );
    expect(await page.getByTestId('forecast-chart').count()).toBe(0);
    const response = await page.goto(`${baseUrl}/en/staff/forecasts/`);
    expect(response?.status()).toBe(403);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(outside).toEqual([]);
    await context.close();
  });
});
