/**
 * The managers' dashboard page and its CSV files through the built pages mounted on the API app, over counters
 * written as the roll-ups write them: the numbers in the HTML with names for ids and the year-before comparison, a
 * table's CSV with its header in the page's language, who may read them, and refused dates.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addContributions,
  type CounterTotals,
  counterItemKey,
} from '../../../functions/insights/rollups/model.js';
import { createRollupStore } from '../../../functions/insights/rollups/store.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let manager: string;
let operator: string;
const origin = 'http://localhost';
const JULY = 'period=custom&from=2026-07-01&to=2026-07-31';

const get = (path: string, cookie?: string) =>
  platform.app.request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

async function signIn(account: { email: string; password: string }) {
  const response = await platform.app.request(`${origin}/api/auth/session`, {
    method: 'POST',
    headers: { Origin: origin, 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ...account, next: '/en/staff/', language: 'en' }).toString(),
  });
  expect(response.status).toBe(303);
  return (response.headers.get('set-cookie') ?? '').split(';')[0] as string;
}

beforeAll(async () => {
  platform = await createTestPlatform({ seed: true });
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(platform.app, render, createSiteServices(platform.dependencies));
  [manager, operator] = await Promise.all([signIn(demo.manager), signIn(demo.operator)]);
  const counters: CounterTotals = new Map();
  const route1 = '1|tuan-chau|demo-bay-cruises';
  addContributions(counters, [
    { domain: 'BOATS', scope: route1, date: '2025-07-03', hour: 8, measures: { passengers: 8 } },
    {
      domain: 'BOATS',
      scope: route1,
      date: '2026-07-03',
      hour: 8,
      measures: { passengers: 12, checkedIn: 10, revenue: 1_800_000, refunded: 150_000, departuresRun: 1 },
    },
    {
      domain: 'MUSEUM',
      scope: 'exhibits',
      date: '2026-07-03',
      hour: null,
      measures: { 'views.whale-skeleton': 12, 'dwellSeconds.whale-skeleton': 600 },
    },
  ]);
  await createRollupStore(platform.dependencies.db, platform.tableName).replace(counters, []);
});
afterAll(() => platform.dispose());

describe('the dashboard page', () => {
  it('shows a manager the period’s numbers with names, beside the same dates a year before', async () => {
    const response = await get(`/en/staff/dashboard/?${JULY}`, manager);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toContain('no-store');
    const html = await response.text();
    expect(html).toContain('1 July 2026 to 31 July 2026');
    expect(html).toContain('1. Thiên Cung and Đầu Gỗ caves, Fighting Cocks Islet');
    expect(html).toContain('Demo Bay Cruises');
    expect(html).toContain('Fin whale skeleton');
    // 12 passengers against 8 a year before.
    expect(html).toMatch(
      /Passengers booked<\/th>\s*<td class="number"[^>]*>12<\/td>\s*<td class="number"[^>]*>8<\/td>\s*<td class="number"[^>]*>\+50%<\/td>/,
    );
    expect(html).toContain('₫1,650,000');
    expect(html).toContain('/en/staff/dashboard/report.pdf?date=');
    expect(html).not.toContain('generated demo history');
  });

  it('sends the signed-out to sign in, refuses an operator, and explains refused dates', async () => {
    const signedOut = await get(`/en/staff/dashboard/?${JULY}`);
    expect(signedOut.status).toBe(303);
    expect(signedOut.headers.get('location')).toMatch(/^\/en\/staff\/sign-in\/\?next=/);
    const refused = await get('/en/staff/dashboard/', operator);
    expect(refused.status).toBe(403);
    expect(await refused.text()).not.toContain('dashboard-filters');
    const backwards = await get('/en/staff/dashboard/?period=custom&from=2026-07-31&to=2026-07-01', manager);
    expect(backwards.status).toBe(400);
    expect(await backwards.text()).toContain('check the last day');
  });
  it('says plainly when the numbers include generated demo history', async () => {
    // A museum day counter as the demo history writes one (insights/demo-counters).
    const key = { domain: 'MUSEUM', granularity: 'DAY', bucket: '2026-08-02', scope: 'museum' } as const;
    await platform.dependencies.db.send(
      new PutCommand({
        TableName: platform.tableName,
        Item: { ...counterItemKey(key), entity: 'InsightsCounter', visits: 40, demo: true },
      }),
    );
    const august = await (
      await get('/en/staff/dashboard/?period=custom&from=2026-08-01&to=2026-08-31', manager)
    ).text();
    expect(august).toContain('these numbers include generated demo history');
    const july = await (await get(`/vi/staff/dashboard/?${JULY}`, manager)).text();
    expect(july).not.toContain('lịch sử mẫu');
  });
});

describe('a table’s CSV file', () => {
  it('holds the table with its header in the page’s language and plain numbers', async () => {
    const response = await get(`/vi/staff/dashboard/export.csv?table=boats-routes&${JULY}`, manager);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="bang-dieu-hanh-boats-routes-2026-07-01-2026-07-31.csv"',
    );
    const [header, ...rows] = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(header).toBe(
      'Tuyến,Hành khách đã đặt,Hành khách đã lên tàu,Doanh thu thuần,Chuyến đã chạy,Ghế có khách,Tỷ lệ lấp đầy,Lượt từ chối vì hết chỗ',
    );
    expect(rows).toEqual(['1. Thiên Cung – Đầu Gỗ – Hòn Gà Chọi,12,10,1650000,1,0,,0']);
  });

  it('refuses an operator, an unknown table and a refused period', async () => {
    expect((await get(`/en/staff/dashboard/export.csv?table=boats-routes&${JULY}`, operator)).status).toBe(
      403,
    );
    expect((await get(`/en/staff/dashboard/export.csv?table=passwords&${JULY}`, manager)).status).toBe(404);
    expect(
      (await get('/en/staff/dashboard/export.csv?table=boats-routes&period=custom&from=2026-13-01', manager))
        .status,
    ).toBe(400);
  });
});
