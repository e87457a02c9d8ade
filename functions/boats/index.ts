/** The boats domain assembled from its parts, ready to mount at /api/boats and to read from the site's pages. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createBoatsRouter } from './routes.js';
import { createBoatsCatalog } from './service.js';
import { createBoatsStore } from './store.js';

export const BOATS_BASE_PATH = '/api/boats';

export function boatsCatalogFor({ db, config }: Pick<PlatformDependencies, 'db' | 'config'>) {
  return createBoatsCatalog(createBoatsStore(db, config.tableName));
}

export function boatsRouterFor(dependencies: PlatformDependencies) {
  return createBoatsRouter(boatsCatalogFor(dependencies), dependencies.requireRole);
}
