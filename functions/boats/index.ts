/** The boats domain assembled from its parts, ready to mount at /api/boats and to read from the site's pages. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import { addDepartureRoutes } from './departures-routes.js';
import { createFleetService } from './departures-service.js';
import { createDeparturesStore } from './departures-store.js';
import { createFleetStore } from './fleet-store.js';
import { createBoatsRouter } from './routes.js';
import { createBoatsCatalog } from './service.js';
import { createBoatsStore } from './store.js';

export const BOATS_BASE_PATH = '/api/boats';

export function boatsCatalogFor({ db, config }: Pick<PlatformDependencies, 'db' | 'config'>) {
  return createBoatsCatalog(createBoatsStore(db, config.tableName));
}

export function fleetServiceFor({ db, config }: Pick<PlatformDependencies, 'db' | 'config'>) {
  return createFleetService({
    fleet: createFleetStore(db, config.tableName),
    departures: createDeparturesStore(db, config.tableName),
    catalog: createBoatsStore(db, config.tableName),
  });
}

export function boatsRouterFor(dependencies: PlatformDependencies) {
  const router = createBoatsRouter(boatsCatalogFor(dependencies), dependencies.requireRole);
  return addDepartureRoutes(router, fleetServiceFor(dependencies), dependencies.requireRole);
}
