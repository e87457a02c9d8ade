/**
 * What the museum pages read: the catalogue, rooms, tours and visiting hours, through the page data cache; and the
 * curators' pages, which read and write the table itself through the same museum service.
 */
import { museumServiceFor } from '../../museum/index.js';
import { createMuseumDesk } from '../museum-desk.js';
import { cachedMuseum } from '../page-data-cache.js';
import type { SiteServiceDependencies } from '../services.js';

export function createMuseumPageServices(dependencies: SiteServiceDependencies) {
  const museum = museumServiceFor(dependencies);
  return { museum: cachedMuseum(dependencies.pageDataCache, museum), curation: createMuseumDesk(museum) };
}

export type MuseumPageServices = ReturnType<typeof createMuseumPageServices>;
