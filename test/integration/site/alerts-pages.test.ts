/**
 * The alerts console and the safety rules page through the built site mounted on the API app, read as a browser
 * without JavaScript reads them: the authority's console lists every company's unresolved alerts with their forms
 * and counts them in the title and the nav; an operator's console holds its company's only; the rules page shows
 * the rules in force as a form posting to the API and marks the fields the API refused.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

const get = (path: string, cookie = '') =>
  platform.app.request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

async function signIn(account: { email: string; password: string }) {
  const response = await platform.app.request(`${origin}/api/auth/session`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...account, next: '/en/operator/', language: 'en' }).toString(),
  });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

/** An SOS from `trackerId`, as Traccar Client sends it. */
async function sos(trackerId: string, lat: string, lon: string) {
  const query = new URLSearchParams({
    id: trackerId,
    timestamp: String(Math.floor(Date.now() / 1000)),
    lat,
    lon,
    alarm: 'sos',
  });
  const answer = await platform.app.request(`/api/tracking/osmand?${query}`, { method: 'POST' });
  expect(answer.status).toBe(200);
}

/** The ids of the alert cards in the console's unresolved list. */
const cardIds = (html: string) => [...html.matchAll(/data-alert-id="([^"]+)"/g)].map((match) => match[1]);

describe('the alerts console', () => {
  it('shows the authority every company’s unresolved alerts with their forms, counted in the title and the nav', async () => {
    await sos('GT-QN5868', '20.91', '107.0');
    await sos('GT-QN7305', '20.88', '107.05');
    const [manager, operator] = await Promise.all([signIn(demo.manager), signIn(demo.operator)]);

    const page = await get('/en/authority/alerts/', manager);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    const ids = cardIds(html);
    expect(ids).toHaveLength(2);
    expect(html).toContain('<title>(2) Safety alerts');
    expect(html).toMatch(/data-testid="nav-alert-count"[^>]*>\s*<span aria-hidden="true"[^>]*>2<\/span>/);
    expect(html).toContain('Bay Pearl 01');
    expect(html).toContain('Sea Swallow 1');
    expect(html).toContain('SOS from the boat’s tracker.');
    expect(html).toContain('href="/en/authority/map/?boat=bay-pearl-01&#38;lat=20.91&#38;lon=107"');
    for (const id of ids) {
      expect(html).toContain(`action="/api/tracking/alerts/${id}/acknowledge"`);
      expect(html).toContain(`action="/api/tracking/alerts/${id}/resolve"`);
      expect(html).toContain(`<label for="resolve-note-${id}">What was done (required)</label>`);
    }
    expect(html).toContain('name="console" value="authority"');

    const refused = await get('/en/authority/alerts/', operator);
    expect(refused.status).toBe(403);
    expect(cardIds(await refused.text())).toEqual([]);
  });

  it('shows an operator its company’s alerts only, on its own console', async () => {
    const operator = await signIn(demo.operator);
    const page = await get('/vi/operator/alerts/', operator);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('Bay Pearl 01');
    expect(html).not.toContain('Sea Swallow 1');
    expect(cardIds(html)).toHaveLength(1);
    expect(html).toContain('name="console" value="operator"');
    expect(html).toContain('<title>(1) Cảnh báo của đội tàu');
  });

  it('says what the form post did, as a status or an alert', async () => {
    const manager = await signIn(demo.manager);
    const done = await (await get('/en/authority/alerts/?done=AL-1', manager)).text();
    expect(done).toMatch(/class="notice" role="status"[^>]*>\s*Alert AL-1 updated\./);
    const failed = await (await get('/en/authority/alerts/?error=note-required', manager)).text();
    expect(failed).toMatch(
      /class="form-error" role="alert"[^>]*>\s*Say what was done before resolving the alert\./,
    );
  });

  it('sends a visitor without a session to sign in', async () => {
    const page = await get('/en/authority/alerts/');
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toBe('/en/staff/sign-in/?next=%2Fen%2Fauthority%2Falerts%2F');
  });
});

describe('the safety rules page', () => {
  it('shows the rules in force as a form to the API and marks the fields the API refused', async () => {
    const manager = await signIn(demo.manager);
    const page = await get('/en/authority/rules/', manager);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('action="/api/tracking/rules"');
    expect(html).toContain('name="version" value="0"');
    expect(html).toContain('Version 0: the defaults drawn from the bay map, never saved.');
    expect(html).toMatch(/name="signalLostAfterSeconds"[^>]*value="40"/);
    expect(html).toContain('name="speedZones.0.limitKnots"');
    expect(html).toContain('name="corridors.0.widthMetres"');
    expect(html).toContain('name="stops.0.maxStopMinutes"');
    expect(html).toContain('name="ports.0.radiusMetres"');
    expect(html).toContain('name="dutyContacts.0.name"');

    const refused = await (
      await get(
        '/en/authority/rules/?error=validation-error&fields=signalLostAfterSeconds,ports.0.radiusMetres',
        manager,
      )
    ).text();
    expect(refused).toMatch(/id="rule-signalLostAfterSeconds"[^>]*aria-invalid="true"/);
    expect(refused).toMatch(/id="rule-ports-0-radiusMetres"[^>]*aria-invalid="true"/);
    expect(refused).toContain('href="#rule-signalLostAfterSeconds"');
    expect(refused).toContain('>Signal lost after (seconds)</a>');

    const operator = await signIn(demo.operator);
    const forbidden = await get('/en/authority/rules/', operator);
    expect(forbidden.status).toBe(403);
    expect(await forbidden.text()).not.toContain('action="/api/tracking/rules"');
  });
});
