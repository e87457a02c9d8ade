/**
 * The visitor's flows between pages, without JavaScript, through the built pages mounted as the local server
 * mounts them: a language switch that keeps the place and what was typed, a form sent twice holding one set of
 * seats, the second step before anything gives up seats or money, and the pages that lead on instead of ending
 * (a route's next departures, a past date, a party of children, a lost ticket link).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import { scheduleTestDeparture } from '../support/bookings.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let departureId: string;
const origin = 'http://localhost';

beforeAll(async () => {
  platform = await createTestPlatform();
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(platform.app, render, createSiteServices(platform.dependencies));
  departureId = await scheduleTestDeparture(platform, { daysAhead: 1 });
});
afterAll(() => platform.dispose());

const get = (path: string, cookie?: string) =>
  platform.app.request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return platform.app.request(`${origin}${path}`, {
    method: 'POST',
    headers: {
      Origin: origin,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

const hiddenValue = (html: string, name: string) =>
  new RegExp(`name="${name.replace('.', '\\.')}" value="([^"]*)"`).exec(html)?.[1] ?? '';
const unescaped = (html: string) => html.replaceAll('&#38;', '&').replaceAll('&amp;', '&');

async function seatsLeft(): Promise<number> {
  const offer = (await (await platform.app.request(`/api/boats/departures/${departureId}`)).json()) as {
    seatsLeft: number;
  };
  return offer.seatsLeft;
}

const adultPassenger = (name: string, documentNumber: string, email: string) => ({
  'p0.fullName': name,
  'p0.documentType': 'citizen_id',
  'p0.documentNumber': documentNumber,
  'p0.nationality': 'VN',
  email,
  phone: '0912 345 678',
});
const onePersonPath = (lang = 'vi') => `/${lang}/bookings/new/?departure=${departureId}&adult=1`;

async function outbox(): Promise<
  { reference: string; subject: string; text: string; to: { email?: string } }[]
> {
  const manager = await platform.signIn(demo.manager.email, demo.manager.password);
  const response = await platform.app.request('/api/outbox', {
    headers: { Authorization: `Bearer ${manager}` },
  });
  return ((await response.json()) as { messages: never[] }).messages;
}

describe('switching language keeps the place and what was typed', () => {
  it('links to the same page in the other language with its query', async () => {
    const date = addDays(localDateAt(new Date()), 1);
    const search = await (await get(`/vi/boats/departures/?date=${date}&route=1&passengers=2`)).text();
    expect(unescaped(search)).toContain(`action="/en/boats/departures/?date=${date}&route=1&passengers=2"`);
    const catalogue = await (await get('/en/museum/catalogue/?q=tr%E1%BB%91ng')).text();
    expect(unescaped(catalogue)).toContain('formaction="/vi/museum/catalogue/?q=tr%E1%BB%91ng"');
    const signIn = await (await get('/en/staff/sign-in/?next=%2Fen%2Foperator%2F')).text();
    expect(unescaped(signIn)).toContain('formaction="/vi/staff/sign-in/?next=%2Fen%2Foperator%2F"');
  });

  it('brings the passengers typed to the other language, holding nothing, with the same form key', async () => {
    const form = await (await get(onePersonPath())).text();
    expect(form).toContain('form="passengers-form"');
    const key = hiddenValue(form, 'idempotencyKey');
    const before = await seatsLeft();
    const switched = await post(onePersonPath('en'), {
      ...adultPassenger('Trần Văn Bình', '001190099999', 'binh@example.vn'),
      idempotencyKey: key,
      switchLanguage: 'en',
    });
    expect(switched.status).toBe(200);
    expect(switched.headers.get('cache-control')).toBe('private, no-store');
    const html = await switched.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain('value="Trần Văn Bình"');
    expect(html).toContain('value="001190099999"');
    expect(html).toContain('value="binh@example.vn"');
    expect(hiddenValue(html, 'idempotencyKey')).toBe(key);
    expect(html).not.toContain('role="alert"');
    expect(await seatsLeft()).toBe(before);
  });

  it('brings the counts of the party step and the words of a search not yet sent', async () => {
    const party = await post(`/en/bookings/new/?departure=${departureId}`, {
      departure: departureId,
      adult: '2',
      'child-7-to-12': '1',
      switchLanguage: 'en',
    });
    const html = await party.text();
    expect(html).toMatch(/id="count-adult"[^>]*value="2"/);
    expect(html).toMatch(/id="count-child-7-to-12"[^>]*value="1"/);
    const search = await (
      await post('/en/museum/catalogue/', { q: 'gốm Hạ Long', switchLanguage: 'en' })
    ).text();
    expect(search).toContain('value="gốm Hạ Long"');
  });
});

describe('the passengers form sent again after going back', () => {
  it('holds one set of seats, and offers the seats already held', async () => {
    const details = adultPassenger('Lê Thu Hà', '001190077777', 'ha.le@example.vn');
    const before = await seatsLeft();
    const first = await post(onePersonPath(), {
      ...details,
      idempotencyKey: hiddenValue(await (await get(onePersonPath())).text(), 'idempotencyKey'),
    });
    expect(first.status).toBe(303);
    const cookie = (first.headers.get('set-cookie') as string).split(';')[0] as string;
    const booking = first.headers.get('location') as string;
    expect(await seatsLeft()).toBe(before - 1);

    // Back: the form is rendered afresh (a new key), and says the seats are held already.
    const again = await (await get(onePersonPath(), cookie)).text();
    expect(again).toContain('data-testid="live-hold"');
    expect(again).toContain(`href="${booking}"`);
    const resent = await post(
      onePersonPath(),
      { ...details, idempotencyKey: hiddenValue(again, 'idempotencyKey') },
      cookie,
    );
    expect(resent.status).toBe(303);
    expect(resent.headers.get('location')).toBe(booking);
    expect(await seatsLeft()).toBe(before - 1);

    // Other people on the same departure: asked first, and held only when the visitor says so.
    const other = { ...adultPassenger('Lê Minh Tú', '001190066666', 'ha.le@example.vn') };
    const asked = await post(onePersonPath(), { ...other, idempotencyKey: 'other-people-0001' }, cookie);
    expect(asked.status).toBe(409);
    const askedHtml = await asked.text();
    expect(askedHtml).toContain('name="alsoHold"');
    expect(askedHtml).toContain('value="Lê Minh Tú"');
    expect(await seatsLeft()).toBe(before - 1);
    const also = await post(
      onePersonPath(),
      { ...other, idempotencyKey: 'other-people-0001', alsoHold: '1' },
      cookie,
    );
    expect(also.status).toBe(303);
    expect(also.headers.get('location')).not.toBe(booking);
    expect(await seatsLeft()).toBe(before - 2);
  });
});

describe('nothing given up in one click', () => {
  it('releases held seats only from the confirmation step', async () => {
    const form = await (await get(onePersonPath('en'))).text();
    const held = await post(onePersonPath('en'), {
      ...adultPassenger('Phạm Quốc Anh', '001190055555', 'anh.pham@example.vn'),
      idempotencyKey: hiddenValue(form, 'idempotencyKey'),
    });
    const location = held.headers.get('location') as string;
    const cookie = (held.headers.get('set-cookie') as string).split(';')[0] as string;
    const page = await (await get(location, cookie)).text();
    expect(page).toContain(`href="${location}?confirm=release"`);
    expect(page).not.toContain('name="confirmed"');
    const before = await seatsLeft();
    const oneClick = await post(`/api/bookings/${location.split('/')[3]}/cancel`, {
      accessToken: hiddenValue(page, 'accessToken'),
      language: 'en',
    });
    expect(oneClick.headers.get('location')).toBe(`${location}?confirm=cancel`);
    expect(await seatsLeft()).toBe(before);

    const confirm = await (await get(`${location}?confirm=release`, cookie)).text();
    expect(confirm).toContain('Release the seat held for you?');
    expect(confirm).toContain(`href="${location}"`);
    const released = await post(`/api/bookings/${location.split('/')[3]}/cancel`, {
      accessToken: hiddenValue(confirm, 'accessToken'),
      language: 'en',
      confirmed: hiddenValue(confirm, 'confirmed'),
    });
    expect(released.headers.get('location')).toBe(location);
    expect(await seatsLeft()).toBe(before + 1);
  });
});

describe('pages that lead on', () => {
  it('lists a route’s next departures, each with the way to book it', async () => {
    const html = unescaped(await (await get('/en/boats/routes/1/')).text());
    expect(html).toContain('Next departures');
    expect(html).toContain(`href="/en/bookings/new/?departure=${departureId}"`);
    expect(html).toMatch(/href="\/en\/boats\/departures\/\?route=1&date=\d{4}-\d{2}-\d{2}"/);
  });

  it('says a date in the past is past, and offers today', async () => {
    const yesterday = addDays(localDateAt(new Date()), -1);
    const html = unescaped(await (await get(`/en/boats/departures/?date=${yesterday}&route=2`)).text());
    expect(html).toContain('data-testid="date-past"');
    expect(html).toContain('has already passed');
    expect(html).toContain(`href="/en/boats/departures/?date=${localDateAt(new Date())}&route=2"`);
  });

  it('tells a party of children alone at the first step', async () => {
    const response = await get(`/en/bookings/new/?departure=${departureId}&child-7-to-12=2`);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Children travel with at least one passenger who is not a child.');
    expect(html).not.toContain('data-testid="passenger"');
    expect(html).toMatch(/id="count-child-7-to-12"[^>]*value="2"/);
  });
});

describe('find my booking', () => {
  it('e-mails a fresh link to the address booked with, and says the same whatever was typed', async () => {
    const form = await (await get(onePersonPath())).text();
    const held = await post(onePersonPath(), {
      ...adultPassenger('Đỗ Thanh Mai', '001190044444', 'mai.do@example.vn'),
      idempotencyKey: hiddenValue(form, 'idempotencyKey'),
    });
    const reference = (held.headers.get('location') as string).split('/')[3] as string;

    const page = await (await get('/en/bookings/find/')).text();
    expect(page).toContain('action="/api/bookings/access-links"');
    const wrongEmail = await post('/api/bookings/access-links', {
      reference,
      email: 'someone.else@example.vn',
      language: 'en',
    });
    const unknown = await post('/api/bookings/access-links', {
      reference: 'HLZZZZZZZZ',
      email: 'mai.do@example.vn',
      language: 'en',
    });
    const right = await post('/api/bookings/access-links', {
      reference: reference.toLowerCase(),
      email: ' MAI.DO@example.vn ',
      language: 'en',
    });
    for (const answer of [wrongEmail, unknown, right]) {
      expect(answer.status).toBe(303);
      expect(answer.headers.get('location')).toBe('/en/bookings/find/?sent=1');
    }
    const sent = (await outbox()).filter((message) => message.reference === reference);
    const linkMessage = sent.find((message) => message.subject.startsWith('A new link to booking'));
    expect(linkMessage?.to).toEqual({ email: 'mai.do@example.vn' });
    expect(sent.filter((message) => message.subject.startsWith('A new link'))).toHaveLength(1);

    // The link opens the booking in a browser that never saw it.
    const link = new URL(/https?:\/\/\S+\?token=\S+/.exec(linkMessage?.text ?? '')?.[0] as string);
    const opened = await get(`${link.pathname}${link.search}`);
    expect(opened.status).toBe(303);
    const linkCookie = (opened.headers.get('set-cookie') as string).split(';')[0] as string;
    expect(await (await get(opened.headers.get('location') as string, linkCookie)).text()).toContain(
      'Đỗ Thanh Mai',
    );
    const sentPage = await (await get('/en/bookings/find/?sent=1')).text();
    expect(sentPage).toContain('a new link is on its way there');
    expect(sentPage).not.toContain('Đỗ Thanh Mai');
  });

  it('answers API clients 202 either way, refuses a malformed request, and limits the asking', async () => {
    const ask = (body: unknown) =>
      platform.app.request('/api/bookings/access-links', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Viewer-Address': '203.0.113.77' },
        body: JSON.stringify(body),
      });
    const answer = await ask({ reference: 'HL00000000', email: 'nobody@example.vn' });
    expect(answer.status).toBe(202);
    expect(await answer.json()).toMatchObject({ accepted: true });
    const malformed = await ask({ reference: 'ABC', email: 'not-an-address' });
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toBe('application/problem+json');
    expect((await ask({ reference: 'HL00000000', email: 'nobody@example.vn' })).status).toBe(202);
    expect((await ask({ reference: 'HL00000000', email: 'nobody@example.vn' })).status).toBe(202);
    const limited = await ask({ reference: 'HL00000000', email: 'nobody@example.vn' });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const formRefused = await post('/api/bookings/access-links', {
      reference: 'HL1',
      email: 'x',
      language: 'vi',
    });
    expect(formRefused.headers.get('location')).toBe(
      '/vi/bookings/find/?error=validation-error&fields=reference,email&reference=HL1',
    );
    const refusedPage = await get(formRefused.headers.get('location') as string);
    expect(refusedPage.status).toBe(400);
    expect(await refusedPage.text()).toContain('value="HL1"');
  });
});
