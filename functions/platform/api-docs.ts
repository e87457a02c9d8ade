/**
 * The OpenAPI 3.1 document and the interactive docs page. Swagger UI's files are served by the site
 * (copied from swagger-ui-dist at build time), so the page works offline and under a strict CSP.
 */
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { AppEnv } from './http-app.js';

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

/** Adds GET /api/openapi.json and GET /api/docs to the composed app (after every router is mounted). */
export function mountApiDocs(app: OpenAPIHono<AppEnv>, version: string): void {
  app.doc31('/api/openapi.json', {
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
  app.get('/api/docs', (context) => context.html(docsPage));
}
