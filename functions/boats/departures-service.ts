/**
 * Rules of the fleet and its departures: who may see a company's boats and schedule its departures, what
 * makes a departure schedulable (a known route and port, a boat of that company with a safety certificate
 * valid on the day, a time still ahead, no second departure of the boat at that minute), and the public
 * search with its prices. No HTTP and no SDK types here.
 */
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { localToUtc } from '../platform/local-time.js';
import type { DeparturesStore } from './departures-store.js';
import { departureIdFor } from './departures-store.js';
import type {
  Boat,
  Departure,
  DepartureOffer,
  DepartureSearchQuery,
  Fares,
  Operator,
  ScheduleRequest,
} from './fleet-model.js';
import type { FleetStore } from './fleet-store.js';
import { departurePrices } from './pricing.js';
import { expandScheduledDates } from './schedule-dates.js';
import type { BoatsStore } from './store.js';

/** One scheduling request creates at most a year of daily departures. */
export const MAX_DEPARTURES_PER_REQUEST = 366;

export class OperatorNotFoundError extends Error {
  override readonly name = 'OperatorNotFoundError';
  constructor(readonly operatorId: string) {
    super(`There is no boat company "${operatorId}".`);
  }
}

export class DepartureNotFoundError extends Error {
  override readonly name = 'DepartureNotFoundError';
  constructor(readonly departureId: string) {
    super(`There is no departure "${departureId}".`);
  }
}

export class ForeignCompanyError extends Error {
  override readonly name = 'ForeignCompanyError';
  constructor(readonly operatorId: string) {
    super(`Only staff of "${operatorId}", or a tourism manager, may do this.`);
  }
}

/** A field of a scheduling request that names something that does not exist or cannot be used. */
export class InvalidScheduleError extends Error {
  override readonly name = 'InvalidScheduleError';
  constructor(
    readonly field: 'routeId' | 'portId' | 'boatId' | 'dates',
    message: string,
  ) {
    super(message);
  }
}

export class CertificateExpiredError extends Error {
  override readonly name = 'CertificateExpiredError';
  constructor(
    readonly boat: Pick<Boat, 'id' | 'name' | 'safetyCertificateExpiresOn'>,
    readonly lastRequestedDate: string,
  ) {
    super(
      `The safety certificate of ${boat.name} (${boat.id}) expires on ${boat.safetyCertificateExpiresOn}, ` +
        `before ${lastRequestedDate}: renew it before scheduling departures after that day.`,
    );
  }
}

export class DepartureExistsError extends Error {
  override readonly name = 'DepartureExistsError';
  constructor(readonly departureIds: readonly string[]) {
    const shown = departureIds.slice(0, 5).join(', ');
    const more = departureIds.length > 5 ? ` and ${departureIds.length - 5} more` : '';
    super(`The boat is already scheduled at this minute: ${shown}${more}. Nothing was created.`);
  }
}

export type Actor = Pick<Principal, 'roles' | 'companyId'>;

interface FleetServiceStores {
  fleet: FleetStore;
  departures: DeparturesStore;
  catalog: BoatsStore;
}

export function createFleetService(
  { fleet, departures, catalog }: FleetServiceStores,
  clock: () => Date = () => new Date(),
) {
  /** Managers (and admins) act for every company; an operator only for their own. */
  function assertActsFor(actor: Actor, operatorId: string): void {
    if (hasAnyRole(actor, ['manager'])) return;
    if (actor.roles.includes('operator') && actor.companyId === operatorId) return;
    throw new ForeignCompanyError(operatorId);
  }

  async function offersFor(found: readonly Departure[]): Promise<DepartureOffer[]> {
    if (found.length === 0) return [];
    const [routes, feePolicy] = await Promise.all([catalog.listRoutes(), catalog.getFeePolicy()]);
    const feeOfRoute = new Map(routes.map((route) => [route.id, route.sightseeingFee.amountVnd]));
    return found.map((departure) => ({
      id: departure.id,
      routeId: departure.routeId,
      portId: departure.portId,
      departsAt: departure.departsAt,
      operator: { id: departure.operatorId, name: departure.operatorName },
      boat: { id: departure.boatId, name: departure.boatName, capacity: departure.capacity },
      seatsLeft: seatsLeft(departure),
      ...departurePrices(departure.fares, feeOfRoute.get(departure.routeId) ?? null, feePolicy),
    }));
  }

  return {
    async listOperators(): Promise<Operator[]> {
      return fleet.listOperators();
    },

    async listBoatsOf(operatorId: string, actor: Actor): Promise<Boat[]> {
      assertActsFor(actor, operatorId);
      if (!(await fleet.getOperator(operatorId))) throw new OperatorNotFoundError(operatorId);
      return fleet.listBoatsOf(operatorId);
    },

    /**
     * Schedules one boat at one local time on every requested date. Every rule is checked for every date
     * before anything is written, and the write is all-or-nothing, so a recurring schedule is never left
     * half made.
     */
    async scheduleDepartures(request: ScheduleRequest, actor: Actor): Promise<Departure[]> {
      const boat = await fleet.getBoat(request.boatId);
      if (!boat) throw new InvalidScheduleError('boatId', `There is no boat "${request.boatId}".`);
      assertActsFor(actor, boat.operatorId);

      const [route, ports, operator] = await Promise.all([
        catalog.getRoute(request.routeId),
        catalog.listPorts(),
        fleet.getOperator(boat.operatorId),
      ]);
      if (!route) throw new InvalidScheduleError('routeId', `There is no route ${request.routeId}.`);
      if (!ports.some((port) => port.id === request.portId)) {
        throw new InvalidScheduleError('portId', `There is no port "${request.portId}".`);
      }
      if (!operator) throw new OperatorNotFoundError(boat.operatorId);

      const dates = expandScheduledDates(request.dates, MAX_DEPARTURES_PER_REQUEST);
      if (dates.length === 0) {
        throw new InvalidScheduleError('dates', 'No date of the range falls on the chosen weekdays.');
      }
      const now = clock();
      const first = dates[0] as string;
      const last = dates[dates.length - 1] as string;
      if (localToUtc(first, request.localTime) <= now.toISOString()) {
        throw new InvalidScheduleError(
          'dates',
          `${first} ${request.localTime} (Hạ Long time) has already passed.`,
        );
      }
      // ISO dates compare as strings; the certificate is valid through its expiry day.
      if (boat.safetyCertificateExpiresOn < last) throw new CertificateExpiredError(boat, last);

      const createdAt = now.toISOString();
      const scheduled = dates.map((localDate) =>
        newDeparture({ ...request, routeId: route.id, boat, operator, localDate, createdAt }),
      );
      const outcome = await departures.addDepartures(scheduled);
      if (!outcome.added) throw new DepartureExistsError(outcome.conflictingIds);
      return scheduled;
    },

    /** Open departures of a local day still ahead, with room for the party, in departure order. */
    async searchDepartures(query: DepartureSearchQuery): Promise<DepartureOffer[]> {
      const now = clock().toISOString();
      const found = (await departures.listDeparturesOn(query.date)).filter(
        (departure) =>
          departure.status === 'open' &&
          departure.departsAt > now &&
          (query.route === undefined || departure.routeId === query.route) &&
          (query.port === undefined || departure.portId === query.port) &&
          seatsLeft(departure) >= query.passengers,
      );
      return offersFor(found);
    },

    async getDepartureOffer(id: string): Promise<DepartureOffer> {
      const departure = await departures.getDeparture(id);
      if (!departure) throw new DepartureNotFoundError(id);
      const [offer] = await offersFor([departure]);
      return offer as DepartureOffer;
    },
  };
}

export interface NewDeparture {
  boat: Boat;
  operator: Operator;
  routeId: number;
  portId: string;
  localDate: string;
  localTime: string;
  fares: Fares;
  createdAt: string;
}

/**
 * A departure as first stored: open, nothing held or sold, the boat's certified capacity copied in (the
 * later seat holds check against this copy in the same item), and the company's and boat's names copied
 * too, so that a day's search needs no other read.
 */
export function newDeparture(details: NewDeparture): Departure {
  const { boat, operator, localDate, localTime } = details;
  return {
    id: departureIdFor(boat.id, localDate, localTime),
    routeId: details.routeId,
    portId: details.portId,
    operatorId: operator.id,
    operatorName: operator.name,
    boatId: boat.id,
    boatName: boat.name,
    departsAt: localToUtc(localDate, localTime),
    localDate,
    capacity: boat.certifiedCapacity,
    held: 0,
    sold: 0,
    seatsFree: boat.certifiedCapacity,
    status: 'open',
    fares: details.fares,
    createdAt: details.createdAt,
  };
}

export function seatsLeft(departure: Pick<Departure, 'seatsFree'>): number {
  return departure.seatsFree;
}

export type FleetService = ReturnType<typeof createFleetService>;
