// Staff in Chromium against the running platform: sign-in lands on the staff home, which lists what the role may
// do; the manager reaches the catalogue's pages from it, and a refused value is explained before anything is
// saved; a curator is refused the catalogue. Each page is checked with axe. Nothing here saves a change, so the
// other tests' routes, fees and policy stay as seeded.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto(`${baseUrl}/en/staff/sign-in/`);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/en/staff/');
}

describe('the staff pages', () => {
  it('lead a manager from sign-in to the catalogue, and explain a refused fee before saving anything', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'manager@halong.test', 'Manager-HaLong-2026');
    expect(await page.getByTestId('staff-roles').innerText()).toContain('Tourism manager');
    expect(await page.getByTestId('staff-section-museum').count()).toBe(0);
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.getByRole('link', { name: 'Routes and sightseeing fees' }).click();
    await page.getByTestId('catalogue-routes').waitFor();
    expect(await accessibilityViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'Edit route 2' }).click();
    await page.getByLabel('Sightseeing fee (VND)').fill('a lot');
    await page.getByRole('button', { name: 'Save the route' }).click();
    const summary = page.locator('#error-summary');
    await summary.waitFor();
    expect(await summary.innerText()).toContain('Sightseeing fee (VND)');
    expect(await page.getByLabel('Sightseeing fee (VND)').inputValue()).toBe('a lot');
    expect(await accessibilityViolations(page)).toEqual([]);

    await page.goto(`${baseUrl}/en/staff/boats/cancellation-policy/`);
    expect(await page.getByTestId('policy-preview').innerText()).toMatch(/Up to \d+ hours? before departure/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('show a curator the museum and refuse the boat catalogue, in plain words', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    await signIn(page, 'curator@halong.test', 'Curator-HaLong-2026');
    expect(await page.getByTestId('staff-section-museum').isVisible()).toBe(true);
    expect(await page.getByTestId('staff-section-catalogue').count()).toBe(0);
    const refused = await page.goto(`${baseUrl}/en/staff/boats/`);
    expect(refused?.status()).toBe(403);
    expect(await page.getByRole('alert').innerText()).toContain('These pages are for tourism managers.');
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
