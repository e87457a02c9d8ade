/**
 * What every part of the pier shares: its refusals (each a problem type at the routes), how a staff member is
 * named in a record, the counts a scanner shows, when boarding is closed, and who may act on a departure.
 */
import type { Principal } from '../../platform/auth/principal.js';
import type { Booking } from '../bookings/model.js';
import type { Departure, StaffRef } from '../departures/model.js';
import { assertActsFor } from '../fleet/service.js';
import type { PierStore } from './store.js';

/** What a refusal at the pier says; the routes map each to its problem type. */
export class PierRefusal extends Error {
  override readonly name = 'PierRefusal';
  constructor(
    readonly kind:
      | 'invalid-ticket'
      | 'unknown-ticket'
      | 'wrong-departure'
      | 'ticket-not-paid'
      | 'ticket-expired'
      | 'ticket-cancelled'
      | 'already-checked-in'
      | 'boat-full'
      | 'boarding-closed'
      | 'departure-not-found'
      | 'receipt-used'
      | 'sold-out'
      | 'invalid-passenger'
      | 'not-cleared'
      | 'clearance-checks-failed'
      | 'departure-changed'
      | 'forbidden'
      | 'invalid-ban'
      | 'ban-lifted'
      | 'ban-not-found'
      | 'unknown-scope',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/** Writes a refused while deciding are tried again this many times before the caller is told to retry. */
export const MAX_ATTEMPTS = 5;

export const staffRefOf = (principal: Principal): StaffRef => ({
  subject: principal.subject,
  ...(principal.email && { email: principal.email }),
});

export const boardedCount = (booking: Pick<Booking, 'boarding'>) =>
  (booking.boarding ?? []).filter((state) => state?.state === 'aboard').length;

export const bookedSeats = (departure: Departure) => departure.held + departure.sold;

export function departureCount(departure: Departure) {
  return {
    id: departure.id,
    capacity: departure.capacity,
    aboard: departure.aboard,
    booked: bookedSeats(departure),
  };
}

/** Why nobody may board this departure now, or null while boarding is open. */
export function boardingClosedReason(departure: Departure): string | null {
  if (departure.status === 'suspended') {
    return `This departure is suspended: ${departure.suspension?.reason ?? 'weather ban'}.`;
  }
  if (departure.status === 'cancelled') return 'This departure has been cancelled.';
  if (departure.departedAt) return 'This boat has left.';
  if (departure.clearance?.decision === 'cleared') {
    return 'This departure has been cleared by the port authority: boarding is closed.';
  }
  return null;
}

/** The departure, for staff who may act on its company's boats (its operator, or the port authority). */
export async function departureFor(
  store: Pick<PierStore, 'getDeparture'>,
  id: string,
  actor: Principal,
): Promise<Departure> {
  const departure = await store.getDeparture(id);
  if (!departure) throw new PierRefusal('departure-not-found', `There is no departure ${id}.`);
  assertActsFor(actor, departure.operatorId);
  return departure;
}
