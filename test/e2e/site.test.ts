import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

// Console errors per page: a script blocked by the Content-Security-Policy shows up here.
const consoleErrors = new WeakMap<Page, string[]>();

async function open(path: string, locale = 'vi-VN'): Promise<Page> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  const errors: string[] = [];
  consoleErrors.set(page, errors);
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  const response = await page.goto(`${baseUrl}${path}`);
  expect(response?.status()).toBe(200);
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
    await page.keyboard.press('Tab');
    const focused = page.locator(':focus');
    expect(await focused.getAttribute('href')).toBe('#main');
    await page.keyboard.press('Enter');
    expect(new URL(page.url()).hash).toBe('#main');
  });
});

describe('the boats page', () => {
  it('lists the eight routes from the API with stops and fees in Vietnamese', async () => {
    const page = await open('/vi/boats/');
    const cards = page.getByTestId('route-card');
    await cards.nth(7).waitFor();
    expect(await cards.count()).toBe(8);
    const first = await cards.nth(0).innerText();
    expect(first).toContain('Hang Thiên Cung');
    expect(first).toMatch(/290\.000\s₫/);
    expect(await cards.nth(2).innerText()).toMatch(/Chưa công bố/);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(consoleErrors.get(page)).toEqual([]);
  });

  it('lists the same routes in English and switches language on the same page', async () => {
    const page = await open('/en/boats/', 'en-GB');
    const cards = page.getByTestId('route-card');
    await cards.nth(7).waitFor();
    const first = await cards.nth(0).innerText();
    expect(first).toContain('Thiên Cung Cave');
    expect(first).toMatch(/290,000/);
    expect(await cards.nth(5).innerText()).toMatch(/150,000/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.locator('a[hreflang="vi"]').first().click();
    await page.waitForURL(/\/vi\/boats\/?$/);
    expect(await page.getAttribute('html', 'lang')).toBe('vi');
  });

  it('shows a fee a manager changed through the API, without rebuilding the site', async () => {
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
    expect((await replace(85000)).status).toBe(200);
    try {
      const page = await open('/en/boats/', 'en-GB');
      const card = page.getByTestId('route-card').nth(7);
      await card.waitFor();
      expect(await card.innerText()).toMatch(/85,000/);
    } finally {
      await replace(route8.sightseeingFee.amountVnd);
    }
  });
});

describe('the boats page when the API fails', () => {
  it('says so, and a keyboard user can retry and get the routes', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    let failuresLeft = 1;
    await page.route('**/api/boats/routes', (route) =>
      failuresLeft-- > 0 ? route.fulfill({ status: 503, body: '' }) : route.continue(),
    );
    await page.goto(`${baseUrl}/en/boats/`);
    const alert = page.getByRole('alert');
    await alert.waitFor();
    await alert.getByRole('button').focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('route-card').nth(7).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
    await context.close();
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
