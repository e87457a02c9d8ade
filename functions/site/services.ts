/**
 * What the site's server-rendered pages read, in-process: the same domain services the API uses, built over
 * the same table, so a rule (a fee discount, a route's stops) lives in one place. The host that renders the
 * pages (the local server, the site Lambda, Astro's dev server) passes them to Astro as `locals`.
 */

import { createRemoteJWKSet } from 'jose';
import {
  bookingsServiceFor,
  type CatalogueService,
  catalogueServiceFor,
  departuresOfDayFor,
  departuresServiceFor,
  fleetServiceFor,
} from '../boats/index.js';
import { museumServiceFor } from '../museum/index.js';
import type { MuseumService } from '../museum/service.js';
import { createTokenVerifier } from '../platform/auth/verifier.js';
import { loadConfig } from '../platform/config.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createReadCache, PAGE_DATA_CACHE } from '../platform/read-cache.js';
import { createHotspotStore } from '../wifi/store.js';
import { createSiteBookings, type SiteBookings } from './bookings.js';
import { createDepartureSearch, type DepartureSearch } from './departure-search.js';
import { createOperatorDesk, type OperatorDesk } from './operator-desk.js';
import {
  cachedBoatsCatalogue,
  cachedDepartureSearch,
  cachedHotspots,
  cachedMuseum,
} from './page-data-cache.js';
import { createWifiWelcome, type WifiWelcome } from './wifi-welcome.js';

export interface SiteServices {
  boats: CatalogueService;
  departures: DepartureSearch;
  bookings: SiteBookings;
  operator: OperatorDesk;
  museum: MuseumService;
  welcome: WifiWelcome;
}

/**
 * What pages only display (routes, departures found, the museum, hotspots) is read through the page data cache;
 * what they act on (a departure being booked, a booking, the operator's own departures) is read fresh.
 */
export function createSiteServices(
  dependencies: Pick<PlatformDependencies, 'db' | 'config' | 'verifier' | 'pageDataCache'>,
): SiteServices {
  const catalogue = catalogueServiceFor(dependencies);
  const departures = departuresServiceFor(dependencies);
  const { db, config, verifier, pageDataCache } = dependencies;
  const boats = cachedBoatsCatalogue(pageDataCache, catalogue);
  const departuresShown = cachedDepartureSearch(pageDataCache, departures);
  return {
    museum: cachedMuseum(pageDataCache, museumServiceFor(dependencies)),
    welcome: createWifiWelcome(
      cachedHotspots(pageDataCache, createHotspotStore(db, config.tableName)),
      departuresShown,
      boats,
    ),
    operator: createOperatorDesk(
      fleetServiceFor(dependencies),
      departures,
      departuresOfDayFor(dependencies),
      verifier,
    ),
    boats,
    departures: createDepartureSearch(departuresShown),
    bookings: createSiteBookings(
      bookingsServiceFor(dependencies),
      departures,
      catalogue,
      dependencies.config.bookings,
    ),
  };
}

/**
 * For Astro's dev server (`npm run dev`), which runs in its own process: the services over the table named by
 * the environment (`npm run dev` passes DYNAMODB_ENDPOINT and TABLE_NAME to it).
 */
export function createSiteServicesFromEnvironment(): SiteServices {
  const config = loadConfig();
  // The local issuer's keys live in the API process, which serves them as a JWKS.
  const apiOrigin = process.env.HALONG_API_ORIGIN ?? 'http://127.0.0.1:4321';
  const keys = createRemoteJWKSet(new URL('/api/auth/.well-known/jwks.json', apiOrigin));
  const { issuer, audience } = config.auth;
  const verifier = createTokenVerifier({ issuer, audience, keys });
  const pageDataCache = createReadCache(PAGE_DATA_CACHE);
  return createSiteServices({ config, db: createDocumentClient(config), verifier, pageDataCache });
}
