// UniFi external portal: the redirect's freshness, and guest authorisation against a local HTTP server that
// answers as a classic controller and as a UniFi OS console do — including one that hangs, one that refuses
// connections, one that fails, and stations the controller does not vouch for.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createUnifiController,
  readUnifiRedirect,
  type UnifiControllerSettings,
  UnifiError,
} from '../../../functions/wifi/gateways/unifi';

interface Seen {
  method: string;
  path: string;
  cookie?: string;
  csrf?: string;
  body: Record<string, unknown>;
}
const seen: Seen[] = [];
let server: Server;
let origin: string;
let silent: Server;
let silentOrigin: string;
let closedOrigin: string;

const AP = '78:8a:20:00:00:01';
/** The stations the stand-in controller reports as associated now. */
const stations: Record<string, Record<string, unknown>> = {
  'aa:bb:cc:dd:ee:05': { mac: 'aa:bb:cc:dd:ee:05', ap_mac: AP, is_guest: true, authorized: false },
  'aa:bb:cc:dd:ee:06': { mac: 'aa:bb:cc:dd:ee:06', ap_mac: AP, is_guest: true, authorized: false },
  'aa:bb:cc:dd:ee:10': { mac: 'aa:bb:cc:dd:ee:10', ap_mac: AP, is_guest: false, authorized: false },
  'aa:bb:cc:dd:ee:11': {
    mac: 'aa:bb:cc:dd:ee:11',
    ap_mac: '78:8a:20:00:00:99',
    is_guest: true,
    authorized: false,
  },
  'aa:bb:cc:dd:ee:12': { mac: 'aa:bb:cc:dd:ee:12', ap_mac: AP, is_guest: true, authorized: true },
};
/** Per site, how often the station lookup fails (500) before it answers. */
const lookupFailures: Record<string, number> = { flaky: 1, broken: 99 };

async function bodyOf(request: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
}

beforeAll(async () => {
  server = createServer(async (request, response) => {
    const body = await bodyOf(request);
    const path = request.url ?? '';
    seen.push({
      method: request.method ?? '',
      path,
      cookie: request.headers.cookie,
      csrf: request.headers['x-csrf-token'] as string | undefined,
      body,
    });
    response.setHeader('Content-Type', 'application/json');
    if (path === '/api/login' || path === '/api/auth/login') {
      if (body.password !== 'controller-password') {
        response.statusCode = 400;
        response.end('{"meta":{"rc":"error","msg":"api.err.Invalid"}}');
        return;
      }
      response.setHeader(
        'Set-Cookie',
        path === '/api/login'
          ? ['unifises=s3ss10n; Path=/', 'csrf_token=abc; Path=/']
          : ['TOKEN=jwt; Path=/'],
      );
      if (path === '/api/auth/login') response.setHeader('X-CSRF-Token', 'csrf-123');
      response.end('{"meta":{"rc":"ok"},"data":[]}');
      return;
    }
    const loggedIn =
      request.headers.cookie?.includes('unifises=s3ss10n') || request.headers.cookie?.includes('TOKEN=jwt');
    const lookup = /\/api\/s\/([\w-]+)\/stat\/sta\/([0-9a-f:]+)$/.exec(path);
    if (lookup && loggedIn && request.method === 'GET') {
      const [, site = '', mac = ''] = lookup;
      if (site === 'hang') return; // accepts the request and never answers
      if ((lookupFailures[site] ?? 0) > 0) {
        lookupFailures[site] = (lookupFailures[site] ?? 0) - 1;
        response.statusCode = 500;
        response.end('{"meta":{"rc":"error","msg":"api.err.ServerError"}}');
        return;
      }
      const station = stations[mac];
      if (!station) {
        response.statusCode = 400;
        response.end('{"meta":{"rc":"error","msg":"api.err.UnknownStation"},"data":[]}');
        return;
      }
      response.end(JSON.stringify({ meta: { rc: 'ok' }, data: [station] }));
      return;
    }
    if (path.endsWith('/cmd/stamgr') && loggedIn) {
      response.end('{"meta":{"rc":"ok"},"data":[{}]}');
      return;
    }
    response.statusCode = 401;
    response.end('{"meta":{"rc":"error","msg":"api.err.LoginRequired"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // A controller that accepts connections and never answers.
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentOrigin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  // A port nobody listens on: connections are refused.
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(async () => {
  silent.closeAllConnections();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const classic = (overrides: Partial<UnifiControllerSettings> = {}): UnifiControllerSettings => ({
  url: origin,
  site: 'halong',
  username: 'portal',
  password: 'controller-password',
  unifiOs: false,
  ...overrides,
});
const fast = { requestMs: 300, totalMs: 600, readAttempts: 2 };

describe('UniFi external portal', () => {
  const now = 1_764_000_000;

  it('trusts a MAC only from a fresh redirect that names the access point', () => {
    const query = {
      id: 'AA:BB:CC:DD:EE:05',
      ap: '78:8A:20:00:00:01',
      t: String(now - 30),
      url: 'http://neverssl.com/',
      ssid: 'HaLong Free WiFi',
    };
    expect(readUnifiRedirect(query, now)).toMatchObject({
      clientMac: 'aa:bb:cc:dd:ee:05',
      apMac: '78:8a:20:00:00:01',
    });
    expect(() => readUnifiRedirect({ ...query, t: String(now - 3600) }, now)).toThrow(UnifiError);
    expect(() => readUnifiRedirect({ ...query, id: 'not-a-mac' }, now)).toThrow(UnifiError);
    expect(() => readUnifiRedirect({ ...query, ap: undefined }, now)).toThrow(UnifiError);
  });

  it('on a classic controller confirms the station with its session cookie, then authorises it', async () => {
    seen.length = 0;
    const confirmed = await createUnifiController(classic()).confirmGuest({
      mac: 'AA:BB:CC:DD:EE:05',
      apMac: '78:8A:20:00:00:01',
    });
    await confirmed.authorize({ minutes: 120, upKbps: 1024, downKbps: 4096, quotaMB: 500 });
    expect(seen.map((request) => `${request.method} ${request.path}`)).toEqual([
      'POST /api/login',
      'GET /api/s/halong/stat/sta/aa:bb:cc:dd:ee:05',
      'POST /api/s/halong/cmd/stamgr',
    ]);
    expect(seen[1]?.cookie).toContain('unifises=s3ss10n');
    expect(seen[2]?.cookie).toContain('unifises=s3ss10n');
    expect(seen[2]?.body).toEqual({
      cmd: 'authorize-guest',
      mac: 'aa:bb:cc:dd:ee:05',
      minutes: 120,
      up: 1024,
      down: 4096,
      bytes: 500,
      ap_mac: '78:8a:20:00:00:01',
    });
  });

  it('on UniFi OS logs in at /api/auth/login, goes through /proxy/network and returns the CSRF token', async () => {
    seen.length = 0;
    const confirmed = await createUnifiController(classic({ url: `${origin}/`, unifiOs: true })).confirmGuest(
      {
        mac: 'aa:bb:cc:dd:ee:06',
        apMac: AP,
      },
    );
    await confirmed.authorize({ minutes: 60 });
    expect(seen.map((request) => request.path)).toEqual([
      '/api/auth/login',
      '/proxy/network/api/s/halong/stat/sta/aa:bb:cc:dd:ee:06',
      '/proxy/network/api/s/halong/cmd/stamgr',
    ]);
    expect(seen[1]?.csrf).toBe('csrf-123');
    expect(seen[2]?.csrf).toBe('csrf-123');
    expect(seen[2]?.body).toEqual({
      cmd: 'authorize-guest',
      mac: 'aa:bb:cc:dd:ee:06',
      minutes: 60,
      ap_mac: AP,
    });
  });

  it('says so when the controller refuses the login', async () => {
    await expect(
      createUnifiController(classic({ password: 'wrong' })).confirmGuest({
        mac: 'aa:bb:cc:dd:ee:05',
        apMac: AP,
      }),
    ).rejects.toMatchObject({ reason: 'login' });
  });

  it('authorises nobody the controller does not see as a guest on that access point, not yet authorised', async () => {
    const controller = createUnifiController(classic());
    for (const [mac, refusal] of [
      ['aa:bb:cc:dd:ee:99', 'not-connected'],
      ['aa:bb:cc:dd:ee:10', 'not-guest'],
      ['aa:bb:cc:dd:ee:11', 'other-ap'],
      ['aa:bb:cc:dd:ee:12', 'already-authorised'],
    ] as const) {
      seen.length = 0;
      await expect(controller.confirmGuest({ mac, apMac: AP }), mac).rejects.toMatchObject({
        reason: 'station',
        refusal,
      });
      expect(seen.some((request) => request.path.endsWith('/cmd/stamgr'))).toBe(false);
    }
  });

  it('answers within its deadline when the controller hangs, at login or at the station lookup', async () => {
    for (const settings of [classic({ url: silentOrigin }), classic({ site: 'hang' })]) {
      const started = performance.now();
      await expect(
        createUnifiController(settings, { timeouts: fast }).confirmGuest({
          mac: 'aa:bb:cc:dd:ee:05',
          apMac: AP,
        }),
      ).rejects.toMatchObject({ reason: 'unreachable' });
      expect(performance.now() - started).toBeLessThan(fast.totalMs + 250);
    }
  });

  it('answers at once when the controller refuses connections', async () => {
    const started = performance.now();
    await expect(
      createUnifiController(classic({ url: closedOrigin }), { timeouts: fast }).confirmGuest({
        mac: 'aa:bb:cc:dd:ee:05',
        apMac: AP,
      }),
    ).rejects.toMatchObject({ reason: 'unreachable' });
    expect(performance.now() - started).toBeLessThan(fast.requestMs);
  });

  it('tries the station lookup once more after a failure, and no more', async () => {
    seen.length = 0;
    const flaky = createUnifiController(classic({ site: 'flaky' }), { timeouts: fast });
    await expect(flaky.confirmGuest({ mac: 'aa:bb:cc:dd:ee:05', apMac: AP })).resolves.toBeDefined();
    expect(seen.filter((request) => request.method === 'GET')).toHaveLength(2);
    seen.length = 0;
    const broken = createUnifiController(classic({ site: 'broken' }), { timeouts: fast });
    await expect(broken.confirmGuest({ mac: 'aa:bb:cc:dd:ee:05', apMac: AP })).rejects.toMatchObject({
      reason: 'answer',
    });
    expect(seen.filter((request) => request.method === 'GET')).toHaveLength(2);
  });
});
