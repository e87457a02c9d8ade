/**
 * The morning rush at Tuần Châu port: phones joining the port's hotspot (openNDS, FAS level 3, as the seeded
 * port hotspots are) all at once, each opening the portal page the gateway sends it to and accepting the terms,
 * while the gateway's authmon polls for the grants and acknowledges them, as openNDS does. Against the local
 * platform over HTTP (one Node process, DynamoDB Local). Also the bytes of the portal's pages.
 */
import { createHash, randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { encryptFas } from '../functions/wifi/gateways/opennds.js';
import { percentile } from './statistics.js';

/** Phones starting at the same instant (the 300 within a minute, compressed to one instant). */
export const RUSH_PHONES = 300;
/** Clients logging phones in back to back, for the sustained rate. */
export const SUSTAINED_CLIENTS = 300;
export const SUSTAINED_SECONDS = 20;
/** The rush as it arrives: this many phones joining one after another over `RUSH_SECONDS`. */
export const RUSH_SECONDS = 60;

const FASKEY = randomBytes(24).toString('base64url');
const GATEWAY_NAME = 'HL-TuanChau-Port-Bench';
const encodedName = GATEWAY_NAME.replace(/-/g, '%2d');
const GATEWAYHASH = createHash('sha256').update(encodedName).digest('hex');

/** Adds the benchmark's hotspot as an admin would: the seeded Tuần Châu port hotspots' settings, a known key. */
export async function addRushHotspot(baseUrl: string): Promise<string> {
  const signIn = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'admin@halong.test', password: 'Admin-HaLong-2026' }),
  });
  const { idToken } = (await signIn.json()) as { idToken: string };
  const response = await fetch(`${baseUrl}/api/wifi/hotspots`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${idToken}` },
    body: JSON.stringify({
      name: { vi: 'Cảng Tuần Châu – điểm đo tải', en: 'Tuần Châu port – load test' },
      location: { lat: 20.9203, lon: 106.9926 },
      gateway: { vendor: 'opennds', faskey: FASKEY, securityLevel: 3, gatewayName: GATEWAY_NAME },
      loginMethods: ['terms', 'code', 'booking'],
      policy: {
        sessionMinutes: 45,
        downKbps: 10240,
        upKbps: 2048,
        quotaMB: 1024,
        sessionsPerDevicePerDay: 3,
      },
    }),
  });
  if (response.status !== 201) throw new Error(`adding the hotspot answered ${response.status}`);
  return ((await response.json()) as { id: string }).id;
}

let phones = 0;

/** Where the gateway sends a new phone: the portal with its FAS payload, encrypted as openNDS does. */
function portalAddress(baseUrl: string, hotspotId: string): string {
  phones += 1;
  const mac = `02:${[phones >> 16, (phones >> 8) & 255, phones & 255, 0, 1].map((byte) => byte.toString(16).padStart(2, '0')).join(':')}`;
  const token = randomBytes(4).toString('hex');
  const hid = createHash('sha256').update(token).digest('hex');
  const plain = `clientip=10.20.${(phones >> 8) & 255}.${phones & 255}, clientmac=${mac}, client_type=cpd_can, gatewayname=${encodedName}, gatewayurl=http%3a%2f%2fstatus.client%2f, version=10.3.0, hid=${hid}, gatewayaddress=10.20.0.1:2050, gatewaymac=00:11:22:33:44:55, originurl=http%3a%2f%2fconnectivitycheck.gstatic.com%2fgenerate_204, clientif=br-lan, cpi_query=none, themespec=none, location=tuanchau`;
  const iv = randomBytes(8).toString('hex');
  return `${baseUrl}/portal/${hotspotId}?fas=${encodeURIComponent(encryptFas(plain, iv, FASKEY))}&iv=${iv}`;
}

interface PhoneTiming {
  pageMs: number;
  loginMs: number;
  ok: boolean;
}

/** One phone: opens the page, accepts the terms; the two requests timed apart. */
async function phone(baseUrl: string, hotspotId: string): Promise<PhoneTiming> {
  const started = performance.now();
  try {
    const page = await fetch(portalAddress(baseUrl, hotspotId), {
      headers: { 'Accept-Language': 'vi-VN,vi;q=0.9' },
    });
    const html = await page.text();
    const shown = performance.now();
    const context = html.match(/name="context" value="([^"]+)"/)?.[1];
    if (page.status !== 200 || !context) return { pageMs: shown - started, loginMs: 0, ok: false };
    const login = await fetch(`${baseUrl}/portal/${hotspotId}/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ context, lang: 'vi', accept: 'yes' }).toString(),
      redirect: 'manual',
    });
    await login.text();
    return { pageMs: shown - started, loginMs: performance.now() - shown, ok: login.status === 200 };
  } catch {
    return { pageMs: performance.now() - started, loginMs: 0, ok: false };
  }
}

/** The gateway's authmon: every second, the grants waiting (`view`), then their acknowledgement. */
function startAuthmon(baseUrl: string, hotspotId: string) {
  let running = true;
  let collected = 0;
  const poll = (payload: string) =>
    fetch(`${baseUrl}/portal/${hotspotId}`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'User-Agent': 'openNDS(authmon;NDS:10.3.0;)',
      },
      body: new URLSearchParams({
        auth_get: 'view',
        gatewayhash: GATEWAYHASH,
        payload: Buffer.from(payload).toString('base64'),
      }).toString(),
    }).then((response) => response.text());
  const loop = (async () => {
    while (running) {
      const listed = await poll('none');
      const rhids = [...decodeURIComponent(listed).matchAll(/(?:^|\s)([0-9a-f]{64}) /g)].map(
        (match) => match[1],
      );
      if (rhids.length > 0) {
        collected += rhids.length;
        await poll(`* ${rhids.join(' ')}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return collected;
    },
  };
}

export interface RushMeasurement {
  scenario: string;
  phones: number;
  failed: number;
  seconds: number;
  loginsPerSecond: number;
  page: { p50: number; p99: number };
  login: { p50: number; p99: number };
  collectedByAuthmon: number;
}

function summary(
  scenario: string,
  timings: PhoneTiming[],
  seconds: number,
  collected: number,
): RushMeasurement {
  const ok = timings.filter((timing) => timing.ok);
  return {
    scenario,
    phones: timings.length,
    failed: timings.length - ok.length,
    seconds,
    loginsPerSecond: ok.length / seconds,
    page: {
      p50: percentile(
        ok.map((t) => t.pageMs),
        50,
      ),
      p99: percentile(
        ok.map((t) => t.pageMs),
        99,
      ),
    },
    login: {
      p50: percentile(
        ok.map((t) => t.loginMs),
        50,
      ),
      p99: percentile(
        ok.map((t) => t.loginMs),
        99,
      ),
    },
    collectedByAuthmon: collected,
  };
}

export async function measureWifiRush(baseUrl: string): Promise<RushMeasurement[]> {
  const hotspotId = await addRushHotspot(baseUrl);
  // Warm-up: JIT, the hotspot cached nowhere (each request reads it), connections opened.
  await Promise.all(Array.from({ length: 30 }, () => phone(baseUrl, hotspotId)));

  const authmon = startAuthmon(baseUrl, hotspotId);
  const burstStart = performance.now();
  const burst = await Promise.all(Array.from({ length: RUSH_PHONES }, () => phone(baseUrl, hotspotId)));
  const burstSeconds = (performance.now() - burstStart) / 1000;

  const spread: Promise<PhoneTiming>[] = [];
  const spreadStart = performance.now();
  for (let index = 0; index < RUSH_PHONES; index += 1) {
    const due = spreadStart + (index * RUSH_SECONDS * 1000) / RUSH_PHONES;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    spread.push(phone(baseUrl, hotspotId));
  }
  const spreadTimings = await Promise.all(spread);
  const spreadSeconds = (performance.now() - spreadStart) / 1000;

  const sustained: PhoneTiming[] = [];
  const deadline = performance.now() + SUSTAINED_SECONDS * 1000;
  const sustainedStart = performance.now();
  await Promise.all(
    Array.from({ length: SUSTAINED_CLIENTS }, async () => {
      while (performance.now() < deadline) sustained.push(await phone(baseUrl, hotspotId));
    }),
  );
  const sustainedSeconds = (performance.now() - sustainedStart) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const collected = await authmon.stop();
  return [
    summary(
      `${RUSH_PHONES} phones within ${RUSH_SECONDS} s, evenly (the issue's rush)`,
      spreadTimings,
      spreadSeconds,
      0,
    ),
    summary(`${RUSH_PHONES} phones at the same instant`, burst, burstSeconds, 0),
    summary(
      `${SUSTAINED_CLIENTS} clients back to back for ${SUSTAINED_SECONDS} s`,
      sustained,
      sustainedSeconds,
      collected,
    ),
  ];
}

export interface PortalWeight {
  page: string;
  bytes: number;
  gzipBytes: number;
  requests: number;
}

/** The portal page as a phone receives it: the HTML is the whole page (inline style, no script, no image). */
export async function measurePortalWeights(baseUrl: string): Promise<PortalWeight[]> {
  const hotspotId = await addRushHotspot(baseUrl);
  const weights: PortalWeight[] = [];
  for (const language of ['vi', 'en']) {
    const body = Buffer.from(
      await (await fetch(`${portalAddress(baseUrl, hotspotId)}&lang=${language}`)).arrayBuffer(),
    );
    weights.push({
      page: `login page, 3 ways in (${language})`,
      bytes: body.length,
      gzipBytes: gzipSync(body).length,
      requests: 1,
    });
  }
  return weights;
}

const ms = (value: number) => `${Math.round(value)} ms`;

export function rushRows(measurements: RushMeasurement[]): string[] {
  return [
    '| scenario | phones logged in | failed | wall time | logins/s | page p50 | page p99 | login p50 | login p99 |',
    '|---|---|---|---|---|---|---|---|---|',
    ...measurements.map(
      (m) =>
        `| ${m.scenario} | ${m.phones - m.failed} | ${m.failed} | ${m.seconds.toFixed(1)} s | ${m.loginsPerSecond.toFixed(0)} | ${ms(m.page.p50)} | ${ms(m.page.p99)} | ${ms(m.login.p50)} | ${ms(m.login.p99)} |`,
    ),
  ];
}

export function portalWeightRows(weights: PortalWeight[]): string[] {
  return [
    '| page | requests | bytes | gzip | budget |',
    '|---|---|---|---|---|',
    ...weights.map(
      (w) =>
        `| ${w.page} | ${w.requests} | ${(w.bytes / 1024).toFixed(1)} KiB | ${(w.gzipBytes / 1024).toFixed(1)} KiB | 30 KB in total |`,
    ),
  ];
}
