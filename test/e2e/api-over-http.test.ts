import { describe, expect, inject, it } from 'vitest';
import { SITE_STATIC_FILES } from '../../functions/local/site.js';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
} from '../../functions/platform/content-security-policy.js';

const baseUrl = inject('baseUrl');

describe('the running platform over HTTP', () => {
  it('answers /api/health with the store reachable', async () => {
    const response = await fetch(`${baseUrl}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', store: { reachable: true } });
  });

  it('returns the eight seeded routes', async () => {
    const { routes } = (await (await fetch(`${baseUrl}/api/boats/routes`)).json()) as { routes: unknown[] };
    expect(routes).toHaveLength(8);
  });

  it('answers bad requests with problem+json 4xx, never 500', async () => {
    const cases: [string, RequestInit, number][] = [
      ['/api/boats/routes/not-a-number', {}, 400],
      ['/api/boats/routes', { method: 'PATCH' }, 405],
      ['/api/no-such-thing', {}, 404],
      [
        '/api/auth/login',
        { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{' },
        400,
      ],
      ['/api/auth/login', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: 'hello' }, 415],
      [
        '/api/auth/login',
        {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email: 'x'.repeat(70_000) }),
        },
        413,
      ],
      [
        '/api/boats/routes/1',
        { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' },
        401,
      ],
    ];
    for (const [path, init, status] of cases) {
      const response = await fetch(`${baseUrl}${path}`, init);
      expect({ path, status: response.status }).toEqual({ path, status });
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
  });

  it('sends the Content-Security-Policy CloudFront sends on rendered and prerendered pages alike', async () => {
    // CloudFront's lets forms lead to Stripe Checkout; the local one to the local test checkout instead.
    const expected = contentSecurityPolicy(inlineScriptHashes(SITE_STATIC_FILES), ['http://localhost:0']);
    const samePort = (policy: string | null) =>
      (policy ?? '').replace(/http:\/\/localhost:\d+/, 'http://localhost:0');
    for (const path of ['/en/boats/', '/en/']) {
      const response = await fetch(`${baseUrl}${path}`);
      expect(samePort(response.headers.get('content-security-policy'))).toBe(expected);
    }
    expect(expected).toContain("frame-ancestors 'none'");
    expect(expected).not.toContain("script-src 'self' 'unsafe-inline'");
  });

  it('serves the site’s not-found page with 404 for unknown pages', async () => {
    const response = await fetch(`${baseUrl}/en/no-such-page/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
