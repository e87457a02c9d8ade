// The operator's departures in Chromium against the running platform: the operator signs in, goes to tomorrow,
// filters by boat and by day with the page's own form, pages a day either way with the filters kept in the
// address, and the page fits a 1,366 px laptop and an 820 px tablet without scrolling sideways, with no
// accessibility violation axe finds at either size. Without JavaScript the filters work the same (vi).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, localDateAt } from '../../functions/platform/local-time.js';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
const operator = { email: 'operator@halong.test', password: 'Operator-HaLong-2026' };
const today = localDateAt(new Date());
const tomorrow = addDays(today, 1);
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every request the pages make stays on this machine; any other is refused and remembered. */
async function localOnly(context: BrowserContext, elsewhere: string[]): Promise<void> {
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    elsewhere.push(route.request().url());
    return route.abort();
  });
}

/** Opens the operator's page, signing in on the site's form when it asks. */
async function openAsOperator(
  page: Page,
  labels = { email: 'E-mail', password: 'Password', signIn: 'Sign in' },
  language = 'en',
): Promise<void> {
  await page.goto(`${baseUrl}/${language}/operator/`);
  await page.getByLabel(labels.email).fill(operator.email);
  await page.getByLabel(labels.password).fill(operator.password);
  await page.getByRole('button', { name: labels.signIn }).click();
  await page.waitForURL((url) => url.pathname === `/${language}/operator/`);
}

const query = (page: Page) => Object.fromEntries(new URL(page.url()).searchParams);

/** The boat of each departure the table lists, in its order. */
const listedBoats = (page: Page) => page.getByTestId('departure-boat').allInnerTexts();

/** Whether the page is wider than the window (something makes it scroll sideways). */
const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe("the operator's departures", () => {
  it('filters by day and boat, pages a day at a time, and fits a laptop and a tablet', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });
    const elsewhere: string[] = [];
    await localOnly(context, elsewhere);
    const page = await context.newPage();
    await openAsOperator(page);
    const filters = page.getByTestId('departure-filters');
    const pager = page.getByRole('navigation', { name: 'Other days' });

    // Today by default, then tomorrow, the day a company's staff prepare.
    await expect(pager.getByRole('link', { name: 'Today' }).getAttribute('aria-current')).resolves.toBe(
      'page',
    );
    await pager.getByRole('link', { name: 'Tomorrow' }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === tomorrow);
    const allBoats = await listedBoats(page);
    expect(allBoats).toEqual(expect.arrayContaining(['Bay Pearl 01', 'Bay Pearl 02', 'Bay Pearl Star']));
    expect(await overflowsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);

    // One boat: the address says so, and the table lists that boat alone.
    await filters.getByLabel('Boat').selectOption('bay-pearl-02');
    await filters.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('boat') === 'bay-pearl-02');
    expect(query(page)).toEqual({ date: tomorrow, boat: 'bay-pearl-02' });
    const oneBoat = await listedBoats(page);
    expect(oneBoat.length).toBeGreaterThan(0);
    expect(new Set(oneBoat)).toEqual(new Set(['Bay Pearl 02']));
    expect(oneBoat.length).toBeLessThan(allBoats.length);

    // A day later and back, the boat kept.
    await pager.getByRole('link', { name: /^Next day/ }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === addDays(tomorrow, 1));
    expect(query(page)).toEqual({ date: addDays(tomorrow, 1), boat: 'bay-pearl-02' });
    expect(new Set(await listedBoats(page))).toEqual(new Set(['Bay Pearl 02']));
    await pager.getByRole('link', { name: /^Previous day/ }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === tomorrow);
    expect(query(page)).toEqual({ date: tomorrow, boat: 'bay-pearl-02' });

    // Another day from the form, the boat still chosen.
    const chosenDay = addDays(today, 5);
    await filters.getByLabel('Date').fill(chosenDay);
    await filters.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('date') === chosenDay);
    expect(query(page)).toEqual({ date: chosenDay, boat: 'bay-pearl-02' });
    expect(new Set(await listedBoats(page))).toEqual(new Set(['Bay Pearl 02']));

    // All boats again: a laptop shows them as a table, a tablet as cards.
    await filters.getByLabel('Boat').selectOption('');
    await filters.getByRole('button', { name: 'Show' }).click();
    // A plain form sends its empty choice too: `boat=` is every boat.
    await page.waitForURL((url) => url.searchParams.get('boat') === '');
    expect(query(page)).toEqual({ date: chosenDay, boat: '' });
    const firstRow = page.getByTestId('operator-departures').locator('tbody tr').first();
    const rowDisplay = () => firstRow.evaluate((row) => getComputedStyle(row).display);
    expect(await rowDisplay()).toBe('table-row');
    expect(await overflowsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.setViewportSize({ width: 820, height: 1180 });
    expect(await rowDisplay()).toBe('grid');
    expect(await overflowsSideways(page)).toBe(false);
    expect(await accessibilityViolations(page)).toEqual([]);
    // The cards are still a table to a screen reader: the boat heads its row.
    await expect(
      page
        .getByRole('rowheader', { name: (await listedBoats(page))[0] })
        .first()
        .isVisible(),
    ).resolves.toBe(true);

    await context.close();
    expect(elsewhere).toEqual([]);
  });

  it('filters and pages without JavaScript, in Vietnamese', async () => {
    const context = await browser.newContext({
      locale: 'vi-VN',
      javaScriptEnabled: false,
      viewport: { width: 820, height: 1180 },
    });
    const elsewhere: string[] = [];
    await localOnly(context, elsewhere);
    const page = await context.newPage();
    await openAsOperator(page, { email: 'Thư điện tử', password: 'Mật khẩu', signIn: 'Đăng nhập' }, 'vi');
    const filters = page.getByTestId('departure-filters');

    await filters.getByLabel('Ngày').fill(tomorrow);
    await filters.getByLabel('Tàu').selectOption('bay-pearl-01');
    await filters.getByRole('button', { name: 'Xem' }).click();
    await page.waitForURL((url) => url.searchParams.get('boat') === 'bay-pearl-01');
    expect(query(page)).toEqual({ date: tomorrow, boat: 'bay-pearl-01' });
    expect(new Set(await listedBoats(page))).toEqual(new Set(['Bay Pearl 01']));

    await page
      .getByRole('navigation', { name: 'Ngày khác' })
      .getByRole('link', { name: /^Ngày sau/ })
      .click();
    await page.waitForURL((url) => url.searchParams.get('date') === addDays(tomorrow, 1));
    expect(query(page)).toEqual({ date: addDays(tomorrow, 1), boat: 'bay-pearl-01' });
    expect(await overflowsSideways(page)).toBe(false);

    await context.close();
    expect(elsewhere).toEqual([]);
  });
});
