import { describe, expect, it } from 'vitest';
import * as z from 'zod';
import { createHttpApp } from '../../../functions/platform/http-app.js';
import { createLogger } from '../../../functions/platform/logger.js';
import { createRoute, createRouter } from '../../../functions/platform/routing.js';

function appWithLog() {
  const lines: string[] = [];
  const app = createHttpApp({ logger: createLogger('info', (line) => lines.push(line)), maxBodyBytes: 2048 });
  const router = createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/echo',
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: z.object({ name: z.string().min(2), seats: z.number().int().positive() }),
              },
            },
          },
        },
        responses: { 200: { description: 'echo' } },
      }),
      (context) => context.json(context.req.valid('json'), 200),
    )
    .get('/explode', () => {
      throw new Error('database password is hunter2');
    });
  app.route('/api/test', router);
  return { app, lines };
}

const postJson = (body: string) => ({
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body,
});

describe('the HTTP shell', () => {
  it('lists every failing field of an invalid body', async () => {
    const { app } = appWithLog();
    const response = await app.request('/api/test/echo', postJson(JSON.stringify({ name: 'x', seats: -1 })));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { errors: { path: string; location: string }[] };
    expect(problem.errors.map((error) => `${error.location}:${error.path}`).sort()).toEqual([
      'body:name',
      'body:seats',
    ]);
  });

  it('hides the details of an unexpected failure behind a 500 problem and logs them', async () => {
    const { app, lines } = appWithLog();
    const response = await app.request('/api/test/explode');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain('hunter2');
    expect(JSON.parse(text)).toMatchObject({ type: '/problems/internal-error', status: 500 });
    expect(lines.some((line) => line.includes('hunter2') && JSON.parse(line).level === 'error')).toBe(true);
  });

  it('writes one structured log line per request with method, path, status, duration and id', async () => {
    const { app, lines } = appWithLog();
    const response = await app.request('/api/test/echo', postJson(JSON.stringify({ name: 'Lan', seats: 2 })));
    const requestLines = lines.map((line) => JSON.parse(line)).filter((entry) => entry.message === 'request');
    expect(requestLines).toHaveLength(1);
    expect(requestLines[0]).toMatchObject({
      level: 'info',
      method: 'POST',
      path: '/api/test/echo',
      status: 200,
      requestId: response.headers.get('x-request-id'),
    });
    expect(typeof requestLines[0].durationMs).toBe('number');
  });

  it('refuses a body over the limit with 413 before reading it all', async () => {
    const { app } = appWithLog();
    const response = await app.request(
      '/api/test/echo',
      postJson(JSON.stringify({ name: 'x'.repeat(5000), seats: 1 })),
    );
    expect(response.status).toBe(413);
  });

  it('answers a wrong method with 405 and Allow, an unknown path with 404', async () => {
    const { app } = appWithLog();
    const wrongMethod = await app.request('/api/test/echo');
    expect(wrongMethod.status).toBe(405);
    expect(wrongMethod.headers.get('allow')).toBe('POST');
    expect((await app.request('/api/test/nope')).status).toBe(404);
  });
});
