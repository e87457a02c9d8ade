/** The museum domain assembled from its parts, ready to mount at /api/museum and to read from the site's pages. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createRateLimiter } from '../platform/rate-limit.js';
import { createVisitAnalytics } from './analytics.js';
import { addAnalyticsRoutes } from './analytics-routes.js';
import { createMuseumRouter } from './routes.js';
import { createMuseumService } from './service.js';
import { createMuseumStore } from './store.js';

// The schemas (each also its type) the site's curator pages read their forms with, as the API reads its bodies.
export {
  Exhibit,
  ExhibitFields,
  modelKinds,
  type Room,
  type Tour,
  TourFields,
  Visiting,
} from './model.js';
export * from './reads.js';
export { MUSEUM_BASE_PATH } from './routes.js';
export {
  ExhibitExistsError,
  InvalidReferenceError,
  MuseumNotFoundError,
  type MuseumService,
} from './service.js';

export function museumServiceFor({
  db,
  config,
  logger,
}: Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>) {
  return createMuseumService(createMuseumStore(db, config.tableName, logger));
}

export function museumRouterFor(dependencies: PlatformDependencies) {
  const { db, config, requireRole } = dependencies;
  const museum = museumServiceFor(dependencies);
  const router = createMuseumRouter(museum, requireRole);
  const counting = {
    analytics: createVisitAnalytics(db, config.tableName),
    museum,
    limiter: createRateLimiter(db, config.tableName),
  };
  return addAnalyticsRoutes(router, counting, requireRole);
}
