/**
 * What the boats pages read and do (routes and fees, departures found, booking, the operator's desk, the pier), over the
 * same services as the API. Loaded with the first boats page a site function renders (site/services.ts).
 */
import {
  bansReadFor,
  bookingsServiceFor,
  catalogueServiceFor,
  departuresOfDayFor,
  departuresServiceFor,
  fleetServiceFor,
  pierServiceFor,
} from '../../boats/index.js';
import { createAuditLog } from '../../platform/audit/log.js';
import { createSiteBookings } from '../bookings.js';
import { createCatalogueDesk } from '../catalogue-desk.js';
import { createDepartureSearch } from '../departure-search.js';
import { createOperatorDesk } from '../operator-desk.js';
import { cachedBoatsCatalogue, cachedDepartureSearch } from '../page-data-cache.js';
import { createPierDesk } from '../pier-desk.js';
import type { SiteServiceDependencies } from '../services.js';

/**
 * What pages only display (routes, departures found) is read through the page data cache; what they act on (a
 * departure being booked, a booking, the operator's own departures) is read fresh.
 */
export function createBoatsPageServices(dependencies: SiteServiceDependencies) {
  const { verifier, pageDataCache } = dependencies;
  const catalogue = catalogueServiceFor(dependencies);
  const departures = departuresServiceFor(dependencies);
  const boats = cachedBoatsCatalogue(pageDataCache, catalogue);
  const departuresShown = cachedDepartureSearch(pageDataCache, departures);
  return {
    boats,
    departuresShown,
    departures: createDepartureSearch(departuresShown),
    operator: createOperatorDesk(fleetServiceFor(dependencies), departures, verifier),
    // The managers' edits go to the catalogue itself, never through the page data cache.
    catalogueDesk: createCatalogueDesk(catalogue),
    pier: createPierDesk({
      pier: pierServiceFor(dependencies),
      departuresOfDay: departuresOfDayFor(dependencies),
      fleet: fleetServiceFor(dependencies),
      bans: bansReadFor(dependencies),
      audit: createAuditLog(dependencies.db, dependencies.config.tableName),
    }),
    bookings: createSiteBookings(
      bookingsServiceFor(dependencies),
      departures,
      catalogue,
      dependencies.config.bookings,
    ),
  };
}

export type BoatsPageServices = ReturnType<typeof createBoatsPageServices>;
