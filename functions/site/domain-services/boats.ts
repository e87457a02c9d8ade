/**
 * What the boats pages read and do (routes and fees, departures found, booking, the operator's desk), over the
 * same services as the API. Loaded with the first boats page a site function renders (site/services.ts).
 */
import { createDeparturesStore } from '../../boats/departures-store.js';
import { boatsCatalogFor, bookingsServiceFor, fleetServiceFor } from '../../boats/index.js';
import { createBoatsStore } from '../../boats/store.js';
import { createSiteBookings } from '../bookings.js';
import { createDepartureSearch } from '../departure-search.js';
import { createOperatorDesk } from '../operator-desk.js';
import { cachedBoatsCatalog, cachedDepartureSearch } from '../page-data-cache.js';
import type { SiteServiceDependencies } from '../services.js';

/**
 * What pages only display (routes, departures found) is read through the page data cache; what they act on (a
 * departure being booked, a booking, the operator's own departures) is read fresh.
 */
export function createBoatsPageServices(dependencies: SiteServiceDependencies) {
  const { db, config, verifier, pageDataCache } = dependencies;
  const fleet = fleetServiceFor(dependencies);
  const boats = cachedBoatsCatalog(pageDataCache, boatsCatalogFor(dependencies));
  const departuresShown = cachedDepartureSearch(pageDataCache, fleet);
  return {
    boats,
    departuresShown,
    departures: createDepartureSearch(departuresShown),
    operator: createOperatorDesk(fleet, createDeparturesStore(db, config.tableName), verifier),
    bookings: createSiteBookings(
      bookingsServiceFor(dependencies),
      fleet,
      createBoatsStore(db, config.tableName),
      config.bookings,
    ),
  };
}

export type BoatsPageServices = ReturnType<typeof createBoatsPageServices>;
