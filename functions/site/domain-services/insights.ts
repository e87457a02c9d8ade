/**
 * What the managers' dashboard pages read: the dashboard service over the counters, as the API reads it, and the
 * names of what it counts from the boats and museum pages' services and the hotspot registry, through the page
 * data cache (names are only displayed). Loaded with the first dashboard page a site function renders.
 */
import { dashboardFor, morningReportPdfFor } from '../../insights/index.js';
import { hotspotStoreFor } from '../../wifi/reads.js';
import { createInsightsDesk } from '../insights-desk.js';
import { cachedHotspots } from '../page-data-cache.js';
import type { SiteServiceDependencies } from '../services.js';
import type { BoatsPageServices } from './boats.js';
import type { MuseumPageServices } from './museum.js';

export function createInsightsPageServices(
  dependencies: SiteServiceDependencies,
  boatsPages: BoatsPageServices,
  museumPages: MuseumPageServices,
) {
  const hotspots = cachedHotspots(dependencies.pageDataCache, hotspotStoreFor(dependencies));
  return createInsightsDesk(
    dashboardFor(dependencies),
    {
      listRoutes: () => boatsPages.boats.listRoutes(),
      listPorts: () => boatsPages.boats.listPorts(),
      listOperators: () => boatsPages.operator.listCompanies(),
      listHotspots: () => hotspots.list(),
      listExhibits: () => museumPages.museum.listExhibits(),
    },
    morningReportPdfFor(dependencies),
  );
}
