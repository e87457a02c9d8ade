/**
 * The message a visitor receives when a weather ban cancels their trip, in the booking's language: what was
 * cancelled and why, the refund, and a link to choose another departure.
 */
import type { OutgoingMessage } from '../../platform/messages/port.js';
import { departureTime, vnd } from '../bookings/messages.js';
import type { Booking } from '../bookings/model.js';

const wording = {
  vi: {
    subject: (booking: Booking) => `Chuyến tàu ${booking.id} bị huỷ do thời tiết`,
    cancelled: (when: string, boat: string) =>
      `Chuyến tàu ${boat} khởi hành ${when} đã bị huỷ: cơ quan cảng vụ tạm dừng các chuyến vì thời tiết.`,
    reason: 'Lý do',
    until: 'Tạm dừng đến',
    refundOnline: (amount: string) =>
      `Bạn được hoàn lại toàn bộ ${amount} về phương thức thanh toán đã dùng (thường trong 5–10 ngày).`,
    refundCounter: (amount: string) => `Bạn được hoàn lại toàn bộ ${amount} tại quầy vé ở cảng.`,
    rebook: 'Chọn chuyến khác',
    held: (when: string, until: string) =>
      `Chúng tôi đã giữ chỗ cho đoàn của bạn trên chuyến ${when}, đến ${until}. Xem và thanh toán`,
    sorry: 'Chúng tôi rất tiếc về sự bất tiện này. An toàn của hành khách là trên hết.',
  },
  en: {
    subject: (booking: Booking) => `Boat trip ${booking.id} cancelled because of the weather`,
    cancelled: (when: string, boat: string) =>
      `Your trip on ${boat} departing ${when} has been cancelled: the port authority has stopped departures because of the weather.`,
    reason: 'Reason',
    until: 'Stopped until',
    refundOnline: (amount: string) =>
      `You are refunded the full ${amount} to the payment method you used (usually within 5–10 days).`,
    refundCounter: (amount: string) =>
      `You are refunded the full ${amount} at the ticket counter at the pier.`,
    rebook: 'Choose another departure',
    held: (when: string, until: string) =>
      `We are holding seats for your party on the departure of ${when} until ${until}. See and pay`,
    sorry: 'We are sorry for the inconvenience. Passengers’ safety comes first.',
  },
} as const;

/** Null when the booking has no e-mail to write to (a walk-up who gave none, or erased contact). */
export function banCancellationMessage(
  booking: Booking,
  ban: { reason: string; until: string },
  refunded: number,
  rebookUrl: string,
  held: { departsAt: string; holdExpiresAt: string } | null = null,
): OutgoingMessage | null {
  const email = booking.contact?.email;
  if (!email) return null;
  const words = wording[booking.language];
  const refund =
    refunded > 0
      ? booking.channel === 'counter'
        ? words.refundCounter(vnd(refunded, booking.language))
        : words.refundOnline(vnd(refunded, booking.language))
      : '';
  const text = [
    words.cancelled(
      departureTime(booking.departure.departsAt, booking.language),
      booking.departure.boat.name,
    ),
    `${words.reason}: ${ban.reason}`,
    `${words.until}: ${departureTime(ban.until, booking.language)}`,
    refund,
    held
      ? `${words.held(departureTime(held.departsAt, booking.language), departureTime(held.holdExpiresAt, booking.language))}: ${rebookUrl}`
      : `${words.rebook}: ${rebookUrl}`,
    words.sorry,
  ]
    .filter((line) => line !== '')
    .join('\n\n');
  return {
    kind: 'booking-cancelled-weather',
    to: { email },
    subject: words.subject(booking),
    text,
    reference: booking.id,
  };
}
