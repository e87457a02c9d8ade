/**
 * The boats domain assembled from its parts (catalogue, fleet, departures, bookings, payments, tickets): the
 * routers the API and the Lambda handlers mount, the services the site's pages read, and all that another
 * domain may know of boats. Nothing outside functions/boats imports a part directly.
 */

import type { PlatformDependencies } from '../platform/dependencies.js';
import { loadedOnFirstUse } from '../platform/loaded-on-first-use.js';
import { BOOKINGS_BASE_PATH, createBookingsRouter } from './bookings/routes.js';
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
import type { BanPreview, BansService } from './pier/bans.js';
import type { BanRequest } from './pier/model.js';
import { addPierRoutes, CHECKIN_BASE_PATH, createCheckInRouter } from './pier/routes.js';
import type { PierService } from './pier/service.js';

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

export { BOATS_BASE_PATH } from './base-paths.js';
export {
  type BookingPaymentPorts,
  bansServiceFor,
  bookingPaymentPortsOf,
  bookingsServiceFor,
  paymentRoutersFor,
  paymentsServiceFor,
} from './bookings-assembly.js';
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

import { bookingsServiceFor } from './bookings-assembly.js';

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
