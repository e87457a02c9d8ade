/**
 * What another domain may read of tracking's stored records, and nothing else: small on purpose, so a reader of
 * the table's stream (the insights' roll-ups) does not load tracking's routers and services.
 */
export { Alert as StoredAlert, AlertKind } from './live/model.js';
export { ALERT_DAYS_PARTITION_PREFIX } from './safety/alerts-store.js';
