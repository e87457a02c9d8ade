/**
 * Sign-in as an attacker would try it: a page elsewhere posting the sign-in form (login CSRF), bodies of other
 * types, and guessing passwords — one after another, in parallel, across accounts from one address.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.dispose());

const SITE = 'http://localhost';

function sessionForm(fields: Record<string, string>, headers: Record<string, string> = {}) {
  return platform.app.request('/api/auth/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(fields).toString(),
  });
}

function sessionJson(body: unknown, headers: Record<string, string> = {}) {
  return platform.app.request('/api/auth/session', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

function login(email: string, password: string, address: string) {
  return platform.app.request('/api/auth/login', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Viewer-Address': address },
    body: JSON.stringify({ email, password }),
  });
}

describe('the sign-in form only from our own pages', () => {
  const account = { email: demo.operator.email, password: demo.operator.password, language: 'en' };

  it('refuses a form posted from another site, and sets no session', async () => {
    const response = await sessionForm(account, {
      Origin: 'https://evil.example',
      'X-Viewer-Address': '10.0.0.1',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('Content-Type')).toBe('application/problem+json');
    expect(((await response.json()) as { type: string }).type).toBe('/problems/cross-origin-request');
    expect(response.headers.get('Set-Cookie')).toBeNull();
  });

  it('refuses a form that says it is cross-site, and one that names no origin at all', async () => {
    const crossSite = await sessionForm(account, {
      'Sec-Fetch-Site': 'cross-site',
      'X-Viewer-Address': '10.0.0.2',
    });
    const anonymous = await sessionForm(account, { 'X-Viewer-Address': '10.0.0.2' });
    expect([crossSite.status, anonymous.status]).toEqual([403, 403]);
    expect(crossSite.headers.get('Set-Cookie')).toBeNull();
    expect(anonymous.headers.get('Set-Cookie')).toBeNull();
  });

  it('signs in from the site itself, by Origin or by Sec-Fetch-Site', async () => {
    const byOrigin = await sessionForm(account, { Origin: SITE, 'X-Viewer-Address': '10.0.0.3' });
    const byFetchSite = await sessionForm(account, {
      'Sec-Fetch-Site': 'same-origin',
      'X-Viewer-Address': '10.0.0.3',
    });
    for (const response of [byOrigin, byFetchSite]) {
      expect(response.status).toBe(303);
      expect(response.headers.get('Set-Cookie')).toContain('hl_staff=');
    }
  });

  it('lets a program sign in with JSON and no Origin, but not a browser on another site', async () => {
    const program = await sessionJson(account, { 'X-Viewer-Address': '10.0.0.4' });
    const foreignPage = await sessionJson(account, {
      Origin: 'https://evil.example',
      'X-Viewer-Address': '10.0.0.4',
    });
    expect(program.status).toBe(204);
    expect(foreignPage.status).toBe(403);
  });

  it('accepts only the two media types it documents', async () => {
    const body = new URLSearchParams(account).toString();
    for (const contentType of ['text/plain', 'multipart/form-data; boundary=x', undefined]) {
      const response = await platform.app.request('/api/auth/session', {
        method: 'POST',
        headers: { Origin: SITE, ...(contentType && { 'Content-Type': contentType }) },
        body,
      });
      expect(response.status, String(contentType)).toBe(415);
      expect(response.headers.get('Content-Type')).toBe('application/problem+json');
      expect(response.headers.get('Set-Cookie')).toBeNull();
    }
  });
});

describe('password guessing', () => {
  it('stops an account after five wrong passwords, even with the right one, and says how long to wait', async () => {
    const email = demo.manager.email;
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await login(email, `guess-${attempt}`, `10.1.0.${attempt}`)).status).toBe(401);
    }
    const refused = await login(email, demo.manager.password, '10.1.0.99');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Content-Type')).toBe('application/problem+json');
    const retryAfter = Number(refused.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    expect(((await refused.json()) as { type: string }).type).toBe('/problems/too-many-attempts');
    // The site's form is held back the same way, and sent back to the sign-in page with the wait.
    const form = await sessionForm(
      { email, password: demo.manager.password, language: 'en' },
      { Origin: SITE, 'X-Viewer-Address': '10.1.0.100' },
    );
    expect(form.status).toBe(303);
    expect(form.headers.get('Location')).toMatch(
      /^\/en\/staff\/sign-in\/\?error=too-many-attempts&retry=\d+&/,
    );
    expect(form.headers.get('Set-Cookie')).toBeNull();
  });

  it('lets no more than five of twelve parallel guesses at one account be checked', async () => {
    const email = 'curator@halong.test';
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, index) => login(email, `parallel-${index}`, `10.2.0.${index}`)),
    );
    const statuses = answers.map((response) => response.status).sort();
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(7);
  });

  it('does not count sign-ins that succeed', async () => {
    for (let attempt = 0; attempt < 8; attempt++) {
      expect((await login(demo.operator.email, demo.operator.password, '10.3.0.1')).status).toBe(200);
    }
  });

  it('stops one address guessing across many accounts', async () => {
    const address = '10.4.0.1';
    for (let attempt = 0; attempt < 30; attempt++) {
      expect((await login(`someone-${attempt}@example.com`, 'password', address)).status).toBe(401);
    }
    const refused = await login('yet-another@example.com', 'password', address);
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('Retry-After'))).toBeGreaterThan(0);
    // Another address is not held back by it.
    expect((await login('yet-another@example.com', 'password', '10.4.0.2')).status).toBe(401);
  });
});
