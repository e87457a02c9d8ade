/** The Wi-Fi domain assembled from its parts, ready to mount at /api/wifi. */
import { addDailyStatisticsRoute } from '../platform/daily-statistics.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createRateLimiter } from '../platform/rate-limit.js';
import { createWifiAnalytics, WifiDayStatistics } from './analytics.js';
import { createUnifiController } from './gateways/unifi.js';
import { createHotspotsRouter } from './hotspots-routes.js';
import { createHotspotsService } from './hotspots-service.js';
import { createLoginCodes } from './portal/login-codes.js';
import { createPortalRouter } from './portal/portal-routes.js';
import { createPortalStore } from './portal/portal-store.js';
import type { TicketLookup } from './portal/ticket-login.js';
import { createHotspotStore } from './store.js';

/** What the site's staff pages need to manage the registry and read the statistics as the API does. */
export type { WifiAnalytics, WifiDayStatistics } from './analytics.js';
export { WIFI_BASE_PATH } from './hotspots-routes.js';
export { HotspotNotFoundError, type HotspotsService, MissingSecretError } from './hotspots-service.js';
export {
  DEFAULT_BRANDING,
  DEFAULT_POLICY,
  GatewayInput,
  HotspotId,
  HotspotInput,
  HotspotUpdate,
  hotspotView,
  loginMethods,
  secretFields,
} from './model.js';
export { PORTAL_BASE_PATH } from './portal/portal-routes.js';
export * from './reads.js';

export function hotspotsServiceFor({
  db,
  config,
  logger,
}: Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>) {
  return createHotspotsService(createHotspotStore(db, config.tableName, logger));
}

export function wifiRouterFor(dependencies: PlatformDependencies) {
  const { db, config, requireRole } = dependencies;
  const router = createHotspotsRouter(hotspotsServiceFor(dependencies), requireRole);
  const analytics = createWifiAnalytics(db, config.tableName);
  return addDailyStatisticsRoute(router, requireRole, {
    tag: 'Wi-Fi',
    summary:
      'Sessions per hour, unique devices, login methods, dwell time and traffic, per local day (managers, admins)',
    description:
      'Days are local days in Hạ Long (Asia/Ho_Chi_Minh). Dwell time and traffic are over the sessions whose end the ' +
      'gateway reported (openNDS authmon); the other gateways report ends to RADIUS accounting, not to a portal. ' +
      'Nothing in the answer identifies a guest.',
    roles: ['manager', 'admin'],
    day: WifiDayStatistics,
    readDay: (date) => analytics.day(date),
  });
}

/**
 * What the portal may know of a boat booking: its status, its day, its seats — nothing personal. Read through
 * the boats domain, loaded with the first booking-reference login: most logins never need it, and a cold start
 * of the Wi-Fi function should not carry the boats' models.
 */
export function ticketLookupFor(dependencies: Pick<PlatformDependencies, 'db' | 'config'>): TicketLookup {
  let lookup: Promise<TicketLookup> | undefined;
  return async (reference) => {
    lookup ??= import('../boats/index.js').then(({ bookingSeatsLookupFor }) =>
      bookingSeatsLookupFor(dependencies),
    );
    return (await lookup)(reference);
  };
}

/**
 * The guests' portal, where this runtime has a way to send codes (null elsewhere). `portalKey` is the portal's
 * secret (it seals login pages and keys device hashes): Secrets Manager's on AWS, made at start-up locally.
 */
export function portalRouterFor(dependencies: PlatformDependencies, portalKey: Uint8Array) {
  const { db, config, messages, logger } = dependencies;
  if (!messages) return null;
  const now = () => new Date();
  return createPortalRouter({
    hotspots: createHotspotStore(db, config.tableName, logger),
    portal: createPortalStore(db, config.tableName),
    key: portalKey,
    unifiFor: (hotspot) =>
      hotspot.gateway.vendor === 'unifi'
        ? createUnifiController({ ...hotspot.gateway, url: hotspot.gateway.controllerUrl })
        : null,
    codes: createLoginCodes(db, config.tableName, portalKey, now),
    limiter: createRateLimiter(db, config.tableName, now),
    messages,
    tickets: ticketLookupFor(dependencies),
    logger,
    analytics: createWifiAnalytics(db, config.tableName),
    publicAddress: config,
    now,
  });
}
