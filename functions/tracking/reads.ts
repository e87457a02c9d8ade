/**
 * What another domain may read of tracking's stored records, and nothing else: small on purpose, so a reader of
 * the table's stream (the insights' roll-ups) does not load tracking's routers and services.
 */
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { Alert } from './live/model.js';
import { createAlertsStore } from './safety/alerts-store.js';

export { Alert as StoredAlert, AlertKind } from './live/model.js';
export { ALERT_DAYS_PARTITION_PREFIX } from './safety/alerts-store.js';

/** The safety alerts not yet resolved, newest first, for the managers' morning report. */
export function openAlertsFor({
  db,
  config,
  logger,
}: Pick<PlatformDependencies, 'db' | 'config'> &
  Partial<Pick<PlatformDependencies, 'logger'>>): () => Promise<Alert[]> {
  const alerts = createAlertsStore(db, config.tableName, logger);
  return async () =>
    (await alerts.listCurrent())
      .filter((alert) => alert.state !== 'resolved')
      .sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
}
