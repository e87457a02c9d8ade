/**
 * What was typed survives a language switch on every page whose form the switch keeps, through the built pages
 * mounted as the local server mounts them, without JavaScript: each page's form is read from its own HTML, every
 * field a person types into is given a value of its own, the language button is "pressed" as a browser would (the
 * form's fields posted to the button's formaction) and the other language's page must show every value again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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
