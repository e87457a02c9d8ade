/**
 * The platform's own routers, at their base paths: health, identity (who am I, staff sessions) and, when the
 * local token issuer runs, its sign-in. Both the whole API and the platform's Lambda function mount them.
 */
import { LOCAL_TOKEN_LIFETIME_SECONDS } from './auth/local-issuer.js';
import { createAuthRouter, createLocalIssuerRouter } from './auth/routes.js';
import { createSessionRouter } from './auth/session-routes.js';
import type { PlatformDependencies } from './dependencies.js';
import { createHealthRouter } from './health.js';
import type { DocumentedRouter } from './routing.js';

export function platformRoutersFor(
  dependencies: PlatformDependencies,
): { basePath: string; router: DocumentedRouter }[] {
  const { config, db, requireRole, localAuth, staffSignIn } = dependencies;
  const routers = [
    { basePath: '/api', router: createHealthRouter(db, config.tableName) },
    { basePath: '/api/auth', router: createAuthRouter(requireRole) },
  ];
  if (localAuth) {
    const { issuer, accounts } = localAuth;
    const router = createLocalIssuerRouter(issuer, accounts, LOCAL_TOKEN_LIFETIME_SECONDS);
    routers.push({ basePath: '/api/auth', router });
  }
  if (staffSignIn) routers.push({ basePath: '/api/auth', router: createSessionRouter(staffSignIn) });
  return routers;
}
