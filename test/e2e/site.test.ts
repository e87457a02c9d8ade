import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, localDateAt } from '../../functions/platform/local-time.js';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

// Console errors per page: a script blocked by the Content-Security-Policy shows up here.
const consoleErrors = new WeakMap<Page, string[]>();

async function open(
  path: string,
  locale = 'vi-VN',
  { javaScript = true, status = 200 }: { javaScript?: boolean; status?: number } = {},
): Promise<Page> {
  const context = await browser.newContext({ locale, javaScriptEnabled: javaScript });
  const page = await context.newPage();
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.status()).toBe(status);
  return page;
}

describe('the root address', () => {
  it('sends an English-speaking browser to /en/ and a Vietnamese one to /vi/', async () => {
    const english = await open('/', 'en-GB');
    expect(new URL(english.url()).pathname).toBe('/en/');
    const vietnamese = await open('/', 'vi-VN');
    expect(new URL(vietnamese.url()).pathname).toBe('/vi/');
  });
});

describe('the home page', () => {
  it.each([
    ['vi', 'Tàu tham quan'],
    ['en', 'Boat trips'],
  ])('presents the platform’s services in %s with a way to the boat routes', async (language, boatsLink) => {
    const page = await open(`/${language}/`);
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    await expect(
      page.getByRole('navigation').first().getByRole('link', { name: boatsLink }).count(),
    ).resolves.toBeGreaterThan(0);
    const text = await page.locator('main').innerText();
    expect(text).toMatch(language === 'vi' ? /Bảo tàng Quảng Ninh/ : /Quảng Ninh Museum/);
    expect(text).toMatch(/107/);
    expect(await accessibilityViolations(page)).toEqual([]);
  });

  it('lets a keyboard user skip straight to the main content', async () => {
    const page = await open('/en/');
    // Start from the document itself (under load Chromium may not have given the page focus yet).
    await page.waitForLoadState('load');
    await page.bringToFront();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('Tab');
    const focusedHref = () => page.evaluate(() => document.activeElement?.getAttribute('href') ?? null);
    await expect.poll(focusedHref, { timeout: 5_000 }).toBe('#main');
    await page.keyboard.press('Enter');
    // Following the link is a navigation within the page, reported a moment after the key press.
    await expect.poll(() => new URL(page.url()).hash, { timeout: 5_000 }).toBe('#main');
  });
});

describe('the boats pages, with JavaScript turned off', () => {
  it.each([
    ['vi', 'vi-VN', 'Hang Thiên Cung', /290\.000\s₫/, /Chưa công bố/],
    ['en', 'en-GB', 'Thiên Cung Cave', /₫290,000/, /Not yet published/],
  ])(
    'list all eight routes with stops and fees in %s',
    async (language, locale, firstStop, fee, unpublished) => {
      const page = await open(`/${language}/boats/`, locale, { javaScript: false });
      const cards = page.getByTestId('route-card');
      expect(await cards.count()).toBe(8);
      const first = await cards.nth(0).innerText();
      expect(first).toContain(firstStop);
      expect(first).toMatch(fee);
      expect(await cards.nth(2).innerText()).toMatch(unpublished);
      expect(await accessibilityViolations(await open(`/${language}/boats/`, locale))).toEqual([]);
    },
  );

  it('lead from a route to its own page with its stops in order', async () => {
    const page = await open('/en/boats/', 'en-GB', { javaScript: false });
    await page.getByRole('link', { name: /Route 2 ·/ }).click();
    await page.waitForURL(/\/en\/boats\/routes\/2\/$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Route 2: /);
    const stops = await page.getByTestId('route-stops').locator('.stop-name').allInnerTexts();
    expect(stops).toHaveLength(9);
    expect(stops[0]).toBe('Soi Sim Island');
    expect(await page.locator('main').innerText()).toContain('Tuần Châu International Passenger Port');
    expect(await accessibilityViolations(await open('/en/boats/routes/2/', 'en-GB'))).toEqual([]);
  });

  it('give every route a page of its own that shows its stops', async () => {
    const list = await open('/vi/boats/', 'vi-VN', { javaScript: false });
    const stopCounts = await list
      .getByTestId('route-card')
      .evaluateAll((cards) => cards.map((card) => card.querySelectorAll('.stop-list li').length));
    expect(stopCounts).toHaveLength(8);
    for (const [index, stops] of stopCounts.entries()) {
      const page = await open(`/vi/boats/routes/${index + 1}/`, 'vi-VN', { javaScript: false });
      expect(await page.getByTestId('route-stops').locator('li').count()).toBe(stops);
      await page.context().close();
    }
  });

  it('switch language on the same page', async () => {
    const page = await open('/en/boats/routes/6/', 'en-GB', { javaScript: false });
    await page.locator('.language-switch a[hreflang="vi"]').click();
    await page.waitForURL(/\/vi\/boats\/routes\/6\/$/);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toMatch(/^Tuyến 6: /);
  });

  it('show a fee a manager changed through the API on the next page load, without rebuilding the site', async () => {
    const signIn = await fetch(`${baseUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'manager@halong.test', password: 'Manager-HaLong-2026' }),
    });
    const { idToken } = (await signIn.json()) as { idToken: string };
    const {
      id: _id,
      updatedAt: _updatedAt,
      discounts: _discounts,
      ...route8
    } = await (await fetch(`${baseUrl}/api/boats/routes/8`)).json();
    const replace = (amountVnd: number) =>
      fetch(`${baseUrl}/api/boats/routes/8`, {
        method: 'PUT',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${idToken}` },
        body: JSON.stringify({ ...route8, sightseeingFee: { ...route8.sightseeingFee, amountVnd } }),
      });
    const page = await open('/en/boats/', 'en-GB', { javaScript: false });
    expect(await page.getByTestId('route-card').nth(7).innerText()).toMatch(/₫70,000/);
    expect((await replace(85000)).status).toBe(200);
    try {
      await page.reload();
      expect(await page.getByTestId('route-card').nth(7).innerText()).toMatch(/₫85,000/);
    } finally {
      await replace(route8.sightseeingFee.amountVnd);
    }
  });
});

describe('the departure search, with JavaScript turned off', () => {
  it('finds the day’s departures of a route for a party, with prices per passenger', async () => {
    const page = await open('/en/boats/', 'en-GB', { javaScript: false });
    await page.getByRole('link', { name: 'Find a departure by day' }).click();
    // Tomorrow: today's departures of a route may all have left by the time the suite runs.
    await page.getByLabel('Date', { exact: true }).fill(addDays(localDateAt(new Date()), 1));
    await page.getByLabel('Route', { exact: true }).selectOption('2');
    await page.getByLabel('Passengers', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/en\/boats\/departures\/\?.*route=2.*passengers=3/);
    const departures = page.getByTestId('departure');
    expect(await departures.count()).toBeGreaterThan(0);
    expect(await departures.first().innerText()).toMatch(/Route 2[\s\S]*seats left[\s\S]*Adult\s+₫[\d,]+/);
    expect(
      await accessibilityViolations(
        await open(new URL(page.url()).pathname + new URL(page.url()).search, 'en-GB'),
      ),
    ).toEqual([]);
  });
});

describe('the not-found page', () => {
  it.each([
    ['/en/boats/routes/42/', 'en', 'Page not found'],
    ['/vi/khong-co-trang-nay/', 'vi', 'Không tìm thấy trang'],
  ])('answers %s with status 404 in the language of the address', async (path, language, heading) => {
    const page = await open(path, 'vi-VN', { javaScript: false, status: 404 });
    expect(await page.getAttribute('html', 'lang')).toBe(language);
    expect(await page.getByRole('heading', { level: 1 }).innerText()).toBe(heading);
    expect(await accessibilityViolations(await open(path, 'vi-VN', { status: 404 }))).toEqual([]);
  });
});

describe('the API docs', () => {
  it('renders Swagger UI for the OpenAPI document without any CDN', async () => {
    const page = await open('/api/docs', 'en-GB');
    await page.locator('.swagger-ui .title').waitFor({ timeout: 20_000 });
    expect(await page.locator('.swagger-ui .title').innerText()).toContain(
      'Hạ Long smart-tourism platform API',
    );
    expect(await page.locator('.opblock-summary-path').allInnerTexts()).toContain('/api/boats/routes');
    expect(consoleErrors.get(page)).toEqual([]);
  });
});
