// The guests' portal end to end, per gateway vendor, against DynamoDB Local: the gateway's redirect as the
// gateway builds it → the login page → accepting the terms → the grant the gateway expects. And the attacks:
// replayed and forged logins, an open redirect or a script in the page asked for, a forged signature, a redirect
// to an attacker's host. UniFi, with its controller, is in portal-unifi.test.ts.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptFas, rhidFor } from '../../../functions/wifi/gateways/opennds.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let adminToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  adminToken = await platform.signIn('admin@halong.test', 'Admin-HaLong-2026');
});
afterAll(() => platform.dispose());

async function addHotspot(gateway: Record<string, unknown>, loginMethods = ['terms']): Promise<string> {
  const response = await platform.app.request('/api/wifi/hotspots', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      name: { vi: 'Cảng Tuần Châu – sảnh D', en: 'Tuần Châu port – hall D' },
      location: { lat: 20.92, lon: 106.993 },
      gateway,
      loginMethods,
      policy: { sessionMinutes: 90, downKbps: 8192, upKbps: 2048, quotaMB: 500, sessionsPerDevicePerDay: 3 },
    }),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Opens the portal as the guest's browser, and returns the login form's sealed context. */
async function openPortal(path: string, language = 'en-GB,en;q=0.8') {
  const response = await platform.app.request(path, { headers: { 'Accept-Language': language } });
  const page = await response.text();
  const context = page.match(/name="context" value="([^"]+)"/)?.[1] ?? '';
  return { response, page, context };
}

function login(hotspotId: string, context: string, accept = true) {
  const form = new URLSearchParams({ context, lang: 'en', ...(accept && { accept: 'yes' }) });
  return platform.app.request(`/portal/${hotspotId}/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
}

const faskey = 'hl-wifi-demo-faskey-2026';
const hid = createHash('sha256').update('c0ffee42').digest('hex');
const ndsPlain = (originurl: string, gatewayaddress = '192.168.8.1:2050') =>
  `clientip=192.168.8.23, clientmac=aa:bb:cc:dd:ee:01, client_type=cpd_can, gatewayname=HL%2dTuanChau%2dPort%2d01, gatewayurl=http%3a%2f%2fstatus.client%2f, version=10.3.0, hid=${hid}, gatewayaddress=${gatewayaddress}, gatewaymac=00:11:22:33:44:55, originurl=${originurl}, clientif=br-lan, cpi_query=none, themespec=none, location=tuanchau`;

describe('the Wi-Fi portal with openNDS', () => {
  it('level 1: shows a tiny page in the browser’s language and sends the guest back to the gateway with the token', async () => {
    const id = await addHotspot({ vendor: 'opennds', faskey, securityLevel: 1 });
    const fas = Buffer.from(ndsPlain('http%3a%2f%2fneverssl.com%2f')).toString('base64');
    const { response, page, context } = await openPortal(
      `/portal/${id}?fas=${encodeURIComponent(fas)}`,
      'vi-VN,vi;q=0.9',
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('Cache-Control')).toBe('no-store');
    expect(page).toContain('lang="vi"');
    expect(page).toContain('Tôi đồng ý với điều khoản sử dụng');
    expect(page).not.toContain('<script');
    expect(Buffer.byteLength(page)).toBeLessThan(30 * 1024);

    const granted = await login(id, context);
    expect(granted.status).toBe(303);
    const to = new URL(granted.headers.get('Location') ?? '');
    expect(to.origin + to.pathname).toBe('http://192.168.8.1:2050/opennds_auth/');
    expect(to.searchParams.get('tok')).toBe(rhidFor(hid, faskey));
    // At level 1 the page asked for is unsigned: the gateway sends the guest on to our page that offers it.
    const redir = new URL(to.searchParams.get('redir') ?? '');
    expect(redir.pathname).toBe(`/portal/${id}/online`);
    expect(redir.searchParams.get('to')).toBe('http://neverssl.com/');

    // The same form again lets nobody in.
    const replayed = await login(id, context);
    expect(replayed.status).toBe(409);
    expect(await replayed.text()).toContain('used already');
  });

  it('level 3: authmon collects the grant, acknowledges it, and it is gone', async () => {
    const id = await addHotspot({
      vendor: 'opennds',
      faskey,
      securityLevel: 3,
      gatewayName: 'HL-TuanChau-Port-01',
    });
    const iv = 'fa980dbf4533c98f';
    const fas = encryptFas(ndsPlain('http%3a%2f%2fneverssl.com%2f'), iv, faskey);
    const { context } = await openPortal(`/portal/${id}?fas=${encodeURIComponent(fas)}&iv=${iv}`);
    const connected = await login(id, context);
    expect(connected.status).toBe(200);
    expect(await connected.text()).toContain('online in a few seconds');

    const gatewayhash = createHash('sha256').update('HL%2dTuanChau%2dPort%2d01').digest('hex');
    const poll = (auth_get: string, payload: string) =>
      platform.app.request(`/portal/${id}`, {
        method: 'POST',
        headers: {
          'Content-Type': 'application/x-www-form-urlencoded',
          'User-Agent': 'openNDS(authmon;NDS:10.3.0;)',
        },
        body: new URLSearchParams({
          auth_get,
          gatewayhash,
          payload: Buffer.from(payload).toString('base64'),
        }).toString(),
      });
    const rhid = rhidFor(hid, faskey);
    const view = await (await poll('view', 'none')).text();
    expect(view).toBe(
      `* ${encodeURIComponent(`${rhid} 90 2048 8192 0 512000 ${Buffer.from('none').toString('base64')}`)}`,
    );
    expect(await (await poll('view', `* ${rhid}`)).text()).toBe('ack');
    expect(await (await poll('view', 'none')).text()).toBe('*');
    // Another gateway's name is refused.
    const stranger = await platform.app.request(`/portal/${id}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        auth_get: 'view',
        gatewayhash: 'a'.repeat(64),
        payload: Buffer.from('none').toString('base64'),
      }).toString(),
    });
    expect(stranger.status).toBe(403);
  });

  it('never redirects anywhere but http(s), and shows a hostile page address only escaped', async () => {
    const id = await addHotspot({ vendor: 'opennds', faskey, securityLevel: 1 });
    const hostile = encodeURIComponent('javascript:alert(document.cookie)//"><script>alert(1)</script>');
    const fas = Buffer.from(ndsPlain(hostile)).toString('base64');
    const { page, context } = await openPortal(`/portal/${id}?fas=${encodeURIComponent(fas)}`);
    expect(page).not.toContain('<script>alert(1)</script>');
    const granted = await login(id, context);
    const redir = new URL(granted.headers.get('Location') ?? '').searchParams.get('redir') ?? '';
    expect(redir.startsWith('http://localhost/en/') || redir.startsWith('https://')).toBe(true);
    expect(redir).not.toContain('javascript');
  });

  it('refuses a forged login, a payload under another key, and asks again when the terms are not accepted', async () => {
    const id = await addHotspot({ vendor: 'opennds', faskey, securityLevel: 2 });
    const iv = 'fa980dbf4533c98f';
    const forgedFas = encryptFas(ndsPlain('none'), iv, 'somebody-elses-key');
    expect(
      (await openPortal(`/portal/${id}?fas=${encodeURIComponent(forgedFas)}&iv=${iv}`)).response.status,
    ).toBe(400);

    const { context } = await openPortal(
      `/portal/${id}?fas=${encodeURIComponent(encryptFas(ndsPlain('none'), iv, faskey))}&iv=${iv}`,
    );
    const [data, signature] = context.split('.');
    const tampered = `${Buffer.from(
      Buffer.from(data ?? '', 'base64url')
        .toString()
        .replace('aa:bb', 'ff:ff'),
    ).toString('base64url')}.${signature}`;
    expect((await login(id, tampered)).status).toBe(400);
    const unaccepted = await login(id, context, false);
    expect(unaccepted.status).toBe(422);
    const asked = await unaccepted.text();
    expect(asked).toContain('Please tick the box');
    expect(asked).toContain('aria-invalid="true"');
    // Still usable once accepted.
    expect((await login(id, context)).status).toBe(303);
  });

  it('lets a device in only as many times a day as the hotspot allows', async () => {
    const response = await platform.app.request('/api/wifi/hotspots', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        name: 'Bãi Cháy beach – kiosk 9',
        location: { lat: 20.955, lon: 107.05 },
        gateway: { vendor: 'opennds', faskey, securityLevel: 1 },
        loginMethods: ['terms'],
        policy: { sessionMinutes: 30, downKbps: 2048, upKbps: 512, quotaMB: 200, sessionsPerDevicePerDay: 1 },
      }),
    });
    const { id } = (await response.json()) as { id: string };
    const fas = encodeURIComponent(Buffer.from(ndsPlain('none')).toString('base64'));
    expect((await login(id, (await openPortal(`/portal/${id}?fas=${fas}`)).context)).status).toBe(303);
    const again = await login(id, (await openPortal(`/portal/${id}?fas=${fas}`)).context);
    expect(again.status).toBe(429);
    expect(await again.text()).toContain('used today’s sessions');
  });

  it('answers an unknown hotspot with a page that says so', async () => {
    const { response, page } = await openPortal('/portal/no-such-hotspot?fas=abc');
    expect(response.status).toBe(404);
    expect(page).toContain('not known');
  });
});

describe('the Wi-Fi portal with the other gateways', () => {
  it('Meraki: grants through the network-auth.com grant URL, and refuses any other', async () => {
    const id = await addHotspot({ vendor: 'meraki' });
    const query = new URLSearchParams({
      base_grant_url: 'https://n143.network-auth.com/splash/grant',
      user_continue_url: 'http://neverssl.com/',
      client_mac: 'AA:BB:CC:DD:EE:03',
    });
    const { context } = await openPortal(`/portal/${id}?${query}`);
    const granted = await login(id, context);
    const to = new URL(granted.headers.get('Location') ?? '');
    expect(to.origin).toBe('https://n143.network-auth.com');
    expect(to.searchParams.get('duration')).toBe(String(90 * 60));
    query.set('base_grant_url', 'https://evil.example/grant');
    expect((await openPortal(`/portal/${id}?${query}`)).response.status).toBe(400);
  });

  it('MikroTik: hands the browser a form to post to the router as the trial user', async () => {
    const id = await addHotspot({
      vendor: 'mikrotik',
      chap: true,
      username: 'halong-portal',
      password: 'portal-password',
    });
    const query = new URLSearchParams({
      mac: 'AA:BB:CC:DD:EE:04',
      'link-login-only': 'http://10.5.50.1/login',
      'link-orig': 'http://neverssl.com/',
    });
    const { context } = await openPortal(`/portal/${id}?${query}`);
    const handed = await login(id, context);
    expect(handed.status).toBe(200);
    const page = await handed.text();
    expect(page).toContain('action="http://10.5.50.1/login"');
    expect(page).toContain('name="username" value="T-AA:BB:CC:DD:EE:04"');
    expect(handed.headers.get('Content-Security-Policy')).toContain('form-action');
  });

  it('CoovaChilli: checks md, then sends the browser to the gateway’s logon with the CHAP response', async () => {
    const uamsecret = 'hl-uam-secret';
    const id = await addHotspot({
      vendor: 'coovachilli',
      uamsecret,
      chap: true,
      username: 'halong-portal',
      password: 'portal-password',
    });
    const unsigned = `http://localhost/portal/${id}?res=notyet&uamip=10.1.0.1&uamport=3990&challenge=0123456789abcdef0123456789abcdef&mac=AA-BB-CC-DD-EE-02&ip=10.1.0.23&userurl=http%3a%2f%2fneverssl.com%2f`;
    const md = createHash('md5')
      .update(unsigned + uamsecret)
      .digest('hex')
      .toUpperCase();
    const { context } = await openPortal(`${unsigned.replace('http://localhost', '')}&md=${md}`);
    const granted = await login(id, context);
    const to = new URL(granted.headers.get('Location') ?? '');
    expect(to.origin + to.pathname).toBe('http://10.1.0.1:3990/logon');
    expect(to.searchParams.get('username')).toBe('halong-portal');
    expect(to.searchParams.get('response')).toMatch(/^[0-9a-f]{32}$/);
    expect(
      (await openPortal(`${unsigned.replace('http://localhost', '')}&md=${'0'.repeat(32)}`)).response.status,
    ).toBe(400);
  });
});

describe('redirects taken from a request go only where they should', () => {
  const attacker = 'evil.example';
  const chilliRedirect = (
    id: string,
    uamsecret: string,
    uamip: string,
    userurl = 'http%3a%2f%2fneverssl.com%2f',
  ) => {
    const unsigned = `http://localhost/portal/${id}?res=notyet&uamip=${uamip}&uamport=3990&challenge=0123456789abcdef0123456789abcdef&mac=AA-BB-CC-DD-EE-02&ip=10.1.0.23&userurl=${userurl}`;
    const md = createHash('md5')
      .update(unsigned + uamsecret)
      .digest('hex')
      .toUpperCase();
    return `${unsigned.replace('http://localhost', '')}&md=${md}`;
  };

  it('openNDS: a crafted level-1 link cannot send the visitor to an attacker’s host, nor off the registered gateway', async () => {
    const open = await addHotspot({ vendor: 'opennds', faskey, securityLevel: 1 });
    for (const gatewayaddress of [`${attacker}`, `${attacker}:80`, '203.0.113.5:2050', '127.0.0.1:2050']) {
      const fas = encodeURIComponent(Buffer.from(ndsPlain('none', gatewayaddress)).toString('base64'));
      const { response, page } = await openPortal(`/portal/${open}?fas=${fas}`);
      expect(response.status, gatewayaddress).toBe(400);
      expect(page).toContain('invalid information');
    }
    const registered = await addHotspot({
      vendor: 'opennds',
      faskey,
      securityLevel: 1,
      gatewayAddress: '192.168.8.1:2050',
    });
    const elsewhere = encodeURIComponent(
      Buffer.from(ndsPlain('none', '192.168.9.1:2050')).toString('base64'),
    );
    expect((await openPortal(`/portal/${registered}?fas=${elsewhere}`)).response.status).toBe(400);
    const home = encodeURIComponent(Buffer.from(ndsPlain('none')).toString('base64'));
    const granted = await login(registered, (await openPortal(`/portal/${registered}?fas=${home}`)).context);
    expect(new URL(granted.headers.get('Location') ?? '').host).toBe('192.168.8.1:2050');
  });

  it('openNDS: the page asked for is followed straight away only when the gateway encrypted it (levels 2 and 3)', async () => {
    const id = await addHotspot({ vendor: 'opennds', faskey, securityLevel: 2 });
    const iv = 'fa980dbf4533c98f';
    const fas = encryptFas(ndsPlain(`http%3a%2f%2f${attacker}%2f`), iv, faskey);
    const { context } = await openPortal(`/portal/${id}?fas=${encodeURIComponent(fas)}&iv=${iv}`);
    const granted = await login(id, context);
    expect(new URL(granted.headers.get('Location') ?? '').searchParams.get('redir')).toBe(
      `http://${attacker}/`,
    );

    const unsigned = await addHotspot({ vendor: 'opennds', faskey, securityLevel: 1 });
    const crafted = encodeURIComponent(
      Buffer.from(ndsPlain(`http%3a%2f%2f${attacker}%2f`)).toString('base64'),
    );
    const sent = await login(unsigned, (await openPortal(`/portal/${unsigned}?fas=${crafted}`)).context);
    const redir = new URL(new URL(sent.headers.get('Location') ?? '').searchParams.get('redir') ?? '');
    expect(redir.host).not.toBe(attacker);
    // Our page shows the address as a link the visitor may choose, and goes nowhere by itself.
    const landing = await platform.app.request(`${redir.pathname}${redir.search}`);
    expect(landing.status).toBe(200);
    const page = await landing.text();
    expect(page).toContain(`href="http://${attacker}/"`);
    expect(page).not.toContain('http-equiv="refresh"');
    expect(landing.headers.get('Location')).toBeNull();
    // Our page offers only what the portal itself signed.
    redir.searchParams.set('to', 'https://phishing.example/login');
    const forged = await (await platform.app.request(`${redir.pathname}${redir.search}`)).text();
    expect(forged).not.toContain('phishing.example');
    expect(forged).toContain(`/en/welcome/?hotspot=${unsigned}`);
  });

  it('MikroTik: link-login-only must be the registered router, or else a private address', async () => {
    const gateway = {
      vendor: 'mikrotik',
      chap: false,
      username: 'halong-portal',
      password: 'portal-password',
    };
    const open = await addHotspot(gateway);
    const portal = (id: string, linkLoginOnly: string) =>
      openPortal(
        `/portal/${id}?${new URLSearchParams({ mac: 'AA:BB:CC:DD:EE:04', 'link-login-only': linkLoginOnly, 'link-orig': `http://${attacker}/` })}`,
      );
    for (const hostile of [
      `http://${attacker}/login`,
      'https://203.0.113.5/login',
      'http://127.0.0.1/login',
      `http://10.5.50.1@${attacker}/login`,
    ]) {
      expect((await portal(open, hostile)).response.status, hostile).toBe(400);
    }
    const handed = await login(open, (await portal(open, 'http://10.5.50.1/login')).context);
    const page = await handed.text();
    expect(page).toContain('action="http://10.5.50.1/login"');
    // link-orig is unsigned: the router is told to send the guest to our page, not to the attacker's.
    const dst = page.match(/name="dst" value="([^"]+)"/)?.[1]?.replaceAll('&amp;', '&') ?? '';
    expect(new URL(dst).pathname).toBe(`/portal/${open}/online`);

    const registered = await addHotspot({ ...gateway, gatewayAddress: 'hotspot.halong.lan' });
    expect((await portal(registered, 'http://10.5.50.1/login')).response.status).toBe(400);
    expect((await portal(registered, 'http://hotspot.halong.lan/login')).response.status).toBe(200);
  });

  it('Meraki: the grant address is only Meraki’s, and the page asked for is offered, not followed', async () => {
    const id = await addHotspot({ vendor: 'meraki' });
    const query = new URLSearchParams({
      base_grant_url: `https://n143.network-auth.com.${attacker}/splash/grant`,
      user_continue_url: `http://${attacker}/`,
      client_mac: 'AA:BB:CC:DD:EE:03',
    });
    expect((await openPortal(`/portal/${id}?${query}`)).response.status).toBe(400);
    query.set('base_grant_url', 'https://n143.network-auth.com/splash/grant');
    const granted = await login(id, (await openPortal(`/portal/${id}?${query}`)).context);
    const continueUrl = new URL(
      new URL(granted.headers.get('Location') ?? '').searchParams.get('continue_url') ?? '',
    );
    expect(continueUrl.host).toBe('localhost');
    expect(continueUrl.pathname).toBe(`/portal/${id}/online`);
  });

  it('CoovaChilli: even a signed redirect may send the browser only to the registered or a private uamip', async () => {
    const uamsecret = 'hl-uam-secret';
    const gateway = {
      vendor: 'coovachilli',
      uamsecret,
      chap: true,
      username: 'halong-portal',
      password: 'portal-password',
    };
    const open = await addHotspot(gateway);
    for (const uamip of ['203.0.113.9', '127.0.0.1']) {
      expect((await openPortal(chilliRedirect(open, uamsecret, uamip))).response.status, uamip).toBe(400);
    }
    const registered = await addHotspot({ ...gateway, gatewayAddress: '10.1.0.1:3990' });
    expect((await openPortal(chilliRedirect(registered, uamsecret, '10.1.0.2'))).response.status).toBe(400);
    // The redirect is signed with the uamsecret, so the page asked for is followed.
    const { context } = await openPortal(chilliRedirect(registered, uamsecret, '10.1.0.1'));
    const to = new URL((await login(registered, context)).headers.get('Location') ?? '');
    expect(to.host).toBe('10.1.0.1:3990');
    expect(to.searchParams.get('userurl')).toBe('http://neverssl.com/');
  });
});
