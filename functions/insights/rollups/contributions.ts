/**
 * What each kind of stored record adds to the managers' counters, read from the record as it stands: a change
 * moves the counters by what its new image adds minus what its old image added, so a record's changes, in any
 * order, add up to what the record says now — which is what the backfill computes from the records themselves.
 *
 * - A booking counts on its departure's local day and hour, under its route|port|operator: sold once paid
 *   (bookings, passengers, revenue), cancelled, refunded, and each passenger checked in or marked no-show.
 * - A departure counts scheduled, run (its seats offered and filled), suspended, cancelled, and the seats
 *   refused to holds because it was full.
 * - A weather ban counts each local day it was in force, under what it covers (all, a port, a route).
 * - A safety alert counts on the day and hour it was raised, under its kind|operator: raised, acknowledged and
 *   resolved with the seconds each took.
 * - The Wi-Fi's and the museum's own day counters count what they add: sessions per hotspot and hour, devices,
 *   museum visits, tours and views per exhibit.
 */
import { StoredBan, StoredBooking, StoredDeparture } from '../../boats/records.js';
import { storedMuseumCountersOf } from '../../museum/reads.js';
import { addDays, localDateAt } from '../../platform/local-time.js';
import { ALERT_DAYS_PARTITION_PREFIX, StoredAlert } from '../../tracking/reads.js';
import { storedWifiCountersOf } from '../../wifi/reads.js';
import { alertScope, boatScope, type COUNTED_ENTITIES, type Contribution } from './model.js';

const HO_CHI_MINH_OFFSET_MS = 7 * 3_600_000;
const localHourAt = (instant: string) => new Date(Date.parse(instant) + HO_CHI_MINH_OFFSET_MS).getUTCHours();
const seconds = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

export { alertScope, boatScope, COUNTED_ENTITIES } from './model.js';

function bookingContributions(item: Record<string, unknown>): Contribution[] {
  const parsed = StoredBooking.safeParse(item);
  if (!parsed.success) return [];
  const booking = parsed.data;
  const { departure } = booking;
  const paid = booking.payment.paidAt !== undefined || booking.channel === 'counter';
  const sold =
    booking.status === 'confirmed' ||
    booking.status === 'redeemed' ||
    (booking.status === 'cancelled' && paid);
  const measures: Record<string, number> = {};
  if (sold) {
    measures.bookings = 1;
    measures.passengers = booking.seats;
    if (booking.channel === 'counter') measures.counterPassengers = booking.seats;
  }
  if (paid) measures.revenue = booking.payment.amountPaid ?? booking.total;
  if (booking.status === 'cancelled' && sold) {
    measures.cancelled = 1;
    measures.cancelledPassengers = booking.seats;
  }
  const refunded = booking.refunds.reduce((sum, refund) => sum + refund.amount, 0);
  if (refunded > 0) measures.refunded = refunded;
  for (const boarding of booking.boarding ?? []) {
    if (boarding?.state === 'aboard') measures.checkedIn = (measures.checkedIn ?? 0) + 1;
    if (boarding?.state === 'no-show') measures.noShows = (measures.noShows ?? 0) + 1;
  }
  if (Object.keys(measures).length === 0) return [];
  return [
    {
      domain: 'BOATS',
      scope: boatScope(departure.routeId, departure.portId, departure.operator.id),
      date: departure.localDate,
      hour: localHourAt(departure.departsAt),
      measures,
    },
  ];
}

function departureContributions(item: Record<string, unknown>): Contribution[] {
  const parsed = StoredDeparture.safeParse(item);
  if (!parsed.success) return [];
  const departure = parsed.data;
  const measures: Record<string, number> = {};
  if (departure.status === 'cancelled') measures.departuresCancelled = 1;
  else measures.departuresScheduled = 1;
  if (departure.status === 'suspended') measures.departuresSuspended = 1;
  if (departure.departedAt !== undefined) {
    measures.departuresRun = 1;
    measures.seatsOffered = departure.capacity;
    measures.seatsFilled = departure.aboard;
  }
  if (departure.refusedRequests > 0) {
    measures.capacityRefusals = departure.refusedRequests;
    measures.refusedSeats = departure.refusedSeats;
  }
  return [
    {
      domain: 'BOATS',
      scope: boatScope(departure.routeId, departure.portId, departure.operatorId),
      date: departure.localDate,
      hour: localHourAt(departure.departsAt),
      measures,
    },
  ];
}

/** A ban counts every local day it was in force for some of: from its start to its end, or its lifting. */
function banContributions(item: Record<string, unknown>): Contribution[] {
  const parsed = StoredBan.safeParse(item);
  if (!parsed.success) return [];
  const ban = parsed.data;
  const end = ban.liftedAt && ban.liftedAt < ban.until ? ban.liftedAt : ban.until;
  if (end <= ban.from) return [];
  const scope =
    ban.scope.kind === 'all'
      ? 'all'
      : ban.scope.kind === 'port'
        ? `port:${ban.scope.portId}`
        : `route:${ban.scope.routeId}`;
  const first = localDateAt(new Date(ban.from));
  // The end is exclusive: a ban until midnight does not touch the next day.
  const last = localDateAt(new Date(Date.parse(end) - 1));
  const contributions: Contribution[] = [];
  for (let date = first; date <= last; date = addDays(date, 1)) {
    contributions.push({ domain: 'BANS', scope, date, hour: null, measures: { banDays: 1 } });
  }
  return contributions;
}

function alertContributions(item: Record<string, unknown>): Contribution[] {
  if (typeof item.PK !== 'string' || !item.PK.startsWith(ALERT_DAYS_PARTITION_PREFIX)) return [];
  const parsed = StoredAlert.safeParse(item);
  if (!parsed.success) return [];
  const alert = parsed.data;
  const measures: Record<string, number> = { raised: 1 };
  if (alert.acknowledged) {
    measures.acknowledged = 1;
    measures.acknowledgeSeconds = seconds(alert.raisedAt, alert.acknowledged.at);
  }
  if (alert.resolved) {
    measures.resolved = 1;
    measures.resolveSeconds = seconds(alert.raisedAt, alert.resolved.at);
  }
  return [
    {
      domain: 'ALERTS',
      scope: alertScope(alert.kind, alert.operatorId),
      date: localDateAt(new Date(alert.raisedAt)),
      hour: localHourAt(alert.raisedAt),
      measures,
    },
  ];
}

/**
 * A Wi-Fi day counter. The city's: sessions per hour (day, month and hour counters), devices, logins by method,
 * dwell and traffic. A hotspot's: its sessions and devices, as measures named after it in one `hotspots` counter
 * a day — a heat map of 107 hotspots over a year reads one item a day, not 107.
 */
function wifiContributions(item: Record<string, unknown>): Contribution[] {
  const counters = storedWifiCountersOf(item);
  if (!counters) return [];
  const sessions = counters.sessionsByHour.reduce((sum, count) => sum + count, 0);
  if (counters.hotspotId !== null) {
    return [
      {
        domain: 'WIFI',
        scope: 'hotspots',
        date: counters.date,
        hour: null,
        measures: {
          [`sessions.${counters.hotspotId}`]: sessions,
          [`devices.${counters.hotspotId}`]: counters.devices,
        },
      },
    ];
  }
  const contributions: Contribution[] = [
    {
      domain: 'WIFI',
      scope: 'city',
      date: counters.date,
      hour: null,
      measures: {
        devices: counters.devices,
        endedSessions: counters.endedSessions,
        dwellSeconds: counters.dwellSeconds,
        bytesIn: counters.bytesIn,
        bytesOut: counters.bytesOut,
        loginsTerms: counters.methods.terms,
        loginsCode: counters.methods.code,
        loginsBooking: counters.methods.booking,
      },
    },
  ];
  counters.sessionsByHour.forEach((count, hour) => {
    if (count > 0) {
      contributions.push({
        domain: 'WIFI',
        scope: 'city',
        date: counters.date,
        hour,
        measures: { sessions: count },
      });
    }
  });
  return contributions;
}

/** A museum day counter: the day's visits and tours, or an exhibit's views as measures of one `exhibits` counter. */
function museumContributions(item: Record<string, unknown>): Contribution[] {
  const counters = storedMuseumCountersOf(item);
  if (!counters) return [];
  if (counters.kind === 'exhibit') {
    return [
      {
        domain: 'MUSEUM',
        scope: 'exhibits',
        date: counters.date,
        hour: null,
        measures: {
          [`views.${counters.exhibitId}`]: counters.views,
          [`dwellSeconds.${counters.exhibitId}`]: counters.dwellSeconds,
        },
      },
    ];
  }
  const { date, kind: _kind, ...measures } = counters;
  return [{ domain: 'MUSEUM', scope: 'museum', date, hour: null, measures }];
}

const byEntity: Record<(typeof COUNTED_ENTITIES)[number], (item: Record<string, unknown>) => Contribution[]> =
  {
    Booking: bookingContributions,
    Departure: departureContributions,
    Ban: banContributions,
    TrackingAlert: alertContributions,
    WifiStatistics: wifiContributions,
    MuseumStatistics: museumContributions,
  };

/** What a stored item adds to the counters; nothing for an item no counter reads (or one that does not parse). */
export function contributionsOf(item: Record<string, unknown> | null): Contribution[] {
  if (!item) return [];
  const entity = item.entity;
  if (typeof entity !== 'string' || !Object.hasOwn(byEntity, entity)) return [];
  return byEntity[entity as keyof typeof byEntity](item);
}
