import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../functions/api.js';
import { createTestPlatform, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.dispose());

describe('the API shell', () => {
  it('reports the store reachable on /api/health', async () => {
    const response = await platform.app.request('/api/health');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', store: { reachable: true } });
  });

  it('reports the store down as 503 problem+json when the table is gone', async () => {
    const broken = createApi({
      ...platform.dependencies,
      config: { ...platform.dependencies.config, tableName: 'no-such-table' },
    });
    const response = await broken.request('/api/health');
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(response.headers.get('retry-after')).toBe('5');
    expect(await response.json()).toMatchObject({
      type: '/problems/store-unavailable',
      status: 503,
      store: { reachable: false, error: 'ResourceNotFoundException' },
    });
  });

  it('answers unknown addresses with 404 problem+json', async () => {
    const response = await platform.app.request('/api/nothing-here');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    expect(await response.json()).toMatchObject({
      type: '/problems/not-found',
      status: 404,
      instance: '/api/nothing-here',
    });
  });

  it('answers a wrong method with 405 and the allowed methods', async () => {
    const response = await platform.app.request('/api/boats/routes', { method: 'DELETE' });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD');
    const onRoute = await platform.app.request('/api/boats/routes/1', { method: 'POST' });
    expect(onRoute.headers.get('allow')).toBe('GET, HEAD, PUT');
  });

  it('gives every response a request id, and reuses the caller’s id in the problem', async () => {
    const ok = await platform.app.request('/api/boats/ports');
    expect(ok.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const failed = await platform.app.request('/api/nothing', {
      headers: { 'X-Request-Id': 'support-case-77' },
    });
    expect(failed.headers.get('x-request-id')).toBe('support-case-77');
    expect(await failed.json()).toMatchObject({ requestId: 'support-case-77' });
  });

  it('serves an OpenAPI 3.1 document describing the boats and identity routes', async () => {
    const response = await platform.app.request('/api/openapi.json');
    const document = (await response.json()) as {
      openapi: string;
      paths: Record<string, object>;
      components: { schemas: object };
    };
    expect(document.openapi).toBe('3.1.0');
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining([
        '/api/health',
        '/api/boats/routes',
        '/api/boats/routes/{id}',
        '/api/boats/ports',
        '/api/auth/login',
        '/api/auth/me',
      ]),
    );
    expect(document.paths['/api/boats/routes/{id}']).toHaveProperty('put');
    expect(document.components.schemas).toHaveProperty('Problem');
  });

  it('serves the interactive docs page from local assets, not a CDN', async () => {
    const response = await platform.app.request('/api/docs');
    const html = await response.text();
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('/docs-assets/swagger-ui-bundle.js');
    expect(html).not.toMatch(/https?:\/\//);
  });
});
