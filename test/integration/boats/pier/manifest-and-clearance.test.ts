/**
 * The manifest and the port authority's clearance on DynamoDB Local: the manifest is shown only to the
 * departure's company and the authority, every view and export is in the audit log, a departure is cleared only
 * while every check passes, boarding closes once it is, and it leaves only once cleared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateAt } from '../../../../functions/platform/local-time.js';
import { adult, foreignChild, problemOf, scheduleTestDeparture } from '../../support/bookings.js';
import {
  asStaff,
  checkIn,
  paidBooking,
  postJson,
  scheduleAsManager,
  staffTokens,
  walkUpParty,
} from '../../support/pier.js';
import { createTestPlatform, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;
let operator: string;
let manager: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  ({ operator, manager } = await staffTokens(platform));
});
afterAll(() => platform.dispose());

const manifestOf = (departureId: string, token: string | null, accept = 'application/json') =>
  platform.app.request(`/api/boats/departures/${departureId}/manifest`, {
    headers: {
      Accept: accept,
      'User-Agent': 'pier-test/1.0',
      ...(token && { Authorization: `Bearer ${token}` }),
    },
  });

async function auditOf(resourceId: string) {
  const response = await platform.app.request(
    `/api/audit?date=${new Date().toISOString().slice(0, 10)}&resource=${encodeURIComponent(resourceId)}&limit=200`,
    { headers: asStaff(manager) },
  );
  expect(response.status, await response.clone().text()).toBe(200);
  return (
    (await response.json()) as {
      entries: {
        action: string;
        actor: { email?: string; roles: string[] };
        from: { userAgent: string | null };
        detail?: Record<string, unknown>;
      }[];
    }
  ).entries;
}

const crew = {
  captain: { fullName: 'Phạm Văn Hải', licenceNumber: 'QN-TT-2019-0042' },
  members: [
    { fullName: 'Lê Thị Lan', role: 'safety-officer' },
    { fullName: 'Đỗ Minh Tuấn', role: 'deckhand' },
  ],
};

describe('GET /api/boats/departures/{id}/manifest', () => {
  it('lists every passenger with identity documents, booked and walk-up, checked in or not', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const family = await paidBooking(platform, departureId, [adult(0), foreignChild]);
    await paidBooking(platform, departureId, [adult(1)]);
    expect((await checkIn(platform, operator, { code: family.code, passengers: [0] })).status).toBe(200);
    const sale = await postJson(platform, `/api/boats/departures/${departureId}/walk-ups`, operator, {
      passengers: walkUpParty(1),
      payment: { method: 'card', receiptNumber: 'M-1' },
    });
    expect(sale.status).toBe(201);

    const response = await manifestOf(departureId, operator);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const manifest = (await response.json()) as {
      departure: { capacity: number; booked: number; aboard: number; walkUps: number };
      passengers: {
        bookingId: string;
        fullName: string;
        documentNumber: string;
        nationality: string;
        state: string;
        channel: string;
        guardian?: { fullName: string };
      }[];
    };
    expect(manifest.departure).toMatchObject({ capacity: 48, booked: 4, aboard: 2, walkUps: 1 });
    expect(manifest.passengers).toHaveLength(4);
    const child = manifest.passengers.find((row) => row.fullName === foreignChild.fullName);
    expect(child).toMatchObject({
      bookingId: family.id,
      state: 'expected',
      nationality: foreignChild.nationality,
    });
    expect(child?.guardian?.fullName).toBe(foreignChild.guardian.fullName);
    expect(manifest.passengers.filter((row) => row.state === 'aboard')).toHaveLength(2);
    expect(manifest.passengers.filter((row) => row.channel === 'counter')).toHaveLength(1);
  });

  it('exports CSV for Accept: text/csv, one row per passenger, formula-safe', async () => {
    const departureId = await scheduleTestDeparture(platform);
    await paidBooking(platform, departureId, [adult(0), { ...adult(1), fullName: '-Trần Văn Bình' }]);
    const response = await manifestOf(departureId, manager, 'text/csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toContain(`manifest-${departureId}.csv`);
    const lines = (await response.text())
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe(
      'booking,channel,passenger,full_name,document_type,document_number,nationality,category,guardian_name,guardian_document,guardian_phone,state,checked_in_at',
    );
    expect(lines).toHaveLength(3);
    expect(lines[2]).toContain(",'-Trần Văn Bình,");
  });

  it('is shown only to the departure’s company and the authority', async () => {
    const date = addDays(localDateAt(new Date()), 7);
    const foreign = await scheduleAsManager(platform, manager, {
      boatId: 'sea-swallow-2',
      localTime: '07:20',
      date,
    });
    expect((await manifestOf(foreign, null)).status).toBe(401);
    const refused = await manifestOf(foreign, operator);
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).type).toBe('/problems/forbidden');
    expect((await manifestOf(foreign, manager)).status).toBe(200);
    expect((await manifestOf('dep-20991231-0900-nowhere', manager)).status).toBe(404);
  });

  it('writes every view and export to the audit log, which only the authority reads and nobody can edit', async () => {
    const departureId = await scheduleTestDeparture(platform);
    await paidBooking(platform, departureId);
    expect((await manifestOf(departureId, operator)).status).toBe(200);
    expect((await manifestOf(departureId, manager, 'text/csv')).status).toBe(200);
    expect((await manifestOf(departureId, manager)).status).toBe(200);
    // A refused read is not a read.
    const entries = await auditOf(departureId);
    expect(entries.map((entry) => [entry.action, entry.actor.email])).toEqual([
      ['manifest.view', 'manager@halong.test'],
      ['manifest.export', 'manager@halong.test'],
      ['manifest.view', 'operator@halong.test'],
    ]);
    expect(entries[1]?.detail).toMatchObject({ format: 'csv', rows: 1 });
    expect(entries[0]?.from.userAgent).toBe('pier-test/1.0');
    expect((await platform.app.request('/api/audit', { headers: asStaff(operator) })).status).toBe(403);
    for (const method of ['PUT', 'PATCH', 'DELETE']) {
      expect((await platform.app.request('/api/audit', { method, headers: asStaff(manager) })).status).toBe(
        405,
      );
    }
  });
});

describe('clearance and departure', () => {
  const clearance = (departureId: string, token: string) =>
    platform.app.request(`/api/boats/departures/${departureId}/clearance`, { headers: asStaff(token) });
  const decide = (departureId: string, token: string, body: object) =>
    postJson(platform, `/api/boats/departures/${departureId}/clearance`, token, body);
  const depart = (departureId: string, token: string) =>
    postJson(platform, `/api/boats/departures/${departureId}/departed`, token, {});

  it('computes the checks, refuses to clear while one fails, and clears once they pass', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const booking = await paidBooking(platform, departureId, [adult(0), adult(1)]);
    expect((await checkIn(platform, operator, { code: booking.code })).status).toBe(200);

    const before = (await (await clearance(departureId, manager)).json()) as {
      checks: { id: string; passed: boolean }[];
      clearable: boolean;
    };
    expect(Object.fromEntries(before.checks.map((check) => [check.id, check.passed]))).toEqual({
      certificate: true,
      'manifest-complete': true,
      capacity: true,
      'no-weather-ban': true,
      'crew-recorded': false,
    });
    expect(before.clearable).toBe(false);
    const refused = await decide(departureId, manager, {
      decision: 'cleared',
      reason: 'Checked at the pier',
    });
    expect(refused.status).toBe(422);
    const problem = (await problemOf(refused)) as { type: string; failedChecks?: string[] };
    expect(problem.type).toBe('/problems/clearance-checks-failed');
    expect(problem.failedChecks).toEqual(['crew-recorded']);

    // Leaving without a clearance is refused.
    const early = await depart(departureId, operator);
    expect(early.status).toBe(409);
    expect((await problemOf(early)).type).toBe('/problems/not-cleared');

    const crewed = await postJson(
      platform,
      `/api/boats/departures/${departureId}/crew`,
      operator,
      crew,
      'PUT',
    );
    expect(crewed.status, await crewed.clone().text()).toBe(200);
    // Only the authority decides.
    expect((await decide(departureId, operator, { decision: 'cleared', reason: 'x' })).status).toBe(403);
    const cleared = await decide(departureId, manager, {
      decision: 'cleared',
      reason: 'Equipment and briefing checked',
    });
    expect(cleared.status, await cleared.clone().text()).toBe(200);
    expect(await cleared.json()).toMatchObject({
      clearable: true,
      clearance: {
        decision: 'cleared',
        reason: 'Equipment and briefing checked',
        by: { email: 'manager@halong.test' },
      },
    });

    // Boarding is closed once cleared; the crew is fixed.
    const late = await paidBooking(platform, departureId, [adult(2)]);
    const closed = await checkIn(platform, operator, { code: late.code });
    expect(closed.status).toBe(409);
    expect((await problemOf(closed)).type).toBe('/problems/boarding-closed');
    expect(
      (await postJson(platform, `/api/boats/departures/${departureId}/crew`, operator, crew, 'PUT')).status,
    ).toBe(409);

    const left = await depart(departureId, operator);
    expect(left.status).toBe(200);
    expect(((await left.json()) as { departedAt?: string }).departedAt).toBeDefined();
  });

  it('records a refusal with its reason, and the authority may still clear once the reason is gone', async () => {
    const departureId = await scheduleTestDeparture(platform);
    expect(
      (await postJson(platform, `/api/boats/departures/${departureId}/crew`, operator, crew, 'PUT')).status,
    ).toBe(200);
    const refusal = await decide(departureId, manager, {
      decision: 'refused',
      reason: 'Life jackets short by 6',
    });
    expect(refusal.status).toBe(200);
    expect(await refusal.json()).toMatchObject({
      clearance: { decision: 'refused', reason: 'Life jackets short by 6' },
    });
    expect((await depart(departureId, operator)).status).toBe(409);
    const cleared = await decide(departureId, manager, {
      decision: 'cleared',
      reason: 'Life jackets replaced',
    });
    expect(cleared.status).toBe(200);
    expect((await depart(departureId, operator)).status).toBe(200);
  });

  it('refuses a bad decision or crew with problem+json and changes nothing', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const bad = await decide(departureId, manager, { decision: 'maybe', reason: '' });
    expect(bad.status).toBe(400);
    const badCrew = await postJson(
      platform,
      `/api/boats/departures/${departureId}/crew`,
      operator,
      { captain: { fullName: 'X\u0000', licenceNumber: '' }, members: [] },
      'PUT',
    );
    expect(badCrew.status).toBe(400);
    const view = (await (await clearance(departureId, manager)).json()) as {
      clearance?: unknown;
      checks: { id: string; passed: boolean }[];
    };
    expect(view.clearance).toBeUndefined();
    expect(view.checks.find((check) => check.id === 'crew-recorded')?.passed).toBe(false);
  });
});
