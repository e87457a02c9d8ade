/**
 * The booking rules: holding seats for a party (priced on the server, never by the client), replaying a
 * retried request by its Idempotency-Key, showing a booking only to the holder of its access token, and
 * ending holds that were not paid in time. Payment, cancellation and refunds are in ../payments/service.ts.
 */
import { createHmac, randomBytes } from 'node:crypto';
import { addDays, localDateAt } from '../../platform/local-time.js';
import type { CatalogueStore } from '../catalogue/store.js';
import { type Departure, passengerCategories } from '../departures/model.js';
import { departurePrices } from '../departures/pricing.js';
import { DepartureNotFoundError } from '../departures/service.js';
import type { DeparturesStore } from '../departures/store.js';
import { accessTokenMatches, sha256 } from './access-token.js';
import {
  applyChange,
  type Booking,
  type BookingChange,
  type BookingRequest,
  type BookingView,
  type PriceLine,
} from './model.js';
import type { BookingsStore } from './store.js';

export interface BookingSettings {
  holdMinutes: number;
  salesCloseMinutes: number;
  /** Days after the trip when its bookings' personal data is erased (Decree 13/2023). */
  retentionDays: number;
}

/** Days the erasure looks back past the retention period, so a few missed daily runs lose nothing. */
const ERASURE_LOOKBACK_DAYS = 7;

/** How many UTC days back the sweep looks for overdue holds (a hold lasts minutes; this covers an outage). */
const SWEEP_LOOKBACK_DAYS = 7;

export class DepartureClosedError extends Error {
  override readonly name = 'DepartureClosedError';
}

export class SoldOutError extends Error {
  override readonly name = 'SoldOutError';
  constructor(
    readonly seatsLeft: number,
    readonly seatsWanted: number,
  ) {
    super(
      seatsLeft === 0
        ? 'This departure is full.'
        : `Only ${seatsLeft} seat${seatsLeft === 1 ? '' : 's'} left on this departure; ${seatsWanted} were asked for.`,
    );
  }
}

export class IdempotencyKeyReusedError extends Error {
  override readonly name = 'IdempotencyKeyReusedError';
  constructor() {
    super('This Idempotency-Key was already used for a different booking request; send a new key.');
  }
}

/** Unknown booking and wrong token get the same answer, so a reference alone reveals nothing. */
export class BookingNotFoundError extends Error {
  override readonly name = 'BookingNotFoundError';
  constructor() {
    super('There is no booking with this reference and access token.');
  }
}

// Crockford's base32 without I, L, O, U: a reference read out over the phone is not misheard.
const REFERENCE_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A booking reference such as `HL7K2QX9MD`: 40 random bits after the prefix. */
export function newBookingReference(): string {
  const bytes = randomBytes(8);
  return `HL${[...bytes].map((byte) => REFERENCE_ALPHABET[byte % 32]).join('')}`;
}

/** The token is derived from the Idempotency-Key and a stored salt, so a replay can answer it again. */
function accessTokenFor(idempotencyKey: string, salt: string): string {
  return createHmac('sha256', idempotencyKey).update(salt).digest('base64url');
}

/** A new random token and the hash the booking keeps of it. */
export function newLinkToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: sha256(token) };
}

export function toBookingView(booking: Booking, accessToken?: string): BookingView {
  return {
    id: booking.id,
    status: booking.status,
    expiresAt: booking.holdExpiresAt,
    departure: booking.departure,
    passengers: booking.passengers,
    ...(booking.contact && { contact: booking.contact }),
    ...(booking.personalDataErasedAt && { personalDataErasedAt: booking.personalDataErasedAt }),
    language: booking.language,
    lines: booking.lines,
    total: booking.total,
    currency: booking.currency,
    sightseeingFeeIncluded: booking.sightseeingFeeIncluded,
    createdAt: booking.createdAt,
    ...(booking.confirmedAt && { confirmedAt: booking.confirmedAt }),
    ...(booking.cancelledAt && { cancelledAt: booking.cancelledAt }),
    refunds: booking.refunds,
    ...(booking.ticket &&
      (booking.status === 'confirmed' || booking.status === 'redeemed') && {
        ticket: { code: booking.ticket.code },
      }),
    ...(accessToken && { accessToken }),
  };
}

export function isHoldOverdue(booking: Booking, now: Date): boolean {
  return booking.status === 'on_hold' && booking.holdExpiresAt <= now.toISOString();
}

interface BookingsServiceStores {
  bookings: BookingsStore;
  departures: DeparturesStore;
  catalogue: CatalogueStore;
}

export function createBookingsService(
  { bookings, departures, catalogue }: BookingsServiceStores,
  settings: BookingSettings,
  clock: () => Date = () => new Date(),
) {
  /**
   * Counts a hold refused for want of seats, for the managers; the visitor is told "sold out" even when the
   * count cannot be written (it is a statistic, the refusal is the answer).
   */
  async function countRefusal(departureId: string, seats: number) {
    await departures.countCapacityRefusal(departureId, seats).catch(() => undefined);
  }

  async function priceLines(departure: Departure, passengers: BookingRequest['passengers']) {
    const [route, feePolicy] = await Promise.all([
      catalogue.getRoute(departure.routeId),
      catalogue.getFeePolicy(),
    ]);
    const { prices, sightseeingFeeIncluded } = departurePrices(
      departure.fares,
      route?.sightseeingFee.amountVnd ?? null,
      feePolicy,
    );
    const lines: PriceLine[] = passengerCategories.flatMap((category) => {
      const quantity = passengers.filter((passenger) => passenger.category === category).length;
      if (quantity === 0) return [];
      return [{ category, quantity, unitPrice: prices[category], amount: quantity * prices[category] }];
    });
    return { lines, total: lines.reduce((sum, line) => sum + line.amount, 0), sightseeingFeeIncluded };
  }

  async function replay(
    record: { bookingId: string; fingerprint: string; tokenSalt: string },
    key: string,
    fingerprint: string,
  ) {
    if (record.fingerprint !== fingerprint) throw new IdempotencyKeyReusedError();
    const booking = await bookings.getBooking(record.bookingId);
    if (!booking)
      throw new Error(`Idempotency record names booking ${record.bookingId}, which is not stored.`);
    return { booking: toBookingView(booking, accessTokenFor(key, record.tokenSalt)), replayed: true };
  }

  /** Ends an overdue hold now (the sweep would within the minute); returns the booking as it then is. */
  async function expireIfOverdue(booking: Booking): Promise<Booking> {
    const now = clock();
    if (!isHoldOverdue(booking, now)) return booking;
    const expiry: BookingChange = { set: { status: 'expired', expiredAt: now.toISOString() } };
    const outcome = await bookings.releaseHold(booking, expiry);
    if (outcome.done) return applyChange(booking, expiry);
    return outcome.current ?? booking;
  }

  return {
    /** The lines and total for a party on a departure, from the fares and the fee rules in force now. */
    priceParty: priceLines,

    /**
     * Holds seats for the party until `expiresAt`. The same Idempotency-Key with the same request answers
     * the booking it made (with `replayed: true`); with another request it is refused. `holdUntil` keeps the
     * seats longer than a visitor's hold, for a party whose trip a weather ban cancelled (pier/bans.ts).
     */
    async createBooking(
      request: BookingRequest,
      idempotencyKey: string,
      options: { holdUntil?: Date } = {},
    ): Promise<{ booking: BookingView; replayed: boolean }> {
      const keyHash = sha256(idempotencyKey);
      const fingerprint = sha256(JSON.stringify(request));
      const previous = await bookings.getIdempotencyRecord(keyHash);
      if (previous) return replay(previous, idempotencyKey, fingerprint);

      const departure = await departures.getDeparture(request.departureId);
      if (!departure) throw new DepartureNotFoundError(request.departureId);
      const now = clock();
      const salesClose = Date.parse(departure.departsAt) - settings.salesCloseMinutes * 60_000;
      if (departure.status === 'suspended') {
        throw new DepartureClosedError(
          `This departure is suspended (${departure.suspension?.reason ?? 'weather ban'}): choose another one.`,
        );
      }
      if (departure.status !== 'open') throw new DepartureClosedError('This departure has been cancelled.');
      if (now.getTime() >= salesClose) {
        throw new DepartureClosedError(
          `Online sales close ${settings.salesCloseMinutes} minutes before departure; ask at the pier.`,
        );
      }
      const seats = request.passengers.length;
      if (departure.seatsFree < seats) {
        await countRefusal(departure.id, seats);
        throw new SoldOutError(departure.seatsFree, seats);
      }

      const tokenSalt = randomBytes(32).toString('base64url');
      const accessToken = accessTokenFor(idempotencyKey, tokenSalt);
      const priced = await priceLines(departure, request.passengers);
      for (;;) {
        const booking: Booking = {
          id: newBookingReference(),
          status: 'on_hold',
          departure: {
            id: departure.id,
            routeId: departure.routeId,
            portId: departure.portId,
            departsAt: departure.departsAt,
            localDate: departure.localDate,
            operator: { id: departure.operatorId, name: departure.operatorName },
            boat: { id: departure.boatId, name: departure.boatName },
          },
          seats,
          passengers: request.passengers,
          contact: request.contact,
          language: request.language,
          ...priced,
          currency: 'VND',
          accessTokenHash: sha256(accessToken),
          createdAt: now.toISOString(),
          holdExpiresAt: (
            options.holdUntil ?? new Date(now.getTime() + settings.holdMinutes * 60_000)
          ).toISOString(),
          payment: {},
          refunds: [],
          channel: 'online',
        };
        const outcome = await bookings.holdSeats(booking, {
          keyHash,
          bookingId: booking.id,
          fingerprint,
          tokenSalt,
        });
        if (outcome.held) return { booking: toBookingView(booking, accessToken), replayed: false };
        switch (outcome.reason) {
          case 'id-taken':
            continue; // one chance in a trillion: draw another reference
          case 'key-used': {
            // A concurrent request with the same key won the race; answer as its replay.
            const record = await bookings.getIdempotencyRecord(keyHash);
            if (!record) throw new Error('An Idempotency-Key was taken but its record cannot be read.');
            return replay(record, idempotencyKey, fingerprint);
          }
          case 'sold-out':
            await countRefusal(departure.id, seats);
            throw new SoldOutError(outcome.seatsLeft, seats);
          case 'departure-closed':
            throw new DepartureClosedError('This departure has been cancelled.');
          case 'departure-missing':
            throw new DepartureNotFoundError(request.departureId);
        }
      }
    },

    /** The booking for the holder of its access token; an overdue hold is ended first. */
    async getBooking(id: string, accessToken: string): Promise<Booking> {
      const booking = await bookings.getBooking(id);
      if (!booking || !accessTokenMatches(booking, accessToken)) throw new BookingNotFoundError();
      return expireIfOverdue(booking);
    },

    expireIfOverdue,

    /**
     * Erases the personal data of every booking whose trip was more than the retention period ago (the
     * scheduled daily job). Returns how many bookings it erased.
     */
    async erasePersonalDataAfterRetention(): Promise<number> {
      const today = localDateAt(clock());
      const at = clock().toISOString();
      let erased = 0;
      for (let back = settings.retentionDays + ERASURE_LOOKBACK_DAYS; back > settings.retentionDays; back--) {
        for (const id of await bookings.bookingIdsOn(addDays(today, -back))) {
          const booking = await bookings.getBooking(id);
          if (booking && !booking.personalDataErasedAt && (await bookings.erasePersonalData(booking, at)))
            erased++;
        }
      }
      return erased;
    },

    /**
     * Ends every hold whose time has passed and returns their seats to sale: the scheduled sweep, so holds
     * end on time even when nobody asks about them. Returns how many holds it ended.
     */
    async releaseExpiredHolds(): Promise<number> {
      const overdue = await bookings.overdueHolds(clock(), SWEEP_LOOKBACK_DAYS);
      let released = 0;
      for (const id of overdue) {
        const booking = await bookings.getBooking(id);
        if (!booking) continue;
        const after = await expireIfOverdue(booking);
        if (after.status === 'expired' && booking.status === 'on_hold') released++;
      }
      return released;
    },
  };
}

export type BookingsService = ReturnType<typeof createBookingsService>;

export { accessTokenMatches } from './access-token.js';
