/**
 * What the site's booking pages read and do, in-process: the departure being booked, the booking made from
 * the form (through the same service as POST /api/bookings), a booking shown to the holder of its token (kept
 * in an HttpOnly cookie per booking), the cancellation policy, and the ticket's QR code drawn on the server.
 */
import {
  type Booking,
  BookingNotFoundError,
  type BookingRequest,
  type BookingsService,
  type CancellationPolicy,
  type CatalogueService,
  DepartureClosedError,
  DepartureNotFoundError,
  type DepartureOffer,
  type DeparturesService,
  IdempotencyKeyReusedError,
  MAX_PASSENGERS_PER_BOOKING,
  refundAmountFor,
  refundPercentFor,
  SoldOutError,
} from '../boats/index.js';
import { newFormKey, passengerField, readBookingForm, readParty } from './booking-form.js';

export type CreateOutcome =
  | { kind: 'created'; id: string; accessToken: string }
  | { kind: 'sold-out'; seatsLeft: number }
  | { kind: 'closed' }
  | { kind: 'unknown-departure' }
  /** The form was sent before with other details (edited after going back): sent again, it makes a new booking. */
  | { kind: 'form-reused' };

/** The cookie holding a booking's access token for the browser that made it (or opened its link). */
export const bookingCookieName = (bookingId: string) => `hl_booking_${bookingId}`;

export function bookingCookie(
  bookingId: string,
  token: string,
  secure: boolean,
  maxAgeSeconds: number,
): string {
  return [
    `${bookingCookieName(bookingId)}=${token}`,
    'Path=/',
    `Max-Age=${Math.max(0, Math.round(maxAgeSeconds))}`,
    'HttpOnly',
    'SameSite=Lax',
    ...(secure ? ['Secure'] : []),
  ].join('; ');
}

/** The booking keys a browser carries in its Cookie header: reference → token, at most `limit` of them. */
export function bookingCookiesOf(cookieHeader: string | null, limit = 20): Map<string, string> {
  const found = new Map<string, string>();
  for (const part of (cookieHeader ?? '').split(';')) {
    const match = /^\s*hl_booking_(HL[0-9A-Z]{8})=([^;\s]+)\s*$/.exec(part);
    if (match?.[1] && match[2] && found.size < limit) found.set(match[1], match[2]);
  }
  return found;
}

/** Whether a held booking is the same request as `request`: the same people, documents and contact. */
export function sameParty(booking: Booking, request: BookingRequest): boolean {
  const person = (passenger: BookingRequest['passengers'][number]) =>
    [
      passenger.category,
      passenger.fullName.trim().toLowerCase(),
      passenger.documentType,
      passenger.documentNumber,
    ]
      .join('|')
      .toUpperCase();
  const people = (passengers: readonly BookingRequest['passengers'][number][]) =>
    passengers.map(person).sort();
  return (
    booking.contact?.email.toLowerCase() === request.contact.email.toLowerCase() &&
    JSON.stringify(people(booking.passengers)) === JSON.stringify(people(request.passengers))
  );
}

/** How long the browser keeps a booking's cookie: until 30 days after the trip. */
export function bookingCookieLifetime(departsAt: string, now: Date): number {
  return (Date.parse(departsAt) - now.getTime()) / 1000 + 30 * 86_400;
}

export function createSiteBookings(
  service: BookingsService,
  departures: DeparturesService,
  catalogue: CatalogueService,
  settings: { holdMinutes: number },
  clock: () => Date = () => new Date(),
) {
  /** The form and cookie helpers of the booking pages: plain functions, used while a page renders. */
  const pageTools = {
    holdMinutes: settings.holdMinutes,
    /** The most passengers one booking takes (the booking request's own limit). */
    maxPassengers: MAX_PASSENGERS_PER_BOOKING,
    readParty,
    readBookingForm,
    newFormKey,
    passengerField,
    cookieName: bookingCookieName,
    /** The Set-Cookie value keeping `token` for this booking in this browser until 30 days after the trip. */
    cookieFor: (bookingId: string, token: string, secure: boolean, departsAt: string) =>
      bookingCookie(bookingId, token, secure, bookingCookieLifetime(departsAt, clock())),
  };
  async function forHolder(id: string, token: string | undefined): Promise<Booking | null> {
    if (!token) return null;
    try {
      return await service.getBooking(id, token);
    } catch (error) {
      if (error instanceof BookingNotFoundError) return null;
      throw error;
    }
  }

  return {
    // Offered here so that pages import only types from functions/ (a value import would bundle a second copy of
    // the module graph into Astro's server build); async, like every member, so the module loads late.
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    async offer(departureId: string): Promise<DepartureOffer | null> {
      try {
        return await departures.getDepartureOffer(departureId);
      } catch (error) {
        if (error instanceof DepartureNotFoundError) return null;
        throw error;
      }
    },

    async create(request: BookingRequest, idempotencyKey: string): Promise<CreateOutcome> {
      try {
        const { booking } = await service.createBooking(request, idempotencyKey);
        return { kind: 'created', id: booking.id, accessToken: booking.accessToken as string };
      } catch (error) {
        if (error instanceof SoldOutError) return { kind: 'sold-out', seatsLeft: error.seatsLeft };
        if (error instanceof DepartureClosedError) return { kind: 'closed' };
        if (error instanceof DepartureNotFoundError) return { kind: 'unknown-departure' };
        if (error instanceof IdempotencyKeyReusedError) return { kind: 'form-reused' };
        throw error;
      }
    },

    /** The booking when `token` opens it; null for an unknown reference or a wrong token alike. */
    forHolder,

    /**
     * The seats this browser still holds on a departure, unpaid: from the booking cookies it carries (the form
     * sent again after going back must not hold a second set of seats; the visitor is offered the first).
     */
    async liveHoldsOn(departureId: string, cookieHeader: string | null): Promise<Booking[]> {
      const now = clock().getTime();
      const held = await Promise.all(
        [...bookingCookiesOf(cookieHeader)].map(([id, token]) => forHolder(id, token)),
      );
      return held.filter(
        (booking): booking is Booking =>
          booking !== null &&
          booking.status === 'on_hold' &&
          booking.departure.id === departureId &&
          Date.parse(booking.holdExpiresAt) > now,
      );
    },

    /** The held booking among `holds` that is this very request, if any. */
    async sameRequestAmong(holds: readonly Booking[], request: BookingRequest): Promise<Booking | null> {
      return holds.find((booking) => sameParty(booking, request)) ?? null;
    },

    /** What cancelling now would refund, by the policy in force. */
    async refundIfCancelledNow(booking: Booking): Promise<{ percent: number; amount: number }> {
      const policy: CancellationPolicy | null = await catalogue.getCancellationPolicy();
      const percent = policy ? refundPercentFor(policy, booking.departure.departsAt, clock()) : 0;
      return { percent, amount: refundAmountFor(booking.payment.amountPaid ?? booking.total, percent) };
    },

    async cancellationPolicy(): Promise<CancellationPolicy | null> {
      return catalogue.getCancellationPolicy();
    },

    /** The ticket's QR code as an SVG document (what the pier's scanner reads). */
    async qrCodeSvg(ticketCode: string): Promise<string> {
      // Only the ticket's QR code needs the encoder, so it loads with the first one drawn (lean functions).
      const { qrCodeSvg } = await import('./qr-code.js');
      return qrCodeSvg(ticketCode);
    },
  };
}

export type SiteBookings = ReturnType<typeof createSiteBookings>;
