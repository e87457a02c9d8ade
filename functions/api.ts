/**
 * The whole API as one Hono app: every domain router mounted under /api, plus health, identity and the
 * OpenAPI document. The local server runs this; on AWS each domain runs alone in its own Lambda.
 */
import packageJson from '../package.json' with { type: 'json' };
import { BOATS_BASE_PATH, boatsRouterFor } from './boats/index.js';
import { mountApiDocs } from './platform/api-docs.js';
import { LOCAL_TOKEN_LIFETIME_SECONDS } from './platform/auth/local-issuer.js';
import { createAuthRouter, createLocalIssuerRouter } from './platform/auth/routes.js';
import type { PlatformDependencies } from './platform/dependencies.js';
import { createHealthRouter } from './platform/health.js';
import { createHttpApp } from './platform/http-app.js';

export function createApi(
  dependencies: PlatformDependencies,
  options: { contentSecurityPolicy?: string } = {},
) {
  const { config, db, logger, requireRole, localAuth } = dependencies;
  const app = createHttpApp({ logger, maxBodyBytes: config.maxBodyBytes, ...options });
  app.route('/api', createHealthRouter(db, config.tableName));
  app.route('/api/auth', createAuthRouter(requireRole));
  if (localAuth) {
    app.route(
      '/api/auth',
      createLocalIssuerRouter(localAuth.issuer, localAuth.accounts, LOCAL_TOKEN_LIFETIME_SECONDS),
    );
  }
  app.route(BOATS_BASE_PATH, boatsRouterFor(dependencies));
  mountApiDocs(app, packageJson.version);
  return app;
}
