/**
 * Paying for a booking and giving money back: the checkout (the amount always from the stored booking),
 * the payment provider's notifications applied exactly once whatever their number and order, and
 * cancellation under the editable policy with its refund. Works through the payments port only.
 */
import type { Logger } from '../../platform/logger.js';
import type { MessagesPort } from '../../platform/messages/port.js';
import type { PaymentEvent, PaymentsPort } from '../../platform/payments/port.js';
import type { Signer } from '../../platform/signing/port.js';
import {
  applyChange,
  type Booking,
  type BookingChange,
  type BookingLinkRequest,
  type Refund,
} from '../bookings/model.js';
import type { BookingsService } from '../bookings/service.js';
import { newLinkToken } from '../bookings/service.js';
import type { BookingsStore } from '../bookings/store.js';
import { refundAmountFor, refundPercentFor } from '../catalogue/cancellation-policy.js';
import type { CatalogueStore } from '../catalogue/store.js';
import { passengerCategoryNames } from '../departures/category-names.js';
import { issueTicketCode } from '../tickets/codes.js';

/** Stripe keeps a Checkout Session open at least 30 minutes; a payment after the hold is handled below. */
const CHECKOUT_LIFETIME_MS = 30 * 60_000;

export class NotPayableError extends Error {
  override readonly name = 'NotPayableError';
}

export class NotCancellableError extends Error {
  override readonly name = 'NotCancellableError';
}

/** The refund the visitor confirmed is no longer what cancelling now grants (a tier of the policy ended). */
export class RefundChangedError extends Error {
  override readonly name = 'RefundChangedError';
  constructor(
    readonly expected: number,
    readonly now: number,
  ) {
    super(`Cancelling now refunds ${now} VND, not the ${expected} VND confirmed; nothing was cancelled.`);
  }
}

export interface ReturnAddresses {
  /** Where the tourist lands after paying, and after giving up the payment page. */
  successUrl(booking: Booking): string;
  cancelUrl(booking: Booking): string;
}

export interface PaymentsServiceParts {
  bookings: BookingsStore;
  catalogue: CatalogueStore;
  service: BookingsService;
  payments: PaymentsPort;
  signer: Signer;
  messages: MessagesPort;
  logger: Logger;
}

/** What applying a payment notification did, for the log and the tests. */
export type PaymentEventOutcome =
  | 'confirmed'
  | 'already-confirmed'
  | 'refunded-departure-full'
  | 'refunded-not-payable'
  | 'refunded-duplicate-payment'
  | 'hold-released'
  | 'ignored';

export function createPaymentsService(
  { bookings, catalogue, service, payments, signer, messages, logger }: PaymentsServiceParts,
  clock: () => Date = () => new Date(),
) {
  async function refundInFull(booking: Booking, paymentId: string, amount: number, reason: Refund['reason']) {
    const result = await payments.refund({
      paymentId,
      amount,
      idempotencyKey: `refund-${booking.id}-${paymentId}-${reason}`,
    });
    await bookings.addRefund(booking.id, {
      id: result.id,
      amount,
      percent: 100,
      createdAt: clock().toISOString(),
      reason,
    });
  }

  /** Tells the tourist, with the link to the ticket; a failure is logged, never undoes the confirmation. */
  async function sendConfirmation(booking: Booking, linkToken: string, origin: string) {
    const ticketUrl = `${origin}/${booking.language}/bookings/${booking.id}/?token=${linkToken}`;
    try {
      const port = (await catalogue.listPorts()).find(
        (candidate) => candidate.id === booking.departure.portId,
      );
      // The messages' wording in both languages loads with the first message, not at every cold start.
      const { confirmationMessage } = await import('../bookings/messages.js');
      const message = confirmationMessage(booking, ticketUrl, port?.name ?? null);
      if (message) await messages.send(message);
    } catch (error) {
      logger.error('confirmation message not sent', {
        bookingId: booking.id,
        error: error instanceof Error ? error.name : String(error),
      });
    }
  }

  async function applyCompleted(
    event: Extract<PaymentEvent, { kind: 'checkout-completed' }>,
    origin: string,
  ) {
    const booking = event.reference ? await bookings.getBooking(event.reference) : null;
    if (!booking || !event.paymentId) {
      logger.warn('payment for no known booking', { eventId: event.eventId, sessionId: event.sessionId });
      return 'ignored' as const;
    }
    if (!event.paid) return 'ignored' as const; // an asynchronous method still pending: wait for its success
    const paidAt = clock().toISOString();
    const payment = {
      ...booking.payment,
      paymentIntentId: event.paymentId,
      amountPaid: event.amount ?? 0,
      paidAt,
    };

    if (booking.status === 'confirmed' || booking.status === 'redeemed') {
      if (booking.payment.paymentIntentId === event.paymentId) return 'already-confirmed' as const;
      // Paid twice (two checkouts of one booking): the second payment goes back.
      await refundInFull(booking, event.paymentId, event.amount ?? booking.total, 'paid-after-hold-expired');
      return 'refunded-duplicate-payment' as const;
    }
    if (event.amount !== booking.total || event.currency?.toLowerCase() !== 'vnd') {
      logger.error('payment amount differs from the booking', {
        bookingId: booking.id,
        eventId: event.eventId,
      });
      await refundInFull(booking, event.paymentId, event.amount ?? 0, 'paid-after-hold-expired');
      return 'refunded-not-payable' as const;
    }
    if (booking.status === 'on_hold' || booking.status === 'expired') {
      const link = newLinkToken();
      const ticket = { code: await issueTicketCode(signer, booking, clock()), issuedAt: paidAt };
      const confirmed: BookingChange = {
        set: { status: 'confirmed', payment, confirmedAt: paidAt, ticket, linkTokenHash: link.hash },
      };
      const outcome =
        booking.status === 'on_hold'
          ? await bookings.confirmHeld(booking, confirmed)
          : await bookings.confirmReleased(booking, confirmed);
      if (outcome.done) {
        await sendConfirmation(applyChange(booking, confirmed), link.token, origin);
        return 'confirmed' as const;
      }
      if ('departureFull' in outcome) {
        await refundInFull(booking, event.paymentId, booking.total, 'paid-after-hold-expired');
        return 'refunded-departure-full' as const;
      }
      // The booking changed between our read and our write (the sweep ended the hold): decide again.
      return applyCompleted(event, origin);
    }
    // Cancelled while the payment page was open: nothing to sell any more.
    await refundInFull(booking, event.paymentId, booking.total, 'paid-after-hold-expired');
    return 'refunded-not-payable' as const;
  }

  return {
    /**
     * The checkout page for a booking on hold. A checkout already open for it is reused, so two clicks on
     * "Pay" cannot start two payments.
     */
    async startCheckout(
      id: string,
      accessToken: string,
      addresses: ReturnAddresses,
    ): Promise<{ url: string }> {
      const booking = await service.getBooking(id, accessToken);
      if (booking.status !== 'on_hold') {
        throw new NotPayableError(
          booking.status === 'confirmed'
            ? 'This booking is already paid.'
            : `This booking is ${booking.status}: book again to travel.`,
        );
      }
      const now = clock();
      const open = booking.payment;
      if (open.checkoutUrl && open.checkoutExpiresAt && open.checkoutExpiresAt > now.toISOString()) {
        return { url: open.checkoutUrl };
      }
      const session = await payments.createCheckout({
        reference: booking.id,
        metadata: { bookingId: booking.id, departureId: booking.departure.id },
        currency: 'vnd',
        lines: booking.lines.map((line) => ({
          name: `${passengerCategoryNames[booking.language][line.category]} · ${booking.departure.boat.name}, ${booking.departure.localDate}`,
          unitAmount: line.unitPrice,
          quantity: line.quantity,
        })),
        customerEmail: booking.contact?.email,
        locale: booking.language,
        successUrl: addresses.successUrl(booking),
        cancelUrl: addresses.cancelUrl(booking),
        expiresAt: new Date(now.getTime() + CHECKOUT_LIFETIME_MS),
        idempotencyKey: `checkout-${booking.id}-${now.getTime()}`,
      });
      const outcome = await bookings.recordCheckout(booking, {
        checkoutSessionId: session.id,
        checkoutUrl: session.url,
        checkoutExpiresAt: session.expiresAt,
      });
      if (!outcome.done)
        throw new NotPayableError('This booking changed while the payment page was prepared.');
      return { url: session.url };
    },

    /**
     * Applies one verified notification; replays and late or reordered deliveries change nothing twice.
     * `origin` is the site's address, for the link in the confirmation message.
     */
    async applyPaymentEvent(event: PaymentEvent, origin: string): Promise<PaymentEventOutcome> {
      if (event.kind === 'checkout-completed') return applyCompleted(event, origin);
      if (event.kind === 'checkout-expired' && event.reference) {
        const booking = await bookings.getBooking(event.reference);
        // Only the booking's current checkout ends its hold; an older, abandoned one does not.
        if (booking?.status !== 'on_hold' || booking.payment.checkoutSessionId !== event.sessionId) {
          return 'ignored';
        }
        const released: BookingChange = { set: { status: 'expired', expiredAt: clock().toISOString() } };
        const outcome = await bookings.releaseHold(booking, released);
        return outcome.done ? 'hold-released' : 'ignored';
      }
      return 'ignored';
    },

    /**
     * Cancels for the token holder: a hold simply ends; a confirmed booking is refunded as the policy says
     * for this moment, then its seats return to sale. The refund is asked first, under an idempotency key,
     * so a retry after any failure neither refunds twice nor leaves seats sold without the money.
     */
    /**
     * "Find my booking": when the reference and the e-mail address match a booking, its link is renewed and the
     * new one sent to that address; otherwise nothing happens. Whoever calls learns nothing either way — the
     * booking is only ever opened from the address it was booked with.
     */
    async sendBookingLink(request: BookingLinkRequest, origin: string): Promise<void> {
      const booking = await bookings.getBooking(request.reference);
      const email = booking?.contact?.email;
      if (!booking || !email || email.toLowerCase() !== request.email.toLowerCase()) {
        logger.info('booking link not sent: no booking with that reference and e-mail', {
          reference: request.reference,
        });
        return;
      }
      const link = newLinkToken();
      if (!(await bookings.replaceLinkToken(booking.id, link.hash))) return;
      const url = `${origin}/${request.language}/bookings/${booking.id}/?token=${link.token}`;
      const { bookingLinkMessage } = await import('../bookings/messages.js');
      const message = bookingLinkMessage(booking, url, request.language);
      if (message) await messages.send(message);
    },

    /**
     * Cancels the booking. With `expectedRefund` (what the visitor was shown and confirmed), a paid booking is
     * cancelled only while cancelling still refunds exactly that; otherwise nothing changes (RefundChangedError).
     */
    async cancelBooking(
      id: string,
      accessToken: string,
      { expectedRefund }: { expectedRefund?: number } = {},
    ): Promise<Booking> {
      const booking = await service.getBooking(id, accessToken);
      const now = clock();
      if (booking.status === 'on_hold') {
        const cancellation: BookingChange = { set: { status: 'cancelled', cancelledAt: now.toISOString() } };
        const outcome = await bookings.releaseHold(booking, cancellation);
        if (!outcome.done) throw new NotCancellableError('This booking changed meanwhile; reload it.');
        return applyChange(booking, cancellation);
      }
      if (booking.status !== 'confirmed') {
        throw new NotCancellableError(`This booking is ${booking.status} and cannot be cancelled.`);
      }
      if (booking.departure.departsAt <= now.toISOString()) {
        throw new NotCancellableError('The boat has already left: a trip cannot be cancelled afterwards.');
      }
      const policy = await catalogue.getCancellationPolicy();
      const percent = policy ? refundPercentFor(policy, booking.departure.departsAt, now) : 0;
      const amount = refundAmountFor(booking.payment.amountPaid ?? booking.total, percent);
      if (expectedRefund !== undefined && expectedRefund !== amount) {
        throw new RefundChangedError(expectedRefund, amount);
      }
      const cancellation: BookingChange = { set: { status: 'cancelled', cancelledAt: now.toISOString() } };
      if (amount > 0 && booking.payment.paymentIntentId) {
        const result = await payments.refund({
          paymentId: booking.payment.paymentIntentId,
          amount,
          idempotencyKey: `refund-${booking.id}-cancellation`,
        });
        const reason = 'cancelled-by-tourist';
        cancellation.refund = { id: result.id, amount, percent, createdAt: now.toISOString(), reason };
      }
      const outcome = await bookings.cancelConfirmed(booking, cancellation);
      if (!outcome.done) {
        if (outcome.current?.status === 'cancelled') return outcome.current;
        throw new NotCancellableError('This booking changed meanwhile; reload it.');
      }
      return applyChange(booking, cancellation);
    },
  };
}

export type PaymentsService = ReturnType<typeof createPaymentsService>;
