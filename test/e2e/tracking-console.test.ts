// The authority's alerts console in Chromium against the running platform: the manager opens the console, Bay
// Pearl 01's tracker sends an SOS the way Traccar Client does, and the alert appears on the open page within seconds
// through the WebSocket, without a reload, counted in the badge and the title; the manager acknowledges and then
// resolves it with the console's plain forms, and not one request of the page leaves this machine.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** Bay Pearl 01's tracker (assets/seed/demo-fleet.json) presses SOS, as Traccar Client posts it. */
async function sendSos(): Promise<void> {
  const query = new URLSearchParams({
    id: 'GT-QN5868',
    timestamp: String(Math.floor(Date.now() / 1000)),
    lat: '20.91',
    lon: '107.0',
    alarm: 'sos',
  });
  const answer = await fetch(`${baseUrl}/api/tracking/osmand?${query}`, { method: 'POST' });
  expect(answer.status).toBe(200);
}

async function signInAsManager(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  if (new URL(page.url()).pathname.endsWith('/staff/sign-in/')) {
    await page.getByLabel('E-mail').fill('manager@halong.test');
    await page.getByLabel('Password').fill('Manager-HaLong-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === path);
  }
}

const navCount = async (page: Page) => {
  const badge = page.getByTestId('nav-alert-count');
  return (await badge.isHidden())
    ? 0
    : Number(await badge.locator('[data-alert-count-number]').textContent());
};

describe('the alerts console', () => {
  it('shows an SOS live, counts it, and takes an acknowledgement and a resolution', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const requested: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await signInAsManager(page, '/en/authority/alerts/');
    await page.getByTestId('console-status').filter({ hasText: 'Live: new alerts appear at once' }).waitFor();
    const before = await navCount(page);
    // Gone if the page were loaded again: the alert must arrive in this very document.
    await page.evaluate(() => {
      (window as unknown as { consoleMark: string }).consoleMark = 'same page';
    });

    const sosCard = page.locator('[data-alert-region="unresolved"] [data-alert-kind="sos"]', {
      hasText: 'Bay Pearl 01',
    });
    await expect(sosCard.count()).resolves.toBe(0);
    await sendSos();
    await sosCard.waitFor({ timeout: 5_000 });
    await expect(
      page.evaluate(() => (window as unknown as { consoleMark?: string }).consoleMark),
    ).resolves.toBe('same page');
    await expect(sosCard.getByText('SOS from the boat’s tracker.').count()).resolves.toBe(1);
    await expect(
      sosCard.getByRole('link', { name: 'Show on the map: Bay Pearl 01' }).getAttribute('href'),
    ).resolves.toBe('/en/authority/map/?boat=bay-pearl-01&lat=20.91&lon=107');
    const cards = await page.locator('[data-alert-region="unresolved"] > [data-alert-id]').count();
    const after = await navCount(page);
    expect(after).toBeGreaterThan(before);
    expect(after).toBe(cards);
    await expect(page.title()).resolves.toMatch(new RegExp(`^\\(${cards}\\) Safety alerts`));
    await expect(page.locator('[data-console-announcer]').textContent()).resolves.toMatch(
      /New alert: SOS, boat Bay Pearl 01\./,
    );

    // The sound toggle is a button: reachable and switched with the keyboard.
    const sound = page.getByRole('button', { name: 'Sound on new alerts' });
    await sound.focus();
    await page.keyboard.press('Space');
    await expect(sound.getAttribute('aria-pressed')).resolves.toBe('false');
    await page.keyboard.press('Space');
    await expect(sound.getAttribute('aria-pressed')).resolves.toBe('true');

    expect(await accessibilityViolations(page)).toEqual([]);

    const alertId = await sosCard.getAttribute('data-alert-id');
    await sosCard.getByLabel('Note on acknowledging (optional)').fill('Calling the captain');
    await sosCard.getByRole('button', { name: 'Acknowledge: SOS – Bay Pearl 01' }).click();
    await page.waitForURL((url) => url.searchParams.get('done') === alertId);
    await expect(page.getByTestId('alert-notice').textContent()).resolves.toContain(
      `Alert ${alertId} updated.`,
    );
    const acknowledged = page.locator(`[data-alert-region="unresolved"] [data-alert-id="${alertId}"]`);
    await expect(acknowledged.locator('.alert-state').textContent()).resolves.toBe('Acknowledged');
    await expect(acknowledged.getByText('Acknowledged by manager@halong.test').count()).resolves.toBe(1);
    await expect(acknowledged.getByRole('button', { name: /^Acknowledge/ }).count()).resolves.toBe(0);

    await acknowledged.getByLabel('What was done (required)').fill('Rescue boat alongside, all safe');
    await acknowledged.getByRole('button', { name: 'Resolve: SOS – Bay Pearl 01' }).click();
    await page.waitForLoadState('load');
    await page.getByTestId('alert-notice').waitFor();
    await expect(
      page.locator(`[data-alert-region="unresolved"] [data-alert-id="${alertId}"]`).count(),
    ).resolves.toBe(0);
    const history = page.locator(`[data-alert-region="history"] [data-history-id="${alertId}"]`);
    await expect(history.textContent()).resolves.toMatch(
      /Resolved by manager@halong\.test .*Note: Rescue boat alongside, all safe/s,
    );

    // "Show on the map" opens the live map there, with the boat's panel open.
    const map = await context.newPage();
    await map.goto(`${baseUrl}/en/authority/map/?boat=bay-pearl-01&lat=20.91&lon=107`);
    await map.getByRole('heading', { name: 'Bay Pearl 01', level: 2 }).waitFor({ timeout: 20_000 });
    await map.close();

    const outside = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1' && hostname !== 'localhost';
    });
    expect(outside).toEqual([]);
    expect(problems.filter((text) => /Content.Security.Policy|Refused to/i.test(text))).toEqual([]);
    await context.close();
  });

  it('saves the rules page’s form, a new duty contact added with the keyboard', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await signInAsManager(page, '/en/authority/rules/');
    expect(await accessibilityViolations(page)).toEqual([]);
    const version = Number(await page.locator('input[name="version"]').getAttribute('value'));

    await page.getByLabel('Signal lost after (seconds)').fill('150');
    await page
      .getByLabel('Speed limit (knots): Slow zone around the port: Tuần Châu International Passenger Port')
      .fill('5');
    const newRows = page.locator('[data-contact-row="new"]');
    const blankRows = await newRows.count();
    await page.getByRole('button', { name: 'Add a contact row' }).focus();
    await page.keyboard.press('Enter');
    await expect(newRows.count()).resolves.toBe(blankRows + 1);
    const added = newRows.last();
    await added.getByLabel('Name').fill('Trực ban Cảng vụ');
    await added.getByLabel('Phone').fill('+84 203 384 6000');
    await page.getByRole('button', { name: 'Save the rules' }).click();

    await page.waitForURL((url) => url.searchParams.get('saved') === String(version + 1));
    await expect(page.getByTestId('rules-notice').textContent()).resolves.toContain(
      `Rules saved as version ${version + 1}.`,
    );
    await expect(page.getByLabel('Signal lost after (seconds)').inputValue()).resolves.toBe('150');
    // Saved after the contacts already there (npm start seeds a demo duty officer).
    await expect(
      page.locator('[data-contact-row="existing"]').last().getByLabel('Name').inputValue(),
    ).resolves.toBe('Trực ban Cảng vụ');
    await expect(page.getByTestId('rules-version').textContent()).resolves.toContain(
      `Version ${version + 1}, updated by manager@halong.test`,
    );
    expect(await accessibilityViolations(page)).toEqual([]);
    expect(problems.filter((text) => /Content.Security.Policy|Refused to/i.test(text))).toEqual([]);
    await context.close();
  });
});
