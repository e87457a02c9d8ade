// Every staff page by every demo role in Chromium against the running platform: each role signs in once on the
// site's form, lands on the staff home, then opens each page. A role the page is for gets the page (200, no
// refusal); any other role gets the page's refusal (403 and an alert saying who the page is for). axe checks every
// page either way: a refusal is a page people read too. Nothing here saves anything.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');

type Role = 'admin' | 'manager' | 'curator' | 'operator';

const accounts: Record<Role, { email: string; password: string }> = {
  admin: { email: 'admin@halong.test', password: 'Admin-HaLong-2026' },
  manager: { email: 'manager@halong.test', password: 'Manager-HaLong-2026' },
  curator: { email: 'curator@halong.test', password: 'Curator-HaLong-2026' },
  operator: { email: 'operator@halong.test', password: 'Operator-HaLong-2026' },
};

/** The roles each page is for, as the site's desks decide it (admin is allowed everywhere). */
const boatsStaff: Role[] = ['admin', 'manager', 'operator'];
const managers: Role[] = ['admin', 'manager'];
const curators: Role[] = ['admin', 'curator'];
const everyone: Role[] = ['admin', 'manager', 'curator', 'operator'];

/** A departure of the demo operator's company, read from its page once: the pier and clearance pages need one. */
let departureId = '';

function staffPages(): { path: string; for: Role[] }[] {
  const departure = encodeURIComponent(departureId);
  return [
    { path: '/en/staff/', for: everyone },
    { path: '/en/staff/boats/', for: managers },
    { path: '/en/staff/boats/routes/2/', for: managers },
    { path: '/en/staff/boats/cancellation-policy/', for: managers },
    { path: '/en/staff/wifi/', for: managers },
    { path: '/en/staff/wifi/new/', for: managers },
    { path: '/en/staff/wifi/hl-tuanchau-port-01/', for: managers },
    { path: '/en/staff/wifi/hl-tuanchau-port-01/remove/', for: managers },
    { path: '/en/staff/wifi/statistics/', for: managers },
    { path: '/en/staff/dashboard/', for: managers },
    { path: '/en/staff/forecasts/', for: managers },
    { path: '/en/staff/museum/', for: curators },
    { path: '/en/staff/museum/exhibits/new/', for: curators },
    { path: '/en/staff/museum/exhibits/miners-lamp/', for: curators },
    { path: '/en/staff/museum/exhibits/miners-lamp/delete/', for: curators },
    { path: '/en/staff/museum/tours/highlights-20-minutes/', for: curators },
    { path: '/en/staff/museum/visiting/', for: curators },
    { path: '/en/operator/', for: boatsStaff },
    { path: `/en/operator/departures/${departure}/`, for: boatsStaff },
    { path: '/en/authority/', for: managers },
    { path: '/en/authority/bans/', for: managers },
    { path: '/en/authority/rules/', for: managers },
    { path: '/en/authority/audit/', for: managers },
    { path: `/en/authority/departures/${departure}/clearance/`, for: managers },
  ];
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
  const context = await browser.newContext({ locale: 'en-GB' });
  const page = await context.newPage();
  await signIn(page, 'operator');
  await page.goto(`${baseUrl}/en/operator/`);
  const href = await page
    .locator(
      '[data-testid="operator-departures"] a[href^="/en/operator/departures/"]:not([href$="/manifest/"])',
    )
    .first()
    .getAttribute('href');
  departureId = decodeURIComponent(href?.split('/')[4] ?? '');
  await context.close();
});
afterAll(() => browser?.close());

/** Signs in on the site's own form, which lands on the staff home. */
async function signIn(page: Page, role: Role): Promise<void> {
  await page.goto(`${baseUrl}/en/staff/sign-in/`);
  await page.getByLabel('E-mail').fill(accounts[role].email);
  await page.getByLabel('Password').fill(accounts[role].password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.pathname === '/en/staff/');
}

describe('each staff page, by each role', () => {
  it('found a departure of the demo company for the pier and clearance pages', () => {
    expect(departureId).not.toBe('');
  });

  for (const role of Object.keys(accounts) as Role[]) {
    it(`opens the pages the ${role} may use, refuses the others, and both pass axe`, {
      timeout: 240_000,
    }, async () => {
      const context = await browser.newContext({ locale: 'en-GB' });
      const page = await context.newPage();
      await signIn(page, role);
      for (const { path, for: allowed } of staffPages()) {
        const answer = await page.goto(`${baseUrl}${path}`);
        expect(new URL(page.url()).pathname, path).toBe(path);
        if (allowed.includes(role)) {
          expect(answer?.status(), `${role} may open ${path}`).toBe(200);
          expect(await page.getByRole('alert').count(), `${role} on ${path}`).toBe(0);
        } else {
          expect(answer?.status(), `${role} is refused ${path}`).toBe(403);
          expect(await page.getByRole('alert').first().innerText(), path).toMatch(/\b(for|only)\b/i);
        }
        expect(await accessibilityViolations(page), `${role} on ${path}`).toEqual([]);
      }
      await context.close();
    });
  }
});
