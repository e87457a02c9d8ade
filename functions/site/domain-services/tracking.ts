/**
 * What the live map pages read, over the same tracking service as the API. Loaded with the first map page a site
 * function renders (site/services.ts).
 */
import { trackingServiceFor } from '../../tracking/index.js';
import type { SiteServiceDependencies } from '../services.js';
import { createTrackingDesk, type TrackingReads } from '../tracking-desk.js';

export function createTrackingPageServices(dependencies: SiteServiceDependencies) {
  return createTrackingDesk(scopedReads(trackingServiceFor(dependencies)), {
    liveUpdatesUrl: process.env.LIVE_UPDATES_URL,
  });
}

/**
 * TODO(lead, issue 21): the tracking service's scoped reads are being built beside this page. Once
 * `trackingServiceFor(...)` returns `listBoatsFor(principal)` and `trackedBoat(boatId)`, replace this function with
 * the service itself (`createTrackingDesk(trackingServiceFor(dependencies))`). Until then a map page fails with
 * this message rather than showing an empty bay as if no boat were out.
 */
function scopedReads(service: object): TrackingReads {
  const reads = service as Partial<TrackingReads>;
  const missing = (name: string) =>
    new Error(`The tracking service has no ${name} yet: the live map pages cannot read boats.`);
  return {
    listBoatsFor: async (principal) => {
      if (reads.listBoatsFor === undefined) throw missing('listBoatsFor');
      return reads.listBoatsFor.call(service, principal);
    },
    trackedBoat: async (boatId) => {
      if (reads.trackedBoat === undefined) throw missing('trackedBoat');
      return reads.trackedBoat.call(service, boatId);
    },
  };
}
