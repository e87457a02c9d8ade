/**
 * Rules of departures: who may schedule a company's departures (its staff, or a manager), what makes a
 * departure schedulable (a known route and port, a boat of that company with a safety certificate valid on
 * the day, a time still ahead, no second departure of the boat at that minute), a company's departures of a
 * day for its staff, and the public search with its prices. No HTTP and no SDK types here.
 */
import { localToUtc } from '../../platform/local-time.js';
import type { CatalogueStore } from '../catalogue/store.js';
import type { Boat } from '../fleet/model.js';
import { type Actor, assertActsFor, OperatorNotFoundError } from '../fleet/service.js';
import type { FleetStore } from '../fleet/store.js';
import {
  type CompanyDayQuery,
  type Departure,
  type DepartureOffer,
  type DepartureSearchQuery,
  newDeparture,
  type ScheduleRequest,
  seatsLeft,
} from './model.js';
import { departurePrices } from './pricing.js';
import { expandScheduledDates } from './scheduled-dates.js';
import type { DeparturesStore } from './store.js';

/** One scheduling request creates at most a year of daily departures. */
export const MAX_DEPARTURES_PER_REQUEST = 366;

export class DepartureNotFoundError extends Error {
  override readonly name = 'DepartureNotFoundError';
  constructor(readonly departureId: string) {
    super(`There is no departure "${departureId}".`);
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

/** A boat asked for by a company that has no such boat (there is none, or it is another company's). */
export class BoatNotInFleetError extends Error {
  override readonly name = 'BoatNotInFleetError';
  constructor(
    readonly boatId: string,
    readonly operatorId: string,
  ) {
    super(`The company "${operatorId}" has no boat "${boatId}".`);
  }
}

interface DeparturesServiceStores {
  fleet: FleetStore;
  departures: DeparturesStore;
  catalogue: CatalogueStore;
}

export function createDeparturesService(
  { fleet, departures, catalogue }: DeparturesServiceStores,
  clock: () => Date = () => new Date(),
) {
  async function offersFor(found: readonly Departure[]): Promise<DepartureOffer[]> {
    if (found.length === 0) return [];
    const [routes, feePolicy] = await Promise.all([catalogue.listRoutes(), catalogue.getFeePolicy()]);
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
        catalogue.getRoute(request.routeId),
        catalogue.listPorts(),
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

    /**
     * A company's departures of a local day, of all its boats or of one, in departure order with their seat
     * counters, for its staff or a manager. Another company's boat is refused as not in the fleet, the same as
     * a boat that does not exist.
     */
    async companyDepartures(query: CompanyDayQuery, actor: Actor): Promise<Departure[]> {
      assertActsFor(actor, query.companyId);
      const [operator, boat, day] = await Promise.all([
        fleet.getOperator(query.companyId),
        query.boatId === undefined ? null : fleet.getBoat(query.boatId),
        departures.listDeparturesOn(query.date),
      ]);
      if (!operator) throw new OperatorNotFoundError(query.companyId);
      if (query.boatId !== undefined && boat?.operatorId !== query.companyId) {
        throw new BoatNotInFleetError(query.boatId, query.companyId);
      }
      return day.filter(
        (departure) =>
          departure.operatorId === query.companyId &&
          (query.boatId === undefined || departure.boatId === query.boatId),
      );
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

export type DeparturesService = ReturnType<typeof createDeparturesService>;
