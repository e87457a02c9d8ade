/**
 * The OpenAPI 3.1 document, generated from the routes every mounted router declares, and the interactive
 * docs page. Swagger UI's files are served by the site (copied from swagger-ui-dist at build time), so the
 * page works offline and under a strict CSP.
 */
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import type { Hono } from 'hono';
import { mergePath } from 'hono/utils/url';
import { bearerAuthScheme } from './auth/routes.js';
import type { AppEnv } from './http-app.js';
import type { DocumentedRouter } from './routing.js';

/**
 * A domain router and the path it is mounted at, e.g. the boats router at /api/boats. Only its declared
 * routes are read, so a function may document routes that another function serves.
 */
export interface MountedRouter {
  basePath: string;
  router: Pick<DocumentedRouter, 'documentedRoutes'>;
}

const docsPage = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Hạ Long smart-tourism API</title>
<link rel="icon" href="/favicon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/docs-assets/swagger-ui.css">
</head>
<body>
<main id="swagger-ui"></main>
<script src="/docs-assets/swagger-ui-bundle.js"></script>
<script src="/docs-assets/swagger-initializer.js"></script>
</body>
</html>`;

/** The OpenAPI 3.1 document of every route the routers declare, at their mounted paths. */
export function buildApiDocument(routers: readonly MountedRouter[], version: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearerAuth', bearerAuthScheme);
  registry.registerComponent('securitySchemes', 'bookingToken', {
    type: 'http',
    scheme: 'bearer',
    description: "A booking's access token, returned once when the booking is made (not a staff sign-in).",
  });
  for (const { basePath, router } of routers) {
    for (const route of router.documentedRoutes) {
      registry.registerPath({ ...route, path: mergePath(basePath, route.path) });
    }
  }
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Hạ Long smart-tourism platform API',
      version,
      description:
        'Boat routes and booking, live boat tracking, the city Wi-Fi portal, the virtual museum and the ' +
        "managers' dashboard of Quảng Ninh's smart-city programme. Errors are application/problem+json (RFC 9457).",
    },
    servers: [{ url: '/', description: 'This deployment' }],
  });
}

/** Adds GET /api/openapi.json and GET /api/docs to the composed app. */
export function mountApiDocs(app: Hono<AppEnv>, routers: readonly MountedRouter[], version: string): void {
  // Generated on the first request, not at start-up, so a cold start that never serves it does not pay for it.
  let document: ReturnType<typeof buildApiDocument> | undefined;
  app.get('/api/openapi.json', (context) => {
    document ??= buildApiDocument(routers, version);
    return context.json(document);
  });
  app.get('/api/docs', (context) => context.html(docsPage));
}
