/**
 * What the site's server-rendered pages read, in-process: the same domain services the API uses, built over
 * the same table, so a rule (a fee discount, a route's stops) lives in one place. The host that renders the
 * pages (the local server, the site Lambda, Astro's dev server) passes them to Astro as `locals`.
 */
import { boatsCatalogFor, bookingsServiceFor, fleetServiceFor } from '../boats/index.js';
import type { BoatsCatalog } from '../boats/service.js';
import { createBoatsStore } from '../boats/store.js';
import { loadConfig } from '../platform/config.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createSiteBookings, type SiteBookings } from './bookings.js';
import { createDepartureSearch, type DepartureSearch } from './departure-search.js';

export interface SiteServices {
  boats: BoatsCatalog;
  departures: DepartureSearch;
  bookings: SiteBookings;
}

export function createSiteServices(dependencies: Pick<PlatformDependencies, 'db' | 'config'>): SiteServices {
  const fleet = fleetServiceFor(dependencies);
  return {
    boats: boatsCatalogFor(dependencies),
    departures: createDepartureSearch(fleet),
    bookings: createSiteBookings(
      bookingsServiceFor(dependencies),
      fleet,
      createBoatsStore(dependencies.db, dependencies.config.tableName),
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
  return createSiteServices({ config, db: createDocumentClient(config) });
}
