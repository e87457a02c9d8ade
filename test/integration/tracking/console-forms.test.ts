/**
 * The alerts console's and the rules page's plain HTML forms against the API on DynamoDB Local, posted as a
 * browser posts them: the staff session cookie and the site's Origin, answered with a 303 back to the page. An
 * SOS reported the way Traccar Client reports it is acknowledged and resolved from the console's forms; the rules
 * page's form changes the numbers (and the contacts) over the version read, keeps the geometry, and is audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../../functions/tracking/live/model.js';
import type { SafetyRules } from '../../../functions/tracking/safety/model.js';
import { asStaff, staffTokens } from '../support/pier.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let manager: string;
let operator: string;
const site = 'http://localhost';

beforeAll(async () => {
  platform = await createTestPlatform();
  ({ manager, operator } = await staffTokens(platform));
});
afterAll(() => platform.dispose());

/** A form posted from the site's page with `token` as the staff session cookie. */
function postForm(path: string, fields: Record<string, string>, token: string | null, origin = site) {
  return platform.app.request(`${site}${path}`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      Origin: origin,
      ...(token ? { Cookie: `hl_staff=${token}` } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

async function redirectOf(response: Response): Promise<string> {
  expect(response.status, await response.clone().text()).toBe(303);
  return response.headers.get('location') ?? '';
}

async function currentRules(): Promise<SafetyRules> {
  const response = await platform.app.request('/api/tracking/rules', { headers: asStaff(manager) });
  expect(response.status).toBe(200);
  return (await response.json()) as SafetyRules;
}

async function unresolvedAlerts(token: string): Promise<Alert[]> {
  const response = await platform.app.request('/api/tracking/alerts', { headers: asStaff(token) });
  expect(response.status).toBe(200);
  return ((await response.json()) as { alerts: Alert[] }).alerts;
}

/** An SOS from `trackerId`, as Traccar Client sends it: POST, the fields in the query, no body. */
async function sos(trackerId: string): Promise<Alert> {
  const query = new URLSearchParams({
    id: trackerId,
    timestamp: String(Math.floor(Date.now() / 1000)),
    lat: '20.91',
    lon: '107.0',
    alarm: 'sos',
  });
  const answer = await platform.app.request(`/api/tracking/osmand?${query}`, { method: 'POST' });
  expect(answer.status, await answer.clone().text()).toBe(200);
  const alerts = await unresolvedAlerts(manager);
  const raised = alerts.find((alert) => alert.kind === 'sos' && alert.state === 'open');
  if (!raised) throw new Error(`no SOS alert among ${alerts.map((alert) => alert.kind).join(', ')}`);
  return raised;
}

async function auditActions(action: string): Promise<{ action: string; resource: { id: string } }[]> {
  const response = await platform.app.request(`/api/audit?action=${action}&limit=200`, {
    headers: asStaff(manager),
  });
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: { action: string; resource: { id: string } }[] }).entries;
}

describe('the alerts console’s forms', () => {
  it('acknowledges and resolves an SOS with the session cookie, and says why a resolution was refused', async () => {
    const alert = await sos('GT-QN5868');
    expect(alert).toMatchObject({ boatId: 'bay-pearl-01', position: { latitude: 20.91, longitude: 107 } });
    const path = (action: string) => `/api/tracking/alerts/${alert.id}/${action}`;

    expect((await postForm(path('acknowledge'), { note: 'x' }, manager, 'https://evil.example')).status).toBe(
      403,
    );
    expect((await postForm(path('acknowledge'), { note: 'x' }, null)).status).toBe(401);

    const acknowledged = await postForm(
      path('acknowledge'),
      { note: 'Gọi thuyền trưởng', language: 'en' },
      manager,
    );
    expect(await redirectOf(acknowledged)).toBe(`/en/authority/alerts/?done=${alert.id}`);
    expect(await redirectOf(await postForm(path('acknowledge'), { language: 'vi' }, manager))).toBe(
      '/vi/authority/alerts/?error=alert-state-changed',
    );
    expect(await redirectOf(await postForm(path('resolve'), { note: '   ', language: 'en' }, manager))).toBe(
      '/en/authority/alerts/?error=note-required',
    );
    const resolved = await postForm(
      path('resolve'),
      { note: 'Cứu hộ đã đến, mọi người an toàn', language: 'vi' },
      manager,
    );
    expect(await redirectOf(resolved)).toBe(`/vi/authority/alerts/?done=${alert.id}`);

    expect((await unresolvedAlerts(manager)).map((each) => each.id)).not.toContain(alert.id);
    const day = await platform.app.request(`/api/tracking/alerts?date=${alertDay(alert)}`, {
      headers: asStaff(manager),
    });
    const stored = ((await day.json()) as { alerts: Alert[] }).alerts.find((each) => each.id === alert.id);
    expect(stored).toMatchObject({
      state: 'resolved',
      acknowledged: { by: 'manager@halong.test', note: 'Gọi thuyền trưởng' },
      resolved: { by: 'manager@halong.test', note: 'Cứu hộ đã đến, mọi người an toàn' },
    });
    const audited = [
      ...(await auditActions('tracking-alert.acknowledge')),
      ...(await auditActions('tracking-alert.resolve')),
    ].filter((entry) => entry.resource.id === alert.id);
    expect(audited.map((entry) => entry.action).sort()).toEqual([
      'tracking-alert.acknowledge',
      'tracking-alert.resolve',
    ]);
  });

  it('sends an operator back to its own console, and not into another company’s alert', async () => {
    const own = await sos('GT-QN5912');
    expect(own.boatId).toBe('bay-pearl-02');
    const acknowledged = await postForm(
      `/api/tracking/alerts/${own.id}/acknowledge`,
      { language: 'en', console: 'operator' },
      operator,
    );
    expect(await redirectOf(acknowledged)).toBe(`/en/operator/alerts/?done=${own.id}`);

    const foreign = await sos('GT-QN7305');
    expect(foreign.boatId).toBe('sea-swallow-1');
    const refused = await postForm(
      `/api/tracking/alerts/${foreign.id}/acknowledge`,
      { language: 'en', console: 'operator' },
      operator,
    );
    expect(await redirectOf(refused)).toBe('/en/operator/alerts/?error=not-found');
    expect((await unresolvedAlerts(operator)).map((alert) => alert.boatId)).not.toContain('sea-swallow-1');
  });
});

describe('the rules page’s form', () => {
  it('changes the numbers and the contacts over the version read, keeping the geometry, and audits it', async () => {
    const before = await currentRules();
    const answer = await postForm(
      '/api/tracking/rules',
      {
        version: String(before.version),
        language: 'en',
        signalLostAfterSeconds: '90',
        movingAboveKnots: '2.5',
        stoppedAfterMinutes: String(before.stoppedAfterMinutes),
        defaultSpeedLimitKnots: '18',
        'speedZones.0.limitKnots': '5',
        'corridors.1.widthMetres': '1200',
        'stops.0.maxStopMinutes': '40',
        'stops.0.radiusMetres': '300',
        'ports.0.radiusMetres': '700',
        'dutyContacts.0.name': 'Trực ban Cảng vụ',
        'dutyContacts.0.email': 'duty@halong.test',
        'dutyContacts.0.phone': '+84 203 384 6000',
        'dutyContacts.1.name': '',
        'dutyContacts.1.email': '',
        'dutyContacts.1.phone': '',
      },
      manager,
    );
    const location = await redirectOf(answer);
    expect(location).toBe(`/en/authority/rules/?saved=${before.version + 1}`);

    const after = await currentRules();
    expect(after).toMatchObject({
      version: before.version + 1,
      updatedBy: 'manager@halong.test',
      signalLostAfterSeconds: 90,
      movingAboveKnots: 2.5,
      defaultSpeedLimitKnots: 18,
      dutyContacts: [{ name: 'Trực ban Cảng vụ', email: 'duty@halong.test', phone: '+84 203 384 6000' }],
    });
    expect(after.speedZones[0]?.limitKnots).toBe(5);
    expect(after.corridors[1]?.widthMetres).toBe(1200);
    expect(after.stops[0]).toMatchObject({ maxStopMinutes: 40, radiusMetres: 300 });
    expect(after.ports[0]?.radiusMetres).toBe(700);
    expect(after.permittedZone).toEqual(before.permittedZone);
    expect(after.corridors.map((corridor) => corridor.line)).toEqual(before.corridors.map((c) => c.line));
    expect(after.speedZones.slice(1)).toEqual(before.speedZones.slice(1));
    expect(
      (await auditActions('tracking-rules.update')).filter((entry) => entry.resource.id === 'current'),
    ).toHaveLength(1);

    // The same form again, still at the version it read: someone saved since.
    const stale = await postForm(
      '/api/tracking/rules',
      { version: String(before.version), language: 'vi', signalLostAfterSeconds: '60' },
      manager,
    );
    expect(await redirectOf(stale)).toBe('/vi/authority/rules/?error=rules-changed');
    expect((await currentRules()).signalLostAfterSeconds).toBe(90);
  });

  it('names the refused fields and saves nothing', async () => {
    const before = await currentRules();
    const answer = await postForm(
      '/api/tracking/rules',
      {
        version: String(before.version),
        language: 'en',
        signalLostAfterSeconds: '5',
        'ports.2.radiusMetres': '',
        'dutyContacts.0.name': 'Nobody',
      },
      manager,
    );
    const location = new URL(await redirectOf(answer), site);
    expect(location.pathname).toBe('/en/authority/rules/');
    expect(location.searchParams.get('error')).toBe('validation-error');
    expect(location.searchParams.get('fields')?.split(',').sort()).toEqual(
      ['dutyContacts.0.email', 'ports.2.radiusMetres', 'signalLostAfterSeconds'].sort(),
    );
    expect(await currentRules()).toEqual(before);
  });

  it('is the authority’s, from the site’s own page only; API clients PUT JSON', async () => {
    const { version } = await currentRules();
    const fields = { version: String(version), signalLostAfterSeconds: '100' };
    expect((await postForm('/api/tracking/rules', fields, operator)).status).toBe(403);
    expect((await postForm('/api/tracking/rules', fields, null)).status).toBe(401);
    expect((await postForm('/api/tracking/rules', fields, manager, 'https://evil.example')).status).toBe(403);
    const json = await platform.app.request('/api/tracking/rules', {
      method: 'POST',
      headers: asStaff(manager, { 'Content-Type': 'application/json' }),
      body: JSON.stringify({ version }),
    });
    expect(json.status).toBe(415);
    expect((await currentRules()).version).toBe(version);
  });
});

/** The local (Hạ Long) day an alert was raised on, as `?date=` takes it. */
function alertDay(alert: Alert): string {
  return new Date(Date.parse(alert.raisedAt) + 7 * 3_600_000).toISOString().slice(0, 10);
}
