/**
 * The whole platform's HTTP app in one process (npm start, the tests): the JSON API and, beside it, the guests'
 * Wi-Fi portal (HTML pages and openNDS authmon's polling, not part of the API's document). On AWS the portal is
 * the Wi-Fi function's, so the platform function that serves the API document never bundles it.
 */
import { randomBytes } from 'node:crypto';
import { createApi } from '../api.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { PORTAL_BASE_PATH, portalRouterFor } from '../wifi/index.js';

export function createLocalApi(
  dependencies: PlatformDependencies,
  options: Parameters<typeof createApi>[1] = {},
) {
  const app = createApi(dependencies, options);
  // A secret made now: a login page shown before a restart must be opened again (the gateway does that).
  const portal = portalRouterFor(dependencies, randomBytes(32));
  if (portal) app.route(PORTAL_BASE_PATH, portal);
  return app;
}
