// The hotspot registry over HTTP against DynamoDB Local: admins and managers create, read, replace and remove
// hotspots; secrets are written but never read back; bad input changes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let adminToken: string;
let managerToken: string;
let curatorToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  [adminToken, managerToken, curatorToken] = await Promise.all([
    platform.signIn('admin@halong.test', 'Admin-HaLong-2026'),
    platform.signIn('manager@halong.test', 'Manager-HaLong-2026'),
    platform.signIn('curator@halong.test', 'Curator-HaLong-2026'),
  ]);
});
afterAll(() => platform.dispose());

const call = (method: string, path: string, token: string | null, body?: unknown) =>
  platform.app.request(path, {
    method,
    headers: {
      ...(body !== undefined && { 'Content-Type': 'application/json' }),
      ...(token && { Authorization: `Bearer ${token}` }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });

const tuanChau = {
  name: 'Tuần Châu port – hall C',
  location: { lat: 20.9203, lon: 106.9931 },
  gateway: { vendor: 'opennds', faskey: 'hl-wifi-demo-faskey-2026', securityLevel: 3 },
  loginMethods: ['terms'],
};

describe('the hotspot registry', () => {
  it('creates a hotspot from the plain example and answers its id, without the faskey', async () => {
    const response = await call('POST', '/api/wifi/hotspots', adminToken, tuanChau);
    expect(response.status).toBe(201);
    const created = (await response.json()) as { id: string; gateway: Record<string, unknown> };
    expect(created.id).toMatch(/^tuan-chau-port-hall-c-[0-9a-f]{6}$/);
    expect(response.headers.get('Location')).toBe(`/api/wifi/hotspots/${created.id}`);
    expect(created.gateway).toEqual({ vendor: 'opennds', securityLevel: 3, secretsSet: ['faskey'] });
    const read = await call('GET', `/api/wifi/hotspots/${created.id}`, managerToken);
    expect(read.status).toBe(200);
    expect(await read.text()).not.toContain('hl-wifi-demo-faskey-2026');
  });

  it('keeps a secret left out of a replacement, and asks for it when the vendor changes', async () => {
    const { id } = (await (await call('POST', '/api/wifi/hotspots', managerToken, tuanChau)).json()) as {
      id: string;
    };
    const renamed = { ...tuanChau, name: { vi: 'Cảng Tuần Châu – sảnh C', en: 'Tuần Châu port – hall C' } };
    const { faskey: _kept, ...withoutSecret } = renamed.gateway;
    const replaced = await call('PUT', `/api/wifi/hotspots/${id}`, adminToken, {
      ...renamed,
      gateway: withoutSecret,
    });
    expect(replaced.status).toBe(200);
    expect(((await replaced.json()) as { gateway: { secretsSet: string[] } }).gateway.secretsSet).toEqual([
      'faskey',
    ]);

    const toChilli = await call('PUT', `/api/wifi/hotspots/${id}`, adminToken, {
      ...renamed,
      gateway: { vendor: 'coovachilli', chap: true, username: 'portal', password: 'portal-password' },
    });
    expect(toChilli.status).toBe(400);
    expect(toChilli.headers.get('Content-Type')).toContain(PROBLEM_JSON);
    expect(await toChilli.text()).toContain('gateway.uamsecret');
    // Unchanged by the refused replacement.
    const after = (await (await call('GET', `/api/wifi/hotspots/${id}`, adminToken)).json()) as {
      gateway: { vendor: string };
    };
    expect(after.gateway.vendor).toBe('opennds');
  });

  it('refuses bad input with problem+json and stores nothing', async () => {
    const before = (
      (await (await call('GET', '/api/wifi/hotspots', adminToken)).json()) as { hotspots: unknown[] }
    ).hotspots.length;
    for (const bad of [
      { ...tuanChau, location: { lat: 200, lon: 106 } },
      { ...tuanChau, gateway: { vendor: 'meraki' }, loginMethods: ['magic'] },
      {
        ...tuanChau,
        gateway: {
          vendor: 'unifi',
          controllerUrl: 'javascript:alert(1)',
          site: 'x',
          unifiOs: false,
          username: 'u',
          password: 'long-password',
        },
      },
    ]) {
      const response = await call('POST', '/api/wifi/hotspots', adminToken, bad);
      expect(response.status).toBe(400);
      expect(response.headers.get('Content-Type')).toContain(PROBLEM_JSON);
    }
    const after = (
      (await (await call('GET', '/api/wifi/hotspots', adminToken)).json()) as { hotspots: unknown[] }
    ).hotspots.length;
    expect(after).toBe(before);
  });

  it('lets only admins and managers in', async () => {
    expect((await call('GET', '/api/wifi/hotspots', null)).status).toBe(401);
    expect((await call('GET', '/api/wifi/hotspots', curatorToken)).status).toBe(403);
    expect((await call('POST', '/api/wifi/hotspots', curatorToken, tuanChau)).status).toBe(403);
  });

  it('removes a hotspot once; a second removal is a 404', async () => {
    const { id } = (await (await call('POST', '/api/wifi/hotspots', adminToken, tuanChau)).json()) as {
      id: string;
    };
    expect((await call('DELETE', `/api/wifi/hotspots/${id}`, adminToken)).status).toBe(204);
    expect((await call('DELETE', `/api/wifi/hotspots/${id}`, adminToken)).status).toBe(404);
    expect((await call('GET', `/api/wifi/hotspots/${id}`, adminToken)).status).toBe(404);
  });
});
