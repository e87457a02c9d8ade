/**
 * The pier's services built over the table: loaded by index.ts with the first request that needs one, so the
 * boats and payments functions do not load the pier's rules and stores at their cold start (the 250 kB budget,
 * BENCHMARKS.md).
 */

import { createAuditLog } from '../../platform/audit/log.js';
import type { PlatformDependencies } from '../../platform/dependencies.js';
import type { MessagesPort } from '../../platform/messages/port.js';
import type { PaymentsPort } from '../../platform/payments/port.js';
import type { BookingsService } from '../bookings/service.js';
import { createCatalogueStore } from '../catalogue/store.js';
import { createDeparturesStore } from '../departures/store.js';
import { createFleetStore } from '../fleet/store.js';
import { inForce } from './ban-rules.js';
import { createBansService, previewBan } from './bans.js';
import type { BanRequest } from './model.js';
import { createPierService } from './service.js';
import { createPierStore } from './store.js';

type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

export function assemblePierService(
  { db, config, logger }: Data,
  bookings: Pick<BookingsService, 'priceParty'>,
) {
  const store = createPierStore(db, config.tableName, logger);
  return createPierService({
    store,
    fleet: createFleetStore(db, config.tableName, logger),
    bookings,
    audit: createAuditLog(db, config.tableName),
    bans: async () => inForce(await store.listBans(), new Date()),
  });
}

export function assembleBansRead({ db, config, logger }: Data) {
  const store = createPierStore(db, config.tableName, logger);
  const departures = createDeparturesStore(db, config.tableName, logger);
  return {
    list: () => store.listBans(),
    inForce: async () => inForce(await store.listBans(), new Date()),
    preview: (request: Pick<BanRequest, 'scope' | 'from' | 'until'>) =>
      previewBan({ store, departures }, request),
  };
}

export function assembleBansService(
  { db, config, logger }: Pick<PlatformDependencies, 'db' | 'config' | 'logger'>,
  bookings: Pick<BookingsService, 'createBooking'>,
  ports: { payments: PaymentsPort; messages: MessagesPort },
) {
  return createBansService({
    store: createPierStore(db, config.tableName, logger),
    bookings,
    catalogue: createCatalogueStore(db, config.tableName, logger),
    departures: createDeparturesStore(db, config.tableName, logger),
    payments: ports.payments,
    messages: ports.messages,
    logger,
  });
}
