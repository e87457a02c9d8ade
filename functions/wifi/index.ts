/** The Wi-Fi domain assembled from its parts, ready to mount at /api/wifi. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createUnifiController } from './gateways/unifi.js';
import { createHotspotsRouter } from './hotspots-routes.js';
import { createHotspotsService } from './hotspots-service.js';
import { createPortalRouter } from './portal/portal-routes.js';
import { createPortalStore } from './portal/portal-store.js';
import { createHotspotStore } from './store.js';

export { WIFI_BASE_PATH } from './hotspots-routes.js';
export { PORTAL_BASE_PATH } from './portal/portal-routes.js';

export function hotspotsServiceFor({ db, config }: Pick<PlatformDependencies, 'db' | 'config'>) {
  return createHotspotsService(createHotspotStore(db, config.tableName));
}

export function wifiRouterFor(dependencies: PlatformDependencies) {
  return createHotspotsRouter(hotspotsServiceFor(dependencies), dependencies.requireRole);
}

/** The guests' portal, where this runtime has the portal's secret; null elsewhere. */
export function portalRouterFor({ db, config, wifiPortalKey }: PlatformDependencies) {
  if (!wifiPortalKey) return null;
  return createPortalRouter({
    hotspots: createHotspotStore(db, config.tableName),
    portal: createPortalStore(db, config.tableName),
    key: wifiPortalKey,
    unifiFor: (hotspot) =>
      hotspot.gateway.vendor === 'unifi'
        ? createUnifiController({ ...hotspot.gateway, url: hotspot.gateway.controllerUrl })
        : null,
  });
}
