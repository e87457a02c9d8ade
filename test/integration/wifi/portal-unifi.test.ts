// The portal with a UniFi hotspot, against DynamoDB Local and a stand-in controller on 127.0.0.1: the MAC in the
// redirect is unsigned, so a guest is let in only when the controller sees them as a guest on that access point,
// not yet authorised; attempts are limited per device and per client address; and a controller that hangs,
// refuses connections or fails is answered for within a few seconds, with a page or problem+json.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';
import { clearOfWindowEdge } from '../support/windows.js';

let platform: TestPlatform;
let adminToken: string;
let controller: Server;
let controllerOrigin: string;
let silent: Server;
let silentOrigin: string;
let closedOrigin: string;
const authorised: Record<string, unknown>[] = [];

const AP = '78:8a:20:00:00:01';
/** The stations the stand-in controller reports as associated now, by MAC. */
const stations: Record<string, Record<string, unknown>> = {
  'aa:bb:cc:00:00:01': { mac: 'aa:bb:cc:00:00:01', ap_mac: AP, is_guest: true, authorized: false },
  'aa:bb:cc:00:00:02': { mac: 'aa:bb:cc:00:00:02', ap_mac: AP, is_guest: false, authorized: false },
  'aa:bb:cc:00:00:03': {
    mac: 'aa:bb:cc:00:00:03',
    ap_mac: '78:8a:20:00:00:99',
    is_guest: true,
    authorized: false,
  },
  'aa:bb:cc:00:00:04': { mac: 'aa:bb:cc:00:00:04', ap_mac: AP, is_guest: true, authorized: true },
  'aa:bb:cc:00:00:05': { mac: 'aa:bb:cc:00:00:05', ap_mac: AP, is_guest: true, authorized: false },
  'aa:bb:cc:00:00:06': { mac: 'aa:bb:cc:00:00:06', ap_mac: AP, is_guest: false, authorized: false },
};

beforeAll(async () => {
  platform = await createTestPlatform();
  adminToken = await platform.signIn('admin@halong.test', 'Admin-HaLong-2026');
  controller = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = request.url ?? '';
    response.setHeader('Content-Type', 'application/json');
    if (path === '/api/login') {
      const { password } = JSON.parse(Buffer.concat(chunks).toString('utf8')) as { password: string };
      if (password !== 'controller-password') {
        response.statusCode = 400;
        response.end('{"meta":{"rc":"error","msg":"api.err.Invalid"}}');
        return;
      }
      response.setHeader('Set-Cookie', 'unifises=ok; Path=/');
      response.end('{"meta":{"rc":"ok"},"data":[]}');
      return;
    }
    const lookup = /^\/api\/s\/([\w-]+)\/stat\/sta\/([0-9a-f:]+)$/.exec(path);
    if (lookup) {
      if (lookup[1] === 'hang') return; // the station lookup never answers
      const station = stations[lookup[2] ?? ''];
      response.statusCode = station ? 200 : 400;
      response.end(
        JSON.stringify(
          station
            ? { meta: { rc: 'ok' }, data: [station] }
            : { meta: { rc: 'error', msg: 'api.err.UnknownStation' }, data: [] },
        ),
      );
      return;
    }
    authorised.push(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>);
    response.end('{"meta":{"rc":"ok"},"data":[]}');
  });
  await new Promise<void>((resolve) => controller.listen(0, '127.0.0.1', resolve));
  controllerOrigin = `http://127.0.0.1:${(controller.address() as AddressInfo).port}`;
  silent = createServer(() => {});
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentOrigin = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  closedOrigin = `http://127.0.0.1:${(closed.address() as AddressInfo).port}`;
  await new Promise<void>((resolve) => closed.close(() => resolve()));
});
afterAll(async () => {
  for (const server of [controller, silent]) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  await platform.dispose();
});

async function addUnifiHotspot(settings: { controllerUrl?: string; site?: string; password?: string } = {}) {
  const response = await platform.app.request('/api/wifi/hotspots', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      name: { vi: 'Bảo tàng Quảng Ninh – sảnh', en: 'Quảng Ninh Museum – hall' },
      location: { lat: 20.951, lon: 107.094 },
      gateway: {
        vendor: 'unifi',
        controllerUrl: settings.controllerUrl ?? controllerOrigin,
        site: settings.site ?? 'halong',
        unifiOs: false,
        username: 'halong-portal',
        password: settings.password ?? 'controller-password',
      },
      loginMethods: ['terms'],
      policy: { sessionMinutes: 90, downKbps: 8192, upKbps: 2048, quotaMB: 500, sessionsPerDevicePerDay: 3 },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** The guest's browser, sent by the controller, accepting the terms; as an API client with `accept`. */
async function connect(
  id: string,
  mac: string,
  options: { network?: string; accept?: string; language?: string } = {},
) {
  const network = options.network ?? '198.51.100.70';
  const query = new URLSearchParams({
    id: mac.toUpperCase(),
    ap: AP.toUpperCase(),
    t: String(Math.floor(Date.now() / 1000)),
    url: 'http://evil.example/',
  });
  const page = await platform.app.request(`/portal/${id}?${query}`, {
    headers: { 'Accept-Language': options.language ?? 'en', 'X-Viewer-Address': network },
  });
  const context = (await page.text()).match(/name="context" value="([^"]+)"/)?.[1] ?? '';
  const started = performance.now();
  const response = await platform.app.request(`/portal/${id}/login`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/x-www-form-urlencoded',
      'X-Viewer-Address': network,
      ...(options.accept && { Accept: options.accept }),
    },
    body: new URLSearchParams({ context, lang: options.language ?? 'en', accept: 'yes' }).toString(),
  });
  return { response, seconds: (performance.now() - started) / 1000 };
}

describe('the portal with a UniFi controller', () => {
  it('lets in a guest the controller sees on that access point, and only offers the unsigned page asked for', async () => {
    const id = await addUnifiHotspot();
    const { response } = await connect(id, 'aa:bb:cc:00:00:01');
    expect(response.status).toBe(303);
    const online = new URL(response.headers.get('Location') ?? '');
    expect(online.pathname).toBe(`/portal/${id}/online`);
    expect(online.searchParams.get('to')).toBe('http://evil.example/');
    expect(authorised.at(-1)).toMatchObject({
      cmd: 'authorize-guest',
      mac: 'aa:bb:cc:00:00:01',
      minutes: 90,
      ap_mac: AP,
    });
  });

  it('authorises no MAC the controller does not vouch for: unknown, not a guest, on another access point, or already in', async () => {
    const id = await addUnifiHotspot();
    const before = authorised.length;
    for (const [mac, status, words] of [
      ['aa:bb:cc:00:00:99', 403, 'does not see your device'],
      ['aa:bb:cc:00:00:02', 403, 'does not see your device'],
      ['aa:bb:cc:00:00:03', 403, 'does not see your device'],
      ['aa:bb:cc:00:00:04', 409, 'already connected'],
    ] as const) {
      const { response } = await connect(id, mac, { network: '198.51.100.71' });
      expect(response.status, mac).toBe(status);
      expect(await response.text()).toContain(words);
    }
    const { response } = await connect(id, 'aa:bb:cc:00:00:99', {
      network: '198.51.100.71',
      accept: 'application/json',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toBe(PROBLEM_JSON);
    expect(await response.json()).toMatchObject({ type: '/problems/wifi-not-a-guest-here', status: 403 });
    expect(authorised.length).toBe(before);
  });

  it('answers within a few seconds, with a page in the guest’s language or 503 problem+json, when the controller hangs or refuses connections', async () => {
    // Each attempt from a phone of its own: a device is asked about only so often.
    let phones = 0;
    const phone = () => `aa:bb:cc:02:00:${(phones++).toString(16).padStart(2, '0')}`;
    for (const settings of [
      { controllerUrl: silentOrigin },
      { site: 'hang' },
      { controllerUrl: closedOrigin },
    ]) {
      const id = await addUnifiHotspot(settings);
      const page = await connect(id, phone(), { network: '198.51.100.72', language: 'vi' });
      expect(page.response.status, JSON.stringify(settings)).toBe(503);
      expect(page.seconds).toBeLessThan(5);
      expect(page.response.headers.get('Retry-After')).toBe('30');
      expect(await page.response.text()).toContain('Bộ điều khiển Wi-Fi của điểm phát này không trả lời');
      const api = await connect(id, phone(), {
        network: '198.51.100.72',
        accept: 'application/problem+json',
      });
      expect(api.response.status).toBe(503);
      expect(api.seconds).toBeLessThan(5);
      expect(await api.response.json()).toMatchObject({ type: '/problems/wifi-controller-unavailable' });
    }
  });

  it('answers 502 when the controller answers with an error', async () => {
    const id = await addUnifiHotspot({ password: 'not-the-password' });
    const page = await connect(id, 'aa:bb:cc:03:00:01', { network: '198.51.100.73' });
    expect(page.response.status).toBe(502);
    expect(await page.response.text()).toContain('reported an error');
    const api = await connect(id, 'aa:bb:cc:03:00:02', {
      network: '198.51.100.73',
      accept: 'application/json',
    });
    expect(api.response.status).toBe(502);
    expect(await api.response.json()).toMatchObject({ type: '/problems/wifi-controller-error' });
  });

  it('asks the controller about one MAC only five times in ten minutes, then answers 429 with Retry-After', async () => {
    const id = await addUnifiHotspot();
    await clearOfWindowEdge(600);
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 6; attempt += 1) {
      statuses.push(
        (await connect(id, 'aa:bb:cc:00:00:06', { network: `198.51.100.${80 + attempt}` })).response.status,
      );
    }
    expect(statuses).toEqual([403, 403, 403, 403, 403, 429]);
    const { response } = await connect(id, 'aa:bb:cc:00:00:06', { network: '198.51.100.90' });
    const retryAfter = Number(response.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await response.text()).toMatch(/try again in \d+ minutes?/);
  }, 120_000);

  it('stops one client address after 30 MACs the controller refused within ten minutes', async () => {
    const id = await addUnifiHotspot();
    const network = '198.51.100.99';
    await clearOfWindowEdge(600);
    for (let attempt = 0; attempt < 30; attempt += 1) {
      const mac = `aa:bb:cc:01:00:${attempt.toString(16).padStart(2, '0')}`;
      expect((await connect(id, mac, { network })).response.status).toBe(403);
    }
    const blocked = await connect(id, 'aa:bb:cc:00:00:05', { network });
    expect(blocked.response.status).toBe(429);
    expect(Number(blocked.response.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another address is not held up.
    expect((await connect(id, 'aa:bb:cc:00:00:05', { network: '198.51.100.98' })).response.status).toBe(303);
  }, 120_000);
});
