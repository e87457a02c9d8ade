import { beforeAll, describe, expect, it } from 'vitest';
import { createApi } from '../../../functions/api.js';
import { createLocalDependencies } from '../../../functions/local/dependencies.js';
import { loadConfig } from '../../../functions/platform/config.js';
import { createLogger } from '../../../functions/platform/logger.js';
import { createStripePayments } from '../../../functions/platform/payments/stripe.js';
import packageJson from '../../../package.json' with { type: 'json' };

interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, { parameters?: { name: string; in: string; required: boolean }[] }>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

let app: ReturnType<typeof createApi>;
let document: OpenApiDocument;
beforeAll(async () => {
  // No request below reaches the table or Stripe, so neither client ever connects.
  const payments = createStripePayments({ secretKey: 'sk_test_unused', webhookSecret: 'whsec_unused' });
  app = createApi(
    await createLocalDependencies(loadConfig({}), { logger: createLogger('silent'), payments }),
  );
  document = (await (await app.request('/api/openapi.json')).json()) as OpenApiDocument;
});

/** Every method and path the composed app answers on, in OpenAPI's `{param}` notation. */
/** The JSON API's routes (the Wi-Fi portal's HTML pages for captive-portal browsers at /portal are not in it). */
function answeredRoutes(): string[] {
  const ownPaths = ['/api/openapi.json', '/api/docs'];
  const routes = app.routes
    .filter(
      (route) => route.method !== 'ALL' && route.path.startsWith('/api/') && !ownPaths.includes(route.path),
    )
    .map((route) => `${route.method.toLowerCase()} ${route.path.replaceAll(/:(\w+)/g, '{$1}')}`);
  // Hono lists a route once per handler (guard, validators, handler), hence the set.
  return [...new Set(routes)];
}

function referencedSchemas(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedSchemas);
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, inner]) =>
    key === '$ref' && typeof inner === 'string' ? [inner] : referencedSchemas(inner),
  );
}

describe('the OpenAPI document', () => {
  it('documents every route of every domain router, at the path it is mounted on', () => {
    const documented = Object.entries(document.paths).flatMap(([path, operations]) =>
      Object.keys(operations).map((method) => `${method} ${path}`),
    );
    expect(answeredRoutes()).toEqual(
      expect.arrayContaining(['get /api/health', 'get /api/boats/routes/{id}', 'post /api/auth/login']),
    );
    expect(documented.sort()).toEqual(answeredRoutes().sort());
  });

  it('still lists the payment routes where another function serves them (no payment provider here)', async () => {
    const withoutPayments = createApi(
      await createLocalDependencies(loadConfig({}), { logger: createLogger('silent') }),
    );
    const served = withoutPayments.routes.map((route) => route.path);
    expect(served).not.toContain('/api/payments/stripe/webhook');
    const other = (await (await withoutPayments.request('/api/openapi.json')).json()) as OpenApiDocument;
    expect(Object.keys(other.paths).sort()).toEqual(Object.keys(document.paths).sort());
  });

  it('describes a path parameter as required, in the path', () => {
    const [parameter] = document.paths['/api/boats/routes/{id}']?.put?.parameters ?? [];
    expect(parameter).toMatchObject({ name: 'id', in: 'path', required: true, schema: { type: 'integer' } });
  });

  it('resolves every $ref to a component schema', () => {
    const references = referencedSchemas(document);
    expect(references).toContain('#/components/schemas/Problem');
    for (const reference of references) {
      const name = reference.replace('#/components/schemas/', '');
      expect(document.components.schemas, reference).toHaveProperty([name]);
    }
  });

  it('declares the bearer token scheme that guarded routes name', () => {
    expect(document.components.securitySchemes.bearerAuth).toEqual({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
    });
    expect(document.paths['/api/boats/routes/{id}']?.put).toMatchObject({ security: [{ bearerAuth: [] }] });
  });

  it('is OpenAPI 3.1 with the API title and the package version', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.info).toMatchObject({
      title: 'Hạ Long smart-tourism platform API',
      version: packageJson.version,
    });
  });
});
