/**
 * What the site's form pages do with a body no browser form would send — JSON, plain text, no content type, a
 * body over the limit, broken multipart, NUL characters in a field — through the built pages mounted on the API
 * app as the local server mounts them: a 4xx page in the address's language (problem+json for a client that
 * asks for it), never a 500, and nothing booked or scheduled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import { scheduleTestDeparture } from '../support/bookings.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let departureId: string;
let operatorCookie: string;
const origin = 'http://localhost';
const scheduleDate = addDays(localDateAt(new Date()), 9);

beforeAll(async () => {
  platform = await createTestPlatform();
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(platform.app, render, createSiteServices(platform.dependencies));
  departureId = await scheduleTestDeparture(platform);
  const signIn = await platform.app.request(`${origin}/api/auth/session`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...demo.operator, language: 'en' }).toString(),
  });
  operatorCookie = (signIn.headers.get('set-cookie') ?? '').split(';')[0] as string;
});
afterAll(() => platform.dispose());

interface FormPage {
  name: string;
  path: string;
  language: 'vi' | 'en';
  cookie: string;
  fields: Record<string, string>;
}

/** The valid fields of each form page: the operator's schedule, and a one-adult booking. */
const formPages = (): FormPage[] => [
  {
    name: 'the operator page',
    path: '/en/operator/',
    language: 'en',
    cookie: operatorCookie,
    fields: {
      boatId: 'bay-pearl-01',
      routeId: '1',
      portId: 'tuan-chau',
      localTime: '06:45',
      from: scheduleDate,
      'fare.adult': '150000',
      'fare.child-7-to-12': '100000',
      'fare.child-under-7': '50000',
      'fare.vietnamese-senior-60': '120000',
      'fare.severe-disability': '50000',
    },
  },
  {
    name: 'the booking form',
    path: `/vi/bookings/new/?departure=${departureId}&adult=1`,
    language: 'vi',
    cookie: '',
    fields: {
      'p0.fullName': 'Nguyễn Thị Lan',
      'p0.documentType': 'citizen_id',
      'p0.documentNumber': '001190012345',
      'p0.nationality': 'VN',
      email: 'lan.nguyen@example.vn',
      phone: '0912 345 678',
      idempotencyKey: 'form-bodies-test-key',
    },
  },
];

function post(page: FormPage, init: { contentType?: string; body: BodyInit; accept?: string }) {
  const headers: Record<string, string> = { Origin: origin, Accept: init.accept ?? 'text/html' };
  if (init.contentType) headers['Content-Type'] = init.contentType;
  if (page.cookie) headers.Cookie = page.cookie;
  return platform.app.request(`${origin}${page.path}`, { method: 'POST', headers, body: init.body });
}

/** What a page would change: the departure's seats, and departures scheduled on the operator's test day. */
async function bookableState() {
  const offer = await platform.app.request(`/api/boats/departures/${departureId}`);
  const scheduled = await platform.app.request(`/api/boats/departures?date=${scheduleDate}&route=1`);
  return {
    seatsLeft: ((await offer.json()) as { seatsLeft: number }).seatsLeft,
    scheduled: ((await scheduled.json()) as { departures: { departsAt: string }[] }).departures.length,
  };
}

const nul = '\u0000';
const badBodies = (page: FormPage) => [
  {
    what: 'the form as JSON',
    status: 415,
    slug: 'not-a-form',
    contentType: 'application/json',
    body: JSON.stringify(page.fields),
  },
  {
    what: 'the form as text/plain',
    status: 415,
    slug: 'not-a-form',
    contentType: 'text/plain',
    body: Object.entries(page.fields)
      .map(([name, value]) => `${name}=${value}`)
      .join('\r\n'),
  },
  {
    what: 'a body without a content type',
    status: 415,
    slug: 'not-a-form',
    body: new TextEncoder().encode(new URLSearchParams(page.fields).toString()),
  },
  {
    what: 'a body over the size limit',
    status: 413,
    slug: 'payload-too-large',
    contentType: 'application/x-www-form-urlencoded',
    body: `${new URLSearchParams(page.fields).toString()}&padding=${'x'.repeat(1024 * 1024)}`,
  },
  {
    what: 'multipart without its boundary',
    status: 400,
    slug: 'malformed-body',
    contentType: 'multipart/form-data',
    body: 'boundary? what boundary',
  },
  {
    what: 'broken multipart',
    status: 400,
    slug: 'malformed-body',
    contentType: 'multipart/form-data; boundary=xyz',
    body: '--xyz\r\nContent-Disposition: form-data; name="email"\r\n\r\nlan@example.vn\r\n--x',
  },
  {
    what: 'a NUL character in a field',
    status: 400,
    slug: 'validation-error',
    contentType: 'application/x-www-form-urlencoded',
    body: new URLSearchParams(
      Object.fromEntries(
        Object.entries(page.fields).map(([name, value], index) => [
          name,
          index === 0 ? `${value}${nul}` : value,
        ]),
      ),
    ).toString(),
  },
];

describe.each(['the operator page', 'the booking form'])(
  'a body that is not a readable form, posted to %s',
  (name) => {
    it('is refused with a 4xx page in the address’s language, never a 500, and nothing changes', async () => {
      const page = formPages().find((candidate) => candidate.name === name) as FormPage;
      const before = await bookableState();
      for (const bad of badBodies(page)) {
        const response = await post(page, bad);
        expect(response.status, `${page.name}: ${bad.what}`).toBe(bad.status);
        expect(response.headers.get('content-type'), bad.what).toMatch(/^text\/html/);
        expect(response.headers.get('cache-control'), bad.what).toBe('private, no-store');
        const html = await response.text();
        expect(html, bad.what).toContain(`<html lang="${page.language}"`);
        expect(html, bad.what).not.toContain('padding=');
      }
      expect(await bookableState()).toEqual(before);
    });

    it('answers problem+json, naming the field with a NUL character, to a client that asks for it', async () => {
      const page = formPages().find((candidate) => candidate.name === name) as FormPage;
      const before = await bookableState();
      for (const bad of badBodies(page)) {
        const response = await post(page, { ...bad, accept: `${PROBLEM_JSON}, application/json` });
        expect(response.status, `${page.name}: ${bad.what}`).toBe(bad.status);
        expect(response.headers.get('content-type'), bad.what).toBe(PROBLEM_JSON);
        const problem = (await response.json()) as { type: string; errors?: { path: string }[] };
        expect(problem.type, bad.what).toBe(`/problems/${bad.slug}`);
        if (bad.slug === 'validation-error') {
          expect(problem.errors?.map((error) => error.path)).toEqual([Object.keys(page.fields)[0]]);
        }
      }
      expect(await bookableState()).toEqual(before);
    });
  },
);

describe('a readable form posted to a form page', () => {
  it('is still read, urlencoded or multipart: the operator schedules, the visitor books', async () => {
    const [operator, booking] = formPages() as [FormPage, FormPage];
    const before = await bookableState();
    const multipart = new FormData();
    for (const [name, value] of Object.entries(operator.fields)) multipart.append(name, value);
    const scheduled = await platform.app.request(`${origin}${operator.path}`, {
      method: 'POST',
      headers: { Origin: origin, Cookie: operator.cookie },
      body: multipart,
    });
    expect(scheduled.status).toBe(200);
    expect(await scheduled.text()).toContain('role="status"');
    const booked = await post(booking, {
      contentType: 'application/x-www-form-urlencoded; charset=UTF-8',
      body: new URLSearchParams(booking.fields).toString(),
    });
    expect(booked.status).toBe(303);
    expect(await bookableState()).toEqual({
      seatsLeft: before.seatsLeft - 1,
      scheduled: before.scheduled + 1,
    });
  });

  it('keeps the refusal page to refusals: asked for directly, it does not exist', async () => {
    const response = await platform.app.request(`${origin}/en/request-refused/`);
    expect(response.status).toBe(404);
  });
});
