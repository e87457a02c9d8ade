// UniFi external portal: the redirect's freshness, and guest authorisation against a local HTTP server that
// answers as a classic controller and as a UniFi OS console do.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUnifiController, readUnifiRedirect, UnifiError } from '../../../functions/wifi/gateways/unifi';

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
    if (path.endsWith('/api/s/halong/cmd/stamgr') && loggedIn) {
      response.end('{"meta":{"rc":"ok"},"data":[{}]}');
      return;
    }
    response.statusCode = 401;
    response.end('{"meta":{"rc":"error","msg":"api.err.LoginRequired"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('UniFi external portal', () => {
  const now = 1_764_000_000;

  it('trusts a MAC only from a fresh redirect', () => {
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
  });

  it('authorises the guest on a classic controller with its session cookie', async () => {
    seen.length = 0;
    const controller = createUnifiController({
      url: origin,
      site: 'halong',
      username: 'portal',
      password: 'controller-password',
      unifiOs: false,
    });
    await controller.authorizeGuest({
      mac: 'AA:BB:CC:DD:EE:05',
      minutes: 120,
      upKbps: 1024,
      downKbps: 4096,
      quotaMB: 500,
      apMac: '78:8A:20:00:00:01',
    });
    expect(seen.map((request) => request.path)).toEqual(['/api/login', '/api/s/halong/cmd/stamgr']);
    expect(seen[1]?.cookie).toContain('unifises=s3ss10n');
    expect(seen[1]?.body).toEqual({
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
    const controller = createUnifiController({
      url: `${origin}/`,
      site: 'halong',
      username: 'portal',
      password: 'controller-password',
      unifiOs: true,
    });
    await controller.authorizeGuest({ mac: 'aa:bb:cc:dd:ee:06', minutes: 60 });
    expect(seen.map((request) => request.path)).toEqual([
      '/api/auth/login',
      '/proxy/network/api/s/halong/cmd/stamgr',
    ]);
    expect(seen[1]?.csrf).toBe('csrf-123');
    expect(seen[1]?.body).toEqual({ cmd: 'authorize-guest', mac: 'aa:bb:cc:dd:ee:06', minutes: 60 });
  });

  it('says so when the controller refuses the login', async () => {
    const controller = createUnifiController({
      url: origin,
      site: 'halong',
      username: 'portal',
      password: 'wrong',
      unifiOs: false,
    });
    await expect(controller.authorizeGuest({ mac: 'aa:bb:cc:dd:ee:07', minutes: 60 })).rejects.toMatchObject({
      reason: 'login',
    });
  });
});
