// The Wi-Fi's usage as the managers' dashboard reads it: sessions counted per hotspot, hour and method as guests
// are let in, unique devices per hotspot and city-wide, and dwell time and traffic from openNDS's reports of
// sessions' ends — counted once, and only for sessions this portal started.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateAt } from '../../../functions/platform/local-time.js';
import type { WifiDayStatistics } from '../../../functions/wifi/analytics.js';
import { encryptFas } from '../../../functions/wifi/gateways/opennds.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let adminToken: string;
const faskey = 'hl-wifi-demo-faskey-2026';
const gatewayhash = createHash('sha256').update('HL%2dBaiChay%2dBeach%2d09').digest('hex');

beforeAll(async () => {
  platform = await createTestPlatform();
  adminToken = await platform.signIn('admin@halong.test', 'Admin-HaLong-2026');
});
afterAll(() => platform.dispose());

async function addHotspot(): Promise<string> {
  const response = await platform.app.request('/api/wifi/hotspots', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      name: 'Bãi Cháy beach 9',
      location: { lat: 20.955, lon: 107.05 },
      gateway: { vendor: 'opennds', faskey, securityLevel: 3, gatewayName: 'HL-BaiChay-Beach-09' },
      loginMethods: ['terms'],
      policy: { sessionMinutes: 60, downKbps: 0, upKbps: 0, quotaMB: 0, sessionsPerDevicePerDay: 5 },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** A phone with this MAC and client token joins the hotspot and accepts the terms. */
async function join(id: string, mac: string, token: string) {
  const hid = createHash('sha256').update(token).digest('hex');
  const plain = `clientip=192.168.9.20, clientmac=${mac}, client_type=cpd_can, gatewayname=HL%2dBaiChay%2dBeach%2d09, gatewayurl=http%3a%2f%2fstatus.client%2f, version=10.3.0, hid=${hid}, gatewayaddress=192.168.9.1:2050, gatewaymac=00:11:22:33:44:99, originurl=http%3a%2f%2fneverssl.com%2f, clientif=br-lan, cpi_query=none, themespec=none, location=baichay`;
  const iv = '0123456789abcdef';
  const page = await (
    await platform.app.request(
      `/portal/${id}?fas=${encodeURIComponent(encryptFas(plain, iv, faskey))}&iv=${iv}`,
    )
  ).text();
  const context = page.match(/name="context" value="([^"]+)"/)?.[1] ?? '';
  const answer = await platform.app.request(`/portal/${id}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ context, lang: 'vi', accept: 'yes' }).toString(),
  });
  expect(answer.status).toBe(200);
}

/** openNDS authmon reporting the end of a client's session, base64 twice as it sometimes does. */
function deauthed(id: string, mac: string, token: string, start: number, seconds: number) {
  const report = `method=timeout_deauth, clientmac=${mac}, timestamp=${start + seconds}, bytes_incoming=52428800, bytes_outgoing=1048576, session_start=${start}, session_end=${start + seconds}, token=${token}, custom=bmEK`;
  return platform.app.request(`/portal/${id}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      auth_get: 'deauthed',
      gatewayhash,
      payload: Buffer.from(Buffer.from(report).toString('base64')).toString('base64'),
    }).toString(),
  });
}

async function statistics(token = adminToken, query?: string) {
  const today = localDateAt(new Date());
  return platform.app.request(`/api/wifi/statistics?${query ?? `from=${today}&to=${today}`}`, {
    headers: { Authorization: `Bearer ${token}` },
  });
}

describe('Wi-Fi analytics', () => {
  it('counts sessions by hour and method, devices once per hotspot and city, and ends reported once', async () => {
    const beach = await addHotspot();
    const other = await addHotspot();
    await join(beach, 'aa:bb:cc:00:00:01', 'token-one');
    await join(beach, 'aa:bb:cc:00:00:01', 'token-two');
    await join(beach, 'aa:bb:cc:00:00:02', 'token-three');
    await join(other, 'aa:bb:cc:00:00:02', 'token-four');

    const start = Math.floor(Date.now() / 1000) - 1800;
    expect((await deauthed(beach, 'aa:bb:cc:00:00:01', 'token-one', start, 1800)).status).toBe(200);
    // The same report again, a token this portal never let in, and another hotspot's session: none counts.
    await deauthed(beach, 'aa:bb:cc:00:00:01', 'token-one', start, 1800);
    await deauthed(beach, 'aa:bb:cc:00:00:09', 'forged-token', start, 99_999);
    await deauthed(beach, 'aa:bb:cc:00:00:02', 'token-four', start, 99_999);

    const response = await statistics();
    expect(response.status).toBe(200);
    const [day] = ((await response.json()) as { days: WifiDayStatistics[] }).days;
    const hour = (new Date().getUTCHours() + 7) % 24;
    const here = day?.hotspots.find((hotspot) => hotspot.hotspotId === beach);
    expect(here).toMatchObject({
      sessions: 3,
      devices: 2,
      methods: { terms: 3, code: 0, booking: 0 },
      endedSessions: 1,
      averageDwellMinutes: 30,
      bytesIn: 52428800,
      bytesOut: 1048576,
    });
    // A session started in the minute before the local hour turned may count in the previous one.
    expect((here?.sessionsByHour[hour] ?? 0) + (here?.sessionsByHour[(hour + 23) % 24] ?? 0)).toBe(3);
    expect(day?.city).toMatchObject({ sessions: 4, devices: 2, endedSessions: 1 });
  });

  it('answers managers and admins only, a month at most, with nothing about any guest', async () => {
    expect((await statistics('')).status).toBe(401);
    const operator = await platform.signIn(demo.operator.email, demo.operator.password);
    expect((await statistics(operator)).status).toBe(403);
    const tooLong = await statistics(adminToken, 'from=2026-01-01&to=2026-03-01');
    expect(tooLong.status).toBe(400);
    expect(tooLong.headers.get('content-type')).toBe('application/problem+json');
    const manager = await platform.signIn(demo.manager.email, demo.manager.password);
    const answer = await (await statistics(manager)).text();
    expect(answer).not.toMatch(/aa:bb:cc|token-|deviceHash|clientmac/i);
  });
});
