import { describe, expect, expectTypeOf, it } from 'vitest';
import * as z from 'zod';
import { createRoleGuard } from '../../../functions/platform/auth/require-role.js';
import { createHttpApp } from '../../../functions/platform/http-app.js';
import { createLogger } from '../../../functions/platform/logger.js';
import { createRoute, createRouter } from '../../../functions/platform/routing.js';
import { totalIsSumOfParts } from '../../../functions/platform/totals.js';

const manager = { subject: 'manager', email: null, roles: ['manager' as const], companyId: null };
const requireRole = createRoleGuard({ verify: async () => manager });

const renameItem = createRoute({
  method: 'put',
  path: '/items/{id}',
  summary: 'Rename an item',
  middleware: [requireRole('manager')] as const,
  request: {
    params: z.object({ id: z.coerce.number().int().min(1) }),
    query: z.object({ notify: z.enum(['yes', 'no']) }),
    headers: z.object({ 'x-edit-reason': z.string().min(3) }),
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ name: z.string().min(2) }) } },
    },
  },
  responses: { 200: { description: 'Renamed' } },
});

function itemsApp() {
  const router = createRouter().openapi(renameItem, (context) => {
    const { id } = context.req.valid('param');
    const { name } = context.req.valid('json');
    const { notify } = context.req.valid('query');
    expectTypeOf(id).toEqualTypeOf<number>();
    expectTypeOf(notify).toEqualTypeOf<'yes' | 'no'>();
    return context.json({ id, name, notify, editor: context.get('principal')?.subject }, 200);
  });
  const app = createHttpApp({ logger: createLogger('silent'), maxBodyBytes: 2048 });
  app.route('/api/test', router);
  return { app, router };
}

/** Free text in the path and the query, which only the platform's own check keeps clean. */
function createNotesApp() {
  const router = createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/notes/{slug}',
      request: { params: z.object({ slug: z.string() }), query: z.object({ tag: z.string() }) },
      responses: { 200: { description: 'The note' } },
    }),
    (context) => context.json(context.req.valid('param'), 200),
  );
  const app = createHttpApp({ logger: createLogger('silent'), maxBodyBytes: 2048 });
  app.route('/api/test', router);
  return { app };
}

const signedIn = { Authorization: 'Bearer header.payload.signature', 'X-Edit-Reason': 'typo' };

function rename(init: { url?: string; headers?: Record<string, string>; body?: BodyInit }) {
  const { app } = itemsApp();
  return app.request(init.url ?? '/api/test/items/7?notify=yes', {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', ...signedIn, ...init.headers },
    body: init.body ?? JSON.stringify({ name: 'Sun deck' }),
  });
}

async function problemFields(response: Response): Promise<string[]> {
  expect(response.status).toBe(400);
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  const problem = (await response.json()) as { type: string; errors: { location: string; path: string }[] };
  expect(problem.type).toBe('/problems/validation-error');
  return problem.errors.map((error) => `${error.location}:${error.path}`).sort();
}

describe('a documented route', () => {
  it('answers at its OpenAPI path with the validated, coerced parameters, query and body', async () => {
    const response = await rename({});
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: 7, name: 'Sun deck', notify: 'yes', editor: 'manager' });
  });

  it('lists every failing field of the body', async () => {
    const response = await rename({ body: JSON.stringify({ name: 'x', extra: true }) });
    expect(await problemFields(response)).toEqual(['body:name']);
  });

  it('names the path parameter, query parameter or header that is wrong', async () => {
    expect(await problemFields(await rename({ url: '/api/test/items/0?notify=yes' }))).toEqual(['path:id']);
    expect(await problemFields(await rename({ url: '/api/test/items/7?notify=maybe' }))).toEqual([
      'query:notify',
    ]);
    expect(await problemFields(await rename({ headers: { 'X-Edit-Reason': '' } }))).toEqual([
      'header:x-edit-reason',
    ]);
  });

  it('refuses a body that is not JSON with 415, whether labelled otherwise or not labelled at all', async () => {
    const form = await rename({
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'a=b',
    });
    expect(form.status).toBe(415);
    expect(((await form.json()) as { type: string }).type).toBe('/problems/unsupported-media-type');
    const { app } = itemsApp();
    const unlabelled = await app.request('/api/test/items/7?notify=yes', {
      method: 'PUT',
      headers: signedIn,
      body: new TextEncoder().encode('{"name":"Sun deck"}'),
    });
    expect(unlabelled.headers.get('content-type')).toBe('application/problem+json');
    expect(unlabelled.status).toBe(415);
  });

  it('accepts JSON with a charset and answers a missing body with the missing fields', async () => {
    const withCharset = await rename({ headers: { 'Content-Type': 'application/json; charset=utf-8' } });
    expect(withCharset.status).toBe(200);
    const { app } = itemsApp();
    const noBody = await app.request('/api/test/items/7?notify=yes', { method: 'PUT', headers: signedIn });
    expect(await problemFields(noBody)).toEqual(['body:name']);
  });

  it('answers 400 malformed-body for JSON that cannot be read', async () => {
    const response = await rename({ body: '{"name": ' });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/malformed-body');
  });

  it("runs the route's guard before validation: no sign-in and a bad body is 401, not 400", async () => {
    const response = await rename({
      headers: { Authorization: '', 'X-Edit-Reason': '' },
      body: JSON.stringify({ name: 1 }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { type: string }).type).toBe('/problems/unauthenticated');
  });

  it('refuses NUL characters and lone surrogates in any body string, naming the field', async () => {
    // JSON's "\ud800" escape parses into a lone surrogate, which no UTF-8 store can keep.
    const loneSurrogate = await rename({ body: '{"name":"Sun \\ud800 deck"}' });
    expect(await problemFields(loneSurrogate)).toEqual(['body:name']);
    const trailingLow = await rename({ body: '{"name":"Sun deck \\udc00"}' });
    expect(await problemFields(trailingLow)).toEqual(['body:name']);
    const nul = await rename({ body: JSON.stringify({ name: 'Sun\u0000deck' }) });
    expect(await problemFields(nul)).toEqual(['body:name']);
    // A whole pair is a character like any other (an emoji).
    expect((await rename({ body: JSON.stringify({ name: 'Sun deck 🌊' }) })).status).toBe(200);
  });

  it('refuses a NUL character in a path or query parameter that the schema would accept', async () => {
    const { app } = createNotesApp();
    expect((await app.request('/api/test/notes/plain?tag=x')).status).toBe(200);
    expect(await problemFields(await app.request('/api/test/notes/pl%00ain?tag=x'))).toEqual(['path:slug']);
    expect(await problemFields(await app.request('/api/test/notes/plain?tag=x%00'))).toEqual(['query:tag']);
  });

  it('refuses a number the store cannot hold that the schema would accept, naming the field', async () => {
    const router = createRouter().openapi(
      createRoute({
        method: 'post',
        path: '/places',
        request: {
          body: {
            required: true,
            content: { 'application/json': { schema: z.object({ lat: z.number(), lon: z.number() }) } },
          },
        },
        responses: { 200: { description: 'The place' } },
      }),
      (context) => context.json(context.req.valid('json'), 200),
    );
    const app = createHttpApp({ logger: createLogger('silent'), maxBodyBytes: 2048 });
    app.route('/api/test', router);
    const post = (body: string) =>
      app.request('/api/test/places', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      });
    // A denormal underflows DynamoDB's smallest magnitude (1e-130); the write would fail with a 500.
    expect(await problemFields(await post('{"lat": -7.4e-323, "lon": 1e200}'))).toEqual([
      'body:lat',
      'body:lon',
    ]);
    expect((await post('{"lat": 20.95, "lon": 0}')).status).toBe(200);
  });

  it('keeps the route for the OpenAPI document without its run-time middleware', () => {
    const { router } = itemsApp();
    expect(router.documentedRoutes).toHaveLength(1);
    const [documented] = router.documentedRoutes;
    expect(documented).toMatchObject({ method: 'put', path: '/items/{id}', summary: 'Rename an item' });
    expect(documented).not.toHaveProperty('middleware');
  });
});

describe('a body whose total is not the sum of its parts', () => {
  const Order = z
    .object({ note: z.string().min(2), total: z.number().int(), parts: z.array(z.number().int()) })
    .check(
      totalIsSumOfParts((order) => ({
        total: order.total,
        parts: order.parts,
        totalPath: ['total'],
        partsPaths: [['parts']],
      })),
    );
  const placeOrder = createRoute({
    method: 'post',
    path: '/orders',
    summary: 'Place an order',
    request: { body: { required: true, content: { 'application/json': { schema: Order } } } },
    responses: { 200: { description: 'Placed' } },
  });
  const app = createHttpApp({ logger: createLogger('silent'), maxBodyBytes: 2048 });
  app.route(
    '/api/test',
    createRouter().openapi(placeOrder, (context) => context.json({ placed: true }, 200)),
  );
  const order = (body: object) =>
    app.request('/api/test/orders', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });

  it('is refused with 422 validation-error naming the total and its parts', async () => {
    const response = await order({ note: 'two', total: 5, parts: [2, 2] });
    expect(response.status).toBe(422);
    const problem = (await response.json()) as { type: string; errors: { path: string }[] };
    expect(problem.type).toBe('/problems/validation-error');
    expect(problem.errors.map((error) => error.path)).toEqual(['total', 'parts']);
    expect((await order({ note: 'two', total: 4, parts: [2, 2] })).status).toBe(200);
  });

  it('answers 400 for a field invalid on its own, without judging the sum', async () => {
    const response = await order({ note: 'x', total: 5, parts: [2, 2] });
    expect(response.status).toBe(400);
    const problem = (await response.json()) as { errors: { path: string }[] };
    expect(problem.errors.map((error) => error.path)).toEqual(['note']);
  });
});
