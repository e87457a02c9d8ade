/**
 * The live map's WebSocket on DynamoDB Local, over real sockets on 127.0.0.1: staff open it with the minute-long
 * token a page asks for with its session cookie (as on AWS, where the socket's host never gets the cookie), and
 * each role hears what the REST read shows it — the authority every boat and alert, an operator its fleet, a
 * ticket holder their own trip's view of their boat while they follow it, and nothing else.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { type Departure, newDeparture } from '../../../functions/boats/departures/model.js';
import { createDeparturesStore } from '../../../functions/boats/departures/store.js';
import type { Boat } from '../../../functions/boats/fleet/model.js';
import { createFleetStore } from '../../../functions/boats/fleet/store.js';
import { attachLiveUpdates } from '../../../functions/local/live.js';
import type { ApiGatewayLiveUpdates } from '../../../functions/platform/live-updates/api-gateway.js';
import { createLiveConnections } from '../../../functions/platform/live-updates/connections.js';
import type { LocalLiveUpdates } from '../../../functions/platform/live-updates/local-websocket.js';
import { createWebSocketHandler } from '../../../functions/platform/live-updates/websocket-handler.js';
import { trackingLiveTopicsFor } from '../../../functions/tracking/index.js';
import type { LiveMessage, TrackedBoat } from '../../../functions/tracking/live/model.js';
import { boatFares } from '../support/bookings.js';
import { paidBooking, staffTokens } from '../support/pier.js';
import { createTestPlatform, PROBLEM_JSON, silentLogger, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let server: Server;
let port: number;
let tokens: { operator: string; manager: string };
const OTHER_COMPANY = 'tuan-chau-sea-tours';
const ON_ROUTE = { lat: 20.9136, lon: 107.02379 };
const IN_TUAN_CHAU_PORT = { lat: 20.92, lon: 106.993 };

/** Boats of these tests alone. */
const boats = {
  own: 'live-own',
  foreign: 'live-foreign',
  ticket: 'live-ticket',
  later: 'live-later',
} as const;
const trackerOf = (boatId: string) => `GT-${boatId.toUpperCase()}`;
const departures: Record<string, string> = {};
const sockets: WebSocket[] = [];

async function addBoat(id: string, operatorId: string, registrationNumber: string): Promise<Boat> {
  const boat: Boat = {
    id,
    operatorId,
    name: `Live test ${id}`,
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
async function addDeparture(boat: Boat, minutesAgo: number, overrides: Partial<Departure> = {}) {
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
  await createDeparturesStore(platform.dependencies.db, platform.tableName).addDepartures([departure]);
  return departure.id;
}

let secondsAhead = 0;
/** Traccar Client's request, each a second after the last so none is a duplicate. */
async function report(
  boatId: string,
  where: { lat: number; lon: number },
  fields: Record<string, string> = {},
) {
  secondsAhead += 1;
  const query = new URLSearchParams({
    id: trackerOf(boatId),
    timestamp: String(Math.floor(Date.now() / 1000) + secondsAhead),
    lat: String(where.lat),
    lon: String(where.lon),
    speed: where === IN_TUAN_CHAU_PORT ? '0' : '9',
    ...fields,
  });
  const response = await platform.app.request(`/api/tracking/osmand?${query}`, { method: 'POST' });
  expect(response.status, await response.clone().text()).toBe(200);
}

async function liveToken(headers: Record<string, string>) {
  return platform.app.request('/api/tracking/live/token', { method: 'POST', headers });
}

async function tokenOf(staffIdToken: string): Promise<string> {
  const response = await liveToken({ Cookie: `hl_staff=${staffIdToken}` });
  expect(response.status, await response.clone().text()).toBe(200);
  return ((await response.json()) as { token: string }).token;
}

/** A connection and everything it hears, once its ready message came. */
async function listen(query: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/tracking/live?${query}`);
  sockets.push(socket);
  const heard: LiveMessage[] = [];
  socket.on('message', (data) => heard.push(JSON.parse(data.toString()) as LiveMessage));
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    const ready = () => (heard.length > 0 ? resolve() : setTimeout(ready, 10));
    socket.once('open', ready);
  });
  return { heard, ready: heard[0] };
}

/** The HTTP answer to a handshake that did not become a connection. */
function refused(query: string) {
  const socket = new WebSocket(`ws://127.0.0.1:${port}/api/tracking/live?${query}`);
  sockets.push(socket);
  return new Promise<{ status: number; contentType: string; body: { type: string } }>((resolve, reject) => {
    socket.on('open', () => reject(new Error('the connection opened')));
    socket.on('error', () => undefined);
    socket.on('unexpected-response', (_request, response) => {
      let text = '';
      response.on('data', (chunk: Buffer) => {
        text += chunk.toString();
      });
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          contentType: String(response.headers['content-type']),
          body: JSON.parse(text) as { type: string },
        }),
      );
    });
  });
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const boatsHeard = (heard: LiveMessage[]) =>
  heard.flatMap((message) => (message.type === 'boat' ? [message.boat] : []));
const alertsHeard = (heard: LiveMessage[]) =>
  heard.flatMap((message) => (message.type === 'alert' ? [message.alert] : []));

beforeAll(async () => {
  platform = await createTestPlatform();
  tokens = await staffTokens(platform);
  server = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' }) as Server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  port = (server.address() as AddressInfo).port;
  attachLiveUpdates(server, platform.dependencies.liveUpdates as LocalLiveUpdates, platform.dependencies);

  const [own, foreign, ticket, later] = await Promise.all([
    addBoat(boats.own, 'demo-bay-cruises', 'QN-91001'),
    addBoat(boats.foreign, OTHER_COMPANY, 'QN-91002'),
    addBoat(boats.ticket, 'demo-bay-cruises', 'QN-91003'),
    addBoat(boats.later, 'demo-bay-cruises', 'QN-91004'),
  ]);
  const clearance = {
    decision: 'cleared' as const,
    reason: 'All checks pass',
    at: new Date(Date.now() - 30 * 60_000).toISOString(),
    by: { subject: 'test', email: 'manager@halong.test' },
    checks: [],
  };
  const cleared = { clearance, departedAt: clearance.at } as Partial<Departure>;
  departures.own = await addDeparture(own, 20, cleared);
  departures.foreign = await addDeparture(foreign, 20, cleared);
  // The ticket's boat is still on an earlier trip, with its own people aboard and its clearance.
  departures.earlier = await addDeparture(ticket, 60, { ...cleared, aboard: 25 });
  // Leaves in 40 minutes: on sale, and within the hour before departure its holders follow the boat.
  departures.ticket = await addDeparture(ticket, -40);
  // Leaves in three hours: its holders do not follow the boat yet.
  departures.later = await addDeparture(later, -180);
});

afterAll(async () => {
  for (const socket of sockets) socket.terminate();
  (platform.dependencies.liveUpdates as LocalLiveUpdates).close();
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await platform.dispose();
});

describe('staff open the WebSocket with a live-updates token', () => {
  it('is issued to the authority and operators by their session cookie or bearer token, for a minute, never cached', async () => {
    const issued = await liveToken({ Cookie: `hl_staff=${tokens.operator}` });
    expect(issued.status).toBe(200);
    expect(issued.headers.get('Cache-Control')).toBe('private, no-store');
    const { expiresAt } = (await issued.json()) as { token: string; expiresAt: string };
    expect(Date.parse(expiresAt) - Date.now()).toBeGreaterThan(50_000);
    expect(Date.parse(expiresAt) - Date.now()).toBeLessThanOrEqual(60_000);
    expect((await liveToken({ Authorization: `Bearer ${tokens.manager}` })).status).toBe(200);
  });

  it('is refused without a staff sign-in, even with a booking’s token', async () => {
    const anonymous = await liveToken({});
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('Content-Type')).toBe(PROBLEM_JSON);
    const booking = await paidBooking(platform, departures.later as string);
    const holder = await platform.app.request(
      `/api/tracking/live/token?booking=${booking.id}&token=${booking.accessToken}`,
      { method: 'POST' },
    );
    expect(holder.status).toBe(401);
  });

  it('opens the socket with the role’s topics, and a tampered or foreign token does not', async () => {
    const manager = await listen(`token=${await tokenOf(tokens.manager)}`);
    expect(manager.ready).toEqual({ type: 'ready', topics: ['tracking'] });
    const operatorToken = await tokenOf(tokens.operator);
    const operator = await listen(`token=${operatorToken}`);
    expect(operator.ready).toEqual({ type: 'ready', topics: ['tracking.operator.demo-bay-cruises'] });

    const [payload, seal] = operatorToken.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString()) as Record<string, unknown>;
    const asManager = Buffer.from(JSON.stringify({ ...claims, roles: ['manager'] })).toString('base64url');
    const tampered = await refused(`token=${asManager}.${seal}`);
    expect(tampered).toMatchObject({
      status: 401,
      contentType: PROBLEM_JSON,
      body: { type: '/problems/invalid-token' },
    });
    // A staff member's ID token is not a live-updates token.
    expect((await refused(`token=${tokens.manager}`)).status).toBe(401);
  });

  it('opens a connection through the AWS WebSocket function’s $connect, and refuses a bad token there', async () => {
    const connections = createLiveConnections(platform.dependencies.db, platform.tableName, silentLogger);
    const liveUpdates = {
      connections,
      publish: async () => ({ delivered: 0 }),
      sendTo: async () => true,
    } satisfies ApiGatewayLiveUpdates;
    const handler = createWebSocketHandler(trackingLiveTopicsFor(platform.dependencies), {
      liveUpdates,
      logger: silentLogger,
    });
    const connect = (connectionId: string, token: string) =>
      handler({
        requestContext: { routeKey: '$connect', connectionId, domainName: 'ws.example.test', stage: 'live' },
        headers: { Host: 'ws.example.test' },
        queryStringParameters: { token },
      });
    expect((await connect('conn-operator', await tokenOf(tokens.operator))).statusCode).toBe(200);
    expect(await connections.topicsOf('conn-operator')).toEqual(['tracking.operator.demo-bay-cruises']);
    expect((await connect('conn-forged', 'e30.e30.AAAA')).statusCode).toBe(401);
    expect(await connections.topicsOf('conn-forged')).toBeNull();
  });
});

describe('who hears what on the WebSocket', () => {
  it('sends the authority every boat and alert, an operator its fleet’s, a ticket holder their trip’s view alone', async () => {
    const ticket = await paidBooking(platform, departures.ticket as string);
    const later = await paidBooking(platform, departures.later as string);
    const manager = await listen(`token=${await tokenOf(tokens.manager)}`);
    const operator = await listen(`token=${await tokenOf(tokens.operator)}`);
    const holder = await listen(`booking=${ticket.id}&token=${ticket.accessToken}`);
    const notYet = await listen(`booking=${later.id}&token=${later.accessToken}`);
    expect(holder.ready).toEqual({ type: 'ready', topics: [`tracking.trip.${departures.ticket}`] });

    await report(boats.own, ON_ROUTE);
    await report(boats.foreign, ON_ROUTE, { alarm: 'sos' });
    await report(boats.ticket, IN_TUAN_CHAU_PORT);
    await report(boats.later, IN_TUAN_CHAU_PORT);
    await until(
      () => boatsHeard(manager.heard).length >= 4 && alertsHeard(manager.heard).length >= 1,
      'the authority’s messages',
    );
    await until(() => boatsHeard(holder.heard).length >= 1, 'the ticket holder’s message');
    // What went to the others has been sent with the authority's; give the sockets time to deliver any stray one.
    await new Promise((resolve) => setTimeout(resolve, 300));

    expect(boatsHeard(manager.heard).map((boat) => boat.boatId)).toEqual([
      boats.own,
      boats.foreign,
      boats.ticket,
      boats.later,
    ]);
    expect(alertsHeard(manager.heard).map((alert) => [alert.boatId, alert.kind])).toEqual([
      [boats.foreign, 'sos'],
    ]);
    expect(boatsHeard(manager.heard).find((boat) => boat.boatId === boats.ticket)?.trip).toMatchObject({
      departureId: departures.earlier,
      aboard: 25,
      clearance: 'cleared',
    });

    expect(boatsHeard(operator.heard).map((boat) => boat.boatId)).toEqual([
      boats.own,
      boats.ticket,
      boats.later,
    ]);
    expect(alertsHeard(operator.heard)).toEqual([]);

    // The holder hears their boat once, as the REST read shows it to them: their own trip, no alerts.
    expect(holder.heard.slice(1).map((message) => message.type)).toEqual(['boat']);
    const [heard] = boatsHeard(holder.heard) as [TrackedBoat];
    const read = await platform.app.request(
      `/api/tracking/boats?booking=${ticket.id}&token=${ticket.accessToken}`,
    );
    const { boats: shown } = (await read.json()) as { boats: TrackedBoat[] };
    expect(shown).toEqual([heard]);
    expect(heard).toMatchObject({
      boatId: boats.ticket,
      state: 'in-port',
      openAlerts: [],
      position: { latitude: IN_TUAN_CHAU_PORT.lat },
      trip: { departureId: departures.ticket, aboard: 0, clearance: 'not-cleared' },
    });
    expect(heard.position).not.toHaveProperty('attributes');

    // Three hours before their trip, a holder hears nothing of the boat, as the REST read shows no position.
    expect(notYet.heard.slice(1)).toEqual([]);
    const early = await platform.app.request(
      `/api/tracking/boats?booking=${later.id}&token=${later.accessToken}`,
    );
    expect(((await early.json()) as { boats: TrackedBoat[] }).boats[0]?.position).toBeNull();
  });
});
