/**
 * The staff's Wi-Fi pages — the hotspot list with its filters, adding and editing a hotspot, removing one after a
 * confirmation, and a day of the portal's statistics — through the built pages mounted on the API app as the local
 * server mounts them: who may use them, what a refused form keeps and says, and that no secret ever reaches a page.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateAt } from '../../../functions/platform/local-time.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import { hotspotsServiceFor, wifiAnalyticsFor } from '../../../functions/wifi/index.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
const origin = 'http://localhost';
const curator = { email: 'curator@halong.test', password: 'Curator-HaLong-2026' };

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

async function signIn(account: { email: string; password: string }) {
  const response = await post('/api/auth/session', { ...account, next: '/en/staff/wifi/', language: 'en' });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const FAS_KEY = 'fas-key-typed-by-the-installer-7731';
const UAM_SECRET = 'uam-secret-never-shown-5521';
const PORTAL_PASSWORD = 'portal-password-never-shown-8842';

const newHotspot = {
  'name.vi': 'Bến tàu thử nghiệm',
  'name.en': 'Test pier',
  area: 'bai-chay',
  place: 'pier',
  'location.lat': '20.9551',
  'location.lon': '107.0459',
  'gateway.vendor': 'opennds',
  'gateway.faskey': FAS_KEY,
  'gateway.securityLevel': '2',
  'gateway.gatewayName': 'test-pier-01',
  loginMethods: ['terms', 'booking'],
  'policy.sessionMinutes': '90',
  'policy.downKbps': '8192',
  'policy.upKbps': '2048',
  'policy.quotaMB': '512',
  'policy.sessionsPerDevicePerDay': '3',
  'policy.ticketSessionMinutes': '480',
  'branding.accent': '#0d4f55',
};

/** Adds a hotspot through the page and answers its id. */
async function addHotspot(cookie: string, fields: Record<string, string | string[]> = newHotspot) {
  const response = await post('/en/staff/wifi/new/', fields, cookie);
  expect(response.status).toBe(303);
  const location = response.headers.get('location') as string;
  expect(location).toMatch(/^\/en\/staff\/wifi\/test-pier-[0-9a-f]{6}\/\?created=1$/);
  return location.split('/')[4] as string;
}

describe('who may use the staff Wi-Fi pages', () => {
  it('sends a visitor without a session to sign in, and back after', async () => {
    for (const path of ['/en/staff/wifi/', '/vi/staff/wifi/statistics/', '/en/staff/wifi/new/']) {
      const page = await get(path);
      expect(page.status).toBe(303);
      expect(page.headers.get('location')).toBe(
        `${path.slice(0, 3)}/staff/sign-in/?next=${encodeURIComponent(path)}`,
      );
    }
  });

  it('refuses an operator and a curator with a 403 page saying who may, and adds nothing for them', async () => {
    for (const account of [demo.operator, curator]) {
      const cookie = await signIn(account);
      for (const path of ['/en/staff/wifi/', '/en/staff/wifi/new/', '/en/staff/wifi/statistics/']) {
        const page = await get(path, cookie);
        expect(page.status).toBe(403);
        const html = await page.text();
        expect(html).toContain('Only tourism managers and admins manage the city’s Wi-Fi hotspots');
        expect(html).not.toContain('data-testid="hotspots"');
      }
      const refused = await post('/en/staff/wifi/new/', newHotspot, cookie);
      expect(refused.status).toBe(403);
      const vietnamese = await (await get('/vi/staff/wifi/', cookie)).text();
      expect(vietnamese).toContain('Chỉ cán bộ quản lý du lịch và quản trị viên');
    }
    const manager = await signIn(demo.manager);
    const list = await (await get('/en/staff/wifi/?area=bai-chay', manager)).text();
    expect(list).not.toContain('Test pier');
  });
});

describe('the hotspot list', () => {
  it('lists every hotspot to a manager, and filters by area and vendor in the address', async () => {
    const cookie = await signIn(demo.manager);
    const all = await get('/en/staff/wifi/', cookie);
    expect(all.status).toBe(200);
    expect(all.headers.get('cache-control')).toBe('private, no-store');
    const html = await all.text();
    expect(html).toMatch(/107 of 107 hotspots/);

    const filtered = await (await get('/en/staff/wifi/?area=tuan-chau&vendor=opennds', cookie)).text();
    const rows = [...filtered.matchAll(/<tr data-hotspot="([^"]+)"/g)].map((match) => match[1]);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(107);
    expect(filtered).toMatch(new RegExp(`${rows.length} of 107 hotspots`));
    for (const row of filtered.matchAll(/<tr data-hotspot="[^"]+"[\s\S]*?<\/tr>/g)) {
      expect(row[0]).toContain('openNDS');
    }
    expect(filtered).toMatch(/<option value="tuan-chau" selected/);

    const unknown = await get('/en/staff/wifi/?vendor=cisco', cookie);
    expect(await unknown.text()).toContain('There is no area or gateway “cisco”');
  });
});

describe('adding and editing a hotspot', () => {
  it('adds a hotspot as an admin, shows it without its secret, and says the secret is set', async () => {
    const cookie = await signIn(demo.admin);
    const id = await addHotspot(cookie);
    const page = await get(`/en/staff/wifi/${id}/?created=1`, cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Hotspot ${id} added.`);
    expect(html).toContain('value="Test pier"');
    expect(html).not.toContain(FAS_KEY);
    expect(html).toMatch(/data-secret="faskey" data-secret-set="yes"/);
    expect(html).toContain('A secret is set. Leave blank to keep it');
    // The API sees the hotspot as the page saved it.
    const token = await platform.signIn(demo.admin.email, demo.admin.password);
    const api = await platform.app.request(`/api/wifi/hotspots/${id}`, {
      headers: { Authorization: `Bearer ${token}` },
    });
    const stored = (await api.json()) as { gateway: Record<string, unknown>; policy: Record<string, number> };
    expect(stored.gateway).toMatchObject({ vendor: 'opennds', securityLevel: 2, secretsSet: ['faskey'] });
    expect(stored.policy.sessionMinutes).toBe(90);
  });

  it('keeps the stored secret when the field is left blank on edit, and replaces it when typed', async () => {
    const cookie = await signIn(demo.manager);
    const id = await addHotspot(cookie);
    const service = hotspotsServiceFor(platform.dependencies);

    const saved = await post(
      `/en/staff/wifi/${id}/`,
      { ...newHotspot, 'name.en': 'Test pier, renamed', 'gateway.faskey': '' },
      cookie,
    );
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe(`/en/staff/wifi/${id}/?saved=1`);
    const kept = await service.get(id);
    expect(kept.name.en).toBe('Test pier, renamed');
    expect(kept.gateway).toMatchObject({ vendor: 'opennds', faskey: FAS_KEY });

    await post(`/en/staff/wifi/${id}/`, { ...newHotspot, 'gateway.faskey': 'a-new-fas-key-0001' }, cookie);
    expect((await service.get(id)).gateway).toMatchObject({ faskey: 'a-new-fas-key-0001' });
    const html = await (await get(`/en/staff/wifi/${id}/?saved=1`, cookie)).text();
    expect(html).toContain(`Hotspot ${id} saved.`);
    expect(html).not.toContain('a-new-fas-key-0001');
  });

  it('refuses a form with each field’s problem named, keeping what was typed but never a secret', async () => {
    const cookie = await signIn(demo.admin);
    const refused = await post(
      '/en/staff/wifi/new/',
      {
        ...newHotspot,
        'name.en': 'Typed name kept',
        'name.vi': '',
        'location.lat': '95',
        'gateway.vendor': 'coovachilli',
        'gateway.uamsecret': 'short',
        'gateway.username': 'halong-portal',
        'gateway.password': PORTAL_PASSWORD,
        loginMethods: [],
        'branding.accent': 'teal',
      },
      cookie,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('Nothing is saved yet: please correct 5 fields below.');
    expect(html).toContain('data-invalid-field="name.vi"');
    expect(html).toContain('Latitude: Enter 90 or less.');
    expect(html).toContain('UAM secret (uamsecret): Enter at least 8 characters.');
    expect(html).toContain('How guests log in: Enter a value.');
    expect(html).toContain('data-invalid-field="branding.accent"');
    expect(html).toMatch(/id="hotspot-name-vi"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Typed name kept"');
    expect(html).toContain('value="95"');
    expect(html).toMatch(/<option value="coovachilli" selected/);
    expect(html).not.toContain(PORTAL_PASSWORD);
    expect(html).not.toContain(FAS_KEY);
    expect(html).not.toContain(UAM_SECRET);

    const vietnamese = await (
      await post('/vi/staff/wifi/new/', { ...newHotspot, 'location.lon': 'abc' }, cookie)
    ).text();
    expect(vietnamese).toContain('Chưa lưu: vui lòng sửa 1 mục bên dưới.');
    expect(vietnamese).toContain('Kinh độ: Vui lòng nhập một số.');
  });

  it('asks for the secrets again when the vendor changes, as the API does', async () => {
    const cookie = await signIn(demo.admin);
    const id = await addHotspot(cookie);
    const refused = await post(
      `/en/staff/wifi/${id}/`,
      {
        ...newHotspot,
        'gateway.vendor': 'coovachilli',
        'gateway.username': 'halong-portal',
        'gateway.password': PORTAL_PASSWORD,
        'gateway.uamsecret': '',
      },
      cookie,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('The gateway vendor changed: enter this secret for the new gateway.');
    expect(html).not.toContain(PORTAL_PASSWORD);
  });

  it('refills the form after a language switch from the draft, without saving', async () => {
    const cookie = await signIn(demo.admin);
    const switched = await post(
      '/vi/staff/wifi/new/',
      { ...newHotspot, 'name.en': 'Draft only', switchLanguage: 'vi' },
      cookie,
    );
    expect(switched.status).toBe(200);
    const html = await switched.text();
    expect(html).toContain('value="Draft only"');
    expect(html).not.toContain(FAS_KEY);
    const list = await (await get('/en/staff/wifi/', cookie)).text();
    expect(list).not.toContain('Draft only');
  });
});

describe('removing a hotspot', () => {
  it('removes only after the confirmation page’s own form is sent', async () => {
    const cookie = await signIn(demo.manager);
    const id = await addHotspot(cookie);
    const edit = await (await get(`/en/staff/wifi/${id}/`, cookie)).text();
    expect(edit).toContain(`href="/en/staff/wifi/${id}/remove/"`);
    const confirm = await get(`/en/staff/wifi/${id}/remove/`, cookie);
    expect(confirm.status).toBe(200);
    const confirmHtml = await confirm.text();
    expect(confirmHtml).toContain('Yes, remove the hotspot');
    expect((await get(`/en/staff/wifi/${id}/`, cookie)).status).toBe(200);

    const removed = await post(`/en/staff/wifi/${id}/remove/`, {}, cookie);
    expect(removed.status).toBe(303);
    expect(removed.headers.get('location')).toBe(`/en/staff/wifi/?removed=${id}`);
    expect((await get(`/en/staff/wifi/${id}/`, cookie)).status).toBe(404);
  });

  it('refuses an operator on the confirmation page and keeps the hotspot', async () => {
    const id = await addHotspot(await signIn(demo.admin));
    const operator = await signIn(demo.operator);
    expect((await post(`/en/staff/wifi/${id}/remove/`, {}, operator)).status).toBe(403);
    expect((await get(`/en/staff/wifi/${id}/`, await signIn(demo.manager))).status).toBe(200);
  });
});

describe('the statistics page', () => {
  it('shows a day of the portal’s counters for the city and per hotspot', async () => {
    const analytics = wifiAnalyticsFor(platform.dependencies);
    const at = new Date();
    for (const [index, method] of (['terms', 'terms', 'booking'] as const).entries()) {
      await analytics.startSession({
        hotspotId: 'hl-tuanchau-port-01',
        method,
        sessionKey: `statistics-page-${index}`,
        newDeviceHere: index < 2,
        newDeviceInCity: index < 2,
        at,
      });
    }
    const cookie = await signIn(demo.manager);
    const page = await get('/en/staff/wifi/statistics/', cookie);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toMatch(/data-testid="city-sessions">3</);
    expect(html).toContain('Tuần Châu port');
    expect(html).toContain('data-testid="hotspot-statistics"');
    const week = html.match(/data-testid="week-statistics"[\s\S]*?<\/table>/)?.[0] ?? '';
    expect(week.match(/<tr>/g)).toHaveLength(8);
    expect(week).toMatch(/aria-current="date"[\s\S]*?<td class="number">3<\/td>/);

    const empty = await (await get('/en/staff/wifi/statistics/?date=2026-01-01', cookie)).text();
    expect(empty).toContain('No session was counted on this day.');
    const invalid = await get(`/en/staff/wifi/statistics/?date=${localDateAt(at)}x`, cookie);
    expect(invalid.status).toBe(400);
    expect(await invalid.text()).toContain('is not a past or present day');
  });
});
