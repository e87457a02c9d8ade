import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from '../../../functions/platform/content-security-policy';

const directives = (policy: string) =>
  new Map(policy.split('; ').map((directive) => [directive.split(' ')[0], directive.split(' ').slice(1)]));

describe('the site’s Content-Security-Policy', () => {
  it('lets the live map start MapLibre’s worker from the site’s own script or a blob, and from nowhere else', () => {
    expect(directives(contentSecurityPolicy([])).get('worker-src')).toEqual(["'self'", 'blob:']);
  });

  it('lets no map tile, glyph, sprite or data request leave the site', () => {
    const policy = directives(contentSecurityPolicy(["'sha256-abc'"], ['https://checkout.stripe.com']));
    for (const name of ['default-src', 'connect-src', 'font-src'])
      expect(policy.get(name)).toEqual(["'self'"]);
    expect(policy.get('img-src')).toEqual(["'self'", 'data:', 'blob:']);
    expect(policy.get('form-action')).toEqual(["'self'", 'https://checkout.stripe.com']);
  });
});
