/**
 * Who may keep each kind of page rendered per request (the one rule of functions/site/shared-pages.ts), and the
 * in-process cache the public pages read through: a write through this process shows on the next render, a
 * write it did not hear of within PAGE_DATA_CACHE's lifetime. The pages are mounted on the API app as the
 * local server mounts them.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { museumServiceFor } from '../../../functions/museum/index.js';
import type { Exhibit } from '../../../functions/museum/model.js';
import { PAGE_DATA_CACHE, type ReadCache } from '../../../functions/platform/read-cache.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import {
  PERSONAL_PAGE_CACHE_CONTROL,
  SHARED_PAGE_CACHE_CONTROL,
  SHARED_PAGES,
} from '../../../functions/site/shared-pages.js';
import { scheduleTestDeparture } from '../support/bookings.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let render: RenderPage;
let departureId: string;
let departureDate: string;
let hotspotId: string;
let curatorToken: string;
const origin = 'http://localhost';

beforeAll(async () => {
  platform = await createTestPlatform();
  ({ render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage });
  const services = createSiteServices(platform.dependencies);
  mountSitePages(platform.app, render, services);
  departureId = await scheduleTestDeparture(platform, { daysAhead: 3 });
  departureDate = `${departureId.slice(4, 8)}-${departureId.slice(8, 10)}-${departureId.slice(10, 12)}`;
  hotspotId = (await services.welcome.directory()).hotspots[0]?.id as string;
  curatorToken = await platform.signIn('curator@halong.test', 'Curator-HaLong-2026');
});
afterAll(() => platform.dispose());

const get = (path: string, cookie?: string) =>
  platform.app.request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

function postForm(path: string, fields: Record<string, string>) {
  return platform.app.request(`${origin}${path}`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });
}

const partyPath = () => `/en/bookings/new/?departure=${departureId}&adult=1`;
const hiddenValue = (html: string, name: string) =>
  new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? '';

/** A booking made through the site's form, as a visitor without JavaScript makes it. */
async function bookOneSeat() {
  const form = await (await get(partyPath())).text();
  return postForm(partyPath(), {
    'p0.fullName': 'Trần Văn Nam',
    'p0.documentType': 'citizen_id',
    'p0.documentNumber': '001190054321',
    'p0.nationality': 'VN',
    email: 'nam.tran@example.vn',
    phone: '0912 345 678',
    idempotencyKey: hiddenValue(form, 'idempotencyKey'),
  });
}

/** The seats left the departure search page shows for our departure. */
async function seatsLeftShown(): Promise<number> {
  const html = await (await get(`/en/boats/departures/?date=${departureDate}&route=1`)).text();
  const card = html
    .split('data-testid="departure"')
    .find((candidate) => candidate.includes(`departure=${departureId}&`));
  return Number(/(\d+) seats left/.exec(card ?? '')?.[1]);
}

describe('who may keep a page', () => {
  it.each([
    ['the boats', () => '/en/boats/'],
    ['a route', () => '/vi/boats/routes/1/'],
    ['the departure search', () => `/en/boats/departures/?date=${departureDate}&route=1&passengers=2`],
    ['the museum', () => '/en/museum/'],
    ['the museum catalogue and its search', () => '/en/museum/catalogue/?q=drum'],
    ['an exhibit', () => '/vi/museum/exhibits/golden-lotus-box/'],
    ['the Wi-Fi welcome page', () => `/en/welcome/?hotspot=${hotspotId}`],
    ['the Wi-Fi directory', () => '/vi/wifi/'],
  ])('lets CloudFront keep %s briefly and browsers not at all', async (_, path) => {
    const response = await get(path());
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe(SHARED_PAGE_CACHE_CONTROL);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it.each([
    ['the booking form (it carries a one-time key)', () => partyPath(), 200],
    ['the staff sign-in form', () => '/en/staff/sign-in/', 200],
    ['the operator desk, sending a stranger to sign in', () => '/en/operator/', 303],
    ['a booking without its key', () => '/en/bookings/HL00000000/', 404],
    ['a ticket’s QR code without its key', () => '/en/bookings/HL00000000/qr.svg', 404],
    ['a missing route', () => '/en/boats/routes/77/', 404],
    ['a missing page', () => '/en/no-such-page/', 404],
  ])('keeps %s out of every cache', async (_, path, status) => {
    const response = await get(path());
    expect(response.status).toBe(status);
    expect(response.headers.get('cache-control')).toBe(PERSONAL_PAGE_CACHE_CONTROL);
  });

  it('keeps the answers that set a booking’s cookie, and the booking’s page, out of every cache', async () => {
    const booked = await bookOneSeat();
    expect(booked.status).toBe(303);
    expect(booked.headers.get('set-cookie')).toMatch(/^hl_booking_HL/);
    expect(booked.headers.get('cache-control')).toBe(PERSONAL_PAGE_CACHE_CONTROL);
    const location = booked.headers.get('location') as string;
    const cookie = (booked.headers.get('set-cookie') as string).split(';')[0];
    const page = await get(location, cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe(PERSONAL_PAGE_CACHE_CONTROL);
  });
});

describe('what each shared page shows', () => {
  const sharedPageAddresses: [route: string, path: () => string][] = [
    ['/[lang]/boats', () => '/en/boats/'],
    ['/[lang]/boats/routes/[id]', () => '/vi/boats/routes/1/'],
    ['/[lang]/boats/departures', () => `/en/boats/departures/?date=${departureDate}&route=1`],
    ['/[lang]/museum', () => '/en/museum/'],
    ['/[lang]/museum/catalogue', () => '/en/museum/catalogue/?q=drum'],
    ['/[lang]/museum/exhibits/[id]', () => '/vi/museum/exhibits/golden-lotus-box/'],
    ['/[lang]/welcome', () => `/en/welcome/?hotspot=${hotspotId}`],
    ['/[lang]/wifi', () => '/vi/wifi/'],
  ];

  it('is checked for every shared page', () => {
    expect(sharedPageAddresses.map(([route]) => route).sort()).toEqual(Object.keys(SHARED_PAGES).sort());
  });

  it.each(sharedPageAddresses)('%s reads the page data it declares, and no other', async (route, path) => {
    // The page data a render reads, whatever its key: what a change must make stale (functions/site/stale-pages.ts).
    const read = new Set<string>();
    const recording: ReadCache = {
      read: (topic, _key, load) => {
        read.add(topic);
        return load();
      },
      forget: () => {},
    };
    const services = createSiteServices({ ...platform.dependencies, pageDataCache: recording });
    const page = await render(new Request(`${origin}${path()}`), services);
    expect(page.status).toBe(200);
    expect([...read].sort()).toEqual([...(SHARED_PAGES[route]?.shows ?? [])].sort());
  });
});

describe('the public pages’ data, read through the in-process cache', () => {
  const exhibitPath = '/en/museum/exhibits/anthracite-block/';

  async function exhibit(): Promise<Exhibit> {
    return (await (await platform.app.request('/api/museum/exhibits/anthracite-block')).json()) as Exhibit;
  }

  it('shows a curator’s edit through the API on the next render, though the page was just read', async () => {
    expect(await (await get(exhibitPath)).text()).not.toContain('Edited through the API.');
    const { id, ...fields } = await exhibit();
    const edited = { ...fields, description: { ...fields.description, en: ['Edited through the API.'] } };
    const response = await platform.app.request(`/api/museum/exhibits/${id}`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${curatorToken}` },
      body: JSON.stringify(edited),
    });
    expect(response.status).toBe(200);
    expect(await (await get(exhibitPath)).text()).toContain('Edited through the API.');
  });

  it('shows seats taken through the booking form on the next search, while booking reads them fresh', async () => {
    const before = await seatsLeftShown();
    expect(before).toBeGreaterThan(0);
    expect((await bookOneSeat()).status).toBe(303);
    expect(await seatsLeftShown()).toBe(before - 1);
  });

  it(
    'shows a change made outside this process only once the cache’s lifetime is over',
    async () => {
      expect(await (await get(exhibitPath)).text()).not.toContain('Edited by another process.');
      // Another process (another Lambda function) writes the table: nothing here hears of it.
      const { id, ...fields } = await exhibit();
      await museumServiceFor(platform.dependencies).updateExhibit(id, {
        ...fields,
        description: { ...fields.description, en: ['Edited by another process.'] },
      });
      expect(await (await get(exhibitPath)).text()).not.toContain('Edited by another process.');
      await new Promise((resolve) => setTimeout(resolve, PAGE_DATA_CACHE.ttlMilliseconds + 100));
      expect(await (await get(exhibitPath)).text()).toContain('Edited by another process.');
    },
    PAGE_DATA_CACHE.ttlMilliseconds + 15_000,
  );
});
