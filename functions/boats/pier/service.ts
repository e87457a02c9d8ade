/**
 * The rules of the pier: boarding a ticket (check-in), selling at the counter (walk-ups), the passenger
 * manifest, the crew of a trip, and the port authority's clearance and departure. Whatever the interleaving of
 * scanners, counters and the authority, nobody boards beyond the boat's certified capacity, nobody boards twice,
 * nobody boards a departure that is cleared, left or stopped, and a departure leaves only once cleared.
 * Weather bans are in bans.ts. No HTTP and no SDK types here.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { type AuditEntry, type AuditLog, auditActor } from '../../platform/audit/log.js';
import { hasAnyRole, type Principal } from '../../platform/auth/principal.js';
import type { Boarding, Booking, Passenger } from '../bookings/model.js';
import type { BookingsService } from '../bookings/service.js';
import { newBookingReference } from '../bookings/service.js';
import type { Clearance, ClearanceCheck, Departure, StaffRef } from '../departures/model.js';
import { assertActsFor } from '../fleet/service.js';
import type { FleetStore } from '../fleet/store.js';
import { TicketClaims } from '../tickets/codes.js';
import { banCovers } from './ban-rules.js';
import type {
  Ban,
  CheckInRequest,
  CheckInResult,
  ClearanceRequest,
  ClearanceView,
  CrewRequest,
  Manifest,
  ManifestRow,
  WalkUpRequest,
  WalkUpResult,
} from './model.js';
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
      | 'ban-not-found',
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface PierServiceParts {
  store: PierStore;
  fleet: FleetStore;
  bookings: Pick<BookingsService, 'priceParty'>;
  /** Where every read of a manifest is recorded before it is answered. */
  audit: Pick<AuditLog, 'record'>;
  /** The bans in force, for the clearance's weather check (bans.ts). */
  bans: () => Promise<Ban[]>;
}

const MAX_ATTEMPTS = 5;
const BOOKING_REFERENCE = /^[A-Z0-9]{6,20}$/;

export const staffRefOf = (principal: Principal): StaffRef => ({
  subject: principal.subject,
  ...(principal.email && { email: principal.email }),
});

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

export const boardedCount = (booking: Pick<Booking, 'boarding'>) =>
  (booking.boarding ?? []).filter((state) => state?.state === 'aboard').length;

export const bookedSeats = (departure: Departure) => departure.held + departure.sold;

function departureCount(departure: Departure) {
  return {
    id: departure.id,
    capacity: departure.capacity,
    aboard: departure.aboard,
    booked: bookedSeats(departure),
  };
}

/** Why nobody may board this departure now, or null while boarding is open. */
function boardingClosedReason(departure: Departure): string | null {
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

export function createPierService(
  { store, fleet, bookings, audit, bans }: PierServiceParts,
  clock: () => Date = () => new Date(),
) {
  async function departureFor(id: string, actor: Principal): Promise<Departure> {
    const departure = await store.getDeparture(id);
    if (!departure) throw new PierRefusal('departure-not-found', `There is no departure ${id}.`);
    assertActsFor(actor, departure.operatorId);
    return departure;
  }

  /** The checks the port authority sees before clearing a departure, computed from what is stored now. */
  async function clearanceChecks(departure: Departure): Promise<ClearanceCheck[]> {
    const [boat, onBoard, inForce] = await Promise.all([
      fleet.getBoat(departure.boatId),
      store.bookingsOf(departure),
      bans(),
    ]);
    const named = onBoard
      .filter((booking) => booking.status === 'redeemed')
      .reduce(
        (sum, booking) =>
          sum +
          (booking.boarding ?? []).filter(
            (state, index) => state?.state === 'aboard' && (booking.passengers[index]?.fullName ?? '') !== '',
          ).length,
        0,
      );
    const ban = inForce.find((candidate) => banCovers(candidate, departure));
    const certificateValid = boat !== null && boat.safetyCertificateExpiresOn >= departure.localDate;
    return [
      {
        id: 'certificate',
        passed: certificateValid,
        detail: boat
          ? `Safety certificate of ${boat.name} valid until ${boat.safetyCertificateExpiresOn}.`
          : `The boat ${departure.boatId} is not in the fleet register.`,
      },
      {
        id: 'manifest-complete',
        passed: named === departure.aboard,
        detail: `${named} of ${departure.aboard} people aboard are named in the manifest.`,
      },
      {
        id: 'capacity',
        passed: departure.aboard <= departure.capacity,
        detail: `${departure.aboard} aboard, certified for ${departure.capacity}.`,
      },
      {
        id: 'no-weather-ban',
        passed: departure.status !== 'suspended' && !ban,
        detail:
          departure.status === 'suspended' || ban
            ? `Suspended: ${departure.suspension?.reason ?? ban?.reason} until ${departure.suspension?.until ?? ban?.until}.`
            : 'No weather ban covers this departure.',
      },
      {
        id: 'crew-recorded',
        passed: departure.crew !== undefined,
        detail: departure.crew
          ? `Captain ${departure.crew.captain.fullName} and ${departure.crew.members.length} crew.`
          : 'No crew recorded for this trip.',
      },
    ];
  }

  return {
    /** One departure as its company's staff and the port authority see it at the pier (the staff pages). */
    departure: departureFor,

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

    /** A sale at the pier counter, into the same manifest and against the same capacity as every booking. */
    async sellAtCounter(
      departureId: string,
      request: WalkUpRequest,
      actor: Principal,
    ): Promise<WalkUpResult> {
      const receiptNumber = request.payment.receiptNumber.toUpperCase();
      for (let attempt = 1; ; attempt++) {
        const departure = await departureFor(departureId, actor);
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

    /**
     * Every passenger of a departure, for its company's staff and the port authority, written to the audit log
     * before it is answered (a read that cannot be recorded is not answered).
     */
    async manifest(
      departureId: string,
      actor: Principal,
      how: { format: 'json' | 'csv' | 'page'; from: AuditEntry['from'] },
    ): Promise<Manifest> {
      const departure = await departureFor(departureId, actor);
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

    async recordCrew(departureId: string, request: CrewRequest, actor: Principal): Promise<Departure> {
      const departure = await departureFor(departureId, actor);
      const crew = { ...request, recordedAt: clock().toISOString(), recordedBy: staffRefOf(actor) };
      if (!(await store.recordCrew(departure, crew))) {
        throw new PierRefusal(
          'boarding-closed',
          'The crew cannot change once the departure is cleared or has left.',
        );
      }
      return { ...departure, crew };
    },

    /** The checks and the decision so far, for the authority and the company's staff. */
    async clearance(departureId: string, actor: Principal): Promise<ClearanceView> {
      const departure = await departureFor(departureId, actor);
      const checks = await clearanceChecks(departure);
      return {
        departureId: departure.id,
        checks,
        clearable:
          !departure.departedAt && departure.status === 'open' && checks.every((check) => check.passed),
        ...(departure.clearance && { clearance: departure.clearance }),
        ...(departure.departedAt && { departedAt: departure.departedAt }),
      };
    },

    /** The port authority clears a departure (only while every check passes) or refuses it, with a reason. */
    async decideClearance(
      departureId: string,
      request: ClearanceRequest,
      actor: Principal,
    ): Promise<ClearanceView> {
      if (!hasAnyRole(actor, ['manager'])) {
        throw new PierRefusal('forbidden', 'Only the port authority clears departures.');
      }
      const departure = await departureFor(departureId, actor);
      if (departure.departedAt) throw new PierRefusal('boarding-closed', 'This boat has left.');
      const checks = await clearanceChecks(departure);
      const failed = checks.filter((check) => !check.passed);
      if (request.decision === 'cleared' && failed.length > 0) {
        throw new PierRefusal(
          'clearance-checks-failed',
          `Not cleared while a check fails: ${failed.map((check) => check.detail).join(' ')}`,
          { failedChecks: failed.map((check) => check.id) },
        );
      }
      const clearance: Clearance = {
        decision: request.decision,
        reason: request.reason,
        at: clock().toISOString(),
        by: staffRefOf(actor),
        checks,
      };
      if (!(await store.recordClearance(departure, clearance))) {
        throw new PierRefusal(
          'departure-changed',
          'The departure changed while its checks were computed (someone boarded, or it left): look again.',
        );
      }
      return {
        departureId,
        checks,
        clearable: failed.length === 0,
        clearance,
      };
    },

    /** The boat leaves: only a cleared departure. */
    async markDeparted(departureId: string, actor: Principal): Promise<Departure> {
      const departure = await departureFor(departureId, actor);
      if (departure.departedAt) return departure;
      const at = clock().toISOString();
      const by = staffRefOf(actor);
      if (!(await store.markDeparted(departure, at, by))) {
        throw new PierRefusal(
          'not-cleared',
          'A departure leaves only once the port authority has cleared it.',
        );
      }
      return { ...departure, departedAt: at, departedBy: by };
    },
  };

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
}

export type PierService = ReturnType<typeof createPierService>;
