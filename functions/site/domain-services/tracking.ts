/**
 * What the live map, alerts console and rules pages read, over the same tracking services as the API. Loaded with
 * the first of those pages a site function renders (site/services.ts).
 */
import { trackingServicesFor } from '../../tracking/index.js';
import { createSafetyDesk } from '../safety-desk.js';
import type { SiteServiceDependencies } from '../services.js';
import { createTrackingDesk } from '../tracking-desk.js';

export function createTrackingPageServices(dependencies: SiteServiceDependencies) {
  const { tracking, alerts, rules } = trackingServicesFor(dependencies);
  return {
    tracking: createTrackingDesk(tracking, { liveUpdatesUrl: process.env.LIVE_UPDATES_URL }),
    safety: createSafetyDesk(alerts, rules),
  };
}
