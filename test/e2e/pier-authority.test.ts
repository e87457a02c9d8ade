// The port authority in Chromium against the running platform: a visitor's paid booking, then the manager bans
// the departure's port on the site's bans page, and the visitor's booking page shows it cancelled and refunded in
// full; the clearance page will not clear a departure whose crew is not recorded.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, localDateAt } from '../../functions/platform/local-time.js';
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

interface Offer {
  id: string;
  portId: string;
  departsAt: string;
}

/** The first open departure of route 1 on `date` (a day no other browser test books on). */
async function departureOn(date: string): Promise<Offer> {
  const answer = await fetch(`${baseUrl}/api/boats/departures?date=${date}&route=1&passengers=1`);
  expect(answer.status).toBe(200);
  const { departures } = (await answer.json()) as { departures: Offer[] };
  const first = departures[0];
  if (!first) throw new Error(`No departure of route 1 on ${date}`);
  return first;
}

/** Books one adult on `offer` in the visitor's browser and pays in the local test checkout. */
async function bookAndPay(page: Page, date: string, offer: Offer): Promise<string> {
  await page.goto(`${baseUrl}/en/boats/departures/?date=${date}&route=1&passengers=1`);
  await page.locator(`[data-testid="book"][href*="${encodeURIComponent(offer.id)}"]`).click();
  await page.getByRole('button', { name: 'Continue' }).click();
  const passenger = page.locator('[data-testid="passenger"]').first();
  await passenger.getByLabel('Full name').fill('Claire Martin');
  await passenger.getByLabel('Passport').check();
  await passenger.getByLabel('Document number').fill('18CD54321');
  await passenger.getByLabel('Nationality (2-letter code, e.g. VN, FR)').fill('FR');
  await page.getByLabel('E-mail', { exact: true }).fill('claire@example.com');
  await page.getByLabel('Phone', { exact: true }).fill('+33 6 12 34 56 78');
  await page.getByRole('button', { name: 'Hold the seats and pay' }).click();
  await page.getByText('Seats held — awaiting payment').waitFor();
  await page.getByRole('button', { name: /^Pay/ }).click();
  await page.getByText('TEST MODE').waitFor();
  await page.getByRole('button', { name: /^Pay \(test card\)/ }).click();
  await page.getByRole('heading', { name: 'Your ticket' }).waitFor({ timeout: 15_000 });
  return page.url();
}

/** Opens `path` as the manager, signing in on the site when it asks. */
async function asManager(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  if (new URL(page.url()).pathname.endsWith('/staff/sign-in/')) {
    await page.getByLabel('E-mail').fill('manager@halong.test');
    await page.getByLabel('Password').fill('Manager-HaLong-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === path);
  }
}

describe('the port authority', () => {
  it('bans a port in bad weather, and the visitor’s paid booking there is cancelled and refunded in full', async () => {
    const date = addDays(localDateAt(new Date()), 9);
    const offer = await departureOn(date);

    const visitor = await browser.newContext({ locale: 'en-GB' });
    await localOnly(visitor);
    const visitorPage = await visitor.newPage();
    const bookingUrl = await bookAndPay(visitorPage, date, offer);
    const total = await visitorPage.locator('[data-testid="booking-total"]').innerText();

    const staff = await browser.newContext({ locale: 'en-GB' });
    await localOnly(staff);
    const page = await staff.newPage();
    await asManager(page, '/en/authority/bans/');
    const reason = `Storm warning ${Date.now()}`;
    await page.getByLabel('Applies to').selectOption(`port:${offer.portId}`);
    await page.getByLabel('From (date)').fill(date);
    await page.getByLabel('From (time)').fill('00:00');
    await page.getByLabel('Until (date)').fill(date);
    await page.getByLabel('Until (time)').fill('23:59');
    await page.getByLabel('Reason', { exact: true }).fill(reason);
    await page.getByRole('button', { name: 'Issue the ban…' }).click();

    // It cancels and refunds: first what it would do, and nothing done until confirmed.
    const confirm = page.locator('[data-testid="confirm-ban"]');
    await confirm.waitFor();
    expect(await confirm.innerText()).toMatch(
      /cancels [1-9]\d* booking\(s\) on them; [1-9]\d* paid booking\(s\) are refunded in full, ₫[\d,]+ in all/,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    await visitorPage.goto(bookingUrl);
    expect(await visitorPage.locator('[data-testid="booking-status"]').innerText()).toMatch('Confirmed');
    await page.locator('[data-testid="confirm-ban-button"]').click();

    await page.locator('[data-testid="ban-notice"]').waitFor();
    expect(await page.locator('[data-testid="ban-notice"]').innerText()).toMatch(/^Ban ban-\S+ issued\.$/);
    const listed = page.locator('[data-testid="bans-in-force"] tr', { hasText: reason });
    expect(await listed.innerText()).toMatch(/[1-9]\d* bookings cancelled/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await visitorPage.goto(bookingUrl);
    expect(await visitorPage.locator('[data-testid="booking-status"]').innerText()).toMatch('Cancelled');
    expect(await visitorPage.locator('[data-testid="cancelled-by-ban"]').innerText()).toContain(reason);
    expect(await visitorPage.locator('[data-testid="ban-refund"]').innerText()).toBe(
      `Refunded in full: ${total}.`,
    );
    await visitor.close();
    await staff.close();
  });

  it('will not clear a departure whose crew is not recorded, and says which check fails', async () => {
    const date = addDays(localDateAt(new Date()), 10);
    const offer = await departureOn(date);
    const staff = await browser.newContext({ locale: 'en-GB' });
    await localOnly(staff);
    const page = await staff.newPage();
    const path = `/en/authority/departures/${encodeURIComponent(offer.id)}/clearance/`;
    await asManager(page, path);

    const crewCheck = page.locator('[data-check="crew-recorded"]');
    expect(await crewCheck.innerText()).toContain('Fail');
    expect(await page.getByRole('button', { name: 'Clear for departure' }).isDisabled()).toBe(true);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByLabel('Reason (required)').fill('No crew list handed in');
    await page.getByRole('button', { name: 'Refuse' }).click();
    await page.locator('[data-testid="clearance-notice"]').waitFor();
    expect(await page.locator('[data-testid="clearance-notice"]').innerText()).toBe('Recorded: Refused.');
    expect(await page.locator('[data-testid="clearance-decision"]').innerText()).toContain(
      'No crew list handed in',
    );
    await staff.close();
  });
});
