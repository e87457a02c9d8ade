/**
 * The position intake with requests shaped exactly as Traccar Client sends them (a POST with the fields in the
 * query string, no body, no Content-Type), and the other forms of the OsmAnd protocol, on DynamoDB Local.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDeparture } from '../../../functions/boats/departures/model.js';
import { createDeparturesStore } from '../../../functions/boats/departures/store.js';
import { createFleetStore } from '../../../functions/boats/fleet/store.js';
import { localDateAt } from '../../../functions/platform/local-time.js';
import type { BoatPosition, IntakeResult } from '../../../functions/tracking/model.js';
import { createTrackingStore, type TrackingStore } from '../../../functions/tracking/store.js';
import { createTestPlatform, demo, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let store: TrackingStore;
/** Bay Pearl 02's departure of an hour ago, in Hạ Long time (route 1 lasts about 4 hours). */
let tripDepartureId = '';

/** Now, in unix seconds, less `minutesAgo`: the timestamps Traccar Client sends. */
const secondsAgo = (minutesAgo: number) => Math.floor(Date.now() / 1000) - Math.round(minutesAgo * 60);
const isoOf = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

/** Traccar Client's request: POST, the fields in the query string, an empty body and no Content-Type. */
async function traccarClientPost(fields: Record<string, string | number>): Promise<Response> {
  const query = new URLSearchParams(Object.entries(fields).map(([key, value]) => [key, String(value)]));
  return platform.app.request(`/api/tracking/osmand?${query}`, { method: 'POST' });
}

async function accepted(response: Response): Promise<IntakeResult> {
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as IntakeResult;
}

async function latestOf(boatId: string): Promise<BoatPosition | undefined> {
  const token = await platform.signIn(demo.manager.email, demo.manager.password);
  const response = await platform.app.request('/api/tracking/latest', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const { positions } = (await response.json()) as { positions: BoatPosition[] };
  return positions.find((position) => position.boatId === boatId);
}

beforeAll(async () => {
  platform = await createTestPlatform();
  store = createTrackingStore(platform.dependencies.db, platform.tableName);
  // Scheduled before any position arrives: the intake reads a day's departures once a minute.
  const { db } = platform.dependencies;
  const fleet = createFleetStore(db, platform.tableName);
  const [boat, operator] = await Promise.all([
    fleet.getBoat('bay-pearl-02'),
    fleet.getOperator('demo-bay-cruises'),
  ]);
  if (!boat || !operator) throw new Error('the demo fleet is not seeded');
  const departs = new Date(Date.now() - 60 * 60 * 1000);
  const local = new Date(departs.getTime() + 7 * 60 * 60 * 1000).toISOString();
  const departure = newDeparture({
    boat,
    operator,
    routeId: 1,
    portId: 'tuan-chau',
    localDate: local.slice(0, 10),
    localTime: local.slice(11, 16),
    fares: {
      adult: 100_000,
      'child-7-to-12': 70_000,
      'child-under-7': 0,
      'vietnamese-senior-60': 50_000,
      'severe-disability': 0,
    },
    createdAt: new Date().toISOString(),
  });
  expect(await createDeparturesStore(db, platform.tableName).addDepartures([departure])).toEqual({
    added: true,
  });
  tripDepartureId = departure.id;
  // A boat of its own for the wrong first fix, off any trip.
  expect(
    await fleet.addBoatIfAbsent({
      ...boat,
      id: 'intake-wrong-first-fix',
      name: 'Intake test: wrong first fix',
      registrationNumber: 'QN-93001',
      trackerId: 'GT-WRONG-FIRST-FIX',
      mmsi: null,
    }),
  ).toBe(true);
});
afterAll(() => platform.dispose());

describe('GET /api/tracking/latest', () => {
  it('is the port authority’s only', async () => {
    expect((await platform.app.request('/api/tracking/latest')).status).toBe(401);
    const operator = await platform.signIn(demo.operator.email, demo.operator.password);
    const refused = await platform.app.request('/api/tracking/latest', {
      headers: { Authorization: `Bearer ${operator}` },
    });
    expect(refused.status).toBe(403);
  });
});

describe('position intake, as Traccar Client sends it', () => {
  it('stores a position with every field, speed in knots, as the boat’s latest', async () => {
    const timestamp = secondsAgo(50);
    const result = await accepted(
      await traccarClientPost({
        id: 'GT-QN5868',
        timestamp,
        lat: 20.9101,
        lon: 107.0734,
        speed: 7.5,
        bearing: 118.4,
        altitude: 2.5,
        accuracy: 4.8,
        batt: 87,
        charge: 'true',
      }),
    );
    expect(result).toEqual({
      boatId: 'bay-pearl-01',
      duplicate: false,
      latest: true,
      departureId: null,
      flags: [],
    });
    expect(await latestOf('bay-pearl-01')).toMatchObject({
      trackerId: 'GT-QN5868',
      fixTime: isoOf(timestamp),
      latitude: 20.9101,
      longitude: 107.0734,
      speedKnots: 7.5,
      courseDegrees: 118.4,
      altitudeMetres: 2.5,
      accuracyMetres: 4.8,
      batteryPercent: 87,
      mock: false,
      alarm: null,
      attributes: { charge: 'true' },
    });
  });

  it('keeps the SOS alarm with the position, in the history and on the latest', async () => {
    const timestamp = secondsAgo(40);
    const fields = { id: 'GT-QN6120', timestamp, lat: 20.9, lon: 107.05, alarm: 'sos', mock: 'true' };
    const result = await accepted(await traccarClientPost(fields));
    expect(await latestOf(result.boatId)).toMatchObject({ alarm: 'sos', mock: true });
    const history = await store.listOffTripPositions(result.boatId, localDateAt(new Date(timestamp * 1000)));
    expect(history.map((position) => position.alarm)).toEqual(['sos']);
  });

  it('keeps a buffered batch sent out of order, and the latest never goes back', async () => {
    const [first, second, third] = [secondsAgo(30), secondsAgo(29), secondsAgo(28)];
    const at = (timestamp: number, lon: number) =>
      traccarClientPost({ id: 'GT-QN4471', timestamp, lat: 20.91, lon, speed: 6 });
    expect((await accepted(await at(third, 107.003))).latest).toBe(true);
    expect((await accepted(await at(first, 107.001))).latest).toBe(false);
    expect((await accepted(await at(second, 107.002))).latest).toBe(false);

    expect(await latestOf('bay-pearl-05')).toMatchObject({ fixTime: isoOf(third), longitude: 107.003 });
    const history = await store.listOffTripPositions('bay-pearl-05', localDateAt(new Date(first * 1000)));
    expect(history.map((position) => position.fixTime)).toEqual([first, second, third].map(isoOf));
  });

  it('moves the latest on when a newer position arrives', async () => {
    const response = await traccarClientPost({
      id: 'GT-QN4471',
      timestamp: secondsAgo(27),
      lat: 20.91,
      lon: 107.004,
    });
    expect((await accepted(response)).latest).toBe(true);
    expect((await latestOf('bay-pearl-05'))?.longitude).toBe(107.004);
  });

  it('stores a position sent twice once', async () => {
    const timestamp = secondsAgo(20);
    const fields = { id: 'GT-QN7305', timestamp, lat: 20.93, lon: 107.02 };
    expect(await accepted(await traccarClientPost(fields))).toMatchObject({ duplicate: false, latest: true });
    expect(await accepted(await traccarClientPost(fields))).toMatchObject({ duplicate: true, latest: false });
    const history = await store.listOffTripPositions(
      'sea-swallow-1',
      localDateAt(new Date(timestamp * 1000)),
    );
    expect(history).toHaveLength(1);
  });

  it('refuses a tracker no boat is registered with (400), storing nothing', async () => {
    const before = (await store.listLatest()).length;
    const response = await traccarClientPost({
      id: 'GT-NOBODY',
      timestamp: secondsAgo(1),
      lat: 20.9,
      lon: 107,
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain(PROBLEM_JSON);
    expect(await response.json()).toMatchObject({ type: '/problems/unknown-tracker' });
    expect(await store.listLatest()).toHaveLength(before);
  });

  it.each([
    ['a latitude out of range', { lat: 91, lon: 107 }, 'lat'],
    ['a longitude that is not a number', { lat: 20.9, lon: 'east' }, 'lon'],
    [
      'a timestamp 10 minutes in the future',
      { lat: 20.9, lon: 107, timestamp: secondsAgo(-10) },
      'timestamp',
    ],
    ['a timestamp in no known form', { lat: 20.9, lon: 107, timestamp: 'soon' }, 'timestamp'],
  ])('refuses %s (400), storing nothing', async (_case, fields, path) => {
    const response = await traccarClientPost({ id: 'GT-QN7318', timestamp: secondsAgo(5), ...fields });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain(PROBLEM_JSON);
    const problem = (await response.json()) as { type: string; errors: { path: string }[] };
    expect(problem.type).toBe('/problems/validation-error');
    expect(problem.errors.map((error) => error.path)).toContain(path);
    expect(await latestOf('sea-swallow-2')).toBeUndefined();
  });

  it('keeps a jump faster than 60 knots in the history, flagged, but not as the latest', async () => {
    const start = secondsAgo(15);
    await accepted(await traccarClientPost({ id: 'GT-QN6633', timestamp: start, lat: 20.9, lon: 107.0 }));
    // 0.1° of latitude is 6 nautical miles: in one minute, 360 knots.
    const jump = await accepted(
      await traccarClientPost({ id: 'GT-QN6633', timestamp: start + 60, lat: 21.0, lon: 107.0 }),
    );
    expect(jump).toMatchObject({ latest: false, flags: ['implausible-jump'] });
    expect((await latestOf('heritage-lotus'))?.latitude).toBe(20.9);
    const history = await store.listOffTripPositions('heritage-lotus', localDateAt(new Date(start * 1000)));
    expect(history.map((position) => position.flags)).toEqual([[], ['implausible-jump']]);
  });

  it('moves a boat pinned by a wrong fix once two fixes in a row agree with each other', async () => {
    const id = 'GT-WRONG-FIRST-FIX';
    const start = secondsAgo(10);
    // The tracker's first fix is 6 nautical miles off (still finding satellites); the boat is at 20.9, 107.0.
    await accepted(await traccarClientPost({ id, timestamp: start, lat: 21.0, lon: 107.0, speed: 0 }));
    const first = await accepted(
      await traccarClientPost({ id, timestamp: start + 60, lat: 20.9, lon: 107.0, speed: 0 }),
    );
    // One fix alone might be the wrong one: it is kept, flagged, and the boat stays.
    expect(first).toMatchObject({ latest: false, flags: ['implausible-jump'] });
    expect((await latestOf('intake-wrong-first-fix'))?.latitude).toBe(21.0);
    // A second fix 30 s on, 50 m from the first: the two agree, so the boat is where they put it.
    const second = await accepted(
      await traccarClientPost({ id, timestamp: start + 90, lat: 20.9004, lon: 107.0, speed: 0 }),
    );
    expect(second).toMatchObject({ latest: true, flags: [] });
    expect(await latestOf('intake-wrong-first-fix')).toMatchObject({
      latitude: 20.9004,
      flags: [],
      // Still since the fix before it, which was still too (not since the wrong one).
      stillSince: isoOf(start + 60),
    });
    // From there on, fixes are judged from the new latest.
    const next = await accepted(
      await traccarClientPost({ id, timestamp: start + 120, lat: 20.9008, lon: 107.0, speed: 0 }),
    );
    expect(next).toMatchObject({ latest: true, flags: [] });
  });

  it('keeps a boat where it is when the fixes after it disagree with each other too', async () => {
    // Minutes after the previous test's fixes of this boat, so none is the same fix.
    const start = secondsAgo(12);
    await accepted(await traccarClientPost({ id: 'GT-QN6633', timestamp: start, lat: 20.9, lon: 107.0 }));
    // Two wild fixes, 6 nautical miles from the boat and from each other, a minute apart.
    for (const [offset, lat, lon] of [
      [60, 21.0, 107.0],
      [120, 21.0, 107.1],
    ] as const) {
      const wild = await accepted(
        await traccarClientPost({ id: 'GT-QN6633', timestamp: start + offset, lat, lon }),
      );
      expect(wild).toMatchObject({ latest: false, flags: ['implausible-jump'] });
    }
    expect((await latestOf('heritage-lotus'))?.latitude).toBe(20.9);
  });
});

describe('the protocol’s other forms', () => {
  it('reads a GET query with deviceid, heading and location=lat,lon, and an ISO timestamp', async () => {
    const fixTime = isoOf(secondsAgo(12));
    const query = new URLSearchParams({
      deviceid: 'GT-QN6641',
      timestamp: fixTime,
      location: '20.95,107.1',
      heading: '90',
    });
    await accepted(await platform.app.request(`/api/tracking/osmand?${query}`));
    expect(await latestOf('heritage-jade')).toMatchObject({
      fixTime,
      latitude: 20.95,
      longitude: 107.1,
      courseDegrees: 90,
    });
  });

  it('reads a form-encoded body with a yyyy-MM-dd HH:mm:ss timestamp', async () => {
    const fixTime = isoOf(secondsAgo(11));
    const body = new URLSearchParams({
      id: 'GT-QN8152',
      timestamp: fixTime.slice(0, 19).replace('T', ' '),
      lat: '20.96',
      lon: '107.11',
      speed: '12',
    });
    await accepted(
      await platform.app.request('/api/tracking/osmand', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: body.toString(),
      }),
    );
    expect(await latestOf('hon-gai-explorer')).toMatchObject({ fixTime, latitude: 20.96, speedKnots: 12 });
  });

  it('reads Traccar Client 9’s JSON, its speed converted from m/s to knots', async () => {
    const fixTime = isoOf(secondsAgo(10));
    const response = await platform.app.request('/api/tracking/osmand', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        device_id: 'GT-QN9027',
        location: {
          timestamp: fixTime,
          coords: {
            latitude: 20.92,
            longitude: 106.99,
            accuracy: 5,
            speed: 5.14444,
            heading: 120,
            altitude: 2,
          },
          is_moving: true,
          odometer: 1234.5,
          event: 'motionchange',
          battery: { level: 0.8, is_charging: false },
          activity: { type: 'in_vehicle' },
        },
      }),
    });
    await accepted(response);
    const latest = await latestOf('van-don-dart');
    expect(latest).toMatchObject({ fixTime, latitude: 20.92, batteryPercent: 80, courseDegrees: 120 });
    expect(latest?.speedKnots).toBeCloseTo(10, 5);
    expect(latest?.attributes).toMatchObject({
      'location.event': 'motionchange',
      'location.odometer': 1234.5,
    });
  });

  it('answers 400 for JSON it cannot read', async () => {
    const response = await platform.app.request('/api/tracking/osmand', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"device_id":',
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ type: '/problems/malformed-body' });
  });
});

describe('trips', () => {
  it('files a position under the departure the boat is running, and one before it under no trip', async () => {
    const onTrip = await accepted(
      await traccarClientPost({ id: 'GT-QN5912', timestamp: secondsAgo(30), lat: 20.9, lon: 107.0 }),
    );
    expect(onTrip.departureId).toBe(tripDepartureId);
    expect(await store.listTripPositions(tripDepartureId)).toHaveLength(1);

    const before = secondsAgo(90);
    const ashore = await accepted(
      await traccarClientPost({ id: 'GT-QN5912', timestamp: before, lat: 20.9, lon: 107.0 }),
    );
    expect(ashore.departureId).toBeNull();
  });
});
