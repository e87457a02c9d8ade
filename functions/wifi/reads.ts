/**
 * What another domain may read of the Wi-Fi without loading its routers, portal and gateway adapters (see
 * boats/reads.ts); index.ts re-exports it.
 */
import type { PlatformDependencies } from '../platform/dependencies.js';
import { createWifiAnalytics } from './analytics.js';
import { createHotspotStore } from './store.js';

export { type StoredWifiCounters, storedWifiCountersOf } from './analytics.js';
export { ticketSessionMinutes } from './portal/ticket-login.js';
export type { HotspotStore } from './store.js';

type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

/** The hotspot registry as stored, for the site's Wi-Fi pages and the insights' areas. */
export function hotspotStoreFor({ db, config, logger }: Data) {
  return createHotspotStore(db, config.tableName, logger);
}

/** The portal's daily counters (sessions, devices, login methods), for the insights' demand series. */
export function wifiAnalyticsFor({ db, config }: Data) {
  return createWifiAnalytics(db, config.tableName);
}
