/**
 * The pier's staff pages through the built site mounted on the API app: the authority's day board is the port
 * authority's only, and shows every company's departures while an operator's own day holds only their company's;
 * a departure's page and manifest are its company's, and every manifest view and CSV download is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices, type SiteServices } from '../../../functions/site/services.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let services: SiteServices;
const origin = 'http://localhost';

beforeAll(async () => {
  platform = await createTestPlatform();
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  services = createSiteServices(platform.dependencies);
  mountSitePages(platform.app, render, services);
});
afterAll(() => platform.dispose());

const get = (path: string, cookie: string) =>
  platform.app.request(`${origin}${path}`, { headers: { Cookie: cookie } });

async function signIn(account: { email: string; password: string }) {
  const response = await platform.app.request(`${origin}/api/auth/session`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...account, next: '/en/operator/', language: 'en' }).toString(),
  });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

const principalOf = async (cookie: string) => {
  const principal = await services.operator.principalOf(cookie.split('=')[1]);
  if (!principal) throw new Error('not signed in');
  return principal;
};

describe('the pier pages', () => {
  const date = addDays(localDateAt(new Date()), 2);

  it("shows the authority every company's departures and an operator only their own company's", async () => {
    const [manager, operator] = await Promise.all([signIn(demo.manager), signIn(demo.operator)]);
    const operatorPrincipal = await principalOf(operator);
    const everyone = await services.pier.day(date, await principalOf(manager));
    const own = await services.pier.day(date, operatorPrincipal);
    const companies = new Set(everyone.map((row) => row.departure.operatorId));
    expect(companies.size).toBeGreaterThan(1);
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((row) => row.departure.operatorId === operatorPrincipal.companyId)).toBe(true);
    expect(own.length).toBeLessThan(everyone.length);

    const board = await get(`/en/authority/?date=${date}`, manager);
    expect(board.status).toBe(200);
    const html = await board.text();
    for (const row of everyone) expect(html).toContain(`data-departure="${row.departure.id}"`);
    expect(html).toContain('<meta name="robots" content="noindex"');

    const refused = await get(`/en/authority/?date=${date}`, operator);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('data-testid="day-board"');
  });

  it("lets an operator open their departure's page, manifest and CSV, and records each manifest read", async () => {
    const operator = await signIn(demo.operator);
    const principal = await principalOf(operator);
    const [own] = await services.pier.day(date, principal);
    if (!own) throw new Error('no departure of the operator');
    const base = `/en/operator/departures/${encodeURIComponent(own.departure.id)}/`;

    const page = await get(base, operator);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('data-testid="departure-counts"');

    const manifest = await get(`${base}manifest/`, operator);
    expect(manifest.status).toBe(200);
    expect(await manifest.text()).toContain('recorded in the audit log');

    const csv = await get(`${base}manifest.csv`, operator);
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await csv.text()).toContain('booking,channel,passenger');

    const log = await services.pier.auditDay({
      date: new Date().toISOString().slice(0, 10),
      resourceId: own.departure.id,
    });
    if ('kind' in log) throw new Error(log.message);
    expect(log.entries.map((entry) => [entry.action, entry.detail?.format])).toEqual(
      expect.arrayContaining([
        ['manifest.view', 'page'],
        ['manifest.export', 'csv'],
      ]),
    );
  });

  it("turns an operator away from another company's departure", async () => {
    const [manager, operator] = await Promise.all([signIn(demo.manager), signIn(demo.operator)]);
    const operatorPrincipal = await principalOf(operator);
    const everyone = await services.pier.day(date, await principalOf(manager));
    const foreign = everyone.find((row) => row.departure.operatorId !== operatorPrincipal.companyId);
    if (!foreign) throw new Error('no departure of another company');
    const response = await get(
      `/en/operator/departures/${encodeURIComponent(foreign.departure.id)}/manifest/`,
      operator,
    );
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('data-testid="audit-notice"');
  });

  it('records the crew, sells at the counter and refuses to mark an uncleared departure as left, by plain forms', async () => {
    const operator = await signIn(demo.operator);
    const principal = await principalOf(operator);
    const [, own] = await services.pier.day(addDays(localDateAt(new Date()), 3), principal);
    if (!own) throw new Error('no second departure of the operator');
    const path = `/en/operator/departures/${encodeURIComponent(own.departure.id)}/`;
    const post = (fields: Record<string, string>) =>
      platform.app.request(`${origin}${path}`, {
        method: 'POST',
        headers: { Cookie: operator, Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
      });

    const crew = await post({
      action: 'crew',
      captainName: 'Phạm Văn Hải',
      captainLicence: 'QN-TT-2019-0042',
      'm0.fullName': 'Lê Thị Lan',
      'm0.role': 'safety-officer',
    });
    expect(crew.status).toBe(200);
    expect(await crew.text()).toContain('data-testid="pier-notice"');
    const stored = await services.pier.departure(own.departure.id, principal);
    if ('kind' in stored) throw new Error(stored.message);
    expect(stored.departure.crew?.captain.fullName).toBe('Phạm Văn Hải');

    const aboardBefore = stored.departure.aboard;
    const sale = await post({
      action: 'sell',
      language: 'en',
      'p0.category': 'adult',
      'p0.fullName': 'Trần Thị Bình',
      'p0.documentType': 'citizen_id',
      'p0.documentNumber': '001200000777',
      'p0.nationality': 'vn',
      paymentMethod: 'cash',
      receiptNumber: 'SITE-0001',
      board: 'on',
    });
    expect(sale.status).toBe(200);
    expect(await sale.text()).toContain('SITE-0001');
    const sold = await services.pier.departure(own.departure.id, principal);
    if ('kind' in sold) throw new Error(sold.message);
    expect(sold.departure.aboard).toBe(aboardBefore + 1);

    const invalid = await post({ action: 'sell', language: 'en', paymentMethod: 'cash', receiptNumber: '' });
    expect(invalid.status).toBe(422);

    const depart = await post({ action: 'depart' });
    expect(depart.status).toBe(422);
    const after = await services.pier.departure(own.departure.id, principal);
    if ('kind' in after) throw new Error(after.message);
    expect(after.departure.departedAt).toBeUndefined();
  });
});
