/**
 * What the Wi-Fi welcome pages read: the hotspots (through the page data cache), and from the boats pages'
 * services the routes and today's departures shown near each hotspot.
 */
import { hotspotStoreFor } from '../../wifi/reads.js';
import { cachedHotspots } from '../page-data-cache.js';
import type { SiteServiceDependencies } from '../services.js';
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
