/**
 * The safety half of tracking through the API on DynamoDB Local: each rule raising its alert from positions sent
 * as Traccar Client sends them, the signal check, acknowledging and resolving (audited, scoped to the company),
 * the messages that go out, the rules' edits, and who sees which boat.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Departure, newDeparture } from '../../../functions/boats/departures/model.js';
import { createDeparturesStore } from '../../../functions/boats/departures/store.js';
import type { Boat } from '../../../functions/boats/fleet/model.js';
import { createFleetStore } from '../../../functions/boats/fleet/store.js';
import { createAuditLog } from '../../../functions/platform/audit/log.js';
import { localDateAt } from '../../../functions/platform/local-time.js';
import { createLogger } from '../../../functions/platform/logger.js';
import type { Outbox } from '../../../functions/platform/messages/outbox.js';
import type { OutgoingMessage } from '../../../functions/platform/messages/port.js';
import { trackingServicesFor } from '../../../functions/tracking/index.js';
import type { Alert, TrackedBoat } from '../../../functions/tracking/live/model.js';
import { createAlertsService } from '../../../functions/tracking/safety/alerts.js';
import { createAlertsStore } from '../../../functions/tracking/safety/alerts-store.js';
import type { SafetyRules } from '../../../functions/tracking/safety/model.js';
import { boatFares } from '../support/bookings.js';
import { asStaff, paidBooking, postJson, staffTokens } from '../support/pier.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let tokens: { operator: string; manager: string };
/** A company that is not the demo operator's (demo-bay-cruises). */
const OTHER_COMPANY = 'tuan-chau-sea-tours';

/** Open water on route 1, away from ports, stops and slow zones. */
const ON_ROUTE = { lat: 20.9136, lon: 107.02379 };
const IN_TUAN_CHAU_PORT = { lat: 20.92, lon: 106.993 };
/** Open water inside the permitted zone, 962 m from route 1's line (its corridor: 800 m either side). */
const OFF_ROUTE_1 = { lat: 20.92, lon: 107.03 };

/** Test boats of their own, so the demo's seeded departures never run beside these tests' trips. */
const boats = {
  sos: 'safety-sos',
  uncleared: 'safety-uncleared',
  cleared: 'safety-cleared',
  silent: 'safety-silent',
  other: 'safety-other-company',
  ticket: 'safety-ticket',
  zone: 'safety-zone',
  offRoute: 'safety-off-route',
  stopped: 'safety-stopped',
  banned: 'safety-banned',
  phoneOnly: 'safety-phone-only',
} as const;
const trackerOf = (boatId: string) => `GT-${boatId.toUpperCase()}`;
const departures: Record<string, string> = {};

async function addBoat(id: string, operatorId: string, registrationNumber: string): Promise<Boat> {
  const boat: Boat = {
    id,
    operatorId,
    name: `Safety test ${id}`,
    registrationNumber,
    class: 'day-cruise',
    certifiedCapacity: 48,
    safetyCertificateExpiresOn: '2030-12-31',
    trackerId: trackerOf(id),
    mmsi: null,
  };
  expect(await createFleetStore(platform.dependencies.db, platform.tableName).addBoatIfAbsent(boat)).toBe(
    true,
  );
  return boat;
}

/** A route-1 departure of `boat` leaving `minutesAgo` minutes ago (negative: in the future), stored as is. */
async function addDeparture(
  boat: Boat,
  minutesAgo: number,
  overrides: Partial<Departure> = {},
): Promise<string> {
  const local = new Date(Date.now() - minutesAgo * 60_000 + 7 * 3_600_000).toISOString();
  const operator = await createFleetStore(platform.dependencies.db, platform.tableName).getOperator(
    boat.operatorId,
  );
  if (!operator) throw new Error(`no operator ${boat.operatorId}`);
  const departure = {
    ...newDeparture({
      boat,
      operator,
      routeId: 1,
      portId: 'tuan-chau',
      localDate: local.slice(0, 10),
      localTime: local.slice(11, 16),
      fares: boatFares,
      createdAt: new Date().toISOString(),
    }),
    ...overrides,
  };
  expect(
    await createDeparturesStore(platform.dependencies.db, platform.tableName).addDepartures([departure]),
  ).toEqual({
    added: true,
  });
  return departure.id;
}

/** Traccar Client's request: POST, the fields in the query string, no body. */
async function report(boatId: string, fields: Record<string, string | number> = {}, where = ON_ROUTE) {
  const query = new URLSearchParams({
    id: trackerOf(boatId),
    timestamp: String(Math.floor(Date.now() / 1000)),
    lat: String(where.lat),
    lon: String(where.lon),
    speed: '9',
    bearing: '95',
    batt: '80',
    ...Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, String(value)])),
  });
  const response = await platform.app.request(`/api/tracking/osmand?${query}`, { method: 'POST' });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function alertsAs(token: string, query = ''): Promise<Alert[]> {
  const response = await platform.app.request(`/api/tracking/alerts${query}`, { headers: asStaff(token) });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { alerts: Alert[] }).alerts;
}

const alertOf = async (boatId: string, kind: Alert['kind']) =>
  (await alertsAs(tokens.manager)).find((alert) => alert.boatId === boatId && alert.kind === kind);

const outbox = () => platform.dependencies.messages as Outbox;

beforeAll(async () => {
  platform = await createTestPlatform();
  tokens = await staffTokens(platform);
  const [sos, uncleared, cleared, silent, other, ticket, zone, offRoute, stopped, banned] = await Promise.all(
    [
      addBoat(boats.sos, 'demo-bay-cruises', 'QN-90001'),
      addBoat(boats.uncleared, 'demo-bay-cruises', 'QN-90002'),
      addBoat(boats.cleared, 'demo-bay-cruises', 'QN-90003'),
      addBoat(boats.silent, 'demo-bay-cruises', 'QN-90004'),
      addBoat(boats.other, OTHER_COMPANY, 'QN-90005'),
      addBoat(boats.ticket, 'demo-bay-cruises', 'QN-90006'),
      addBoat(boats.zone, 'demo-bay-cruises', 'QN-90007'),
      addBoat(boats.offRoute, 'demo-bay-cruises', 'QN-90008'),
      addBoat(boats.stopped, 'demo-bay-cruises', 'QN-90009'),
      addBoat(boats.banned, 'demo-bay-cruises', 'QN-90010'),
      // A company with a phone and no e-mail address.
      addBoat(boats.phoneOnly, 'hon-gai-day-cruises', 'QN-90011'),
    ],
  );
  void sos;
  const clearance = {
    decision: 'cleared' as const,
    reason: 'All checks pass',
    at: new Date(Date.now() - 70 * 60_000).toISOString(),
    by: { subject: 'test', email: demo.manager.email },
    checks: [],
  };
  departures.uncleared = await addDeparture(uncleared, 60, { aboard: 30 });
  departures.cleared = await addDeparture(cleared, 60, {
    clearance,
    departedAt: clearance.at,
  } as Partial<Departure>);
  departures.silent = await addDeparture(silent, 10, { aboard: 12 });
  departures.other = await addDeparture(other, 60, { clearance } as Partial<Departure>);
  // Leaves in 40 minutes: still on sale (online sales close 30 minutes before), and within the hour before
  // departure from which its ticket holder may follow the boat.
  departures.ticket = await addDeparture(ticket, -40);
  departures.zone = await addDeparture(zone, 60, {
    clearance,
    departedAt: clearance.at,
  } as Partial<Departure>);
  departures.offRoute = await addDeparture(offRoute, 60, {
    clearance,
    departedAt: clearance.at,
  } as Partial<Departure>);
  departures.stopped = await addDeparture(stopped, 60, {
    clearance,
    departedAt: clearance.at,
  } as Partial<Departure>);
  // Due out 5 minutes ago on route 4 (no other trip of these tests or the demo's runs it), and not left: the
  // authority's weather ban on route 4 suspends it.
  departures.banned = await addDeparture(banned, 5, { routeId: 4 });
  const ban = await postJson(platform, '/api/boats/bans', tokens.manager, {
    scope: { kind: 'route', routeId: 4 },
    from: new Date(Date.now() - 60 * 60_000).toISOString(),
    until: new Date(Date.now() + 3 * 60 * 60_000).toISOString(),
    reason: 'Storm warning over the outer bay',
  });
  expect(ban.status, await ban.clone().text()).toBe(201);
});
afterAll(() => platform.dispose());

describe('SOS', () => {
  it('raises one alert from Traccar Client’s alarm, tells the boat’s company by phone and e-mail, and does not raise it twice', async () => {
    await report(boats.sos, { alarm: 'sos' }, IN_TUAN_CHAU_PORT);
    await report(
      boats.sos,
      { alarm: 'sos', timestamp: Math.floor(Date.now() / 1000) + 1 },
      IN_TUAN_CHAU_PORT,
    );
    const sos = (await alertsAs(tokens.manager)).filter((alert) => alert.boatId === boats.sos);
    expect(sos).toHaveLength(1);
    expect(sos[0]).toMatchObject({
      kind: 'sos',
      state: 'open',
      operatorId: 'demo-bay-cruises',
      departureId: null,
      position: { latitude: 20.92, longitude: 106.993 },
      acknowledged: null,
      resolved: null,
    });
    const messages = (await outbox().list(50)).filter((message) => message.reference === sos[0]?.id);
    const byPhone = messages.find((message) => 'phone' in message.to);
    const byEmail = messages.find((message) => 'email' in message.to);
    expect(messages).toHaveLength(2);
    expect(byPhone?.to).toEqual({ phone: '+84 203 000 0101' });
    expect(byPhone?.text).toMatch(/^SOS · Safety test safety-sos: Tín hiệu SOS/);
    expect(byEmail).toMatchObject({
      to: { email: 'operations@demo-bay-cruises.example' },
      subject: '[Hạ Long] SOS: Safety test safety-sos',
      text: byPhone?.text,
    });
  });

  it('tells a company with no e-mail address by phone alone', async () => {
    await report(boats.phoneOnly, { alarm: 'sos' }, IN_TUAN_CHAU_PORT);
    const sos = await alertOf(boats.phoneOnly, 'sos');
    const messages = (await outbox().list(50)).filter((message) => message.reference === sos?.id);
    expect(messages.map((message) => message.to)).toEqual([{ phone: '+84 203 000 0404' }]);
  });
});

describe('the rules on a trip', () => {
  it('raises departed-without-clearance for a boat out of port on a trip not cleared, with the people aboard', async () => {
    await report(boats.uncleared);
    expect(await alertOf(boats.uncleared, 'departed-without-clearance')).toMatchObject({
      departureId: departures.uncleared,
      aboard: { count: 30, certifiedCapacity: 48 },
      reason: { en: 'The boat left port before its trip was cleared.' },
    });
  });

  it('raises overspeed and overcapacity for a cleared boat, and nothing while it keeps the rules', async () => {
    await report(boats.cleared, { speed: 9 });
    expect((await alertsAs(tokens.manager)).filter((alert) => alert.boatId === boats.cleared)).toEqual([]);
    await report(boats.cleared, { speed: 25, timestamp: Math.floor(Date.now() / 1000) + 2 });
    expect(await alertOf(boats.cleared, 'overspeed')).toMatchObject({ reason: { en: '25 kn, limit 20.' } });
    await report(boats.cleared, { speed: 9, passengers: 49, timestamp: Math.floor(Date.now() / 1000) + 4 });
    expect(await alertOf(boats.cleared, 'overcapacity')).toMatchObject({
      reason: { en: '49 people aboard, over the certified capacity of 48.' },
    });
  });

  it('raises signal-lost from the scheduled check for a boat on a trip that never reported', async () => {
    const { tracking } = trackingServicesFor(platform.dependencies);
    const outcome = await tracking.checkSignals();
    expect(outcome.lost).toBeGreaterThanOrEqual(1);
    expect(await alertOf(boats.silent, 'signal-lost')).toMatchObject({
      departureId: departures.silent,
      aboard: { count: 12, certifiedCapacity: 48 },
      position: null,
      conditionEndedAt: null,
    });
    // The boat is heard again: the next check notes it, and the alert stays for a person to resolve.
    await report(boats.silent);
    await tracking.checkSignals();
    const back = await alertOf(boats.silent, 'signal-lost');
    expect(back?.state).toBe('open');
    expect(back?.conditionEndedAt).not.toBeNull();
  });
});

describe('the rules on the water', () => {
  it('raises off-route for a boat farther from its route’s line than the corridor allows', async () => {
    const now = Math.floor(Date.now() / 1000);
    await report(boats.offRoute, { speed: 9, timestamp: now - 10 * 60 }, ON_ROUTE);
    expect(await alertOf(boats.offRoute, 'off-route')).toBeUndefined();
    // A kilometre away ten minutes later: a plausible run, off the corridor.
    await report(boats.offRoute, { speed: 9, timestamp: now }, OFF_ROUTE_1);
    expect(await alertOf(boats.offRoute, 'off-route')).toMatchObject({
      departureId: departures.offRoute,
      position: { latitude: OFF_ROUTE_1.lat, longitude: OFF_ROUTE_1.lon },
      reason: { en: '962 m off route 1 (corridor 800 m).' },
    });
  });

  it('raises stopped for a boat still away from any allowed stop for longer than the rules allow', async () => {
    const now = Math.floor(Date.now() / 1000);
    await report(boats.stopped, { speed: 0, timestamp: now - 17 * 60 });
    await report(boats.stopped, { speed: 0, timestamp: now - 10 * 60 });
    // Ten minutes still: within the 15 the rules allow away from a stop.
    expect(await alertOf(boats.stopped, 'stopped')).toBeUndefined();
    await report(boats.stopped, { speed: 0, timestamp: now });
    expect(await alertOf(boats.stopped, 'stopped')).toMatchObject({
      departureId: departures.stopped,
      reason: { en: 'Stopped 17 min away from any allowed stop (at most 15).' },
    });
  });

  it('raises departed-without-clearance for a boat moving out of port on a trip a weather ban suspended', async () => {
    await report(boats.banned, { speed: 9 });
    expect(await alertOf(boats.banned, 'departed-without-clearance')).toMatchObject({
      departureId: departures.banned,
      reason: { en: 'The boat left port while its trip is suspended by a weather ban.' },
    });
  });
});

describe('a boat silent again before anyone resolved its alert', () => {
  it('raises the same alert again, its condition current, and tells the contacts again', async () => {
    const sent: OutgoingMessage[] = [];
    const alerts = createAlertsService({
      store: createAlertsStore(platform.dependencies.db, platform.tableName),
      rules: async () =>
        ({
          dutyContacts: [{ name: 'Duty officer', phone: '+84 912 000 111', email: null }],
        }) as unknown as SafetyRules,
      messages: {
        send: async (message) => {
          sent.push(message);
          return { id: `m-${sent.length}` };
        },
      },
      audit: { record: async () => undefined } as never,
      changed: async () => undefined,
      logger: createLogger('silent'),
    });
    const subject = {
      boatId: 'safety-silent-twice',
      boatName: 'Safety test silent twice',
      registrationNumber: 'QN-TEST-2',
      operatorId: 'demo-bay-cruises',
      operatorPhone: null,
      operatorEmail: null,
      certifiedCapacity: 48,
      departureId: null,
      aboard: null,
    };
    const lost = (minutes: number) => ({
      kind: 'signal-lost' as const,
      reason: { vi: `Mất tín hiệu ${minutes} phút.`, en: `Silent for ${minutes} min.` },
    });
    const [first] = await alerts.raise(subject, [lost(2)], null);
    expect(first).toBeDefined();
    // Still silent: nothing new, nothing sent again.
    expect(await alerts.raise(subject, [lost(3)], null)).toEqual([]);
    expect(sent).toHaveLength(1);
    // Heard again, then silent again: the alert must not keep saying the signal is back.
    const back = await alerts.conditionEnded(first as Alert, new Date());
    expect(back?.conditionEndedAt).not.toBeNull();
    const position = { latitude: 20.9136, longitude: 107.02379, fixTime: new Date().toISOString() };
    const [again] = await alerts.raise(subject, [lost(4)], position);
    expect(again).toMatchObject({
      id: first?.id,
      raisedAt: first?.raisedAt,
      state: 'open',
      conditionEndedAt: null,
      reason: { en: 'Silent for 4 min.' },
      position,
    });
    expect(sent).toHaveLength(2);
    expect(sent[1]?.text).toContain('Silent for 4 min.');
  });
});

describe('acknowledging and resolving', () => {
  it('lets the boat’s company acknowledge, refuses another company, needs a note to resolve, and audits both', async () => {
    await report(boats.other, { alarm: 'sos' });
    const alert = await alertOf(boats.other, 'sos');
    expect(alert).toBeDefined();
    const path = `/api/tracking/alerts/${alert?.id}`;
    // demo-bay-cruises' operator does not see tuan-chau-sea-tours' boats.
    const foreign = await postJson(platform, `${path}/acknowledge`, tokens.operator, { note: 'on it' });
    expect(foreign.status).toBe(404);
    expect(foreign.headers.get('Content-Type')).toBe(PROBLEM_JSON);
    expect((await alertsAs(tokens.operator)).some((entry) => entry.boatId === boats.other)).toBe(false);

    const acknowledged = await postJson(platform, `${path}/acknowledge`, tokens.manager, {
      note: 'Called the skipper',
    });
    expect(acknowledged.status).toBe(200);
    expect(await acknowledged.json()).toMatchObject({
      state: 'acknowledged',
      acknowledged: { by: demo.manager.email, note: 'Called the skipper' },
    });
    expect((await postJson(platform, `${path}/acknowledge`, tokens.manager, {})).status).toBe(409);

    const noNote = await postJson(platform, `${path}/resolve`, tokens.manager, { note: ' ' });
    expect(noNote.status).toBe(400);
    const resolved = await postJson(platform, `${path}/resolve`, tokens.manager, {
      note: 'False alarm: a passenger pressed it',
    });
    expect(resolved.status).toBe(200);
    expect(((await resolved.json()) as Alert).state).toBe('resolved');
    expect((await postJson(platform, `${path}/resolve`, tokens.manager, { note: 'again' })).status).toBe(409);
    expect((await alertsAs(tokens.manager)).some((entry) => entry.id === alert?.id)).toBe(false);
    expect(
      (await alertsAs(tokens.manager, `?date=${localDateAt(new Date())}`)).find(
        (entry) => entry.id === alert?.id,
      )?.state,
    ).toBe('resolved');

    // The audit log is kept per UTC day (in Hạ Long the local day may be the next already).
    const audit = await createAuditLog(platform.dependencies.db, platform.tableName).list({
      date: new Date().toISOString().slice(0, 10),
      resourceId: alert?.id as string,
    });
    expect(audit.entries.map((entry) => entry.action).sort()).toEqual([
      'tracking-alert.acknowledge',
      'tracking-alert.resolve',
    ]);

    // Resolved: the same alarm again within the quiet quarter-hour raises nothing new.
    await report(boats.other, { alarm: 'sos', timestamp: Math.floor(Date.now() / 1000) + 3 });
    expect(await alertOf(boats.other, 'sos')).toBeUndefined();
  });
});

describe('the rules as data', () => {
  it('are edited by a manager with the version read, apply to the next report, and tell the duty contacts', async () => {
    const read = await platform.app.request('/api/tracking/rules', { headers: asStaff(tokens.manager) });
    expect(read.status).toBe(200);
    const rules = (await read.json()) as SafetyRules;
    expect(rules.version).toBe(0);
    const { version, updatedAt: _updatedAt, updatedBy: _updatedBy, ...input } = rules;
    const edit = {
      ...input,
      version,
      defaultSpeedLimitKnots: 8,
      dutyContacts: [
        { name: 'Trực ban Cảng vụ (demo)', email: 'duty@authority.example', phone: '+84 203 000 0999' },
      ],
    };
    expect((await postJson(platform, '/api/tracking/rules', tokens.operator, edit, 'PUT')).status).toBe(403);
    const saved = await postJson(platform, '/api/tracking/rules', tokens.manager, edit, 'PUT');
    expect(saved.status, await saved.clone().text()).toBe(200);
    expect(await saved.json()).toMatchObject({
      version: 1,
      updatedBy: demo.manager.email,
      defaultSpeedLimitKnots: 8,
    });
    const stale = await postJson(platform, '/api/tracking/rules', tokens.manager, edit, 'PUT');
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { type: string }).type).toBe('/problems/rules-changed');

    // 9 knots was within 20; it is over 8 now, for the next position.
    await report(boats.cleared, { speed: 9, timestamp: Math.floor(Date.now() / 1000) + 6 });
    const overspeed = await alertOf(boats.cleared, 'overspeed');
    expect(overspeed).toBeDefined();
    // A new alert goes to the duty contacts now, as well as to the boat's company.
    await report(boats.zone, { speed: 5 }, { lat: 20.8, lon: 106.9 });
    const outOfArea = await alertOf(boats.zone, 'out-of-area');
    expect(outOfArea).toBeDefined();
    const sent = (await outbox().list(100)).filter((message) => message.reference === outOfArea?.id);
    expect(sent.map((message) => message.to)).toEqual(
      expect.arrayContaining([
        { phone: '+84 203 000 0999' },
        { email: 'duty@authority.example' },
        { phone: '+84 203 000 0101' },
      ]),
    );
  });
});

describe('who sees which boat', () => {
  const boatsAs = async (headers: Record<string, string>, query = '') => {
    const response = await platform.app.request(`/api/tracking/boats${query}`, { headers });
    return { status: response.status, body: (await response.json()) as { boats: TrackedBoat[] } };
  };

  it('shows the authority every boat and an operator its company’s, with the session cookie as with a token', async () => {
    const all = await boatsAs(asStaff(tokens.manager));
    expect(all.status).toBe(200);
    expect(all.body.boats.some((boat) => boat.operatorId === OTHER_COMPANY)).toBe(true);
    const own = await boatsAs({ Cookie: `hl_staff=${tokens.operator}` });
    expect(own.status).toBe(200);
    expect(own.body.boats.length).toBeGreaterThan(0);
    expect(own.body.boats.every((boat) => boat.operatorId === 'demo-bay-cruises')).toBe(true);
    const uncleared = own.body.boats.find((boat) => boat.boatId === boats.uncleared);
    expect(uncleared).toMatchObject({
      trip: { departureId: departures.uncleared, clearance: 'not-cleared', aboard: 30 },
    });
    expect(uncleared?.openAlerts).toContain('departed-without-clearance');
  });

  it('shows a ticket holder their boat alone, never alerts, and refuses anyone else', async () => {
    const booking = await paidBooking(platform, departures.ticket as string);
    await report(boats.ticket, { speed: 0 }, IN_TUAN_CHAU_PORT);
    const mine = await boatsAs({}, `?booking=${booking.id}&token=${booking.accessToken}`);
    expect(mine.status).toBe(200);
    expect(mine.body.boats.map((boat) => boat.boatId)).toEqual([boats.ticket]);
    expect(mine.body.boats[0]).toMatchObject({
      state: 'in-port',
      openAlerts: [],
      position: { latitude: 20.92 },
    });

    expect((await boatsAs({}, `?booking=${booking.id}&token=wrong`)).status).toBe(404);
    expect((await boatsAs({})).status).toBe(401);
    const alerts = await platform.app.request(
      `/api/tracking/alerts?booking=${booking.id}&token=${booking.accessToken}`,
    );
    expect(alerts.status).toBe(403);
    const track = await platform.app.request(
      `/api/tracking/boats/${boats.uncleared}/track?booking=${booking.id}&token=${booking.accessToken}`,
    );
    expect(track.status).toBe(404);
  });

  it('gives a boat’s track in fix-time order, to those who may see the boat', async () => {
    const now = Math.floor(Date.now() / 1000);
    await report(boats.uncleared, { timestamp: now - 120 }, { lat: 20.915, lon: 107.01 });
    await report(boats.uncleared, { timestamp: now - 60 }, { lat: 20.914, lon: 107.02 });
    const response = await platform.app.request(`/api/tracking/boats/${boats.uncleared}/track`, {
      headers: asStaff(tokens.operator),
    });
    expect(response.status).toBe(200);
    const { positions } = (await response.json()) as { positions: { fixTime: string }[] };
    expect(positions.length).toBeGreaterThanOrEqual(3);
    expect(positions.map((position) => position.fixTime)).toEqual(
      positions.map((position) => position.fixTime).sort(),
    );
    const foreign = await platform.app.request(`/api/tracking/boats/${boats.other}/track`, {
      headers: asStaff(tokens.operator),
    });
    expect(foreign.status).toBe(404);
    const tooLong = await platform.app.request(
      `/api/tracking/boats/${boats.uncleared}/track?from=2026-01-01T00:00:00Z&to=2026-01-05T00:00:00Z`,
      { headers: asStaff(tokens.manager) },
    );
    expect(tooLong.status).toBe(400);
  });
});
