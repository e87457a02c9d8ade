/**
 * The bookings' service and the routes that need the payment ports (checkout, cancellation, find my booking, the
 * payment webhook, the ticket keys, the weather bans), apart from the boats' other routes: the payments function
 * imports this module alone, so its cold start does not load the catalogue's, the fleet's, the departures' and the
 * pier's routers (index.ts re-exports all of it for the other functions).
 */
import { createSessionFormGuard } from '../platform/auth/session-form-guard.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { loadedOnFirstUse } from '../platform/loaded-on-first-use.js';
import type { MessagesPort } from '../platform/messages/port.js';
import type { PaymentsPort } from '../platform/payments/port.js';
import { createRateLimiter } from '../platform/rate-limit.js';
import type { Signer } from '../platform/signing/port.js';
import { BOATS_BASE_PATH } from './base-paths.js';
import { BOOKINGS_BASE_PATH } from './bookings/routes.js';
import { createBookingsService } from './bookings/service.js';
import { createBookingsStore } from './bookings/store.js';
import { createCatalogueStore } from './catalogue/store.js';
import { createDeparturesStore } from './departures/store.js';
import {
  createBookingPaymentsRouter,
  createPaymentsWebhookRouter,
  PAYMENTS_BASE_PATH,
} from './payments/routes.js';
import { createPaymentsService } from './payments/service.js';
import { createBanRoutes } from './pier/ban-routes.js';
import type { BansService } from './pier/bans.js';
import { createTicketKeysRouter, TICKETS_BASE_PATH } from './tickets/routes.js';

type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

export function bookingsServiceFor({ db, config, logger }: Data) {
  return createBookingsService(
    {
      bookings: createBookingsStore(db, config.tableName, logger),
      departures: createDeparturesStore(db, config.tableName, logger),
      catalogue: createCatalogueStore(db, config.tableName, logger),
    },
    config.bookings,
  );
}

/** The ports paying, ticketing and confirming need. */
export interface BookingPaymentPorts {
  payments: PaymentsPort;
  signer: Signer;
  messages: MessagesPort;
}

export function paymentsServiceFor(dependencies: PlatformDependencies, ports: BookingPaymentPorts) {
  const { db, config, logger } = dependencies;
  return createPaymentsService({
    bookings: createBookingsStore(db, config.tableName, logger),
    catalogue: createCatalogueStore(db, config.tableName, logger),
    service: bookingsServiceFor(dependencies),
    ...ports,
    logger,
  });
}

/** Issuing and lifting weather bans, which cancel, refund and tell visitors: needs those ports. */
export function bansServiceFor(
  dependencies: PlatformDependencies,
  ports: Pick<BookingPaymentPorts, 'payments' | 'messages'>,
): BansService {
  return loadedOnFirstUse(async () =>
    (await import('./pier/assembly.js')).assembleBansService(
      dependencies,
      bookingsServiceFor(dependencies),
      ports,
    ),
  );
}

/** Checkout, cancellation, the payment webhook and the ticket keys: the routes that need those ports. */
export function paymentRoutersFor(dependencies: PlatformDependencies, ports: BookingPaymentPorts) {
  const payments = paymentsServiceFor(dependencies, ports);
  const options = { publicAddress: dependencies.config };
  const limiter = createRateLimiter(dependencies.db, dependencies.config.tableName);
  return [
    { basePath: BOOKINGS_BASE_PATH, router: createBookingPaymentsRouter(payments, { ...options, limiter }) },
    {
      basePath: PAYMENTS_BASE_PATH,
      router: createPaymentsWebhookRouter(ports.payments, payments, dependencies.logger, options),
    },
    { basePath: TICKETS_BASE_PATH, router: createTicketKeysRouter(ports.signer) },
    {
      basePath: BOATS_BASE_PATH,
      router: createBanRoutes(
        bansServiceFor(dependencies, ports),
        createSessionFormGuard(dependencies.verifier, dependencies.requireRole, dependencies.config),
        options,
      ),
    },
  ];
}

/** The ports of `dependencies` when all that the payment routes need are present. */
export function bookingPaymentPortsOf(dependencies: PlatformDependencies): BookingPaymentPorts | null {
  const { payments, signer, messages } = dependencies;
  return payments && signer && messages ? { payments, signer, messages } : null;
}
