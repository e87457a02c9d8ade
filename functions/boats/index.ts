/** The boats domain assembled from its parts, ready to mount at /api/boats and to read from the site's pages. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { PaymentsPort } from '../platform/payments/port.js';
import {
  createBookingPaymentsRouter,
  createPaymentsWebhookRouter,
  PAYMENTS_BASE_PATH,
} from './booking-payment-routes.js';
import { createBookingPayments } from './booking-payments.js';
import { BOOKINGS_BASE_PATH, createBookingsRouter } from './bookings-routes.js';
import { createBookingsService } from './bookings-service.js';
import { createBookingsStore } from './bookings-store.js';
import { addDepartureRoutes } from './departures-routes.js';
import { createFleetService } from './departures-service.js';
import { createDeparturesStore } from './departures-store.js';
import { createFleetStore } from './fleet-store.js';
import { addCancellationPolicyRoutes } from './policy-routes.js';
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
  const { db, config, requireRole } = dependencies;
  const router = createBoatsRouter(boatsCatalogFor(dependencies), requireRole);
  addCancellationPolicyRoutes(router, createBoatsStore(db, config.tableName), requireRole);
  return addDepartureRoutes(router, fleetServiceFor(dependencies), requireRole);
}

export function bookingsServiceFor({ db, config }: Pick<PlatformDependencies, 'db' | 'config'>) {
  return createBookingsService(
    {
      bookings: createBookingsStore(db, config.tableName),
      departures: createDeparturesStore(db, config.tableName),
      catalog: createBoatsStore(db, config.tableName),
    },
    config.bookings,
  );
}

/** POST /api/bookings and GET /api/bookings/{id}: no payment provider needed. */
export function bookingsRouterFor(dependencies: PlatformDependencies) {
  return { basePath: BOOKINGS_BASE_PATH, router: createBookingsRouter(bookingsServiceFor(dependencies)) };
}

export function bookingPaymentsFor(dependencies: PlatformDependencies, payments: PaymentsPort) {
  const { db, config, logger } = dependencies;
  return createBookingPayments({
    bookings: createBookingsStore(db, config.tableName),
    catalog: createBoatsStore(db, config.tableName),
    service: bookingsServiceFor(dependencies),
    payments,
    logger,
  });
}

/** Checkout, cancellation and the payment webhook: the routes that need the payment provider. */
export function paymentRoutersFor(dependencies: PlatformDependencies, payments: PaymentsPort) {
  const bookingPayments = bookingPaymentsFor(dependencies, payments);
  return [
    {
      basePath: BOOKINGS_BASE_PATH,
      router: createBookingPaymentsRouter(bookingPayments, {
        publicBaseUrl: dependencies.config.publicBaseUrl,
      }),
    },
    {
      basePath: PAYMENTS_BASE_PATH,
      router: createPaymentsWebhookRouter(payments, bookingPayments, dependencies.logger),
    },
  ];
}
