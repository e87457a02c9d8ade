/**
 * The tracking domain assembled: the intakes of boats' trackers and of shore AIS receivers, and the live map,
 * ready to mount at /api/tracking.
 */
import { boatLookupsFor, boatTripAtFor } from '../boats/reads.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createAisIntake } from './ais/intake.js';
import { createAisStaticStore } from './ais/store.js';
import { createTrackingRouter } from './routes.js';
import { createTrackingService } from './service.js';
import { createTrackingStore } from './store.js';

export { TRACKING_BASE_PATH } from './routes.js';
export type { TrackingService } from './service.js';

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

/** The tracking service and the AIS intake feeding it, sharing one cached read of the fleet. */
export function trackingServicesFor(data: Data) {
  const boats = boatLookupsFor(data);
  const tracking = createTrackingService({
    store: createTrackingStore(data.db, data.config.tableName, data.logger),
    boatByTrackerId: boats.boatByTrackerId,
    tripAt: boatTripAtFor(data),
  });
  const ais = createAisIntake({
    tracking,
    boatByMmsi: boats.boatByMmsi,
    statics: createAisStaticStore(data.db, data.config.tableName, data.logger),
  });
  return { tracking, ais };
}

export function trackingServiceFor(data: Data) {
  return trackingServicesFor(data).tracking;
}

export function trackingRouterFor(dependencies: PlatformDependencies) {
  const { tracking, ais } = trackingServicesFor(dependencies);
  return createTrackingRouter(tracking, dependencies.requireRole, ais);
}
