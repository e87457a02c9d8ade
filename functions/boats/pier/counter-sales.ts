/**
 * Sales at the pier counter (walk-ups): paid in cash or by card at the counter, recorded with its receipt
 * number, into the same manifest and against the same capacity as every online booking; the same receipt again
 * is the same sale.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Principal } from '../../platform/auth/principal.js';
import type { Booking } from '../bookings/model.js';
import type { BookingsService } from '../bookings/service.js';
import { newBookingReference } from '../bookings/service.js';
import type { Departure } from '../departures/model.js';
import type { WalkUpRequest, WalkUpResult } from './model.js';
import {
  boardingClosedReason,
  departureCount,
  departureFor,
  MAX_ATTEMPTS,
  PierRefusal,
  staffRefOf,
} from './pier-rules.js';
import type { PierStore } from './store.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

export function createCounterSales(
  { store, bookings }: { store: PierStore; bookings: Pick<BookingsService, 'priceParty'> },
  clock: () => Date = () => new Date(),
) {
  /** The same receipt again: the same sale if it is the same party, a refusal if the receipt sold another. */
  async function replayedSale(
    bookingId: string,
    departure: Departure,
    request: WalkUpRequest,
  ): Promise<WalkUpResult> {
    const booking = await store.getBooking(bookingId);
    const sameParty =
      booking !== null &&
      booking.departure.id === departure.id &&
      JSON.stringify(booking.passengers) === JSON.stringify(request.passengers);
    if (!booking || !sameParty) {
      throw new PierRefusal(
        'receipt-used',
        `Receipt ${request.payment.receiptNumber} was used for another sale (${bookingId}).`,
      );
    }
    return {
      bookingId: booking.id,
      status: booking.status === 'redeemed' ? 'redeemed' : 'confirmed',
      lines: booking.lines,
      total: booking.total,
      receiptNumber: booking.counterSale?.receiptNumber ?? request.payment.receiptNumber,
      departure: departureCount(departure),
    };
  }

  return {
    /** A sale at the pier counter, into the same manifest and against the same capacity as every booking. */
    async sellAtCounter(
      departureId: string,
      request: WalkUpRequest,
      actor: Principal,
    ): Promise<WalkUpResult> {
      const receiptNumber = request.payment.receiptNumber.toUpperCase();
      for (let attempt = 1; ; attempt++) {
        const departure = await departureFor(store, departureId, actor);
        const sold = await store.bookingIdOfReceipt(departure.operatorId, receiptNumber);
        if (sold) return replayedSale(sold, departure, request);
        const closed = boardingClosedReason(departure);
        if (closed) throw new PierRefusal('boarding-closed', closed);
        const seats = request.passengers.length;
        const boarded = request.board ? seats : 0;
        if (departure.seatsFree < seats) {
          throw new PierRefusal('sold-out', `Only ${departure.seatsFree} seats are left; the boat is full.`, {
            seatsLeft: departure.seatsFree,
          });
        }
        if (departure.aboard + boarded > departure.capacity) {
          throw new PierRefusal(
            'boat-full',
            `The boat is full: ${departure.aboard} of ${departure.capacity} aboard.`,
          );
        }
        const now = clock().toISOString();
        const by = staffRefOf(actor);
        const priced = await bookings.priceParty(departure, request.passengers);
        const booking: Booking = {
          id: newBookingReference(),
          status: request.board ? 'redeemed' : 'confirmed',
          channel: 'counter',
          counterSale: { method: request.payment.method, receiptNumber, soldAt: now, soldBy: by },
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
          ...(request.contact && { contact: request.contact }),
          language: request.language,
          ...priced,
          currency: 'VND',
          // Nobody holds a link to a counter sale: a random hash no token matches.
          accessTokenHash: sha256(randomBytes(32).toString('base64url')),
          createdAt: now,
          holdExpiresAt: now,
          payment: { amountPaid: priced.total, paidAt: now },
          refunds: [],
          confirmedAt: now,
          ...(request.board && {
            boarding: request.passengers.map(() => ({ state: 'aboard' as const, at: now, by })),
            boardingRevision: 1,
            redeemedAt: now,
          }),
        };
        const outcome = await store.sellAtCounter(booking, departure, boarded);
        if (outcome.done) {
          return {
            bookingId: booking.id,
            status: request.board ? 'redeemed' : 'confirmed',
            lines: booking.lines,
            total: booking.total,
            receiptNumber,
            departure: departureCount({
              ...departure,
              sold: departure.sold + seats,
              aboard: departure.aboard + boarded,
            }),
          };
        }
        if (attempt >= MAX_ATTEMPTS)
          throw new PierRefusal('departure-changed', 'Too busy: try the sale again.');
      }
    },
  };
}
