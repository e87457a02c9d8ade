/** What the museum pages read: the catalogue, rooms, tours and visiting hours, through the page data cache. */
import { museumServiceFor } from '../../museum/index.js';
import { cachedMuseum } from '../page-data-cache.js';
import type { SiteServiceDependencies } from '../services.js';

export const createMuseumPageServices = (dependencies: SiteServiceDependencies) =>
  cachedMuseum(dependencies.pageDataCache, museumServiceFor(dependencies));
