/** The boats domain assembled from its parts, ready to mount at /api/boats and to read from the site's pages. */
import type { PlatformDependencies } from '../platform/dependencies.js';
import type { MessagesPort } from '../platform/messages/port.js';
import type { PaymentsPort } from '../platform/payments/port.js';
import type { Signer } from '../platform/signing/port.js';
import {
  createBookingPaymentsRouter,
  createPaymentsWebhookRouter,
  createTicketKeysRouter,
  PAYMENTS_BASE_PATH,
  TICKETS_BASE_PATH,
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

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

export function boatsCatalogFor({ db, config, logger }: Data) {
  return createBoatsCatalog(createBoatsStore(db, config.tableName, logger));
}

/**
 * What another domain may know of a booking by its reference (the Wi-Fi portal's ticket login): its status,
 * its day and its seats — nothing personal.
 */
export function bookingSeatsLookupFor({ db, config }: Pick<PlatformDependencies, 'db' | 'config'>) {
  const bookings = createBookingsStore(db, config.tableName);
  return async (reference: string) => {
    const booking = await bookings.getBooking(reference);
    return booking
      ? { status: booking.status, localDate: booking.departure.localDate, seats: booking.seats }
      : null;
  };
}

export function fleetServiceFor({ db, config, logger }: Data) {
  return createFleetService({
    fleet: createFleetStore(db, config.tableName, logger),
    departures: createDeparturesStore(db, config.tableName, logger),
    catalog: createBoatsStore(db, config.tableName, logger),
  });
}

export function boatsRouterFor(dependencies: PlatformDependencies) {
  const { db, config, requireRole, logger } = dependencies;
  const router = createBoatsRouter(boatsCatalogFor(dependencies), requireRole);
  addCancellationPolicyRoutes(router, createBoatsStore(db, config.tableName, logger), requireRole);
  return addDepartureRoutes(router, fleetServiceFor(dependencies), requireRole);
}

export function bookingsServiceFor({ db, config, logger }: Data) {
  return createBookingsService(
    {
      bookings: createBookingsStore(db, config.tableName, logger),
      departures: createDeparturesStore(db, config.tableName, logger),
      catalog: createBoatsStore(db, config.tableName, logger),
    },
    config.bookings,
  );
}

/** POST /api/bookings and GET /api/bookings/{id}: no payment provider needed. */
export function bookingsRouterFor(dependencies: PlatformDependencies) {
  return { basePath: BOOKINGS_BASE_PATH, router: createBookingsRouter(bookingsServiceFor(dependencies)) };
}

/** The ports paying, ticketing and confirming need. */
export interface BookingPaymentPorts {
  payments: PaymentsPort;
  signer: Signer;
  messages: MessagesPort;
}

export function bookingPaymentsFor(dependencies: PlatformDependencies, ports: BookingPaymentPorts) {
  const { db, config, logger } = dependencies;
  return createBookingPayments({
    bookings: createBookingsStore(db, config.tableName, logger),
    catalog: createBoatsStore(db, config.tableName, logger),
    service: bookingsServiceFor(dependencies),
    ...ports,
    logger,
  });
}

/** Checkout, cancellation, the payment webhook and the ticket keys: the routes that need those ports. */
export function paymentRoutersFor(dependencies: PlatformDependencies, ports: BookingPaymentPorts) {
  const bookingPayments = bookingPaymentsFor(dependencies, ports);
  const options = { publicAddress: dependencies.config };
  return [
    { basePath: BOOKINGS_BASE_PATH, router: createBookingPaymentsRouter(bookingPayments, options) },
    {
      basePath: PAYMENTS_BASE_PATH,
      router: createPaymentsWebhookRouter(ports.payments, bookingPayments, dependencies.logger, options),
    },
    { basePath: TICKETS_BASE_PATH, router: createTicketKeysRouter(ports.signer) },
  ];
}

/** The ports of `dependencies` when all that the payment routes need are present. */
export function bookingPaymentPortsOf(dependencies: PlatformDependencies): BookingPaymentPorts | null {
  const { payments, signer, messages } = dependencies;
  return payments && signer && messages ? { payments, signer, messages } : null;
}
