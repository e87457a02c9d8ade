// The curators' museum pages in Chromium against the running platform: a curator signs in through the sign-in page,
// finds an exhibit with the list's filter, changes its English title, previews it (nothing saved), saves it, and
// reads it on the public page; an operator is refused with a page that says who may edit. axe checks each page.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function signIn(page: Page, path: string, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  expect(new URL(page.url()).pathname).toBe('/en/staff/sign-in/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === path);
}

const EXHIBIT = 'miners-lamp';

describe('the curators’ museum pages', () => {
  it('lets a curator preview and then save an exhibit’s English title, which the public page shows', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();

    await signIn(page, '/en/staff/museum/', 'curator@halong.test', 'Curator-HaLong-2026');
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await page.getByLabel('Title or id contains').fill('lamp');
    await page.getByRole('button', { name: 'Filter', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('words') === 'lamp');
    const row = page.locator(`[data-exhibit-id="${EXHIBIT}"]`);
    const originalTitle = (await row.locator('[lang="en"]').textContent()) ?? '';
    await row.getByRole('link', { name: `Edit ${originalTitle}` }).click();
    await page.waitForURL((url) => url.pathname === `/en/staff/museum/exhibits/${EXHIBIT}/`);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);

    const title = page.getByRole('group', { name: 'Title' }).getByLabel('English');
    await title.fill('Miner’s safety lamp, edited');
    await page.getByRole('button', { name: 'Preview' }).click();
    const preview = page.getByTestId('curation-preview');
    await preview.waitFor();
    await expect(preview.getByRole('heading', { name: 'Miner’s safety lamp, edited' }).count()).resolves.toBe(
      1,
    );
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    // Previewed only: the public page still shows the title as it was.
    const publicPage = await context.newPage();
    await publicPage.goto(`${baseUrl}/en/museum/exhibits/${EXHIBIT}/`);
    await expect(publicPage.getByTestId('exhibit-title').textContent()).resolves.toBe(originalTitle);

    await expect(title.inputValue()).resolves.toBe('Miner’s safety lamp, edited');
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('curation-notice').waitFor();
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await publicPage.reload();
    await expect(publicPage.getByTestId('exhibit-title').textContent()).resolves.toBe(
      'Miner’s safety lamp, edited',
    );

    // Put back, for the other tests reading the catalogue.
    await title.fill(originalTitle);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('curation-notice').waitFor();
    expect(requested.filter((url) => !url.startsWith(baseUrl))).toEqual([]);
    await context.close();
  });

  it('keeps the other curators’ pages accessible: visiting, a tour, adding, and deleting’s question', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, '/en/staff/museum/visiting/', 'curator@halong.test', 'Curator-HaLong-2026');
    await page.getByRole('button', { name: 'Preview' }).click();
    await page.getByTestId('curation-preview').waitFor();
    for (const path of [
      '/en/staff/museum/visiting/',
      '/en/staff/museum/tours/highlights-20-minutes/',
      '/en/staff/museum/exhibits/new/',
      `/vi/staff/museum/exhibits/${EXHIBIT}/delete/`,
    ]) {
      if (new URL(page.url()).pathname !== path) await page.goto(`${baseUrl}${path}`);
      await expect(accessibilityViolations(page), path).resolves.toEqual([]);
    }
    await context.close();
  });

  it('refuses an operator with a page saying who may edit the museum', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/staff/museum/`);
    await page.getByLabel('E-mail').fill('operator@halong.test');
    await page.getByLabel('Password').fill('Operator-HaLong-2026');
    const [answer] = await Promise.all([
      page.waitForResponse((response) => new URL(response.url()).pathname === '/en/staff/museum/'),
      page.getByRole('button', { name: 'Sign in' }).click(),
    ]);
    expect(answer.status()).toBe(403);
    await expect(page.getByTestId('curators-only').textContent()).resolves.toContain(
      'This page is for museum curators and admins',
    );
    await expect(page.getByRole('button', { name: 'Save' }).count()).resolves.toBe(0);
    await expect(accessibilityViolations(page)).resolves.toEqual([]);
    await context.close();
  });
});
