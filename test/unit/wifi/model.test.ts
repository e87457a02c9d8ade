// The hotspot registry's validation: the issue's example body, each vendor's settings, and secrets that the
// API never shows.
import { describe, expect, it } from 'vitest';
import { HotspotInput, publicGateway } from '../../../functions/wifi/model';

describe('a hotspot as admins create it', () => {
  it('takes the plain example of the API (openNDS, click-through) with a name for both languages', () => {
    const parsed = HotspotInput.parse({
      name: 'Tuần Châu port – hall A',
      location: { lat: 20.9201, lon: 106.9928 },
      gateway: { vendor: 'opennds', faskey: 'hl-wifi-demo-faskey-2026', securityLevel: 3 },
      loginMethods: ['terms'],
    });
    expect(parsed.name).toEqual({ vi: 'Tuần Châu port – hall A', en: 'Tuần Châu port – hall A' });
  });

  it('says which field is wrong for each vendor’s settings', () => {
    const base = { name: 'x', location: { lat: 20.9, lon: 107 }, loginMethods: ['terms'] };
    const failures = [
      { vendor: 'opennds', faskey: 'short', securityLevel: 3 },
      { vendor: 'opennds', faskey: 'long-enough-key', securityLevel: 4 },
      {
        vendor: 'unifi',
        controllerUrl: 'ftp://controller',
        site: 'baichay',
        unifiOs: false,
        username: 'portal',
        password: 'long-enough',
      },
      { vendor: 'coovachilli', chap: true, username: 'portal', password: 'long-enough' },
      { vendor: 'cisco-ios' },
    ];
    for (const gateway of failures) {
      const result = HotspotInput.safeParse({ ...base, gateway });
      expect(result.success, JSON.stringify(gateway)).toBe(false);
      expect(result.error?.issues[0]?.path[0]).toBe('gateway');
    }
    expect(HotspotInput.safeParse({ ...base, gateway: { vendor: 'meraki' }, loginMethods: [] }).success).toBe(
      false,
    );
  });

  it('never shows a secret, only that it is set', () => {
    const shown = publicGateway({
      vendor: 'coovachilli',
      uamsecret: 'uam-secret-value',
      chap: true,
      username: 'portal',
      password: 'portal-password',
    });
    expect(shown).toEqual({
      vendor: 'coovachilli',
      chap: true,
      username: 'portal',
      secretsSet: ['uamsecret', 'password'],
    });
    expect(JSON.stringify(shown)).not.toContain('secret-value');
    expect(JSON.stringify(shown)).not.toContain('portal-password');
  });
});
