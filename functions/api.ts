/**
 * The whole API as one Hono app: every domain router mounted under /api, plus health, identity and the
 * OpenAPI document. The local server runs this; on AWS each domain runs alone in its own Lambda.
 */
import {
  BOATS_BASE_PATH,
  boatsRouterFor,
  bookingPaymentPortsOf,
  bookingsRouterFor,
  checkInRouterFor,
  paymentRouteDeclarations,
  paymentRoutersFor,
} from './boats/index.js';
import { INSIGHTS_BASE_PATH, insightsRouterFor } from './insights/index.js';
import { MUSEUM_BASE_PATH, museumRouterFor } from './museum/index.js';
import { type MountedRouter, mountApiDocs } from './platform/api-docs.js';
import type { PlatformDependencies } from './platform/dependencies.js';
import { createHttpApp } from './platform/http-app.js';
import type { Outbox } from './platform/messages/outbox.js';
import { createOutboxRouter } from './platform/messages/outbox-routes.js';
import { platformRoutersFor } from './platform/platform-routers.js';
import type { DocumentedRouter } from './platform/routing.js';
import { forgetPageDataChangedByWrites } from './site/page-data-cache.js';
import { trackingRoutersFor } from './tracking/index.js';
import { WIFI_BASE_PATH, wifiRouterFor } from './wifi/index.js';

/** Every router of the API at its base path. */
function apiRoutersFor(dependencies: PlatformDependencies): { basePath: string; router: DocumentedRouter }[] {
  const { requireRole } = dependencies;
  const paymentPorts = bookingPaymentPortsOf(dependencies);
  const routers = platformRoutersFor(dependencies);
  routers.push({ basePath: BOATS_BASE_PATH, router: boatsRouterFor(dependencies) });
  routers.push(bookingsRouterFor(dependencies));
  routers.push(checkInRouterFor(dependencies));
  routers.push({ basePath: MUSEUM_BASE_PATH, router: museumRouterFor(dependencies) });
  routers.push({ basePath: WIFI_BASE_PATH, router: wifiRouterFor(dependencies) });
  routers.push({ basePath: INSIGHTS_BASE_PATH, router: insightsRouterFor(dependencies) });
  routers.push(...trackingRoutersFor(dependencies));
  if (paymentPorts) routers.push(...paymentRoutersFor(dependencies, paymentPorts));
  if (dependencies.messages && 'list' in dependencies.messages) {
    routers.push({
      basePath: '/api/outbox',
      router: createOutboxRouter(dependencies.messages as Outbox, requireRole),
    });
  }
  return routers;
}

/**
 * The routes the OpenAPI document lists: every router's, and the payment routes even where no payment
 * provider is configured (the platform function on AWS), since the payments function serves them there.
 */
function documentedRoutersOf(
  dependencies: PlatformDependencies,
  routers: readonly MountedRouter[],
): readonly MountedRouter[] {
  return bookingPaymentPortsOf(dependencies) ? routers : [...routers, ...paymentRouteDeclarations];
}

/** What the OpenAPI document describes, for a function that serves the document but not the domains. */
export function documentedApiRouters(dependencies: PlatformDependencies): readonly MountedRouter[] {
  return documentedRoutersOf(dependencies, apiRoutersFor(dependencies));
}

export function createApi(
  dependencies: PlatformDependencies,
  options: { contentSecurityPolicy?: string } = {},
) {
  const { config, logger } = dependencies;
  const app = createHttpApp({ logger, maxBodyBytes: config.maxBodyBytes, ...options });
  // Before every route, so that it also sees the site's pages when they are mounted on this app (locally).
  app.use('*', forgetPageDataChangedByWrites(dependencies.pageDataCache));
  const routers = apiRoutersFor(dependencies);
  for (const { basePath, router } of routers) app.route(basePath, router);
  mountApiDocs(app, async () => documentedRoutersOf(dependencies, routers));
  return app;
}
