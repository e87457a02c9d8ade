/** The tracking domain assembled: the intake of boats' trackers and the live map, ready to mount at /api/tracking. */
import { boatByTrackerIdFor, boatTripAtFor } from '../boats/reads.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createTrackingRouter } from './routes.js';
import { createTrackingService } from './service.js';
import { createTrackingStore } from './store.js';

export { TRACKING_BASE_PATH } from './routes.js';
export type { TrackingService } from './service.js';

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

export function trackingServiceFor(data: Data) {
  return createTrackingService({
    store: createTrackingStore(data.db, data.config.tableName, data.logger),
    boatByTrackerId: boatByTrackerIdFor(data),
    tripAt: boatTripAtFor(data),
  });
}

export function trackingRouterFor(dependencies: PlatformDependencies) {
  return createTrackingRouter(trackingServiceFor(dependencies), dependencies.requireRole);
}
