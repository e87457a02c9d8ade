/**
 * The staff home and the managers' catalogue pages through the built pages mounted on the API app: sign-in lands
 * on the home, which lists what each role may do; managers edit a route's fee and the cancellation policy with
 * the API's own validation, what they save showing on the public pages at once; other roles are refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
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

async function signIn(account: { email: string; password: string }) {
  const response = await post('/api/auth/session', { ...account, language: 'en' });
  expect(response.status).toBe(303);
  return {
    location: response.headers.get('location'),
    cookie: (response.headers.get('set-cookie') ?? '').split(';')[0] as string,
  };
}

const fieldValue = (html: string, name: string) =>
  new RegExp(`name="${name.replaceAll('.', '\\.')}"[^>]*value="([^"]*)"`).exec(html)?.[1] ?? '';

describe('the staff home', () => {
  it('is where sign-in lands, and lists for each role only what it may do', async () => {
    const manager = await signIn(demo.manager);
    expect(manager.location).toBe('/en/staff/');
    const managerHome = await (await get('/en/staff/', manager.cookie)).text();
    for (const section of ['boats', 'dashboard', 'authority', 'catalogue', 'wifi', 'forecasts']) {
      expect(managerHome).toContain(`data-testid="staff-section-${section}"`);
    }
    expect(managerHome).not.toContain('data-testid="staff-section-museum"');
    expect(managerHome).toContain('href="/en/staff/boats/cancellation-policy/"');
    expect(managerHome).toContain('href="/en/staff/dashboard/"');

    const curatorHome = await (await get('/en/staff/', (await signIn(curator)).cookie)).text();
    expect(curatorHome).toContain('data-testid="staff-section-museum"');
    expect(curatorHome).not.toContain('data-testid="staff-section-boats"');
    expect(curatorHome).not.toContain('data-testid="staff-section-forecasts"');
    expect(curatorHome).not.toContain('data-testid="staff-section-dashboard"');
    expect(curatorHome).toContain('Museum curator');
    expect(curatorHome).not.toContain('This page is for boat companies');

    const anonymous = await get('/vi/staff/');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('location')).toBe('/vi/staff/sign-in/?next=%2Fvi%2Fstaff%2F');
  });
});

describe('the managers’ catalogue pages', () => {
  it('edit a route’s fee, shown on the public route page at once', async () => {
    const { cookie } = await signIn(demo.manager);
    const list = await (await get('/en/staff/boats/', cookie)).text();
    expect(list.match(/href="\/en\/staff\/boats\/routes\/\d+\/"/g)).toHaveLength(8);
    const form = await (await get('/en/staff/boats/routes/3/', cookie)).text();
    const fields = Object.fromEntries(
      [
        'name.vi',
        'name.en',
        'typicalDuration.label.vi',
        'typicalDuration.label.en',
        'typicalDuration.minHours',
        'typicalDuration.maxHours',
        'fee.port',
        'fee.chargedSince',
      ].map((name) => [name, fieldValue(form, name)]),
    );
    const textarea = (name: string) =>
      (
        new RegExp(`<textarea[^>]*name="${name.replace('.', '\\.')}"[^>]*>([^<]*)</textarea>`).exec(
          form,
        )?.[1] ?? ''
      )
        .replaceAll('&#39;', "'")
        .replaceAll('&amp;', '&');
    expect(fields['name.en']).not.toBe('');
    const saved = await post(
      '/en/staff/boats/routes/3/',
      {
        ...fields,
        'summary.vi': textarea('summary.vi'),
        'summary.en': textarea('summary.en'),
        'fee.sightseeing': '345000',
        'fee.unit': 'per-person',
        departurePortId: fieldValue(form, 'departurePortId'),
      },
      cookie,
    );
    expect(saved.status, await saved.clone().text()).toBe(303);
    expect(saved.headers.get('location')).toBe('/en/staff/boats/routes/3/?saved=1');
    const fee = Number(fields['fee.port'] || 0) + 345000;
    expect(await (await get('/en/boats/routes/3/')).text()).toContain(
      new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'VND' }).format(fee),
    );
  });

  it('refuse a wrong value with the API’s rules, keep what was typed, and save nothing', async () => {
    const { cookie } = await signIn(demo.manager);
    const before = await (await platform.app.request('/api/boats/routes/4')).json();
    const refused = await post(
      '/en/staff/boats/routes/4/',
      { 'name.vi': '', 'name.en': 'Renamed', 'fee.sightseeing': 'lots', 'fee.unit': 'per-person' },
      cookie,
    );
    expect(refused.status).toBe(400);
    const html = await refused.text();
    expect(html).toContain('id="error-summary"');
    expect(html).toMatch(/id="route-name-vi"[^>]*aria-invalid="true"/);
    expect(html).toMatch(/id="route-fee-sightseeing"[^>]*value="lots"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Renamed"');
    expect(await (await platform.app.request('/api/boats/routes/4')).json()).toEqual(before);
  });

  it('edit the cancellation policy, shown to visitors as they would write it', async () => {
    const { cookie } = await signIn(demo.manager);
    const saved = await post(
      '/en/staff/boats/cancellation-policy/',
      {
        'tiers.0.hoursBeforeDeparture': '48',
        'tiers.0.refundPercent': '100',
        'tiers.1.hoursBeforeDeparture': '',
        'tiers.1.refundPercent': '',
        'tiers.2.hoursBeforeDeparture': '12',
        'tiers.2.refundPercent': '50',
      },
      cookie,
    );
    expect(saved.status).toBe(303);
    expect(await (await platform.app.request('/api/boats/cancellation-policy')).json()).toEqual({
      tiers: [
        { hoursBeforeDeparture: 48, refundPercent: 100 },
        { hoursBeforeDeparture: 12, refundPercent: 50 },
      ],
    });
    const page = await (await get('/en/staff/boats/cancellation-policy/?saved=1', cookie)).text();
    expect(page).toContain('Less than 48 hours and up to 12 hours before departure: 50');
    expect(page).toContain('Less than 12 hours before departure: nothing refunded.');

    const unordered = await post(
      '/en/staff/boats/cancellation-policy/',
      {
        'tiers.0.hoursBeforeDeparture': '12',
        'tiers.0.refundPercent': '50',
        'tiers.1.hoursBeforeDeparture': '48',
        'tiers.1.refundPercent': '150',
      },
      cookie,
    );
    expect(unordered.status).toBe(400);
    const refusedHtml = await unordered.text();
    expect(refusedHtml).toContain('Row 2');
    expect(refusedHtml).toMatch(/name="tiers\.1\.refundPercent"[^>]*value="150"/);
  });

  it('are refused to an operator and a curator, with what the page is for', async () => {
    for (const account of [demo.operator, curator]) {
      const { cookie } = await signIn(account);
      for (const path of [
        '/en/staff/boats/',
        '/en/staff/boats/routes/1/',
        '/en/staff/boats/cancellation-policy/',
      ]) {
        const page = await get(path, cookie);
        expect(page.status).toBe(403);
        expect(await page.text()).toContain('These pages are for tourism managers.');
      }
      const posted = await post(
        '/en/staff/boats/cancellation-policy/',
        { 'tiers.0.hoursBeforeDeparture': '1', 'tiers.0.refundPercent': '1' },
        cookie,
      );
      expect(posted.status).toBe(403);
    }
  });
});

describe('issuing a weather ban', () => {
  it('shows what the ban would suspend, cancel and refund, and issues nothing before it is confirmed', async () => {
    const { cookie } = await signIn(demo.manager);
    const query = new URLSearchParams({
      confirm: '1',
      scope: 'port:cai-rong',
      fromDate: '2031-01-10',
      fromTime: '00:00',
      untilDate: '2031-01-10',
      untilTime: '23:59',
      reason: 'Typhoon signal 3',
    });
    const step = await get(`/en/authority/bans/?${query}`, cookie);
    expect(step.status).toBe(200);
    const html = await step.text();
    expect(html).toContain('data-testid="confirm-ban"');
    expect(html).toContain('Issue this ban?');
    expect(html).toContain('No departure still to leave is covered now');
    expect(html).toContain('name="confirmed" value="1"');
    expect(html).toContain('value="Typhoon signal 3"');
    const bans = (await (await platform.app.request('/api/boats/bans')).json()) as {
      bans: { reason: string }[];
    };
    expect(bans.bans.map((ban) => ban.reason)).not.toContain('Typhoon signal 3');

    query.set('untilDate', 'soon');
    const refused = await (await get(`/en/authority/bans/?${query}`, cookie)).text();
    expect(refused).not.toContain('data-testid="confirm-ban"');
    expect(refused).toContain('role="alert"');
  });
});

describe('a language switch on a staff form', () => {
  it('keeps the departures being scheduled and the ban being written, doing neither', async () => {
    const { cookie } = await signIn(demo.operator);
    const schedule = await post(
      '/vi/operator/',
      { boatId: 'bay-pearl-02', routeId: '2', localTime: '13:45', from: '2031-02-01', switchLanguage: 'vi' },
      cookie,
    );
    expect(schedule.status).toBe(200);
    const html = await schedule.text();
    expect(html).toContain('<html lang="vi"');
    expect(html).toMatch(/id="localTime"[^>]*value="13:45"/);
    expect(html).toMatch(/id="from"[^>]*value="2031-02-01"/);
    expect(html).not.toContain('role="alert"');

    const manager = await signIn(demo.manager);
    const ban = await (
      await post(
        '/vi/authority/bans/',
        { scope: 'route:3', reason: 'Sóng lớn', switchLanguage: 'vi' },
        manager.cookie,
      )
    ).text();
    expect(ban).toMatch(/id="reason"[^>]*value="Sóng lớn"/);
    expect(ban).toMatch(/<option value="route:3" selected/);
  });
});

describe('the language switch of every page with a form', () => {
  it('submits a form the page really has, whoever reads it', async () => {
    const accounts = {
      manager: (await signIn(demo.manager)).cookie,
      operator: (await signIn(demo.operator)).cookie,
      curator: (await signIn(curator)).cookie,
    };
    const pages = [
      '/en/boats/departures/',
      '/en/museum/catalogue/',
      '/en/bookings/find/',
      '/en/operator/',
      '/en/authority/bans/',
      '/en/authority/rules/',
      '/en/staff/boats/',
      '/en/staff/boats/routes/1/',
      '/en/staff/boats/cancellation-policy/',
      '/en/staff/wifi/',
      '/en/staff/wifi/new/',
      '/en/staff/museum/',
      '/en/staff/museum/exhibits/new/',
      '/en/staff/museum/visiting/',
    ];
    let checked = 0;
    for (const cookie of Object.values(accounts)) {
      for (const path of pages) {
        const html = await (await get(path, cookie)).text();
        for (const [, id] of html.matchAll(
          /<button[^>]*\sform="([^"]+)"[^>]*data-testid="language-switch-button"/g,
        )) {
          expect(html, `${path}: the language button's form ${id}`).toMatch(
            new RegExp(`<form[^>]*\\sid="${id}"`),
          );
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
