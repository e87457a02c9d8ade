/**
 * The whole API as one Hono app: every domain router mounted under /api, plus health, identity and the
 * OpenAPI document. The local server runs this; on AWS each domain runs alone in its own Lambda.
 */
import packageJson from '../package.json' with { type: 'json' };
import { BOATS_BASE_PATH, boatsRouterFor } from './boats/index.js';
import { type MountedRouter, mountApiDocs } from './platform/api-docs.js';
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
  const routers: MountedRouter[] = [
    { basePath: '/api', router: createHealthRouter(db, config.tableName) },
    { basePath: '/api/auth', router: createAuthRouter(requireRole) },
  ];
  if (localAuth) {
    const { issuer, accounts } = localAuth;
    const router = createLocalIssuerRouter(issuer, accounts, LOCAL_TOKEN_LIFETIME_SECONDS);
    routers.push({ basePath: '/api/auth', router });
  }
  routers.push({ basePath: BOATS_BASE_PATH, router: boatsRouterFor(dependencies) });
  for (const { basePath, router } of routers) app.route(basePath, router);
  mountApiDocs(app, routers, packageJson.version);
  return app;
}
