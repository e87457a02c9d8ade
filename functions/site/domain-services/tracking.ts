/**
 * What the live map pages read, over the same tracking service as the API. Loaded with the first map page a site
 * function renders (site/services.ts).
 */
import { trackingServiceFor } from '../../tracking/index.js';
import type { SiteServiceDependencies } from '../services.js';
import { createTrackingDesk } from '../tracking-desk.js';

export function createTrackingPageServices(dependencies: SiteServiceDependencies) {
  return createTrackingDesk(trackingServiceFor(dependencies), {
    liveUpdatesUrl: process.env.LIVE_UPDATES_URL,
  });
}
