/**
 * The rules of the pier: boarding a ticket (check-in), selling at the counter (walk-ups), the passenger
 * manifest (here), the crew of a trip, the port authority's clearance and the departure (clearance.ts), the
 * counter's sales (counter-sales.ts). Whatever the interleaving of
 * scanners, counters and the authority, nobody boards beyond the boat's certified capacity, nobody boards twice,
 * nobody boards a departure that is cleared, left or stopped, and a departure leaves only once cleared.
 * Weather bans are in bans.ts. No HTTP and no SDK types here.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { type AuditEntry, type AuditLog, auditActor } from '../../platform/audit/log.js';
import type { Principal } from '../../platform/auth/principal.js';
import type { Boarding, Booking, Passenger } from '../bookings/model.js';
import type { BookingsService } from '../bookings/service.js';
import { assertActsFor } from '../fleet/service.js';
import type { FleetStore } from '../fleet/store.js';
import { TicketClaims } from '../tickets/codes.js';
import { createClearanceDesk } from './clearance.js';
import { createCounterSales } from './counter-sales.js';
import type { Ban, CheckInRequest, CheckInResult, Manifest, ManifestRow } from './model.js';
import {
  boardingClosedReason,
  bookedSeats,
  departureCount,
  departureFor,
  MAX_ATTEMPTS,
  PierRefusal,
  staffRefOf,
} from './pier-rules.js';
import type { PierStore } from './store.js';

export { PierRefusal, staffRefOf } from './pier-rules.js';

export interface PierServiceParts {
  store: PierStore;
  fleet: Pick<FleetStore, 'getBoat'>;
  bookings: Pick<BookingsService, 'priceParty'>;
  /** Where every read of a manifest is recorded before it is answered. */
  audit: Pick<AuditLog, 'record'>;
  /** The bans in force, for the clearance's weather check (bans.ts). */
  bans: () => Promise<Ban[]>;
}

const BOOKING_REFERENCE = /^[A-Z0-9]{6,20}$/;

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function sameText(a: string, b: string): boolean {
  const left = Buffer.from(sha256(a));
  const right = Buffer.from(sha256(b));
  return timingSafeEqual(left, right);
}

/** The booking reference a code names: a signed ticket's claims, or a reference typed from the ticket. */
function referenceOf(code: string): { bookingId: string; signed: boolean } {
  const parts = code.split('.');
  if (parts.length === 3) {
    try {
      const payload = JSON.parse(Buffer.from(parts[1] as string, 'base64url').toString('utf8'));
      return { bookingId: TicketClaims.parse(payload).bid, signed: true };
    } catch {
      throw new PierRefusal('invalid-ticket', 'This is not a ticket of the Hạ Long boat booking service.');
    }
  }
  const reference = code.toUpperCase().replace(/[\s-]/g, '');
  if (!BOOKING_REFERENCE.test(reference)) {
    throw new PierRefusal('invalid-ticket', 'This is neither a ticket code nor a booking reference.');
  }
  return { bookingId: reference, signed: false };
}

function pierPassengers(booking: Booking) {
  return booking.passengers.map((passenger, index) => {
    const state = booking.boarding?.[index] ?? null;
    return {
      index,
      fullName: passenger.fullName,
      category: passenger.category,
      state: state?.state ?? ('expected' as const),
      ...(state && { at: state.at }),
    };
  });
}

export function createPierService(parts: PierServiceParts, clock: () => Date = () => new Date()) {
  const { store, audit } = parts;
  return {
    /** One departure as its company's staff and the port authority see it at the pier (the staff pages). */
    departure: (departureId: string, actor: Principal) => departureFor(store, departureId, actor),

    /**
     * Boards a ticket's passengers (all not yet seen, or those named) and marks no-shows, conditional on the
     * booking's boarding revision and on room aboard; a conflicting write meanwhile is decided again.
     */
    async checkIn(request: CheckInRequest, actor: Principal): Promise<CheckInResult> {
      const { bookingId, signed } = referenceOf(request.code);
      for (let attempt = 1; ; attempt++) {
        const booking = await store.getBooking(bookingId);
        if (signed && (!booking?.ticket || !sameText(booking.ticket.code, request.code))) {
          // Well-formed but not what we issued for this booking: forged, altered, or reissued since.
          throw new PierRefusal('invalid-ticket', 'This ticket code was not issued by the booking service.');
        }
        if (!booking) throw new PierRefusal('unknown-ticket', `There is no booking ${bookingId}.`);
        // Another company's ticket tells this operator nothing of its trip, not even that it is another one.
        assertActsFor(actor, booking.departure.operator.id);
        if (request.departureId && request.departureId !== booking.departure.id) {
          throw new PierRefusal(
            'wrong-departure',
            `This ticket is for ${booking.departure.boat.name} at ${booking.departure.departsAt}, not this departure.`,
            { ticketDepartureId: booking.departure.id },
          );
        }
        const departure = await store.getDeparture(booking.departure.id);
        if (!departure)
          throw new PierRefusal('departure-not-found', `There is no departure ${booking.departure.id}.`);
        assertActsFor(actor, departure.operatorId);
        if (booking.status === 'on_hold')
          throw new PierRefusal('ticket-not-paid', 'This booking has not been paid.');
        if (booking.status === 'expired') {
          throw new PierRefusal('ticket-expired', 'This booking expired unpaid: it holds no seat.');
        }
        if (booking.status === 'cancelled') {
          throw new PierRefusal(
            'ticket-cancelled',
            `This booking was cancelled on ${booking.cancelledAt ?? '?'}.`,
          );
        }
        const closed = boardingClosedReason(departure);
        if (closed) throw new PierRefusal('boarding-closed', closed);
        if (booking.passengers.length === 0) {
          throw new PierRefusal('invalid-passenger', "This booking's passenger names have been erased.");
        }

        const now = clock().toISOString();
        const by = staffRefOf(actor);
        const boarding: (Boarding | null)[] = booking.passengers.map(
          (_, index) => booking.boarding?.[index] ?? null,
        );
        for (const index of [...(request.passengers ?? []), ...(request.noShow ?? [])]) {
          if (index >= booking.passengers.length) {
            throw new PierRefusal(
              'invalid-passenger',
              `This booking has ${booking.passengers.length} passengers.`,
            );
          }
        }
        const toBoard =
          request.passengers ??
          (request.noShow ? [] : boarding.flatMap((state, index) => (state === null ? [index] : [])));
        const alreadyAboard = [...toBoard, ...(request.noShow ?? [])].filter(
          (index) => boarding[index]?.state === 'aboard',
        );
        if (alreadyAboard.length > 0 || (toBoard.length === 0 && !request.noShow?.length)) {
          const first =
            boarding.find((state) => state?.state === 'aboard') ?? boarding.find((state) => state !== null);
          throw new PierRefusal(
            'already-checked-in',
            first
              ? `Already checked in at ${first.at} by ${first.by.email ?? first.by.subject}.`
              : 'Every passenger of this booking has been seen already.',
            first ? { checkedInAt: first.at, checkedInBy: first.by.email ?? first.by.subject } : {},
          );
        }
        for (const index of toBoard) boarding[index] = { state: 'aboard', at: now, by };
        for (const index of request.noShow ?? []) boarding[index] = { state: 'no-show', at: now, by };
        if (departure.aboard + toBoard.length > departure.capacity) {
          throw new PierRefusal(
            'boat-full',
            `The boat is full: ${departure.aboard} of ${departure.capacity} aboard, ${toBoard.length} more asked.`,
            { aboard: departure.aboard, capacity: departure.capacity },
          );
        }

        const outcome = await store.recordBoarding(booking, departure, boarding, toBoard.length, now);
        if (outcome.done) {
          const stored: Booking = {
            ...booking,
            boarding,
            status: toBoard.length > 0 || booking.status === 'redeemed' ? 'redeemed' : booking.status,
          };
          return {
            booking: {
              id: booking.id,
              status: stored.status === 'redeemed' ? 'redeemed' : 'confirmed',
              channel: booking.channel,
              passengers: pierPassengers(stored),
            },
            boarded: toBoard.length,
            departure: departureCount({ ...departure, aboard: departure.aboard + toBoard.length }),
          };
        }
        // Another scanner, a counter or the authority wrote meanwhile: decide again on what is stored now.
        if (attempt >= MAX_ATTEMPTS) throw new PierRefusal('departure-changed', 'Too busy: scan again.');
      }
    },

    /**
     * Every passenger of a departure, for its company's staff and the port authority, written to the audit log
     * before it is answered (a read that cannot be recorded is not answered).
     */
    async manifest(
      departureId: string,
      actor: Principal,
      how: { format: 'json' | 'csv' | 'page'; from: AuditEntry['from'] },
    ): Promise<Manifest> {
      const departure = await departureFor(store, departureId, actor);
      const onBoard = await store.bookingsOf(departure);
      const rows: ManifestRow[] = onBoard
        .filter((booking) => booking.status === 'confirmed' || booking.status === 'redeemed')
        .flatMap((booking) =>
          booking.passengers.map((passenger: Passenger, index) => {
            const state = booking.boarding?.[index] ?? null;
            return {
              bookingId: booking.id,
              channel: booking.channel,
              index,
              fullName: passenger.fullName,
              documentType: passenger.documentType,
              documentNumber: passenger.documentNumber,
              nationality: passenger.nationality,
              category: passenger.category,
              ...(passenger.guardian && { guardian: passenger.guardian }),
              state: state?.state ?? 'expected',
              ...(state?.state === 'aboard' && { checkedInAt: state.at }),
            };
          }),
        );
      await audit.record({
        actor: auditActor(actor),
        action: how.format === 'csv' ? 'manifest.export' : 'manifest.view',
        resource: { type: 'departure-manifest', id: departure.id },
        detail: { format: how.format, rows: rows.length },
        from: how.from,
      });
      return {
        departure: {
          id: departure.id,
          routeId: departure.routeId,
          portId: departure.portId,
          departsAt: departure.departsAt,
          localDate: departure.localDate,
          operator: { id: departure.operatorId, name: departure.operatorName },
          boat: { id: departure.boatId, name: departure.boatName },
          status: departure.status,
          capacity: departure.capacity,
          booked: bookedSeats(departure),
          aboard: departure.aboard,
          walkUps: departure.walkUps,
          ...(departure.crew && { crew: departure.crew }),
          ...(departure.clearance && { clearance: departure.clearance }),
          ...(departure.departedAt && { departedAt: departure.departedAt }),
        },
        passengers: rows,
        generatedAt: clock().toISOString(),
      };
    },

    ...createCounterSales(parts, clock),
    ...createClearanceDesk(parts, clock),
  };
}

export type PierService = ReturnType<typeof createPierService>;
