/**
 * The messages a tourist receives about a booking, in the booking's language: for now the confirmation, with
 * the link to the ticket page (a second key to the booking) and what to bring to the pier.
 */

import type { Language } from '../../platform/language.js';
import type { OutgoingMessage } from '../../platform/messages/port.js';
import { formatVnd } from '../../platform/money.js';
import type { LocalizedText } from '../catalogue/model.js';
import { passengerCategoryNames } from '../departures/category-names.js';
import type { Booking } from './model.js';

const wording = {
  vi: {
    subject: (booking: Booking, when: string) => `Đã xác nhận vé tàu ${booking.id} — ${when}`,
    greeting:
      'Cảm ơn bạn đã đặt chuyến tham quan vịnh Hạ Long. Thanh toán đã được nhận, vé của bạn đã sẵn sàng.',
    reference: 'Mã đặt chỗ',
    trip: 'Chuyến',
    route: (id: number) => `Tuyến ${id}`,
    departs: 'Khởi hành',
    port: 'Cảng',
    boat: 'Tàu',
    passengers: 'Hành khách',
    total: 'Tổng đã thanh toán',
    ticket: 'Vé và mã QR (xem, in hoặc huỷ chuyến)',
    bring:
      'Mang theo giấy tờ tuỳ thân (CCCD, mã định danh hoặc hộ chiếu) của mọi hành khách và đến cảng ít nhất 30 phút trước giờ khởi hành. Người giám hộ mang giấy tờ của trẻ em.',
    keep: 'Đường dẫn trên là chìa khoá đặt chỗ của bạn: đừng chia sẻ với người khác.',
  },
  en: {
    subject: (booking: Booking, when: string) => `Boat ticket ${booking.id} confirmed — ${when}`,
    greeting:
      'Thank you for booking a Hạ Long Bay trip. Your payment has been received and your ticket is ready.',
    reference: 'Booking reference',
    trip: 'Trip',
    route: (id: number) => `Route ${id}`,
    departs: 'Departs',
    port: 'Port',
    boat: 'Boat',
    passengers: 'Passengers',
    total: 'Total paid',
    ticket: 'Ticket and QR code (view, print or cancel)',
    bring:
      "Bring every passenger's identity document (citizen ID or passport) and be at the port at least 30 minutes before departure. Guardians bring the children's documents.",
    keep: 'The link above is the key to your booking: do not share it.',
  },
} as const;

/** Money in the message's language, written as the site writes it. */
export const vnd = (amount: number, language: Language) => formatVnd(amount, language);

/** "Thứ Ba, 24 tháng 11, 2026 lúc 08:00" / "Tuesday, 24 November 2026 at 08:00", in Hạ Long time. */
export function departureTime(departsAt: string, language: Language): string {
  return new Intl.DateTimeFormat(language === 'vi' ? 'vi-VN' : 'en-GB', {
    timeZone: 'Asia/Ho_Chi_Minh',
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(new Date(departsAt));
}

/** The confirmation e-mail; null for a booking whose contact has been erased (long after its trip). */
export function confirmationMessage(
  booking: Booking,
  ticketUrl: string,
  portName: LocalizedText | null,
): OutgoingMessage | null {
  const contact = booking.contact;
  if (!contact) return null;
  const language = booking.language;
  const t = wording[language];
  const when = departureTime(booking.departure.departsAt, language);
  const lines = booking.lines.map(
    (line) =>
      `  ${line.quantity} × ${passengerCategoryNames[language][line.category]} — ${vnd(line.amount, language)}`,
  );
  const text = [
    t.greeting,
    '',
    `${t.reference}: ${booking.id}`,
    `${t.trip}: ${t.route(booking.departure.routeId)}, ${booking.departure.operator.name}`,
    `${t.departs}: ${when}`,
    `${t.port}: ${portName ? portName[language] : booking.departure.portId}`,
    `${t.boat}: ${booking.departure.boat.name}`,
    `${t.passengers}:`,
    ...lines,
    `${t.total}: ${vnd(booking.total, language)}`,
    '',
    `${t.ticket}:`,
    ticketUrl,
    '',
    t.bring,
    t.keep,
  ].join('\n');
  return {
    kind: 'booking-confirmation',
    to: { email: contact.email },
    subject: t.subject(booking, when),
    text,
    reference: booking.id,
  };
}

const linkWording = {
  vi: {
    subject: (booking: Booking, when: string) => `Đường dẫn mới tới đặt chỗ ${booking.id} — ${when}`,
    intro:
      'Ai đó (có lẽ là bạn) đã yêu cầu đường dẫn tới đặt chỗ này trên trang web. Đây là đường dẫn mới; đường dẫn trong thư trước không còn dùng được.',
    open: 'Mở đặt chỗ (vé, mã QR, huỷ chuyến)',
    notYou: 'Nếu không phải bạn yêu cầu, hãy bỏ qua thư này: đặt chỗ của bạn không thay đổi.',
  },
  en: {
    subject: (booking: Booking, when: string) => `A new link to booking ${booking.id} — ${when}`,
    intro:
      'Someone (probably you) asked for a link to this booking on the website. Here is a new one; the link in earlier messages no longer works.',
    open: 'Open the booking (ticket, QR code, cancellation)',
    notYou: 'If it was not you, ignore this message: your booking has not changed.',
  },
} as const;

/** The fresh link asked for on "find my booking", in the language the visitor asked in. */
export function bookingLinkMessage(
  booking: Booking,
  url: string,
  language: Language,
): OutgoingMessage | null {
  const email = booking.contact?.email;
  if (!email) return null;
  const t = { ...wording[language], ...linkWording[language] };
  const when = departureTime(booking.departure.departsAt, language);
  return {
    kind: 'booking-link',
    to: { email },
    subject: t.subject(booking, when),
    text: [
      t.intro,
      '',
      `${t.reference}: ${booking.id}`,
      `${t.departs}: ${when}`,
      '',
      `${t.open}:`,
      url,
      '',
      t.keep,
      t.notYou,
    ].join('\n'),
    reference: booking.id,
  };
}
