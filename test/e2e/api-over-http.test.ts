import { describe, expect, inject, it } from 'vitest';

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

  it('sends the Content-Security-Policy CloudFront sends, hashing the site’s inline island scripts', async () => {
    const response = await fetch(`${baseUrl}/en/boats/`);
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/=]+')+;/);
    expect(policy).toContain("frame-ancestors 'none'");
  });

  it('serves the site’s not-found page with 404 for unknown pages', async () => {
    const response = await fetch(`${baseUrl}/en/no-such-page/`);
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('text/html');
  });
});
