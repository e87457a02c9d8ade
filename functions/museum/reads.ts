/**
 * What another domain may read of the museum without loading its routers and schemas (see boats/reads.ts);
 * index.ts re-exports it.
 */
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createVisitAnalytics } from './analytics.js';

export { type StoredMuseumCounters, storedMuseumCountersOf } from './analytics.js';

/** The museum's daily counters (visits, exhibit views, tours), for the insights' demand series. */
export function visitAnalyticsFor({ db, config }: Pick<PlatformDependencies, 'db' | 'config'>) {
  return createVisitAnalytics(db, config.tableName);
}
