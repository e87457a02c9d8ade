/**
 * The boats domain assembled from its parts (catalogue, fleet, departures, bookings, payments, tickets): the
 * routers the API and the Lambda handlers mount, the services the site's pages read, and all that another
 * domain may know of boats. Nothing outside functions/boats imports a part directly.
 */

import { createSessionFormGuard } from '../platform/auth/session-form-guard.js';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { loadedOnFirstUse } from '../platform/loaded-on-first-use.js';
import type { MessagesPort } from '../platform/messages/port.js';
import type { PaymentsPort } from '../platform/payments/port.js';
import { createRateLimiter } from '../platform/rate-limit.js';
import type { Signer } from '../platform/signing/port.js';
import { BOOKINGS_BASE_PATH, createBookingsRouter } from './bookings/routes.js';
import { createBookingsService } from './bookings/service.js';
import { createBookingsStore } from './bookings/store.js';
import { createCatalogueRouter } from './catalogue/routes.js';
import { createCatalogueService } from './catalogue/service.js';
import { createCatalogueStore } from './catalogue/store.js';
import { addDepartureRoutes } from './departures/routes.js';
import { createDeparturesService } from './departures/service.js';
import { createDeparturesStore } from './departures/store.js';
import { addFleetRoutes } from './fleet/routes.js';
import { createFleetService } from './fleet/service.js';
import { createFleetStore } from './fleet/store.js';
import {
  createBookingPaymentsRouter,
  createPaymentsWebhookRouter,
  PAYMENTS_BASE_PATH,
} from './payments/routes.js';
import { createPaymentsService } from './payments/service.js';
import { createBanRoutes } from './pier/ban-routes.js';
import type { BanPreview, BansService } from './pier/bans.js';
import type { BanRequest } from './pier/model.js';
import { addPierRoutes, CHECKIN_BASE_PATH, createCheckInRouter } from './pier/routes.js';
import type { PierService } from './pier/service.js';
import { createTicketKeysRouter, TICKETS_BASE_PATH } from './tickets/routes.js';

export {
  type Booking,
  BookingRequest,
  type BookingView,
  MAX_PASSENGERS_PER_BOOKING,
  travelsWithGrownUp,
} from './bookings/model.js';
export {
  BookingNotFoundError,
  type BookingsService,
  DepartureClosedError,
  IdempotencyKeyReusedError,
  SoldOutError,
} from './bookings/service.js';
export {
  CancellationPolicy,
  refundAmountFor,
  refundPercentFor,
} from './catalogue/cancellation-policy.js';
export type { Port, Route, RouteList, RouteWithDiscounts } from './catalogue/model.js';
export { RouteDetails } from './catalogue/model.js';
export type { CatalogueService } from './catalogue/service.js';
export {
  CompanyDayQuery,
  type Departure,
  type DepartureOffer,
  DepartureSearchQuery,
  type PassengerCategory,
  passengerCategories,
  ScheduleRequest,
} from './departures/model.js';
export { TooManyDatesError } from './departures/scheduled-dates.js';
export {
  BoatNotInFleetError,
  CertificateExpiredError,
  DepartureExistsError,
  DepartureNotFoundError,
  type DeparturesService,
  InvalidScheduleError,
} from './departures/service.js';
export { type FleetService, ForeignCompanyError, OperatorNotFoundError } from './fleet/service.js';

import { paymentRouteDeclarations as paymentRoutes } from './payments/routes.js';
import { banRouteDeclarations } from './pier/ban-routes.js';

/** The routes the payments function serves, for the OpenAPI document of functions that do not serve them. */
export const paymentRouteDeclarations = [...paymentRoutes, ...banRouteDeclarations];
export type { BansService } from './pier/bans.js';
export { manifestCsv } from './pier/manifest-csv.js';
export {
  type Ban,
  type CheckInResult,
  ClearanceRequest,
  type ClearanceView,
  CrewRequest,
  type Manifest,
  WalkUpRequest,
  type WalkUpResult,
} from './pier/model.js';
export { PierRefusal } from './pier/pier-rules.js';
export type { PierService } from './pier/service.js';

export * from './reads.js';

export const BOATS_BASE_PATH = '/api/boats';

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

export function catalogueServiceFor({ db, config, logger }: Data) {
  return createCatalogueService(createCatalogueStore(db, config.tableName, logger));
}

export function fleetServiceFor({ db, config, logger }: Data) {
  return createFleetService(createFleetStore(db, config.tableName, logger));
}

export function departuresServiceFor({ db, config, logger }: Data) {
  return createDeparturesService({
    fleet: createFleetStore(db, config.tableName, logger),
    departures: createDeparturesStore(db, config.tableName, logger),
    catalogue: createCatalogueStore(db, config.tableName, logger),
  });
}

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

/**
 * The pier: check-in, counter sales, manifests (each read audited), crew, clearance and departure. Its module
 * loads with the first call (loaded-on-first-use.ts), not at the function's cold start.
 */
export function pierServiceFor(data: Data): PierService {
  return loadedOnFirstUse(async () =>
    (await import('./pier/assembly.js')).assemblePierService(data, bookingsServiceFor(data)),
  );
}

/** The weather bans: every one (the authority's page), and those in force (the public pages, the search). */
export { BanForm, type BanFormFields, banRequestOfForm } from './pier/ban-form.js';
export { BanRequest } from './pier/ban-model.js';
export type { BanPreview } from './pier/bans.js';

export function bansReadFor(data: Data): Pick<BansService, 'inForce' | 'list'> & {
  preview: (request: Pick<BanRequest, 'scope' | 'from' | 'until'>) => Promise<BanPreview>;
} {
  return loadedOnFirstUse(async () => (await import('./pier/assembly.js')).assembleBansRead(data));
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

/** GET and PUT /api/boats/…: the catalogue, the fleet, the departures and the pier, in one router. */
export function boatsRouterFor(dependencies: PlatformDependencies) {
  const { requireRole } = dependencies;
  const router = createCatalogueRouter(catalogueServiceFor(dependencies), requireRole);
  addFleetRoutes(router, fleetServiceFor(dependencies), requireRole);
  addDepartureRoutes(router, departuresServiceFor(dependencies), requireRole);
  return addPierRoutes(router, pierServiceFor(dependencies), bansReadFor(dependencies), requireRole);
}

/** POST /api/checkin: the scanners at the gangway (the boats function). */
export function checkInRouterFor(dependencies: PlatformDependencies) {
  return {
    basePath: CHECKIN_BASE_PATH,
    router: createCheckInRouter(pierServiceFor(dependencies), dependencies.requireRole),
  };
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
