/**
 * What another domain may read of boats, and nothing else: small on purpose, so that a domain that reads a few
 * numbers of boats (the insights' passenger counts) does not load boats' routers and
 * schemas at its cold start. index.ts re-exports all of it; another domain imports boats through one of the two.
 */
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import type { PlatformDependencies } from '../platform/dependencies.js';
import { addDays, localDateAt } from '../platform/local-time.js';
import { createReadCache } from '../platform/read-cache.js';
import { accessTokenMatches } from './bookings/access-token.js';
import { bookingKey } from './bookings/keys.js';
import type { Route } from './catalogue/model.js';
import { createCatalogueStore } from './catalogue/store.js';
import type { Departure } from './departures/model.js';
import { createDeparturesStore } from './departures/store.js';
import { DEFAULT_TRIP_HOURS, departureRunningAt } from './departures/trips.js';
import type { Boat, Operator } from './fleet/model.js';
import { createFleetStore } from './fleet/store.js';
import type { Ban } from './pier/ban-model.js';

/** The table, and where damaged stored items are reported (stdout when no logger is given). */
type Data = Pick<PlatformDependencies, 'db' | 'config'> & Partial<Pick<PlatformDependencies, 'logger'>>;

/** A local day's departures in departure-time order, each with its route, port, company and seat counters. */
export type DeparturesOfDay = (localDate: string) => Promise<Departure[]>;

/** The departures of a day as stored, for the insights' passenger counts and the operator's page. */
export function departuresOfDayFor({ db, config, logger }: Data): DeparturesOfDay {
  const departures = createDeparturesStore(db, config.tableName, logger);
  return (localDate) => departures.listDeparturesOn(localDate);
}

/** What another domain knows of a boat found by its tracker or its MMSI. */
export interface TrackedBoat {
  boatId: string;
  boatName: string;
  operatorId: string;
}

/** How long the fleet read for tracker look-ups is used; a tracker id it does not know reads it again sooner. */
const FLEET_KEPT_MS = 60_000;
const FLEET_REREAD_ON_UNKNOWN_MS = 5_000;

/** The boats of the fleet by their GPS tracker id and by their AIS MMSI. */
interface FleetIndex {
  byTrackerId: Map<string, TrackedBoat>;
  byMmsi: Map<string, TrackedBoat>;
}

/** The two look-ups of a boat by what reports its position, sharing one fleet read. */
export interface BoatLookups {
  boatByTrackerId: (trackerId: string) => Promise<TrackedBoat | null>;
  boatByMmsi: (mmsi: string) => Promise<TrackedBoat | null>;
}

/**
 * A boat by its GPS tracker (the boat's `trackerId`) and by its AIS transponder (its `mmsi`), from one fleet
 * read kept a minute: trackers and AIS report every few seconds, so the fleet is not read per position. A tracker
 * id it does not know reads it again (at most every 5 seconds), so a tracker registered a moment ago is not
 * refused for a minute. An unknown MMSI does not: a shore receiver hears every ship in range, nearly all of them
 * no boat of ours, and a fresh read for each would read the fleet every 5 seconds for ever.
 */
export function boatLookupsFor(
  { db, config, logger }: Data,
  clock: () => number = () => performance.now(),
): BoatLookups {
  const fleet = createFleetStore(db, config.tableName, logger);
  let read: { at: number; index: Promise<FleetIndex> } | null = null;
  const readFleet = () => {
    const index = fleet.listBoats().then((list) => {
      const byTrackerId = new Map<string, TrackedBoat>();
      const byMmsi = new Map<string, TrackedBoat>();
      for (const boat of list) {
        const tracked = { boatId: boat.id, boatName: boat.name, operatorId: boat.operatorId };
        if (boat.trackerId) byTrackerId.set(boat.trackerId, tracked);
        if (boat.mmsi) byMmsi.set(boat.mmsi, tracked);
      }
      return { byTrackerId, byMmsi };
    });
    const current = { at: clock(), index };
    read = current;
    index.catch(() => {
      if (read === current) read = null;
    });
    return index;
  };
  const ageOfRead = () => (read ? clock() - read.at : Number.POSITIVE_INFINITY);
  const keptIndex = (age: number) => (read && age < FLEET_KEPT_MS ? read.index : readFleet());
  return {
    async boatByTrackerId(trackerId) {
      const age = ageOfRead();
      const boat = (await keptIndex(age)).byTrackerId.get(trackerId);
      if (boat || age < FLEET_REREAD_ON_UNKNOWN_MS || age >= FLEET_KEPT_MS) return boat ?? null;
      return (await readFleet()).byTrackerId.get(trackerId) ?? null;
    },
    async boatByMmsi(mmsi) {
      return (await keptIndex(ageOfRead())).byMmsi.get(mmsi) ?? null;
    },
  };
}

/** The boat a GPS tracker is registered on, or null (boatLookupsFor's tracker look-up alone). */
export function boatByTrackerIdFor(
  data: Data,
  clock?: () => number,
): (trackerId: string) => Promise<TrackedBoat | null> {
  return boatLookupsFor(data, clock).boatByTrackerId;
}

/** The boat whose AIS transponder has this 9-digit MMSI, or null (boatLookupsFor's MMSI look-up alone). */
export function boatByMmsiFor(
  data: Data,
  clock?: () => number,
): (mmsi: string) => Promise<TrackedBoat | null> {
  return boatLookupsFor(data, clock).boatByMmsi;
}

/** The departure a boat was running at an instant. */
export interface BoatTrip {
  departureId: string;
  routeId: number;
}

const TRIP_DATA_KEPT = { ttlMilliseconds: 60_000, maxEntries: 16 } as const;

/**
 * The trip a boat is on at an instant: its departure (open or departed, not cancelled or suspended) whose
 * departsAt ≤ instant ≤ departsAt + the route's longest typical duration + 1 hour; the latest such when two
 * overlap; null when none. The departures of that local day and the day before (overnight cruises) are read,
 * each kept a minute, as the routes are.
 */
export function boatTripAtFor(data: Data): (boatId: string, instant: Date) => Promise<BoatTrip | null> {
  const departuresOfDay = departuresOfDayFor(data);
  const catalogue = createCatalogueStore(data.db, data.config.tableName, data.logger);
  const kept = createReadCache(TRIP_DATA_KEPT);
  const routeHours = () =>
    kept.read('routes', '', async () => {
      const hours = new Map<number, number>();
      for (const route of await catalogue.listRoutes()) {
        const { maxHours, minHours } = route.typicalDuration;
        hours.set(route.id, maxHours ?? minHours ?? DEFAULT_TRIP_HOURS);
      }
      return hours;
    });
  return async (boatId, instant) => {
    const today = localDateAt(instant);
    const [hours, ...days] = await Promise.all([
      routeHours(),
      ...[addDays(today, -1), today].map((day) => kept.read('departures', day, () => departuresOfDay(day))),
    ]);
    const trip = departureRunningAt(days.flat(), hours, boatId, instant);
    return trip ? { departureId: trip.id, routeId: trip.routeId } : null;
  };
}

/** What the tracking domain joins to positions: the fleet, the day's trips and their routes. */
export interface BaySituation {
  boats: readonly Boat[];
  operators: ReadonlyMap<string, Operator>;
  /**
   * Departures of the local day before (overnight cruises), of the instant's day, and of the next (a trip boarding
   * before midnight for a departure after it: its ticket holder follows the boat from an hour before), in order.
   */
  departures: readonly Departure[];
  routes: ReadonlyMap<number, Route>;
  /** Route hours as departureRunningAt counts them (longest typical duration). */
  routeHours: ReadonlyMap<number, number>;
}

/** How long the bay's situation is reused: aboard counts and clearances are a few seconds behind at most. */
const SITUATION_KEPT = { ttlMilliseconds: 10_000, maxEntries: 4 } as const;

/**
 * The fleet, the departures around an instant and the routes, read together and kept 10 seconds: the live map
 * and the safety rules read them for every position, which arrive a hundred a second at peak.
 */
export function baySituationFor(data: Data): (instant: Date) => Promise<BaySituation> {
  const fleet = createFleetStore(data.db, data.config.tableName, data.logger);
  const catalogue = createCatalogueStore(data.db, data.config.tableName, data.logger);
  const departures = createDeparturesStore(data.db, data.config.tableName, data.logger);
  const kept = createReadCache(SITUATION_KEPT);
  return async (instant) => {
    const today = localDateAt(instant);
    return kept.read('situation', today, async () => {
      const [boats, operators, routes, ...days] = await Promise.all([
        fleet.listBoats(),
        fleet.listOperators(),
        catalogue.listRoutes(),
        ...[addDays(today, -1), today, addDays(today, 1)].map((day) => departures.listDeparturesOn(day)),
      ]);
      const routeHours = new Map<number, number>();
      for (const route of routes) {
        const { maxHours, minHours } = route.typicalDuration;
        routeHours.set(route.id, maxHours ?? minHours ?? DEFAULT_TRIP_HOURS);
      }
      return {
        boats,
        operators: new Map(operators.map((operator) => [operator.id, operator])),
        departures: days.flat(),
        routes: new Map(routes.map((route) => [route.id, route])),
        routeHours,
      };
    });
  };
}

/** The trip a booking is for, when its token is the booking's: what "where is my boat" may show. */
export interface BookedTrip {
  bookingId: string;
  departureId: string;
  boatId: string;
  status: string;
}

/**
 * What "where is my boat" reads of a booking: its status, its trip and the hashes of its tokens — a projection of
 * the stored booking (bookings/model.ts writes it), read without the bookings' schemas and store, which the
 * tracking function does not otherwise load.
 */
const BookingTripProjection = z.object({
  id: z.string(),
  status: z.string(),
  departure: z.object({ id: z.string(), boat: z.object({ id: z.string() }) }),
  accessTokenHash: z.string(),
  linkTokenHash: z.string().optional(),
});

/** A booking's trip by its id and access token (or its link's token); null when either does not match. */
export function bookedTripFor({
  db,
  config,
}: Data): (bookingId: string, token: string) => Promise<BookedTrip | null> {
  return async (bookingId, token) => {
    if (!token) return null;
    const { Item } = await db.send(
      new GetCommand({ TableName: config.tableName, Key: bookingKey(bookingId) }),
    );
    const booking = BookingTripProjection.safeParse(Item);
    if (!booking.success || !accessTokenMatches(booking.data, token)) return null;
    return {
      bookingId: booking.data.id,
      departureId: booking.data.departure.id,
      boatId: booking.data.departure.boat.id,
      status: booking.data.status,
    };
  };
}

/** The weather bans in force at an instant (not lifted, begun, not ended), for the managers' morning report. */
export function bansInForceFor({ db, config, logger }: Data): (instant: Date) => Promise<Ban[]> {
  return async (instant) => {
    // The pier's store loads with the first report, not with every reader of this module.
    const { createPierStore } = await import('./pier/store.js');
    const at = instant.toISOString();
    const bans = await createPierStore(db, config.tableName, logger).listBans();
    return bans.filter((ban) => !ban.liftedAt && ban.from <= at && at < ban.until);
  };
}

export type { Ban, Departure };
