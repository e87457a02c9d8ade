/** The Wi-Fi domain assembled from its parts, ready to mount at /api/wifi. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createHotspotsRouter } from './hotspots-routes.js';
import { createHotspotsService } from './hotspots-service.js';
import { createHotspotStore } from './store.js';

export { WIFI_BASE_PATH } from './hotspots-routes.js';

export function hotspotsServiceFor({ db, config }: Pick<PlatformDependencies, 'db' | 'config'>) {
  return createHotspotsService(createHotspotStore(db, config.tableName));
}

export function wifiRouterFor(dependencies: PlatformDependencies) {
  return createHotspotsRouter(hotspotsServiceFor(dependencies), dependencies.requireRole);
}
