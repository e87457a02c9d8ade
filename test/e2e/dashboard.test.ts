// The managers' dashboard in Chromium against the running platform: a museum visit is counted (through the table's
// stream into the dashboard's counters, as any visit is), then the manager signs in, picks today, sees the visit in
// the tables and drawn in the chart, on a laptop and a tablet, with no accessibility violation; switches to
// Vietnamese with the filters kept; downloads a table's CSV and the morning report's PDF with the page's session.
// An operator is refused.
// Nothing is fetched from outside this machine.
import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Every request the pages make stays on this machine; the others are refused and listed. */
async function localOnly(context: BrowserContext): Promise<string[]> {
  const refused: string[] = [];
  await context.route('**/*', (route) => {
    const { hostname } = new URL(route.request().url());
    if (hostname === '127.0.0.1' || hostname === 'localhost') return route.continue();
    refused.push(route.request().url());
    return route.abort();
  });
  return refused;
}

/** Opens `path`, signing in on the site as `email` when it asks. */
async function signedInAt(page: Page, path: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  expect(new URL(page.url()).pathname).toBe('/en/staff/sign-in/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === new URL(`${baseUrl}${path}`).pathname);
}

/** A visit of the 3D museum as its page reports one: started in English, the stalactites seen (not the whale,
 * whose views the museum's own test counts), a tour completed. */
async function countMuseumVisit(): Promise<void> {
  const response = await fetch(`${baseUrl}/api/museum/events`, {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain;charset=UTF-8' },
    body: JSON.stringify({
      visitId: randomUUID(),
      events: [
        { type: 'visit-started', language: 'en' },
        { type: 'exhibit-viewed', exhibitId: 'cave-stalactites', dwellSeconds: 40 },
        { type: 'tour-started', tourId: 'highlights-20-minutes' },
        { type: 'tour-completed', tourId: 'highlights-20-minutes' },
      ],
    }),
  });
  expect(response.status, await response.text()).toBeLessThan(300);
}

/** The number in a table's row named `measure`, first numeric column (digits only: "1,234" → 1234). */
async function countIn(page: Page, table: string, measure: string): Promise<number> {
  const row = page
    .getByTestId(`dashboard-${table}`)
    .getByRole('row', { name: measure, exact: false })
    .first();
  const cell = row.getByRole('cell').first();
  return Number(((await cell.textContent()) ?? '').replace(/\D/g, '')) || 0;
}

const fitsWidth = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);

describe('the managers’ dashboard', () => {
  it('shows a manager today’s numbers in tables and charts, in both languages, with a CSV of each table', async () => {
    await countMuseumVisit();
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1366, height: 768 } });
    const refused = await localOnly(context);
    const page = await context.newPage();
    await signedInAt(page, '/en/staff/dashboard/', 'manager@halong.test', 'Manager-HaLong-2026');
    await page.getByTestId('dashboard-filters').waitFor();
    expect(
      await page.getByRole('link', { name: 'Download the morning report (PDF)' }).getAttribute('href'),
    ).toMatch(/^\/en\/staff\/dashboard\/report\.pdf\?date=\d{4}-\d{2}-\d{2}$/);

    await page.getByLabel('Period', { exact: true }).selectOption('today');
    await page.getByRole('button', { name: 'Show' }).click();
    await page.waitForURL((url) => url.searchParams.get('period') === 'today');
    // The visit reaches the counters through the table's stream, a moment after it was posted.
    for (let attempt = 0; attempt < 30 && (await countIn(page, 'museum-totals', 'Visits')) === 0; attempt++) {
      await page.waitForTimeout(1000);
      await page.reload();
    }
    expect(await countIn(page, 'museum-totals', 'Visits')).toBeGreaterThan(0);
    expect(await countIn(page, 'museum-totals', 'Tours completed')).toBeGreaterThan(0);
    // Named from the catalogue (among the ten most viewed: with the demo year seeded, others may rank above ours).
    const exhibits = page.getByTestId('dashboard-museum-exhibits');
    expect(await exhibits.getByRole('row').count()).toBeGreaterThan(1);
    expect(await exhibits.textContent()).not.toContain('no longer listed');
    for (const table of ['boats-totals', 'boats-routes', 'safety-totals', 'wifi-totals', 'museum-series']) {
      await page.getByTestId(`dashboard-${table}`).waitFor();
    }
    expect(await page.getByTestId('wifi-heat-map').locator('svg').count()).toBeGreaterThan(0);

    // The chart island has drawn the museum's series from the numbers in the page.
    const chart = page.getByTestId('dashboard-museum-series').locator('[data-dashboard-chart]');
    await chart.locator('canvas').first().waitFor();
    expect(await chart.getAttribute('data-drawn')).toBe('true');
    const drawn = JSON.parse((await chart.getAttribute('data-dashboard-chart')) ?? '{}') as {
      series: { values: number[] }[];
    };
    expect(drawn.series[0]?.values.some((value) => value > 0)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(await fitsWidth(page)).toBe(true);

    await page.setViewportSize({ width: 820, height: 1180 });
    expect(await fitsWidth(page)).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    // The language button sends the filter form, so the filters shown travel to the Vietnamese page.
    await page
      .getByRole('navigation', { name: 'Language' })
      .getByRole('button', { name: 'Tiếng Việt' })
      .click();
    await page.waitForURL((url) => url.pathname === '/vi/staff/dashboard/');
    expect(new URL(page.url()).searchParams.get('period')).toBe('today');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Bảng điều hành du lịch');
    expect(await page.getByLabel('Kỳ', { exact: true }).inputValue()).toBe('today');
    expect(await countIn(page, 'museum-totals', 'Lượt tham quan')).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    const csvLink = page.getByTestId('dashboard-museum-totals').getByTestId('csv-link');
    const href = (await csvLink.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/vi\/staff\/dashboard\/export\.csv\?table=museum-totals&/);
    // The download itself, with the page's session cookie.
    const download = await context.request.get(`${baseUrl}${href}`);
    expect(download.status()).toBe(200);
    expect(download.headers()['content-type']).toBe('text/csv; charset=utf-8');
    expect(download.headers()['content-disposition']).toMatch(
      /^attachment; filename="bang-dieu-hanh-museum-totals-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv"$/,
    );
    const [header, ...rows] = (await download.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe('Chỉ số,Kỳ này,Cùng kỳ năm trước,Thay đổi');
    const visits = rows.find((row) => row.startsWith('Lượt tham quan,'));
    expect(Number(visits?.split(',')[1])).toBeGreaterThan(0);

    // The morning report's PDF, in the page's language, with the same session.
    const reportHref = (await page.getByTestId('report-link').getAttribute('href')) ?? '';
    expect(reportHref).toMatch(/^\/vi\/staff\/dashboard\/report\.pdf\?date=\d{4}-\d{2}-\d{2}$/);
    const report = await context.request.get(`${baseUrl}${reportHref}`);
    expect(report.status()).toBe(200);
    expect(report.headers()['content-type']).toBe('application/pdf');
    expect(report.headers()['content-disposition']).toMatch(
      /^attachment; filename="morning-report-\d{4}-\d{2}-\d{2}-vi\.pdf"$/,
    );
    const pdf = (await report.body()).toString('latin1');
    expect(pdf.startsWith('%PDF-')).toBe(true);
    expect(pdf).toContain('/Lang (vi)');

    expect(refused).toEqual([]);
    await context.close();
  });

  it('refuses an operator, and their CSV downloads too', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 820, height: 1180 } });
    await localOnly(context);
    const page = await context.newPage();
    await signedInAt(page, '/en/staff/dashboard/', 'operator@halong.test', 'Operator-HaLong-2026');
    expect(await page.getByTestId('forbidden').textContent()).toContain(
      'Only tourism managers and admins read the dashboard.',
    );
    expect(await page.getByTestId('dashboard-filters').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    const download = await context.request.get(
      `${baseUrl}/en/staff/dashboard/export.csv?table=boats-routes&period=today`,
    );
    expect(download.status()).toBe(403);
    await context.close();
  });
});
