/**
 * Staff sign in on the site (a plain form, an HttpOnly session cookie) and the operator's page: the company's
 * boats and coming departures, and scheduling departures from a form — through the built pages mounted on the
 * API app as the local server mounts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
const origin = 'http://localhost';

beforeAll(async () => {
  platform = await createTestPlatform();
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(platform.app, render, createSiteServices(platform.dependencies));
});
afterAll(() => platform.dispose());

const get = (path: string, cookie?: string) =>
  platform.app.request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

function post(path: string, fields: Record<string, string | string[]>, cookie?: string) {
  const body = new URLSearchParams();
  for (const [name, value] of Object.entries(fields))
    for (const one of [value].flat()) body.append(name, one);
  return platform.app.request(`${origin}${path}`, {
    method: 'POST',
    headers: {
      Origin: origin,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: body.toString(),
  });
}

async function signIn(account: { email: string; password: string }, next = '/en/operator/') {
  const response = await post('/api/auth/session', { ...account, next, language: 'en' });
  expect(response.status).toBe(303);
  return { response, cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] as string };
}

const fares = {
  'fare.adult': '160000',
  'fare.child-7-to-12': '110000',
  'fare.child-under-7': '60000',
  'fare.vietnamese-senior-60': '130000',
  'fare.severe-disability': '60000',
};

describe('staff sign-in on the site', () => {
  it('sends a visitor without a session to the sign-in page, and back after signing in', async () => {
    const page = await get('/en/operator/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/en/staff/sign-in/?next=%2Fen%2Foperator%2F');
    const form = await (await get('/en/staff/sign-in/?next=%2Fen%2Foperator%2F')).text();
    expect(form).toContain('action="/api/auth/session"');
    expect(form).toContain('value="/en/operator/"');

    const { response } = await signIn(demo.operator);
    expect(response.headers.get('location')).toBe('/en/operator/');
    const setCookie = response.headers.get('set-cookie') ?? '';
    expect(setCookie).toMatch(/^hl_staff=[\w-]+\.[\w-]+\.[\w-]+;/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
  });

  it('refuses a wrong password back on the form in plain words, and never redirects off the site', async () => {
    const wrong = await post('/api/auth/session', {
      email: demo.operator.email,
      password: 'nope',
      language: 'en',
    });
    expect(wrong.status).toBe(303);
    const back = wrong.headers.get('location') as string;
    expect(back).toMatch(/^\/en\/staff\/sign-in\/\?error=invalid-credentials/);
    expect(wrong.headers.get('set-cookie')).toBeNull();
    const page = await get(back);
    expect(page.status).toBe(401);
    expect(await page.text()).toContain('The e-mail or password is wrong.');

    const { response } = await signIn(demo.operator, '//evil.example/phish');
    expect(response.headers.get('location')).toBe('/en/staff/');
  });

  it('signs out by clearing the cookie', async () => {
    const response = await post('/api/auth/session/end', { language: 'en' });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/^hl_staff=;.*Max-Age=0/);
  });
});

describe('the operator page', () => {
  it("shows the operator's own boats, flags an expired certificate, and lists coming departures", async () => {
    const { cookie } = await signIn(demo.operator);
    // Asking for another company changes nothing for an operator.
    const tomorrow = addDays(localDateAt(new Date()), 1);
    const page = await get(`/en/operator/?company=tuan-chau-sea-tours&date=${tomorrow}`, cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('Demo Bay Cruises');
    expect(html).not.toContain('Sea Swallow');
    expect(html).toMatch(/Bay Pearl 05[\s\S]*?\(expired\)/);
    expect(html).toMatch(/data-testid="operator-departures"/);
    expect(html).not.toContain('name="company"');
  });

  it('schedules a recurring departure from the form, all dates or none', async () => {
    const { cookie } = await signIn(demo.operator);
    const from = addDays(localDateAt(new Date()), 30);
    const to = addDays(from, 6);
    const response = await post(
      '/en/operator/',
      {
        boatId: 'bay-pearl-02',
        routeId: '2',
        portId: 'tuan-chau',
        localTime: '06:10',
        from,
        to,
        weekdays: ['6', '7'],
        ...fares,
      },
      cookie,
    );
    expect(response.status).toBe(200);
    expect(await response.text()).toMatch(/Scheduled 2 departures/);
    const search = await platform.app.request(`/api/boats/departures?date=${from}&route=2`);
    const weekendDates = [0, 1, 2, 3, 4, 5, 6].map((offset) => addDays(from, offset));
    const found = [];
    for (const date of weekendDates) {
      const day = (await (
        await platform.app.request(`/api/boats/departures?date=${date}&route=2`)
      ).json()) as {
        departures: { id: string }[];
      };
      found.push(...day.departures.filter((departure) => departure.id.includes('-0610-bay-pearl-02')));
    }
    expect(search.status).toBe(200);
    expect(found).toHaveLength(2);

    const again = await post(
      '/en/operator/',
      { boatId: 'bay-pearl-02', routeId: '2', portId: 'tuan-chau', localTime: '06:10', from, to, ...fares },
      cookie,
    );
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('The boat already has a departure at that time');
  });

  it('refuses a boat whose safety certificate has expired, saying until when it was valid', async () => {
    const { cookie } = await signIn(demo.operator);
    const date = addDays(localDateAt(new Date()), 3);
    const response = await post(
      '/en/operator/',
      { boatId: 'bay-pearl-05', routeId: '1', portId: 'tuan-chau', localTime: '07:20', from: date, ...fares },
      cookie,
    );
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(
      /Bay Pearl 05&#39;s safety certificate expires on|Bay Pearl 05's safety certificate expires on/,
    );
  });

  it('lets a manager look at any company, and turns a curator away', async () => {
    const manager = await signIn(demo.manager);
    const html = await (await get('/en/operator/?company=tuan-chau-sea-tours', manager.cookie)).text();
    expect(html).toContain('name="company"');
    expect(html).toContain('Sea Swallow');
    const curator = await signIn({ email: 'curator@halong.test', password: 'Curator-HaLong-2026' });
    const refused = await get('/en/operator/', curator.cookie);
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('This page is for boat companies’ staff and tourism managers.');
  });
});

describe("the operator page's departures of a day", () => {
  const today = localDateAt(new Date());
  const tomorrow = addDays(today, 1);
  /** The departure ids of the page's table, in its order. */
  const listedIds = (html: string) =>
    [...html.matchAll(/data-departure="([^"]+)"/g)].map((match) => match[1]);
  /** The values of an attribute in the page, with the HTML escaping of `&` (`&#38;` or `&amp;`) undone. */
  const attributes = (html: string, name: 'href' | 'action') =>
    [...html.matchAll(new RegExp(`${name}="([^"]+)"`, 'g'))].map((match) =>
      (match[1] as string).replaceAll(/&#38;|&amp;/g, '&'),
    );
  const hrefs = (html: string) => attributes(html, 'href');

  it("lists a chosen day's departures, one boat's when a boat is chosen, with links to the days around it", async () => {
    const { cookie } = await signIn(demo.operator);
    const all = await get(`/en/operator/?date=${tomorrow}`, cookie);
    expect(all.status).toBe(200);
    const allHtml = await all.text();
    const compact = tomorrow.replaceAll('-', '');
    expect(listedIds(allHtml)).toEqual([
      `dep-${compact}-0800-bay-pearl-01`,
      `dep-${compact}-0800-bay-pearl-02`,
      `dep-${compact}-0830-bay-pearl-star`,
      `dep-${compact}-1230-bay-pearl-01`,
    ]);
    expect(allHtml).toContain('Departures: 4');

    const one = await (await get(`/en/operator/?date=${tomorrow}&boat=bay-pearl-01`, cookie)).text();
    expect(listedIds(one)).toEqual([`dep-${compact}-0800-bay-pearl-01`, `dep-${compact}-1230-bay-pearl-01`]);
    expect(one).toMatch(/<option value="bay-pearl-01" selected>/);
    // Paging a day either way, and to today or tomorrow, keeps the boat; an operator's links name no company.
    const links = hrefs(one);
    expect(links).toContain(`/en/operator/?date=${today}&boat=bay-pearl-01`);
    expect(links).toContain(`/en/operator/?date=${addDays(tomorrow, 1)}&boat=bay-pearl-01`);
    expect(links).toContain('/en/operator/?boat=bay-pearl-01');
    expect(links.some((link) => link.includes('company='))).toBe(false);
    // Scheduling from the filtered view comes back to it.
    expect(attributes(one, 'action')).toContain(`/en/operator/?date=${tomorrow}&boat=bay-pearl-01`);
  });

  it('shows today when no day is asked for, marked as the current day', async () => {
    const { cookie } = await signIn(demo.operator);
    const html = await (await get('/en/operator/', cookie)).text();
    expect(html).toMatch(/<a href="\/en\/operator\/" aria-current="page">Today<\/a>/);
    expect(html).toContain(`id="filter-date" name="date" type="date" value="${today}"`);
    for (const id of listedIds(html)) expect(id).toContain(`dep-${today.replaceAll('-', '')}-`);
  });

  it('explains a day that is no date, in plain words, as a bad request and not a crash', async () => {
    const { cookie } = await signIn(demo.operator);
    for (const [value, shown] of [
      ['2026-02-30', '2026-02-30'],
      ['tomorrow', 'tomorrow'],
      ['<b>2026</b>', '&lt;b&gt;2026&lt;/b&gt;'],
    ] as const) {
      const page = await get(`/en/operator/?date=${encodeURIComponent(value)}`, cookie);
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain(`“${shown}” is not a day of the calendar: choose a day (YYYY-MM-DD) below.`);
      expect(html).not.toContain('data-testid="operator-departures"');
      // The rest of the page still works: the boats, the filters to correct the day, the scheduling form.
      expect(html).toContain('Bay Pearl 01');
      expect(html).toContain('data-testid="departure-filters"');
      expect(html).toContain('name="localTime"');
    }
    const vietnamese = await get('/vi/operator/?date=2026-13-01', cookie);
    expect(vietnamese.status).toBe(400);
    expect(await vietnamese.text()).toContain('“2026-13-01” không phải là một ngày có thật');
  });

  it("explains a boat that is not the company's, or no boat at all, as a bad request", async () => {
    const { cookie } = await signIn(demo.operator);
    for (const boat of ['sea-swallow-1', 'no-such-boat', 'Not a boat!']) {
      const page = await get(`/en/operator/?date=${tomorrow}&boat=${encodeURIComponent(boat)}`, cookie);
      expect(page.status).toBe(400);
      const html = await page.text();
      expect(html).toContain(
        `Demo Bay Cruises has no boat “${boat}”: choose one of its boats, or all boats, below.`,
      );
      expect(listedIds(html)).toEqual([]);
    }
  });

  it("keeps a manager's company in the day's links, and explains a company that does not exist", async () => {
    const { cookie } = await signIn(demo.manager);
    const html = await (
      await get(`/en/operator/?company=tuan-chau-sea-tours&date=${tomorrow}&boat=sea-swallow-2`, cookie)
    ).text();
    expect(listedIds(html)).toEqual([`dep-${tomorrow.replaceAll('-', '')}-0900-sea-swallow-2`]);
    expect(hrefs(html)).toContain(
      `/en/operator/?company=tuan-chau-sea-tours&date=${addDays(tomorrow, 1)}&boat=sea-swallow-2`,
    );
    // Choosing another company keeps the day, not the boat (each company has its own boats).
    const companyChoice = html.slice(html.indexOf('class="company-choice"'));
    expect(companyChoice.slice(0, companyChoice.indexOf('</form>'))).toContain(
      `<input type="hidden" name="date" value="${tomorrow}">`,
    );

    const unknown = await get('/en/operator/?company=no-such-company', cookie);
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain(
      'There is no boat company “no-such-company”: choose one from the list.',
    );
  });
});
