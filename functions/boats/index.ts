/** The boats domain assembled from its parts, ready to mount at /api/boats. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createBoatsRouter } from './routes.js';
import { createBoatsCatalog } from './service.js';
import { createBoatsStore } from './store.js';

export const BOATS_BASE_PATH = '/api/boats';

export function boatsRouterFor({ db, config, requireRole }: PlatformDependencies) {
  return createBoatsRouter(createBoatsCatalog(createBoatsStore(db, config.tableName)), requireRole);
}
