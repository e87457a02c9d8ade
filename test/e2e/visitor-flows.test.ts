// The visitor's flows between pages in Chromium against the running platform: switching language in the middle
// of the passengers form keeps what was typed, going back and sending the form again holds one set of seats,
// nothing gives up seats or money before a second step, and a route's page leads to booking its departures.
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

async function seatsLeft(departureId: string): Promise<number> {
  const response = await fetch(`${baseUrl}/api/boats/departures/${departureId}`);
  return ((await response.json()) as { seatsLeft: number }).seatsLeft;
}

/** From the search of a day a week on, the first departure's booking form for one adult. */
async function openPassengersForm(page: Page, daysAhead: number): Promise<string> {
  const date = addDays(localDateAt(new Date()), daysAhead);
  await page.goto(`${baseUrl}/vi/boats/departures/?date=${date}&route=1&passengers=1`);
  await page.locator('[data-testid="book"]').first().click();
  await page.getByRole('button', { name: 'Tiếp tục' }).click();
  return new URL(page.url()).searchParams.get('departure') as string;
}

async function fillOnePassenger(page: Page, name: string, document: string) {
  const passenger = page.locator('[data-testid="passenger"]').first();
  await passenger.getByLabel(/Họ và tên|Full name/).fill(name);
  await passenger.getByLabel(/Số giấy tờ|Document number/).fill(document);
  await page.getByLabel(/Thư điện tử|E-mail/, { exact: true }).fill('visitor.flows@example.vn');
  await page.getByLabel(/Số điện thoại|Phone/, { exact: true }).fill('0912 345 678');
}

describe('the visitor’s flows', () => {
  it('keeps the passengers typed when the language is switched mid-booking, holding nothing', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const departureId = await openPassengersForm(page, 8);
    await fillOnePassenger(page, 'Vũ Hoàng Long', '001190033333');
    const before = await seatsLeft(departureId);
    await page
      .getByRole('navigation', { name: /Ngôn ngữ|Language/ })
      .getByText('English')
      .click();
    await page.waitForURL(/\/en\/bookings\/new\//);
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    const passenger = page.locator('[data-testid="passenger"]').first();
    expect(await passenger.getByLabel('Full name').inputValue()).toBe('Vũ Hoàng Long');
    expect(await passenger.getByLabel('Document number').inputValue()).toBe('001190033333');
    expect(await page.getByLabel('E-mail', { exact: true }).inputValue()).toBe('visitor.flows@example.vn');
    expect(await seatsLeft(departureId)).toBe(before);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('holds one set of seats when the visitor goes back and sends the form again', async () => {
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    const departureId = await openPassengersForm(page, 9);
    const before = await seatsLeft(departureId);
    await fillOnePassenger(page, 'Hồ Ngọc Ánh', '001190022222');
    await page.getByRole('button', { name: 'Giữ chỗ và sang thanh toán' }).click();
    await page.waitForURL(/\/vi\/bookings\/HL[0-9A-Z]{8}\/$/);
    const booking = page.url();
    expect(await seatsLeft(departureId)).toBe(before - 1);

    await page.goBack();
    await page.locator('[data-testid="passenger"]').first().waitFor();
    // Whether the browser restored what was typed or the page came afresh, it says the seats are held already.
    expect(await page.locator('[data-testid="live-hold"]').count()).toBe(1);
    // The browser may have put back what was typed, or part of it: the visitor types it again.
    await fillOnePassenger(page, 'Hồ Ngọc Ánh', '001190022222');
    await page.getByRole('button', { name: 'Giữ chỗ và sang thanh toán' }).click();
    await page.waitForURL(booking);
    expect(await seatsLeft(departureId)).toBe(before - 1);
    await context.close();
  });

  it('asks before releasing held seats and before cancelling a paid trip, and changes nothing until then', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const departureId = await openPassengersForm(page, 10);
    await page
      .getByRole('navigation', { name: /Ngôn ngữ|Language/ })
      .getByText('English')
      .click();
    await fillOnePassenger(page, 'Nora Lindqvist', 'SE1234567');
    await page.locator('[data-testid="passenger"]').first().getByLabel('Passport').check();
    await page.getByLabel('Nationality (2-letter code, e.g. VN, FR)').fill('SE');
    await page.getByRole('button', { name: 'Hold the seats and pay' }).click();
    await page.waitForURL(/\/en\/bookings\/HL[0-9A-Z]{8}\/$/);
    const held = await seatsLeft(departureId);

    await page.getByRole('link', { name: 'Release the seats…' }).click();
    const release = page.locator('[data-testid="confirm-release"]');
    await release.waitFor();
    expect(await release.innerText()).toContain('Release the seat held for you?');
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'No, keep them and pay' }).click();
    expect(await page.locator('[data-testid="booking-status"]').innerText()).toContain('Seats held');
    expect(await seatsLeft(departureId)).toBe(held);

    // Paid in the test checkout, then cancelled: the refund is stated before anything happens.
    const total = await page.getByTestId('booking-total').innerText();
    expect(total).toMatch(/^₫[\d,]+$/);
    await page.getByRole('button', { name: /^Pay/ }).click();
    await page.getByText('TEST MODE').waitFor();
    await page.getByRole('button', { name: /^Pay \(test card\)/ }).click();
    await page.getByRole('heading', { name: 'Your ticket' }).waitFor({ timeout: 15_000 });
    // The ticket names its route and the exact amount received, written as the site writes money.
    expect(await page.getByTestId('booking-route').innerText()).toMatch(/^Route 1 · \S/);
    expect(await page.getByTestId('payment-received').innerText()).toMatch(
      new RegExp(`^Payment received: ${total} on \\d`),
    );
    await page.getByRole('link', { name: 'Cancel the booking…' }).click();
    const confirm = page.locator('[data-testid="confirm-cancel"]');
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(/You will be refunded ₫[\d,]+ \(100%\)/);
    expect(await page.locator('[data-testid="booking-status"]').innerText()).toContain('Confirmed');
    expect(await seatsLeft(departureId)).toBe(held);
    await page.locator('[data-testid="confirm-cancel-button"]').click();
    await page.locator('[data-testid="booking-status"]').getByText('Cancelled').waitFor();
    expect(await seatsLeft(departureId)).toBe(held + 1);
    await context.close();
  });

  it('leads from a route’s page to its next departures and to booking one', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/boats/routes/1/`);
    const next = page.locator('[data-testid="next-departures"]');
    expect(await next.getByRole('heading', { name: 'Next departures' }).isVisible()).toBe(true);
    await next.locator('[data-testid="book-next"]').first().click();
    await page.waitForURL(/\/en\/bookings\/new\/\?departure=/);
    expect(await page.getByText('How many are travelling?').isVisible()).toBe(true);
    await page.goto(`${baseUrl}/en/boats/routes/1/`);
    await next.getByRole('link', { name: 'All departures of this route, by date' }).click();
    // The search opens on the day of the next departure, not on a day with none left.
    await page.waitForURL(/\/en\/boats\/departures\/\?route=1&date=\d{4}-\d{2}-\d{2}$/);
    expect(await page.locator('[data-testid="departure"]').count()).toBeGreaterThan(0);
    await context.close();
  });

  it('finds a lost booking by e-mail without showing it, in a page with no accessibility violations', async () => {
    // A plain form (the integration tests post it without a browser); axe needs JavaScript to look at the page.
    const context = await browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/vi/boats/`);
    await page.getByRole('link', { name: 'Mất đường dẫn tới vé? Tìm đặt chỗ của tôi' }).click();
    await page.getByLabel('Mã đặt chỗ').fill('HL7K2QX9MD');
    await page.getByLabel('Địa chỉ e-mail đã dùng khi đặt').fill('someone@example.vn');
    await page.getByRole('button', { name: 'Gửi cho tôi đường dẫn mới' }).click();
    await page.locator('[data-testid="link-sent"]').waitFor();
    expect(new URL(page.url()).pathname).toBe('/vi/bookings/find/');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
