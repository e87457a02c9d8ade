/**
 * What the site's server-rendered pages read, in-process: the same domain services the API uses, built over
 * the same table, so a rule (a fee discount, a route's stops) lives in one place. The host that renders the
 * pages (the local server, the site Lambda, Astro's dev server) passes them to Astro as `locals`.
 */

import { createRemoteJWKSet } from 'jose';
import type { CatalogueService } from '../boats/index.js';
import type { MuseumService } from '../museum/index.js';
import { createTokenVerifier } from '../platform/auth/verifier.js';
import { loadConfig } from '../platform/config.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { loadedOnFirstUse, once } from '../platform/loaded-on-first-use.js';
import { createReadCache, PAGE_DATA_CACHE } from '../platform/read-cache.js';
import type { SiteBookings } from './bookings.js';
import type { CatalogueDesk } from './catalogue-desk.js';
import type { DepartureSearch } from './departure-search.js';
import type { ForecastDesk } from './forecast-desk.js';
import type { InsightsDesk } from './insights-desk.js';
import type { MuseumDesk } from './museum-desk.js';
import type { OperatorDesk } from './operator-desk.js';
import type { PierDesk } from './pier-desk.js';
import type { SafetyDesk } from './safety-desk.js';
import type { TrackingDesk } from './tracking-desk.js';
import type { WifiDesk } from './wifi-desk.js';
import type { WifiWelcome } from './wifi-welcome.js';

export interface SiteServices {
  boats: CatalogueService;
  departures: DepartureSearch;
  bookings: SiteBookings;
  operator: OperatorDesk;
  catalogueDesk: CatalogueDesk;
  pier: PierDesk;
  museum: MuseumService;
  /** The curators' pages: exhibits, tours and visiting information, edited through the museum service. */
  curation: MuseumDesk;
  welcome: WifiWelcome;
  wifiStaff: WifiDesk;
  tracking: TrackingDesk;
  safety: SafetyDesk;
  /** The managers' forecast pages: each series' stored forecast, its holidays and what to expect. */
  forecasts: ForecastDesk;
  /** The managers' dashboard: the counters' panels for a period and filters, with the names they count. */
  insights: InsightsDesk;
}

export type SiteServiceDependencies = Pick<
  PlatformDependencies,
  'db' | 'config' | 'verifier' | 'pageDataCache'
>;

/**
 * The services, each domain's loaded with the first page that calls it (domain-services/): a cold start of the
 * site function loads no domain, a boats page loads the boats domain only, and the modules stay loaded after.
 */
export function createSiteServices(dependencies: SiteServiceDependencies): SiteServices {
  const boatsPages = once(async () => {
    const { createBoatsPageServices } = await import('./domain-services/boats.js');
    return createBoatsPageServices(dependencies);
  });
  const trackingPages = once(async () => {
    const { createTrackingPageServices } = await import('./domain-services/tracking.js');
    return createTrackingPageServices(dependencies);
  });
  const museumPages = once(async () => {
    const { createMuseumPageServices } = await import('./domain-services/museum.js');
    return createMuseumPageServices(dependencies);
  });
  return {
    boats: loadedOnFirstUse(async () => (await boatsPages()).boats),
    departures: loadedOnFirstUse(async () => (await boatsPages()).departures),
    bookings: loadedOnFirstUse(async () => (await boatsPages()).bookings),
    operator: loadedOnFirstUse(async () => (await boatsPages()).operator),
    catalogueDesk: loadedOnFirstUse(async () => (await boatsPages()).catalogueDesk),
    pier: loadedOnFirstUse(async () => (await boatsPages()).pier),
    museum: loadedOnFirstUse(async () => (await museumPages()).museum),
    curation: loadedOnFirstUse(async () => (await museumPages()).curation),
    welcome: loadedOnFirstUse(async () => {
      const { createWelcomePageServices } = await import('./domain-services/wifi.js');
      return createWelcomePageServices(dependencies, await boatsPages());
    }),
    wifiStaff: loadedOnFirstUse(async () => {
      const { createWifiStaffPageServices } = await import('./domain-services/wifi.js');
      return createWifiStaffPageServices(dependencies);
    }),
    tracking: loadedOnFirstUse(async () => (await trackingPages()).tracking),
    safety: loadedOnFirstUse(async () => (await trackingPages()).safety),
    forecasts: loadedOnFirstUse(async () => {
      const { createForecastPageServices } = await import('./domain-services/forecasts.js');
      return createForecastPageServices(dependencies);
    }),
    insights: loadedOnFirstUse(async () => {
      const { createInsightsPageServices } = await import('./domain-services/insights.js');
      return createInsightsPageServices(dependencies, await boatsPages(), await museumPages());
    }),
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
