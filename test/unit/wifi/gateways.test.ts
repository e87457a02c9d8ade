// Meraki, MikroTik and CoovaChilli adapters against payloads built exactly as the gateways build them; the
// expected digests were computed independently (Python's hashlib) from the formulas in the protocol notes.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  ChilliError,
  chapResponse,
  chilliLogonUrl,
  papPassword,
  readChilliRedirect,
} from '../../../functions/wifi/gateways/coovachilli';
import { MerakiError, merakiGrantUrl, readMerakiRedirect } from '../../../functions/wifi/gateways/meraki';
import {
  chapPassword,
  MikrotikError,
  mikrotikLoginForm,
  unescapeOctal,
} from '../../../functions/wifi/gateways/mikrotik';
import { safeDestination } from '../../../functions/wifi/gateways/redirect-target';

const landing = 'https://halong.example/vi/wifi/welcome/';

describe('where a guest may be sent', () => {
  it('keeps only absolute http(s) URLs without credentials', () => {
    expect(safeDestination('http://neverssl.com/', landing)).toBe('http://neverssl.com/');
    for (const hostile of [
      'javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/',
      '/relative',
      'https://user:pass@evil.example/',
      'vbscript:msgbox',
      `https://a.example/${'x'.repeat(3000)}`,
      undefined,
      '',
    ]) {
      expect(safeDestination(hostile, landing), String(hostile)).toBe(landing);
    }
  });

  it('sends the guest to the landing page, not to the probe their phone’s system sent to detect the portal', () => {
    for (const probe of [
      'http://connectivitycheck.gstatic.com/generate_204',
      'http://connectivitycheck.platform.hicloud.com/generate_204',
      'http://www.google.com/gen_204',
      'http://captive.apple.com/hotspot-detect.html',
      'http://www.apple.com/library/test/success.html',
      'http://www.msftconnecttest.com/connecttest.txt',
      'http://detectportal.firefox.com/canonical.html',
      'http://nmcheck.gnome.org/check_network_status.txt',
    ]) {
      expect(safeDestination(probe, landing), probe).toBe(landing);
    }
    expect(safeDestination('https://www.apple.com/vn/iphone/', landing)).toBe(
      'https://www.apple.com/vn/iphone/',
    );
  });
});

describe('Cisco Meraki click-through', () => {
  const query = {
    base_grant_url: 'https://n143.network-auth.com/splash/grant',
    user_continue_url: 'http://neverssl.com/',
    node_mac: '00:18:0A:11:22:33',
    client_mac: 'AA:BB:CC:DD:EE:03',
    client_ip: '10.10.0.31',
  };

  it('grants through Meraki’s own grant URL with where to continue and for how long', () => {
    const redirect = readMerakiRedirect(query);
    expect(redirect.clientMac).toBe('aa:bb:cc:dd:ee:03');
    const grant = new URL(merakiGrantUrl(redirect.baseGrantUrl, landing, 7200));
    expect(grant.origin + grant.pathname).toBe('https://n143.network-auth.com/splash/grant');
    expect(grant.searchParams.get('continue_url')).toBe(landing);
    expect(grant.searchParams.get('duration')).toBe('7200');
  });

  it('refuses a grant URL anywhere but https://*.network-auth.com/', () => {
    for (const base of [
      'https://evil.example/splash/grant',
      'http://n143.network-auth.com/splash/grant',
      'https://network-auth.com.evil.example/grant',
      'https://n143.network-auth.com@evil.example/',
      'javascript:alert(1)',
    ]) {
      expect(() => readMerakiRedirect({ ...query, base_grant_url: base }), base).toThrow(MerakiError);
    }
  });
});

describe('MikroTik external login', () => {
  it('reads RouterOS’s octal escapes and computes the CHAP password', () => {
    expect([...unescapeOctal('\\371a\\000')]).toEqual([0o371, 97, 0]);
    const challenge = '\\103\\021\\335\\007\\141\\362\\012\\200\\001\\377\\052\\060\\222\\111\\005\\033';
    expect(chapPassword('\\371', 'HL-482913', challenge)).toBe('3052182d1cf1685d4e97e8ac99c22422');
    const form = mikrotikLoginForm({
      linkLoginOnly: 'http://10.5.50.1/login',
      destination: landing,
      login: { username: 'HL-482913', password: 'HL-482913', chapId: '\\371', chapChallenge: challenge },
    });
    expect(form).toEqual({
      action: 'http://10.5.50.1/login',
      fields: {
        username: 'HL-482913',
        password: '3052182d1cf1685d4e97e8ac99c22422',
        dst: landing,
        popup: 'true',
      },
    });
  });

  it('logs click-through guests in as the trial user of their MAC', () => {
    const form = mikrotikLoginForm({
      linkLoginOnly: 'http://10.5.50.1/login',
      destination: landing,
      login: { trialMac: 'aa:bb:cc:dd:ee:04' },
    });
    expect(form.fields.username).toBe('T-AA:BB:CC:DD:EE:04');
  });

  it('posts only to a router login address', () => {
    for (const link of [
      'javascript:alert(1)',
      'http://x/login?next=evil',
      'http://u:p@10.5.50.1/login',
      undefined,
    ]) {
      expect(() =>
        mikrotikLoginForm({
          linkLoginOnly: link,
          destination: landing,
          login: { trialMac: 'aa:bb:cc:dd:ee:04' },
        }),
      ).toThrow(MikrotikError);
    }
  });
});

describe('CoovaChilli UAM', () => {
  const uamsecret = 'hl-uam-secret';
  const challenge = '0123456789abcdef0123456789abcdef';
  // As redir.c builds it: the URL, then &md= and md5(URL + uamsecret) in upper-case hex.
  const unsigned = `http://portal.halong.test/portal/hs-bai-chay-01?res=notyet&uamip=10.1.0.1&uamport=3990&challenge=${challenge}&called=00-11-22-33-44-55&mac=AA-BB-CC-DD-EE-02&ip=10.1.0.23&nasid=hl-baichay-01&sessionid=5f2a0c1b00000001&userurl=http%3a%2f%2fneverssl.com%2f`;
  const md = createHash('md5')
    .update(unsigned + uamsecret)
    .digest('hex')
    .toUpperCase();
  const received = `${unsigned}&md=${md}`;

  it('verifies md as the gateway computes it and reads the redirect', () => {
    expect(md).toBe('9090F455EB1044FC77E8F446D19B8F3A');
    expect(readChilliRedirect(received, uamsecret)).toMatchObject({
      result: 'notyet',
      uamip: '10.1.0.1',
      uamport: 3990,
      mac: 'aa:bb:cc:dd:ee:02',
      userurl: 'http://neverssl.com/',
    });
  });

  it('refuses a redirect with a forged or missing md, or another hotspot’s secret', () => {
    expect(() => readChilliRedirect(received.replace('uamport=3990', 'uamport=3991'), uamsecret)).toThrow(
      ChilliError,
    );
    expect(() => readChilliRedirect(unsigned, uamsecret)).toThrow(ChilliError);
    expect(() => readChilliRedirect(received, 'another-secret')).toThrow(ChilliError);
  });

  it('logs in with PAP and CHAP exactly as hotspotlogin.cgi does', () => {
    expect(papPassword('HL-482913', challenge, uamsecret)).toBe('93c54175ecacbe78958fb03160893fe7');
    expect(chapResponse('HL-482913', challenge, uamsecret)).toBe('b26d73a190509a807049587404295829');
    const redirect = readChilliRedirect(received, uamsecret);
    const logon = new URL(
      chilliLogonUrl(redirect, { username: 'HL-482913', password: 'HL-482913' }, uamsecret, 'chap', landing),
    );
    expect(logon.origin + logon.pathname).toBe('http://10.1.0.1:3990/logon');
    expect(logon.searchParams.get('response')).toBe('b26d73a190509a807049587404295829');
    expect(logon.searchParams.get('userurl')).toBe(landing);
  });
});
