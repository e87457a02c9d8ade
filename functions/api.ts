/**
 * The whole API as one Hono app: every domain router mounted under /api, plus health, identity and the
 * OpenAPI document. The local server runs this; on AWS each domain runs alone in its own Lambda.
 */
import packageJson from '../package.json' with { type: 'json' };
import { paymentRouteDeclarations } from './boats/booking-payment-routes.js';
import {
  BOATS_BASE_PATH,
  boatsRouterFor,
  bookingPaymentPortsOf,
  bookingsRouterFor,
  paymentRoutersFor,
} from './boats/index.js';
import { INSIGHTS_BASE_PATH, insightsRouterFor } from './insights/index.js';
import { MUSEUM_BASE_PATH, museumRouterFor } from './museum/index.js';
import { mountApiDocs } from './platform/api-docs.js';
import { LOCAL_TOKEN_LIFETIME_SECONDS } from './platform/auth/local-issuer.js';
import { createAuthRouter, createLocalIssuerRouter } from './platform/auth/routes.js';
import { createSessionRouter } from './platform/auth/session-routes.js';
import { createSignInGuard } from './platform/auth/sign-in-guard.js';
import type { PlatformDependencies } from './platform/dependencies.js';
import { createHealthRouter } from './platform/health.js';
import { createHttpApp } from './platform/http-app.js';
import type { Outbox } from './platform/messages/outbox.js';
import { createOutboxRouter } from './platform/messages/outbox-routes.js';
import { createRateLimiter } from './platform/rate-limit.js';
import type { DocumentedRouter } from './platform/routing.js';
import { forgetPageDataChangedByWrites } from './site/page-data-cache.js';
import { WIFI_BASE_PATH, wifiRouterFor } from './wifi/index.js';

export function createApi(
  dependencies: PlatformDependencies,
  options: { contentSecurityPolicy?: string } = {},
) {
  const { config, db, logger, requireRole, localAuth } = dependencies;
  const paymentPorts = bookingPaymentPortsOf(dependencies);
  const app = createHttpApp({ logger, maxBodyBytes: config.maxBodyBytes, ...options });
  // Before every route, so that it also sees the site's pages when they are mounted on this app (locally).
  app.use('*', forgetPageDataChangedByWrites(dependencies.pageDataCache));
  const routers: { basePath: string; router: DocumentedRouter }[] = [
    { basePath: '/api', router: createHealthRouter(db, config.tableName) },
    { basePath: '/api/auth', router: createAuthRouter(requireRole) },
  ];
  const signInGuard = createSignInGuard(createRateLimiter(db, config.tableName));
  if (localAuth) {
    const { issuer, accounts } = localAuth;
    const router = createLocalIssuerRouter(issuer, accounts, LOCAL_TOKEN_LIFETIME_SECONDS, signInGuard);
    routers.push({ basePath: '/api/auth', router });
  }
  if (dependencies.staffSignIn) {
    const router = createSessionRouter(dependencies.staffSignIn, {
      publicAddress: config,
      guard: signInGuard,
    });
    routers.push({ basePath: '/api/auth', router });
  }
  routers.push({ basePath: BOATS_BASE_PATH, router: boatsRouterFor(dependencies) });
  routers.push(bookingsRouterFor(dependencies));
  routers.push({ basePath: MUSEUM_BASE_PATH, router: museumRouterFor(dependencies) });
  routers.push({ basePath: WIFI_BASE_PATH, router: wifiRouterFor(dependencies) });
  routers.push({ basePath: INSIGHTS_BASE_PATH, router: insightsRouterFor(dependencies) });
  if (paymentPorts) routers.push(...paymentRoutersFor(dependencies, paymentPorts));
  if (dependencies.messages && 'list' in dependencies.messages) {
    routers.push({
      basePath: '/api/outbox',
      router: createOutboxRouter(dependencies.messages as Outbox, requireRole),
    });
  }
  for (const { basePath, router } of routers) app.route(basePath, router);
  // Without a payment provider here (the platform function on AWS), the payment routes are served by the
  // payments function; the document still lists them.
  mountApiDocs(app, paymentPorts ? routers : [...routers, ...paymentRouteDeclarations], packageJson.version);
  return app;
}
