/**
 * What was typed survives a language switch on every page whose form the switch keeps, through the built pages
 * mounted as the local server mounts them, without JavaScript: each page's form is read from its own HTML, every
 * field a person types into is given a value of its own, the language button is "pressed" as a browser would (the
 * form's fields posted to the button's formaction) and the other language's page must show every value again.
 * A staff page's filter form is sent as a GET instead, its filters becoming the other language's query; sign-in
 * brings back the e-mail and never the password.
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
const curator = { email: 'curator@halong.test', password: 'Curator-HaLong-2026' };
const cookies: Record<'manager' | 'operator' | 'curator', string> = {
  manager: '',
  operator: '',
  curator: '',
};

beforeAll(async () => {
  platform = await createTestPlatform();
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(platform.app, render, createSiteServices(platform.dependencies));
  departureId = await scheduleTestDeparture(platform, { daysAhead: 1 });
  cookies.manager = await signIn(demo.manager);
  cookies.operator = await signIn(demo.operator);
  cookies.curator = await signIn(curator);
});
afterAll(() => platform.dispose());

const get = (path: string, cookie?: string) =>
  platform.app.request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

function post(path: string, fields: [string, string][], cookie?: string) {
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

async function signIn(account: { email: string; password: string }): Promise<string> {
  const response = await post('/api/auth/session', [
    ['email', account.email],
    ['password', account.password],
    ['language', 'en'],
  ]);
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const unescaped = (html: string) => html.replaceAll('&#38;', '&').replaceAll('&amp;', '&');
const attribute = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1];

/** The kinds of input a person types into, each with a value of its kind that no page shows by itself. */
function markerFor(type: string, index: number): string | undefined {
  switch (type) {
    case 'text':
    case 'search':
    case 'tel':
    case 'url':
      return `draft marker ${index}`;
    case 'email':
      return `draft-${index}@marker.example`;
    case 'number':
      return String(4700 + index);
    case 'time':
      return `13:${String(10 + (index % 50)).padStart(2, '0')}`;
    case 'date':
      return `2031-02-${String(10 + (index % 18)).padStart(2, '0')}`;
    default:
      return undefined;
  }
}

/** The form's own tags and those outside it that name it with form="…" (its language buttons aside). */
function formTags(html: string, id: string): string[] {
  const inside = new RegExp(`<form[^>]*\\sid="${id}"[^>]*>([\\s\\S]*?)</form>`).exec(html)?.[1] ?? '';
  const outside = [...html.matchAll(new RegExp(`<(?:input|textarea)[^>]*\\sform="${id}"[^>]*>`, 'g'))].map(
    ([tag]) => tag,
  );
  return [...[...inside.matchAll(/<(?:input|textarea)[^>]*>/g)].map(([tag]) => tag), ...outside];
}

/** What a browser posts when the language button is pressed: the form's hidden fields and a marker in each typed one. */
function draftOf(html: string, id: string) {
  const posted: [string, string][] = [];
  const markers = new Map<string, string>();
  for (const tag of formTags(html, id)) {
    const name = attribute(tag, 'name');
    if (!name || /\s(disabled|readonly)[\s>=]/.test(tag)) continue;
    const type = tag.startsWith('<textarea') ? 'text' : (attribute(tag, 'type') ?? 'text');
    if (type === 'hidden') {
      posted.push([name, attribute(tag, 'value') ?? '']);
      continue;
    }
    const marker = markers.has(name) ? undefined : markerFor(type, markers.size);
    if (marker === undefined) continue;
    markers.set(name, marker);
    posted.push([name, marker]);
  }
  return { posted, markers };
}

/** The value the page shows in the field named `name`: an input's value attribute or a textarea's text. */
function shownValue(html: string, name: string): string | undefined {
  const textarea = new RegExp(`<textarea[^>]*\\sname="${name}"[^>]*>([^<]*)</textarea>`).exec(html);
  if (textarea) return textarea[1];
  const input = new RegExp(`<input[^>]*\\sname="${name}"[^>]*>`).exec(html)?.[0];
  return input === undefined ? undefined : attribute(input, 'value');
}

describe('the language switch of a page with a form in progress', () => {
  it('brings back every value typed, in the other language, on each page that keeps a draft', async () => {
    const pages: { path: string; cookie?: string }[] = [
      { path: '/en/bookings/find/' },
      { path: '/en/boats/departures/' },
      { path: '/en/museum/catalogue/' },
      { path: `/en/bookings/new/?departure=${departureId}&adult=1` },
      { path: '/en/operator/', cookie: cookies.operator },
      { path: `/en/operator/departures/${departureId}/`, cookie: cookies.operator },
      { path: '/en/authority/bans/', cookie: cookies.manager },
      { path: '/en/authority/rules/', cookie: cookies.manager },
      { path: `/en/authority/departures/${departureId}/clearance/`, cookie: cookies.manager },
      { path: '/en/staff/boats/routes/1/', cookie: cookies.manager },
      { path: '/en/staff/boats/cancellation-policy/', cookie: cookies.manager },
      { path: '/en/staff/wifi/new/', cookie: cookies.manager },
      { path: '/en/staff/wifi/hl-tuanchau-port-01/', cookie: cookies.manager },
      { path: '/en/staff/museum/', cookie: cookies.curator },
      { path: '/en/staff/museum/exhibits/new/', cookie: cookies.curator },
      { path: '/en/staff/museum/exhibits/miners-lamp/', cookie: cookies.curator },
      { path: '/en/staff/museum/tours/highlights-20-minutes/', cookie: cookies.curator },
      { path: '/en/staff/museum/visiting/', cookie: cookies.curator },
    ];
    for (const { path, cookie } of pages) {
      const html = unescaped(await (await get(path, cookie)).text());
      const button = /<button[^>]*data-testid="language-switch-button"[^>]*>/.exec(html)?.[0] ?? '';
      const formId = attribute(button, 'form');
      const target = attribute(button, 'formaction');
      expect(formId && target, `${path} has a language button that keeps its form`).toBeTruthy();
      expect(attribute(button, 'formmethod'), path).toBe('post');
      const { posted, markers } = draftOf(html, formId as string);
      expect(markers.size, `${path}: fields typed into`).toBeGreaterThan(0);

      const switched = await post(target as string, [...posted, ['switchLanguage', 'vi']], cookie);
      expect(switched.status, path).toBe(200);
      const answer = unescaped(await switched.text());
      expect(answer, path).toContain('<html lang="vi"');
      for (const [name, marker] of markers) {
        expect(shownValue(answer, name), `${path}: ${name}`).toBe(marker);
      }
    }
  });
});

/** The option chosen in the select named `name`. */
function selectedOption(html: string, name: string): string | undefined {
  const options =
    new RegExp(`<select[^>]*\\sname="${name}"[^>]*>([\\s\\S]*?)</select>`).exec(html)?.[1] ?? '';
  return /<option value="([^"]*)" selected/.exec(options)?.[1];
}

describe('the language switch of a staff page’s filters', () => {
  it('sends the filters typed but not yet applied to the other language’s page, as its query', async () => {
    const today = localDateAt(new Date());
    const pages: { path: string; typed: Record<string, string> }[] = [
      { path: '/en/authority/', typed: { date: addDays(today, 1), port: 'tuan-chau', route: '3' } },
      { path: '/en/authority/audit/', typed: { date: addDays(today, -1), action: 'manifest.view' } },
      { path: '/en/staff/dashboard/', typed: { route: '2', port: 'tuan-chau' } },
      { path: '/en/staff/wifi/', typed: { area: 'bai-chay', vendor: 'mikrotik' } },
      { path: '/en/staff/wifi/statistics/', typed: { date: addDays(today, -1) } },
    ];
    for (const { path, typed } of pages) {
      const html = unescaped(await (await get(path, cookies.manager)).text());
      const button = /<button[^>]*data-testid="language-switch-button"[^>]*>/.exec(html)?.[0] ?? '';
      const formId = attribute(button, 'form') ?? '';
      expect(html, `${path}: the button's form is the page's GET filter form`).toMatch(
        new RegExp(`<form id="${formId}"[^>]*method="get"`),
      );
      expect(attribute(button, 'formmethod'), path).toBe('get');
      expect(attribute(button, 'formaction'), path).toBe(path.replace('/en/', '/vi/'));
      expect(attribute(button, 'name'), `${path}: nothing of the switch's own in the query`).toBeUndefined();
      for (const name of Object.keys(typed)) {
        expect(html, `${path} has the filter ${name}`).toMatch(new RegExp(`\\sname="${name}"`));
      }

      const query = new URLSearchParams(typed);
      const switched = await get(`${attribute(button, 'formaction')}?${query}`, cookies.manager);
      expect(switched.status, path).toBe(200);
      const answer = unescaped(await switched.text());
      expect(answer, path).toContain('<html lang="vi"');
      for (const [name, value] of Object.entries(typed)) {
        expect(shownValue(answer, name) ?? selectedOption(answer, name), `${path}: ${name}`).toBe(value);
      }
    }
  });
});

describe('the language switch of the sign-in page', () => {
  it('brings back the e-mail typed and the page to go on to, never the password', async () => {
    const html = unescaped(await (await get('/en/staff/sign-in/?next=%2Fen%2Foperator%2F')).text());
    const button = /<button[^>]*data-testid="language-switch-button"[^>]*>/.exec(html)?.[0] ?? '';
    expect(attribute(button, 'form')).toBe('sign-in-form');
    expect(attribute(button, 'formmethod')).toBe('post');
    const target = attribute(button, 'formaction') as string;
    expect(target).toBe('/vi/staff/sign-in/?next=%2Fen%2Foperator%2F');

    const switched = await post(target, [
      ['next', '/en/operator/'],
      ['language', 'en'],
      ['email', 'typed.before.switching@halong.test'],
      ['password', 'Typed-Password-Marker-2026'],
      ['switchLanguage', 'vi'],
    ]);
    expect(switched.status).toBe(200);
    expect(switched.headers.get('set-cookie')).toBeNull();
    const answer = unescaped(await switched.text());
    expect(answer).toContain('<html lang="vi"');
    expect(shownValue(answer, 'email')).toBe('typed.before.switching@halong.test');
    expect(shownValue(answer, 'next')).toBe('/en/operator/');
    expect(shownValue(answer, 'password')).toBeUndefined();
    expect(answer).not.toContain('Typed-Password-Marker-2026');
  });
});
