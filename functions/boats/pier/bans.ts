/**
 * Weather bans: the port authority stops departures (all, a port's or a route's) for a period. Saving a ban
 * suspends every departure it covers that has not left, so no hold, counter sale or boarding is taken on them;
 * then each booking on them is cancelled, a paid one refunded in full through the payments port, and its
 * visitor told in the booking's language with a link to another departure. Applying a ban again (saved twice,
 * or a retried run) refunds nobody twice: the refund is asked under a key per booking, and recorded in the same
 * conditional write that cancels the booking. Lifting it reopens its departures still ahead.
 */
import { createHash } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import { addDays, localDateAt } from '../../platform/local-time.js';
import type { Logger } from '../../platform/logger.js';
import type { MessagesPort } from '../../platform/messages/port.js';
import { PaymentProviderError, type PaymentsPort } from '../../platform/payments/port.js';
import { TransactionBusyError } from '../../platform/transactions.js';
import type { Booking, Refund } from '../bookings/model.js';
import type { BookingsService } from '../bookings/service.js';
import type { CatalogueStore } from '../catalogue/store.js';
import type { Departure } from '../departures/model.js';
import type { DeparturesStore } from '../departures/store.js';
import { banCancellationMessage } from './ban-messages.js';
import { banCovers, inForce } from './ban-rules.js';
import type { Ban, BanRequest } from './model.js';
import { PierRefusal, staffRefOf } from './pier-rules.js';
import type { PierStore } from './store.js';

export interface BansServiceParts {
  store: PierStore;
  /** Holds seats on another departure for a party a ban cancelled. */
  bookings: Pick<BookingsService, 'createBooking'>;
  catalogue: Pick<CatalogueStore, 'listPorts' | 'getRoute'>;
  departures: Pick<DeparturesStore, 'listDeparturesOn'>;
  payments: PaymentsPort;
  messages: MessagesPort;
  logger: Logger;
}

export interface BanApplication {
  suspendedDepartures: number;
  cancelledBookings: number;
  refunds: number;
  /** Bookings left as they were because the refund could not be taken now: save the ban again to retry. */
  failedBookings: number;
}

/** A ban's id follows from what it says, so the same ban saved twice is one ban. */
function banIdFor(request: BanRequest): string {
  const scope =
    request.scope.kind === 'all'
      ? 'all'
      : request.scope.kind === 'port'
        ? `port:${request.scope.portId}`
        : `route:${request.scope.routeId}`;
  const from = new Date(request.from).toISOString();
  const until = new Date(request.until).toISOString();
  const digest = createHash('sha256').update(`${scope}|${from}|${until}|${request.reason}`).digest('hex');
  return `ban-${from.slice(0, 10).replaceAll('-', '')}-${digest.slice(0, 12)}`;
}

/** The local days a period touches, first to last. */
function daysOf(from: string, until: string): string[] {
  const days: string[] = [];
  const last = localDateAt(new Date(Date.parse(until) - 1));
  for (let day = localDateAt(new Date(from)); day <= last; day = addDays(day, 1)) days.push(day);
  return days;
}

/** The departures a ban's period and scope cover, on every local day it touches. */
async function departuresCoveredBy(
  departures: Pick<DeparturesStore, 'listDeparturesOn'>,
  ban: Pick<Ban, 'scope' | 'from' | 'until'>,
): Promise<Departure[]> {
  const days = await Promise.all(daysOf(ban.from, ban.until).map((day) => departures.listDeparturesOn(day)));
  return days.flat().filter((departure) => banCovers({ ...ban, liftedAt: undefined }, departure));
}

/** What issuing a ban would do now, for the authority to confirm before it is done. */
export interface BanPreview {
  /** Departures still to leave that would be suspended. */
  departures: number;
  /** Bookings on them that would be cancelled (held, paid or at the counter). */
  bookings: number;
  /** Of those, the paid ones, refunded in full. */
  refunds: number;
  /** Their refunds together, in VND (online and at the counter). */
  refundVnd: number;
}

/** Counts what a ban would suspend, cancel and refund, changing nothing. */
export async function previewBan(
  {
    store,
    departures,
  }: { store: Pick<PierStore, 'bookingsOf'>; departures: Pick<DeparturesStore, 'listDeparturesOn'> },
  request: Pick<BanRequest, 'scope' | 'from' | 'until'>,
): Promise<BanPreview> {
  const preview: BanPreview = { departures: 0, bookings: 0, refunds: 0, refundVnd: 0 };
  const period = {
    scope: request.scope,
    from: new Date(request.from).toISOString(),
    until: new Date(request.until).toISOString(),
  };
  for (const departure of await departuresCoveredBy(departures, period)) {
    if (departure.departedAt || departure.status === 'cancelled') continue;
    preview.departures += 1;
    for (const booking of await store.bookingsOf(departure)) {
      if (!['on_hold', 'confirmed', 'redeemed'].includes(booking.status)) continue;
      preview.bookings += 1;
      const amount = booking.status === 'on_hold' ? 0 : (booking.payment.amountPaid ?? booking.total);
      if (amount > 0) {
        preview.refunds += 1;
        preview.refundVnd += amount;
      }
    }
  }
  return preview;
}

/** How far after a ban the next departure is looked for, how long its seats are kept, and when sales close. */
const REBOOKING_SEARCH_DAYS = 7;
const REBOOKING_HOLD_MS = 24 * 60 * 60_000;
const REBOOKING_SALES_CLOSE_MS = 60 * 60_000;

export function createBansService(
  { store, bookings, catalogue, departures, payments, messages, logger }: BansServiceParts,
  clock: () => Date = () => new Date(),
) {
  const coveredDepartures = (ban: Ban) => departuresCoveredBy(departures, ban);

  /**
   * Seats for the party on the first departure of the same route from the same port after the ban, with room and
   * not stopped, kept for them until a day after the ban ends (never past that departure's online sales). Its
   * Idempotency-Key derives from the cancelled booking's secret token hash: the same cancellation always gets the
   * same hold, and nobody else can ask for it. Null where there is none within a week, or it cannot be held now.
   */
  async function holdAnotherDeparture(
    booking: Booking,
    ban: Ban,
  ): Promise<{ id: string; accessToken: string; departsAt: string; holdExpiresAt: string } | null> {
    if (!booking.contact || booking.passengers.length === 0) return null;
    const firstDay = localDateAt(new Date(ban.until));
    const others = inForce(await store.listBans(), clock());
    for (let offset = 0; offset < REBOOKING_SEARCH_DAYS; offset++) {
      const candidates = (await departures.listDeparturesOn(addDays(firstDay, offset))).filter(
        (departure) =>
          departure.routeId === booking.departure.routeId &&
          departure.portId === booking.departure.portId &&
          departure.status === 'open' &&
          departure.departsAt >= ban.until &&
          departure.seatsFree >= booking.seats &&
          !others.some((other) => banCovers(other, departure)),
      );
      for (const departure of candidates) {
        const holdUntil = new Date(
          Math.min(
            Date.parse(ban.until) + REBOOKING_HOLD_MS,
            Date.parse(departure.departsAt) - REBOOKING_SALES_CLOSE_MS,
          ),
        );
        if (holdUntil.getTime() <= clock().getTime()) continue;
        try {
          const { booking: held } = await bookings.createBooking(
            {
              departureId: departure.id,
              passengers: booking.passengers,
              contact: booking.contact,
              language: booking.language,
            },
            `rebook-${createHash('sha256').update(`${booking.id}|${booking.accessTokenHash}`).digest('hex')}`,
            { holdUntil },
          );
          if (!held.accessToken) return null;
          return {
            id: held.id,
            accessToken: held.accessToken,
            departsAt: departure.departsAt,
            holdExpiresAt: held.expiresAt,
          };
        } catch (error) {
          // Sold out or closed meanwhile: the next one.
          logger.warn('rebooking hold not taken', {
            bookingId: booking.id,
            departureId: departure.id,
            error: error instanceof Error ? error.name : String(error),
          });
        }
      }
    }
    return null;
  }

  /** Cancels one booking for the ban; true when this call cancelled it (and so tells the visitor). */
  async function cancelBooking(
    booking: Booking,
    ban: Ban,
    origin: string,
  ): Promise<{ cancelled: boolean; refunded: number }> {
    const now = clock().toISOString();
    const set = {
      status: 'cancelled' as const,
      cancelledAt: now,
      cancelledByBan: { banId: ban.id, reason: ban.reason },
    };
    let refund: Refund | undefined;
    if (booking.status !== 'on_hold') {
      const amount = booking.payment.amountPaid ?? booking.total;
      if (amount > 0 && booking.channel === 'online' && booking.payment.paymentIntentId) {
        const result = await payments.refund({
          paymentId: booking.payment.paymentIntentId,
          amount,
          // One key per booking, whatever ban or run asks: a second ask answers the first refund.
          idempotencyKey: `refund-${booking.id}-weather-ban`,
        });
        refund = { id: result.id, amount, percent: 100, createdAt: now, reason: 'weather-ban' };
      } else if (amount > 0 && booking.channel === 'counter') {
        // Paid at the counter, given back at the counter: the record tells the cashier what is owed.
        refund = { id: `counter-${booking.id}`, amount, percent: 100, createdAt: now, reason: 'weather-ban' };
      }
    }
    if (!(await store.cancelForBan(booking, set, refund))) return { cancelled: false, refunded: 0 };
    const held = booking.status === 'on_hold' ? null : await holdAnotherDeparture(booking, ban);
    const rebook = held
      ? new URL(`/${booking.language}/bookings/${held.id}/?token=${held.accessToken}`, origin)
      : new URL(`/${booking.language}/boats/departures/`, origin);
    if (!held) {
      rebook.searchParams.set('date', localDateAt(new Date(ban.until)));
      rebook.searchParams.set('route', String(booking.departure.routeId));
      rebook.searchParams.set('port', booking.departure.portId);
      rebook.searchParams.set('passengers', String(booking.seats));
    }
    const message = banCancellationMessage(booking, ban, refund?.amount ?? 0, rebook.href, held);
    if (message) {
      try {
        await messages.send(message);
      } catch (error) {
        logger.error('weather-ban message not sent', {
          bookingId: booking.id,
          error: error instanceof Error ? error.name : String(error),
        });
      }
    }
    return { cancelled: true, refunded: refund?.amount ?? 0 };
  }

  /** Suspends what the ban covers and cancels what is booked on it; safe to run again at any point. */
  async function apply(ban: Ban, origin: string): Promise<BanApplication> {
    const result: BanApplication = {
      suspendedDepartures: 0,
      cancelledBookings: 0,
      refunds: 0,
      failedBookings: 0,
    };
    for (const departure of await coveredDepartures(ban)) {
      if (departure.departedAt) continue; // boats already out may return
      if (departure.status === 'open') {
        const suspended = await store.suspendDeparture(departure, {
          banId: ban.id,
          reason: ban.reason,
          until: ban.until,
        });
        if (suspended) result.suspendedDepartures += 1;
      }
      const current = await store.getDeparture(departure.id);
      if (current?.status !== 'suspended') continue;
      for (const booking of await store.bookingsOf(departure)) {
        if (!['on_hold', 'confirmed', 'redeemed'].includes(booking.status)) continue;
        try {
          const outcome = await cancelBooking(booking, ban, origin);
          if (outcome.cancelled) result.cancelledBookings += 1;
          if (outcome.refunded > 0) result.refunds += 1;
        } catch (error) {
          // One refund the provider refused or could not take now stops no other booking: the booking stays as
          // it was, and saving the ban again (the same ban) tries it again under the same refund key.
          if (!(error instanceof PaymentProviderError) && !(error instanceof TransactionBusyError))
            throw error;
          result.failedBookings += 1;
          logger.error('weather-ban cancellation not done', {
            banId: ban.id,
            bookingId: booking.id,
            error: error.name,
          });
        }
      }
    }
    await store.recordBanApplied(ban.id, clock().toISOString(), result);
    return result;
  }

  return {
    /** Saves the ban (the same ban again is the same ban) and applies it at once. */
    async issue(
      request: BanRequest,
      actor: Principal,
      origin: string,
    ): Promise<{ ban: Ban; created: boolean; applied: BanApplication }> {
      const now = clock();
      if (Date.parse(request.until) <= now.getTime()) {
        throw new PierRefusal('invalid-ban', 'A ban must end in the future.');
      }
      const { scope } = request;
      if (scope.kind === 'port' && !(await catalogue.listPorts()).some((port) => port.id === scope.portId)) {
        throw new PierRefusal('unknown-scope', `There is no port "${scope.portId}".`);
      }
      if (scope.kind === 'route' && !(await catalogue.getRoute(scope.routeId))) {
        throw new PierRefusal('unknown-scope', `There is no route ${scope.routeId}.`);
      }
      const ban: Ban = {
        id: banIdFor(request),
        scope: request.scope,
        from: new Date(request.from).toISOString(),
        until: new Date(request.until).toISOString(),
        reason: request.reason,
        createdAt: now.toISOString(),
        createdBy: staffRefOf(actor),
        suspendedDepartures: 0,
        cancelledBookings: 0,
        failedBookings: 0,
      };
      const created = await store.putBan(ban);
      const stored = created ? ban : await store.getBan(ban.id);
      if (!stored) throw new Error(`Ban ${ban.id} vanished after being found.`);
      if (stored.liftedAt) {
        throw new PierRefusal(
          'ban-lifted',
          'This ban was lifted; issue a new one with another period or reason.',
        );
      }
      const applied = await apply(stored, origin);
      return { ban: (await store.getBan(ban.id)) ?? stored, created, applied };
    },

    /** Lifts a ban: its departures still ahead reopen, unless another ban in force covers them. */
    async lift(id: string, actor: Principal): Promise<{ ban: Ban; reopened: number }> {
      const ban = await store.getBan(id);
      if (!ban) throw new PierRefusal('ban-not-found', `There is no ban ${id}.`);
      const now = clock();
      if (!ban.liftedAt) await store.liftBan(id, now.toISOString(), staffRefOf(actor));
      const others = inForce(await store.listBans(), now).filter((other) => other.id !== id);
      let reopened = 0;
      for (const departure of await coveredDepartures(ban)) {
        if (departure.status !== 'suspended' || departure.suspension?.banId !== id) continue;
        if (Date.parse(departure.departsAt) <= now.getTime()) continue;
        if (!(await store.reopenDeparture(departure, id))) continue;
        const still = others.find((other) => banCovers(other, departure));
        if (still) {
          await store.suspendDeparture(
            { ...departure, status: 'open' },
            {
              banId: still.id,
              reason: still.reason,
              until: still.until,
            },
          );
        } else {
          reopened += 1;
        }
      }
      const lifted = (await store.getBan(id)) ?? ban;
      return { ban: lifted, reopened };
    },

    /** Every ban, newest first (the authority's page). */
    list: () => store.listBans(),

    /** Bans in force now or later, as the public pages show them. */
    async inForce(): Promise<Ban[]> {
      return inForce(await store.listBans(), clock());
    },
  };
}

export type BansService = ReturnType<typeof createBansService>;
