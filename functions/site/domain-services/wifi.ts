/**
 * What the Wi-Fi pages read: the welcome pages the hotspots (through the page data cache), and from the boats
 * pages' services the routes and today's departures shown near each hotspot; the staff's pages the hotspots
 * service and the portal's statistics, as the API reads them.
 */
import { hotspotsServiceFor, wifiAnalyticsFor } from '../../wifi/index.js';
import { hotspotStoreFor } from '../../wifi/reads.js';
import { cachedHotspots } from '../page-data-cache.js';
import type { SiteServiceDependencies } from '../services.js';
import { createWifiDesk } from '../wifi-desk.js';
import { createWifiWelcome } from '../wifi-welcome.js';
import type { BoatsPageServices } from './boats.js';

export function createWelcomePageServices(
  dependencies: SiteServiceDependencies,
  boatsPages: BoatsPageServices,
) {
  return createWifiWelcome(
    cachedHotspots(dependencies.pageDataCache, hotspotStoreFor(dependencies)),
    boatsPages.departuresShown,
    boatsPages.boats,
  );
}

/** The staff's hotspot registry and statistics pages. Read straight from the table: staff see their own changes. */
export function createWifiStaffPageServices(dependencies: SiteServiceDependencies) {
  return createWifiDesk(hotspotsServiceFor(dependencies), wifiAnalyticsFor(dependencies));
}
