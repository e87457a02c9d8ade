/**
 * The bay as the live map and the console show it: each boat's newest position joined with its company, the trip
 * it is scheduled to run (aboard count, clearance, next stop, expected return) and its unresolved alerts — and
 * who may see which boat. The REST reads and the live updates (locally in-process, on AWS from the table's
 * stream) build their boats here, so both show the same thing.
 */
import type { BaySituation } from '../../boats/reads.js';
import type { BoatPosition } from '../model.js';
import { metresBetween } from '../safety/geometry.js';
import type { SafetyRules } from '../safety/model.js';
import { boatStateOf, type ScheduledTrip } from '../safety/rules.js';
import type { Alert, AlertKind, TrackedBoat, TripView } from './model.js';

type Departure = BaySituation['departures'][number];

/** A trip counts from 30 minutes before it is scheduled (boarding) to its route's hours and one more after. */
const BOARDING_MINUTES = 30;
/** A ticket holder follows their boat from an hour before it leaves: on the way to the pier, is it in port? */
const TICKET_VIEW_BEFORE_MINUTES = 60;
const LATE_RETURN_HOURS = 1;
const DEFAULT_TRIP_HOURS = 4;
const HOUR_MS = 3_600_000;

/** Who is looking: the authority sees every boat, an operator its company's, a ticket holder one boat. */
export type Viewer =
  | { kind: 'authority' }
  | { kind: 'operator'; operatorId: string }
  | { kind: 'ticket'; boatId: string; departureId: string };

export function mayView(viewer: Viewer, boat: { boatId: string; operatorId: string }): boolean {
  if (viewer.kind === 'authority') return true;
  if (viewer.kind === 'operator') return boat.operatorId === viewer.operatorId;
  return boat.boatId === viewer.boatId;
}

function tripWindow(situation: BaySituation, departure: Departure) {
  const departs = Date.parse(departure.departsAt);
  const hours = situation.routeHours.get(departure.routeId) ?? DEFAULT_TRIP_HOURS;
  return {
    from: departs - BOARDING_MINUTES * 60_000,
    expectedReturn: departs + hours * HOUR_MS,
    until: departs + (hours + LATE_RETURN_HOURS) * HOUR_MS,
  };
}

/**
 * The departure a boat is scheduled to run around `instant` — open, or suspended by a ban (a boat out on a
 * suspended trip is what the rules must see) — the latest to leave when two overlap; null when none.
 */
export function scheduledDepartureOf(
  situation: BaySituation,
  boatId: string,
  instant: Date,
): Departure | null {
  const time = instant.getTime();
  let found: Departure | null = null;
  for (const departure of situation.departures) {
    if (departure.boatId !== boatId || departure.status === 'cancelled') continue;
    const { from, until } = tripWindow(situation, departure);
    if (from <= time && time <= until && (!found || departure.departsAt > found.departsAt)) found = departure;
  }
  return found;
}

/** Whether a ticket holder of `departure` follows its boat at `time`: from an hour before it leaves to its late return. */
function followedAt(situation: BaySituation, departure: Departure, time: number): boolean {
  const opens = Date.parse(departure.departsAt) - TICKET_VIEW_BEFORE_MINUTES * 60_000;
  return opens <= time && time <= tripWindow(situation, departure).until;
}

/**
 * The trips of a boat whose ticket holders follow it at `instant` (two at most, where one trip's late return meets
 * the next one's hour before): the live updates send each of them their own trip's view, and no one else's.
 */
export function followedTripsOf(situation: BaySituation, boatId: string, instant: Date): Departure[] {
  return situation.departures.filter(
    (departure) => departure.boatId === boatId && followedAt(situation, departure, instant.getTime()),
  );
}

export function scheduledTripOf(departure: Departure | null): ScheduledTrip | null {
  if (!departure || departure.status === 'cancelled') return null;
  return {
    departureId: departure.id,
    routeId: departure.routeId,
    departsAt: departure.departsAt,
    status: departure.status,
    cleared: departure.clearance?.decision === 'cleared',
    aboard: departure.aboard,
    banned: departure.status === 'suspended',
  };
}

/** The route's stop after where the boat is: past the nearest stop once within 500 m of it. */
function nextStopOf(
  situation: BaySituation,
  departure: Departure,
  position: Pick<BoatPosition, 'latitude' | 'longitude'> | null,
): TripView['nextStop'] {
  const stops = (situation.routes.get(departure.routeId)?.stops ?? []).flatMap((stop) =>
    stop.position ? [{ name: stop.name, latitude: stop.position.lat, longitude: stop.position.lon }] : [],
  );
  if (stops.length === 0) return null;
  if (!position) return stops[0] ?? null;
  const here = [position.longitude, position.latitude] as const;
  let nearest = 0;
  let nearestMetres = Number.POSITIVE_INFINITY;
  stops.forEach((stop, index) => {
    const metres = metresBetween(here, [stop.longitude, stop.latitude]);
    if (metres < nearestMetres) {
      nearest = index;
      nearestMetres = metres;
    }
  });
  return (nearestMetres <= 500 ? stops[nearest + 1] : stops[nearest]) ?? null;
}

export function tripViewOf(
  situation: BaySituation,
  departure: Departure,
  position: Pick<BoatPosition, 'latitude' | 'longitude'> | null,
): TripView {
  const route = situation.routes.get(departure.routeId);
  return {
    departureId: departure.id,
    routeId: departure.routeId,
    routeName: route
      ? { vi: route.name.vi, en: route.name.en }
      : { vi: `Tuyến ${departure.routeId}`, en: `Route ${departure.routeId}` },
    departsAt: departure.departsAt,
    expectedReturnAt: new Date(tripWindow(situation, departure).expectedReturn).toISOString(),
    aboard: departure.aboard,
    clearance: departure.clearance ? departure.clearance.decision : 'not-cleared',
    nextStop: nextStopOf(situation, departure, position),
  };
}

const UNRESOLVED: ReadonlySet<string> = new Set(['open', 'acknowledged']);

/**
 * Every boat the viewer may see, in the fleet's order, with what the map shows of it. A ticket holder sees their
 * boat's position only around their own trip (from an hour before it leaves to its late return), and never its
 * alerts.
 */
export function trackedBoats(
  viewer: Viewer,
  situation: BaySituation,
  latest: readonly BoatPosition[],
  alerts: readonly Alert[],
  rules: SafetyRules,
  now: Date,
): TrackedBoat[] {
  const positions = new Map(latest.map((position) => [position.boatId, position]));
  const openAlerts = new Map<string, AlertKind[]>();
  for (const alert of alerts) {
    if (!UNRESOLVED.has(alert.state)) continue;
    openAlerts.set(alert.boatId, [...(openAlerts.get(alert.boatId) ?? []), alert.kind]);
  }
  return situation.boats
    .filter((boat) => mayView(viewer, { boatId: boat.id, operatorId: boat.operatorId }))
    .map((boat) => {
      let departure = scheduledDepartureOf(situation, boat.id, now);
      let position = positions.get(boat.id) ?? null;
      if (viewer.kind === 'ticket') {
        const own = situation.departures.find((candidate) => candidate.id === viewer.departureId);
        departure = own ?? null;
        if (!own || !followedAt(situation, own, now.getTime())) position = null;
      }
      const { attributes: _attributes, ...shown } = position ?? { attributes: null };
      return {
        boatId: boat.id,
        name: boat.name,
        registrationNumber: boat.registrationNumber,
        operatorId: boat.operatorId,
        operatorName: situation.operators.get(boat.operatorId)?.name ?? boat.operatorId,
        certifiedCapacity: boat.certifiedCapacity,
        state: boatStateOf(position, departure, rules, now),
        position: position ? (shown as Omit<BoatPosition, 'attributes'>) : null,
        trip: departure ? tripViewOf(situation, departure, position) : null,
        openAlerts: viewer.kind === 'ticket' ? [] : (openAlerts.get(boat.id) ?? []),
      };
    });
}
