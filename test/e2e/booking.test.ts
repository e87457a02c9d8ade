// A visitor books a boat trip in Chromium against the running platform: search, party, passengers, hold, the
// test checkout, the ticket with its QR code — in both languages, and without JavaScript up to the ticket.
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

const words = {
  vi: {
    book: 'Đặt chỗ',
    continue: 'Tiếp tục',
    fullName: 'Họ và tên',
    documentNumber: 'Số giấy tờ',
    nationality: 'Quốc tịch (mã 2 chữ cái, ví dụ VN, FR)',
    email: 'Thư điện tử',
    phone: 'Số điện thoại',
    submit: 'Giữ chỗ và sang thanh toán',
    held: 'Đang giữ chỗ — chờ thanh toán',
    pay: /^Thanh toán/,
    testMode: 'CHẾ ĐỘ THỬ NGHIỆM',
    payTestCard: /^Thanh toán \(thẻ thử nghiệm\)/,
    ticket: 'Vé của bạn',
    passengers: [
      ['Trần Văn Hải', '001089012345', 'VN'],
      ['Trần Thị Mai', '001192054321', 'VN'],
    ],
  },
  en: {
    book: 'Book',
    continue: 'Continue',
    fullName: 'Full name',
    documentNumber: 'Document number',
    nationality: 'Nationality (2-letter code, e.g. VN, FR)',
    email: 'E-mail',
    phone: 'Phone',
    submit: 'Hold the seats and pay',
    held: 'Seats held — awaiting payment',
    pay: /^Pay/,
    testMode: 'TEST MODE',
    payTestCard: /^Pay \(test card\)/,
    ticket: 'Your ticket',
    passengers: [
      ['Claire Martin', '18CD54321', 'FR'],
      ['Paul Martin', '17EF98765', 'FR'],
    ],
  },
} as const;

async function bookAndPay(page: Page, language: 'vi' | 'en') {
  const w = words[language];
  const date = addDays(localDateAt(new Date()), 5);
  await page.goto(`${baseUrl}/${language}/boats/departures/?date=${date}&route=1&passengers=2`);
  await page.locator('[data-testid="book"]').first().click();
  await page.getByRole('button', { name: w.continue }).click();

  const passengers = page.locator('[data-testid="passenger"]');
  // Without JavaScript the form's GET is a navigation of its own: wait for the page it brings.
  await passengers.first().waitFor();
  expect(await passengers.count()).toBe(2);
  for (const [index, [name, document, nationality]] of w.passengers.entries()) {
    const fieldset = passengers.nth(index);
    await fieldset.getByLabel(w.fullName).fill(name);
    if (language === 'en') await fieldset.getByLabel('Passport').check();
    await fieldset.getByLabel(w.documentNumber).fill(document);
    await fieldset.getByLabel(w.nationality).fill(nationality);
  }
  await page.getByLabel(w.email, { exact: true }).fill('visitor@example.com');
  await page.getByLabel(w.phone, { exact: true }).fill('+84 912 345 678');
  await page.getByRole('button', { name: w.submit }).click();

  await page.getByText(w.held).waitFor();
  expect(new URL(page.url()).pathname).toMatch(new RegExp(`^/${language}/bookings/HL[0-9A-Z]{8}/$`));
  await page.getByRole('button', { name: w.pay }).click();

  // The local test checkout, clearly marked as test mode.
  await page.getByText(w.testMode).waitFor();
  await page.getByRole('button', { name: w.payTestCard }).click();
  await page.getByRole('heading', { name: w.ticket }).waitFor({ timeout: 15_000 });
}

describe('booking a boat trip', () => {
  it.each(['vi', 'en'] as const)(
    'books, pays in the test checkout and shows the ticket’s QR code (%s)',
    async (language) => {
      const context = await browser.newContext({ locale: language === 'vi' ? 'vi-VN' : 'en-GB' });
      const page = await context.newPage();
      await bookAndPay(page, language);
      const qr = page.locator('[data-testid="ticket"] svg');
      expect(await qr.isVisible()).toBe(true);
      const box = await qr.boundingBox();
      expect(box?.width).toBeGreaterThan(150);
      expect(await page.locator('[data-testid="booking-status"]').innerText()).toMatch(
        language === 'vi' ? 'Đã xác nhận' : 'Confirmed',
      );
      expect(await accessibilityViolations(page)).toEqual([]);
      await context.close();
    },
  );

  it('works with JavaScript turned off, from the search to the ticket', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled: false });
    const page = await context.newPage();
    await bookAndPay(page, 'vi');
    expect(await page.locator('[data-testid="ticket"] svg').isVisible()).toBe(true);
    await context.close();
  });

  it('explains a wrong document number next to the field, reachable from the summary', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const date = addDays(localDateAt(new Date()), 6);
    await page.goto(`${baseUrl}/en/boats/departures/?date=${date}&route=1&passengers=1`);
    await page.locator('[data-testid="book"]').first().click();
    await page.getByRole('button', { name: 'Continue' }).click();
    const passenger = page.locator('[data-testid="passenger"]').first();
    await passenger.getByLabel('Full name').fill('Kim Min-jun');
    await passenger.getByLabel('Document number').fill('123');
    await passenger.getByLabel('Nationality (2-letter code, e.g. VN, FR)').fill('KR');
    await page.getByLabel('E-mail', { exact: true }).fill('minjun@example.kr');
    await page.getByLabel('Phone', { exact: true }).fill('+82 10 1234 5678');
    await page.getByRole('button', { name: 'Hold the seats and pay' }).click();

    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('A passport number has 6 to 12 letters and digits.');
    const field = passenger.getByLabel('Document number');
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    expect(await field.inputValue()).toBe('123');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
