/**
 * The platform's own routers, at their base paths: health, identity (who am I, staff sessions), the audit log's
 * reading and, when the local token issuer runs, its sign-in. Both the whole API and the platform's Lambda
 * function mount them.
 */
import { createAuditLog } from './audit/log.js';
import { createAuditRouter } from './audit/routes.js';
import { LOCAL_TOKEN_LIFETIME_SECONDS } from './auth/local-issuer.js';
import { createAuthRouter, createLocalIssuerRouter } from './auth/routes.js';
import { createSessionRouter } from './auth/session-routes.js';
import { createSignInGuard } from './auth/sign-in-guard.js';
import type { PlatformDependencies } from './dependencies.js';
import { createHealthRouter } from './health.js';
import { createRateLimiter } from './rate-limit.js';
import type { DocumentedRouter } from './routing.js';

export function platformRoutersFor(
  dependencies: PlatformDependencies,
): { basePath: string; router: DocumentedRouter }[] {
  const { config, db, logger, requireRole, localAuth, staffSignIn } = dependencies;
  const auditLog = createAuditLog(db, config.tableName, undefined, { logger });
  const routers = [
    { basePath: '/api', router: createHealthRouter(db, config.tableName) },
    { basePath: '/api/auth', router: createAuthRouter(requireRole) },
    { basePath: '/api/audit', router: createAuditRouter(auditLog, requireRole) },
  ];
  // One guard for both ways in, so guesses through one count against the other.
  const guard = createSignInGuard(createRateLimiter(db, config.tableName));
  if (localAuth) {
    const { issuer, accounts } = localAuth;
    const router = createLocalIssuerRouter(issuer, accounts, LOCAL_TOKEN_LIFETIME_SECONDS, guard);
    routers.push({ basePath: '/api/auth', router });
  }
  if (staffSignIn) {
    const router = createSessionRouter(staffSignIn, { publicAddress: config, guard });
    routers.push({ basePath: '/api/auth', router });
  }
  return routers;
}
