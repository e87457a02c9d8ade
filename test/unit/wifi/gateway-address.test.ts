// Where a redirect back to a hotspot's gateway may point: its registered address, or else a private network; and
// Meraki's grant address, only ever Meraki's own.
import { describe, expect, it } from 'vitest';
import {
  GatewayAddress,
  isGatewayTarget,
  isPrivateNetworkAddress,
} from '../../../functions/wifi/gateways/gateway-address';
import { MerakiError, readMerakiRedirect } from '../../../functions/wifi/gateways/meraki';

describe('a gateway without a registered address', () => {
  it('may be on a private network: RFC 1918, link-local, carrier-grade NAT, IPv6 unique-local', () => {
    for (const address of [
      '10.5.50.1',
      '172.16.0.1',
      '172.31.255.254',
      '192.168.8.1',
      '169.254.1.1',
      '100.64.0.1',
      '100.127.255.254',
      '[fd00::1]',
      'fe80::1',
    ]) {
      expect(isPrivateNetworkAddress(address), address).toBe(true);
    }
  });

  it('is never a public address, loopback, a name, or anything unspecified', () => {
    for (const address of [
      '203.0.113.5',
      '8.8.8.8',
      '172.32.0.1',
      '100.128.0.1',
      '127.0.0.1',
      '[::1]',
      '0.0.0.0',
      '2001:db8::1',
      'evil.example',
      'localhost',
      '',
    ]) {
      expect(isPrivateNetworkAddress(address), address).toBe(false);
    }
  });

  it('is read as a browser reads the URL, so other notations of a public address are refused too', () => {
    expect(isGatewayTarget(new URL('http://10.5.50.1/login'), undefined)).toBe(true);
    expect(isGatewayTarget(new URL('http://0x0a.5.50.1/login'), undefined)).toBe(true);
    expect(isGatewayTarget(new URL('http://3405803781/login'), undefined)).toBe(false); // 203.0.113.5
    expect(isGatewayTarget(new URL('http://10.5.50.1.evil.example/login'), undefined)).toBe(false);
    expect(isGatewayTarget(new URL('http://user:pw@10.5.50.1/login'), undefined)).toBe(false);
  });
});

describe('a gateway with a registered address', () => {
  it('is only that host, and that port when one is registered', () => {
    const at = (url: string, registered: string) => isGatewayTarget(new URL(url), registered);
    expect(at('http://192.168.8.1:2050/opennds_auth/', '192.168.8.1:2050')).toBe(true);
    expect(at('http://192.168.8.1:2051/opennds_auth/', '192.168.8.1:2050')).toBe(false);
    expect(at('http://192.168.9.1:2050/opennds_auth/', '192.168.8.1:2050')).toBe(false);
    expect(at('http://HOTSPOT.halong.lan/login', 'hotspot.halong.lan')).toBe(true);
    expect(at('https://hotspot.halong.lan/login', 'hotspot.halong.lan:443')).toBe(true);
    expect(at('http://hotspot.halong.lan/login', 'hotspot.halong.lan:443')).toBe(false);
    expect(at('http://hotspot.halong.lan/login', 'hotspot.halong.lan:80')).toBe(true);
    // Registered, a public address is the admin's choice; another private one is not.
    expect(at('http://203.0.113.5/login', '203.0.113.5')).toBe(true);
    expect(at('http://10.5.50.1/login', '203.0.113.5')).toBe(false);
  });

  it('is written as a host or host:port, and stored as written', () => {
    for (const valid of ['192.168.8.1:2050', '10.5.50.1', 'hotspot.halong.lan', '[fd00::1]:3990']) {
      expect(GatewayAddress.parse(valid)).toBe(valid);
    }
    for (const invalid of [
      'http://10.5.50.1',
      '10.5.50.1/login',
      'user@10.5.50.1',
      '10.5.50.1:99999',
      '10.5.50.1:',
      ' 10.5.50.1',
      'fd00::1',
      '',
    ]) {
      expect(GatewayAddress.safeParse(invalid).success, invalid).toBe(false);
    }
  });
});

describe('Meraki’s grant address', () => {
  it('is only https on a host under network-auth.com, on the default port', () => {
    const read = (base_grant_url: string) => () => readMerakiRedirect({ base_grant_url });
    expect(read('https://n143.network-auth.com/splash/grant')).not.toThrow();
    for (const hostile of [
      'https://evil.example/grant',
      'http://n143.network-auth.com/splash/grant',
      'https://network-auth.com.evil.example/grant',
      'https://n143.network-auth.com.evil.example/grant',
      'https://evil.example\\.network-auth.com/grant',
      'https://evil.example#.network-auth.com/grant',
      'https://evil%2eexample%23.network-auth.com/grant',
      'https://n143.network-auth.com:8443/splash/grant',
      'https://n143.network-auth.com./splash/grant',
      'https://user@n143.network-auth.com/splash/grant',
      'javascript://n143.network-auth.com/%0aalert(1)',
    ]) {
      expect(read(hostile), hostile).toThrow(MerakiError);
    }
  });
});
