// The managers' morning report on DynamoDB Local over the demo year: the PDF a manager downloads, in either
// language; the recipients managers set; the 06:30 job sending each recipient the report in their language through
// the messages port (the local outbox), once a day however often it runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forecastsFor, insightsJobsFor } from '../../../functions/insights/index.js';
import { localDateAt } from '../../../functions/platform/local-time.js';
import type { Outbox } from '../../../functions/platform/messages/outbox.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let manager: string;
const today = localDateAt(new Date());

beforeAll(async () => {
  platform = await createTestPlatform({ demoCounters: true });
  manager = await platform.signIn(demo.manager.email, demo.manager.password);
  await forecastsFor(platform.dependencies).refreshAll();
});
afterAll(() => platform.dispose());

const request = (path: string, init: RequestInit & { token?: string | null } = {}) => {
  const { token = manager, ...rest } = init;
  return platform.app.request(path, {
    ...rest,
    headers: {
      ...(token && { Authorization: `Bearer ${token}` }),
      ...(rest.body && { 'Content-Type': 'application/json' }),
    },
  });
};

describe('the PDF', () => {
  it.each(['vi', 'en'] as const)('is one A4 page in %s, downloaded as a file', async (language) => {
    const response = await request(`/api/insights/morning-report?date=${today}&language=${language}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('Content-Type')).toBe('application/pdf');
    expect(response.headers.get('Content-Disposition')).toBe(
      `attachment; filename="morning-report-${today}-${language}.pdf"`,
    );
    expect(response.headers.get('Cache-Control')).toBe('private, no-store');
    const pdf = Buffer.from(await response.arrayBuffer()).toString('latin1');
    expect(pdf.startsWith('%PDF-1.7')).toBe(true);
    expect(pdf).toMatch(/\/Type \/Pages\s*\/Count 1\b/);
    // The font with Vietnamese letters is embedded (a subset), so no reader substitutes one without them.
    expect(pdf).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans/);
    expect(pdf).toContain(`/Lang (${language})`);
  });

  it('is for managers only, and refuses a date that is not one', async () => {
    const operator = await platform.signIn(demo.operator.email, demo.operator.password);
    expect((await request('/api/insights/morning-report', { token: operator })).status).toBe(403);
    expect((await request('/api/insights/morning-report', { token: null })).status).toBe(401);
    const bad = await request('/api/insights/morning-report?date=2026-13-40');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('Content-Type')).toBe(PROBLEM_JSON);
  });
});

describe('the 06:30 message', () => {
  it('goes to each recipient in their language, once a day however often the job runs', async () => {
    const recipients = {
      recipients: [
        { email: 'giam.doc@quangninh.gov.vn', language: 'vi' },
        { email: 'Duty.Officer@halong.test', language: 'en' },
      ],
    };
    const saved = await request('/api/insights/morning-report/recipients', {
      method: 'PUT',
      body: JSON.stringify(recipients),
    });
    expect(saved.status, await saved.clone().text()).toBe(200);
    const listed = (await (
      await request('/api/insights/morning-report/recipients')
    ).json()) as typeof recipients;
    expect(listed.recipients.map((one) => one.email)).toEqual([
      'giam.doc@quangninh.gov.vn',
      'duty.officer@halong.test',
    ]);

    const job = insightsJobsFor(platform.dependencies).find((one) => one.name === 'send-morning-report');
    expect(job?.dailyAt).toEqual({ hour: 6, minute: 30 });
    expect(await job?.run()).toEqual({ sent: 2, skipped: 0 });
    expect(await job?.run()).toEqual({ sent: 0, skipped: 2 });

    const sent = (await (platform.dependencies.messages as Outbox).list(20)).filter(
      (message) => message.reference === `morning-report-${today}`,
    );
    expect(sent).toHaveLength(2);
    const vi = sent.find((message) => JSON.stringify(message.to).includes('giam.doc'));
    const en = sent.find((message) => JSON.stringify(message.to).includes('duty.officer'));
    expect(vi?.subject).toBe(`Báo cáo buổi sáng — Du lịch Hạ Long · ${today}`);
    expect(vi?.text).toMatch(/Hôm qua \(/);
    expect(vi?.text).toMatch(/Tàu tham quan: [\d.]+ khách đã đặt/);
    expect(vi?.text).toContain('dữ liệu mẫu');
    expect(en?.subject).toBe(`Morning report — Hạ Long tourism · ${today}`);
    expect(en?.text).toMatch(/Boats: [\d,]+ passengers booked, [\d,]+ checked in/);
    expect(en?.text).toMatch(/The week ahead \(forecast\)\n- Bay passengers|The week ahead \(forecast\)\n- /);
  });

  it('refuses recipients named twice or with a wrong address, keeping the list as it was', async () => {
    const before = await (await request('/api/insights/morning-report/recipients')).json();
    for (const body of [
      {
        recipients: [
          { email: 'a@halong.test', language: 'vi' },
          { email: 'A@halong.test', language: 'en' },
        ],
      },
      { recipients: [{ email: 'not an address', language: 'vi' }] },
      { recipients: [{ email: 'a@halong.test', language: 'fr' }] },
    ]) {
      const response = await request('/api/insights/morning-report/recipients', {
        method: 'PUT',
        body: JSON.stringify(body),
      });
      expect(response.status).toBe(400);
      expect(response.headers.get('Content-Type')).toBe(PROBLEM_JSON);
    }
    expect(await (await request('/api/insights/morning-report/recipients')).json()).toEqual(before);
  });
});
