/**
 * Bookings as the API and the store see them: the request a tourist sends (passengers with their identity
 * documents, as the bay's passenger manifest has required since 10 December 2025), the stored booking with
 * its OCTO-style status, and the answers of the bookings API.
 */
import * as z from 'zod';
import { inconsistentTotal, totalIsSumOfParts } from '../../platform/totals.js';
import { PortId } from '../catalogue/model.js';
import { passengerCategories, StaffRef } from '../departures/model.js';
import { Slug } from '../fleet/model.js';

/** A booking holds at most this many seats; larger groups charter a whole boat through its company. */
export const MAX_PASSENGERS_PER_BOOKING = 20;

/** OCTO booking states; `redeemed` comes with check-in at the pier. */
export const BookingStatus = z
  .enum(['on_hold', 'confirmed', 'expired', 'cancelled', 'redeemed'])
  .meta({ id: 'BookingStatus' });

const PassengerCategory = z.enum(passengerCategories);
const childCategories: ReadonlySet<string> = new Set(['child-7-to-12', 'child-under-7']);

/** Children travel with at least one passenger who is not a child: whether a party's categories allow it. */
export function travelsWithGrownUp(categories: readonly string[]): boolean {
  return categories.some((category) => !childCategories.has(category));
}

const FullName = z
  .string()
  .trim()
  .min(2, 'the full name as written on the identity document')
  .max(100)
  .regex(/^[\p{L}\p{M}' .-]+$/u, 'letters, spaces, apostrophes, dots and hyphens only');

const Phone = z
  .string()
  .trim()
  .regex(/^\+?[0-9 ().-]{8,20}$/, 'a phone number such as +84 912 345 678');

const Nationality = z
  .string()
  .regex(/^[A-Z]{2}$/, 'an ISO 3166-1 two-letter country code such as VN or FR')
  .meta({ example: 'VN' });

const DocumentNumber = z.string().trim().min(1).max(20);

export const Guardian = z
  .object({
    fullName: FullName,
    documentNumber: DocumentNumber.meta({ description: 'Citizen ID or passport number of the guardian.' }),
    phone: Phone,
  })
  .meta({ id: 'Guardian', description: 'The adult responsible for a child on board.' });

// Messages name the rule, never the value: a document number must not end up in a log or an error.
const CITIZEN_ID = /^\d{12}$/;
const PASSPORT = /^[A-Z0-9]{6,12}$/;

export const Passenger = z
  .object({
    category: PassengerCategory,
    fullName: FullName,
    documentType: z.enum(['citizen_id', 'passport']).meta({
      description:
        'citizen_id: the 12-digit Vietnamese citizen ID (CCCD) or personal ID number; passport otherwise.',
    }),
    documentNumber: DocumentNumber.transform((value) => value.toUpperCase().replaceAll(' ', '')),
    nationality: Nationality,
    guardian: Guardian.optional().meta({ description: 'Required for the two child categories.' }),
  })
  .superRefine((passenger, context) => {
    if (passenger.documentType === 'citizen_id' && !CITIZEN_ID.test(passenger.documentNumber)) {
      context.addIssue({
        code: 'custom',
        path: ['documentNumber'],
        message: 'a citizen ID has exactly 12 digits',
      });
    }
    if (passenger.documentType === 'passport' && !PASSPORT.test(passenger.documentNumber)) {
      context.addIssue({
        code: 'custom',
        path: ['documentNumber'],
        message: 'a passport number has 6 to 12 letters and digits',
      });
    }
    if (passenger.documentType === 'citizen_id' && passenger.nationality !== 'VN') {
      context.addIssue({
        code: 'custom',
        path: ['nationality'],
        message: 'a Vietnamese citizen ID belongs to nationality VN',
      });
    }
    if (passenger.category === 'vietnamese-senior-60' && passenger.nationality !== 'VN') {
      context.addIssue({
        code: 'custom',
        path: ['category'],
        message: 'the senior discount is for Vietnamese citizens aged 60 and over',
      });
    }
    if (childCategories.has(passenger.category) && !passenger.guardian) {
      context.addIssue({
        code: 'custom',
        path: ['guardian'],
        message: "a child's guardian (name, document number and phone) is required",
      });
    }
  })
  .meta({ id: 'Passenger' });

export const Contact = z
  .object({
    email: z.email('an e-mail address such as name@example.com').max(254),
    phone: Phone,
  })
  .meta({ id: 'Contact', description: 'Where the ticket and messages about the trip are sent.' });

export const Language = z.enum(['vi', 'en']);

/**
 * "Find my booking": the reference and the e-mail address it was booked with. A fresh link goes to that address
 * when both match; the answer is the same either way.
 */
export const BookingLinkRequest = z
  .object({
    reference: z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^HL[0-9A-Z]{8}$/, 'a booking reference such as HL7K2QX9MD')
      .meta({ example: 'HL7K2QX9MD' }),
    email: z.string().trim().pipe(z.email('an e-mail address such as name@example.com').max(254)),
    language: Language.default('vi').meta({
      description: 'Language of the message and of the page it opens.',
    }),
  })
  .meta({ id: 'BookingLinkRequest' });

export type BookingLinkRequest = z.infer<typeof BookingLinkRequest>;

export const BookingRequest = z
  .object({
    departureId: z.string().min(1).max(120).meta({ example: 'dep-20261124-0800-ha-long-pearl' }),
    passengers: z.array(Passenger).min(1).max(MAX_PASSENGERS_PER_BOOKING),
    contact: Contact,
    language: Language.default('vi').meta({ description: 'Language of the messages about this booking.' }),
  })
  .superRefine((request, context) => {
    if (!travelsWithGrownUp(request.passengers.map((passenger) => passenger.category))) {
      context.addIssue({
        code: 'custom',
        path: ['passengers'],
        message: 'children travel with at least one passenger who is not a child',
      });
    }
  })
  .meta({ id: 'BookingRequest' });

export const IdempotencyKeyHeader = z.object({
  'idempotency-key': z
    .string()
    .regex(/^[\x21-\x7e]{8,255}$/, '8 to 255 visible ASCII characters, e.g. a UUID')
    .meta({
      param: { name: 'idempotency-key', in: 'header' },
      description: 'A new random value (a UUID) per booking; retries send the same value.',
    }),
});

export const PriceLine = z
  .object({
    category: PassengerCategory,
    quantity: z.number().int().min(1),
    unitPrice: z.number().int().min(0),
    amount: z.number().int().min(0),
  })
  .superRefine((line, context) => {
    if (line.amount !== line.quantity * line.unitPrice) {
      inconsistentTotal(
        context,
        ['amount'],
        `must be quantity × unitPrice (${line.quantity * line.unitPrice})`,
      );
    }
  })
  .meta({
    id: 'PriceLine',
    description: 'Passengers of one category; amounts in integer VND, amount = quantity × unitPrice.',
  });

/** The departure as the booking copies it when seats are held, so a booking reads without a join. */
export const BookedDeparture = z
  .object({
    id: z.string(),
    routeId: z.number().int(),
    portId: PortId,
    departsAt: z.iso.datetime(),
    localDate: z.iso.date(),
    operator: z.object({ id: Slug, name: z.string() }),
    boat: z.object({ id: Slug, name: z.string() }),
  })
  .meta({ id: 'BookedDeparture' });

export const Payment = z.object({
  checkoutSessionId: z.string().optional(),
  checkoutUrl: z.string().optional(),
  checkoutExpiresAt: z.iso.datetime().optional(),
  paymentIntentId: z.string().optional(),
  amountPaid: z.number().int().optional(),
  paidAt: z.iso.datetime().optional(),
});

export const Refund = z
  .object({
    id: z.string(),
    amount: z.number().int().min(0),
    percent: z.number().int().min(0).max(100),
    createdAt: z.iso.datetime(),
    reason: z.enum(['cancelled-by-tourist', 'paid-after-hold-expired', 'departure-cancelled', 'weather-ban']),
  })
  .meta({ id: 'Refund' });

/** What happened to one passenger at the pier: boarded, or did not come (the scanner marks it). */
export const Boarding = z
  .object({ state: z.enum(['aboard', 'no-show']), at: z.iso.datetime(), by: StaffRef })
  .meta({ id: 'Boarding' });

/** A sale at the pier counter: how it was paid, the counter's receipt number, who sold it. */
export const CounterSale = z
  .object({
    method: z.enum(['cash', 'card']),
    receiptNumber: z
      .string()
      .trim()
      .regex(/^[A-Za-z0-9-]{1,40}$/, 'the receipt number as printed: letters, digits and hyphens'),
    soldAt: z.iso.datetime(),
    soldBy: StaffRef,
  })
  .meta({ id: 'CounterSale' });

/** Why staff, not the tourist, cancelled a booking: a weather ban on its departure. */
export const CancelledByBan = z
  .object({ banId: z.string().min(1).max(80), reason: z.string().min(1).max(300) })
  .meta({ id: 'CancelledByBan' });

/**
 * A booking as stored (the personal data included: only its token holder and staff ever see it). Its total
 * is the sum of its lines, and its seats the passengers the lines count: checked when it is stored and when
 * it is read.
 */
export const Booking = z
  .object({
    id: z.string(),
    status: BookingStatus,
    departure: BookedDeparture,
    seats: z.number().int().min(1),
    /** Empty once the personal data has been erased after the retention period. */
    passengers: z.array(Passenger),
    /** Absent once the personal data has been erased. */
    contact: Contact.optional(),
    /** Passengers per nationality, kept for statistics when the personal data is erased. */
    nationalityCounts: z.record(z.string(), z.number().int()).optional(),
    personalDataErasedAt: z.iso.datetime().optional(),
    language: Language,
    lines: z.array(PriceLine),
    total: z.number().int().min(0),
    currency: z.literal('VND'),
    sightseeingFeeIncluded: z.boolean(),
    accessTokenHash: z.string(),
    /** The token of the link in the confirmation message: a second key to the same booking. */
    linkTokenHash: z.string().optional(),
    ticket: z.object({ code: z.string(), issuedAt: z.iso.datetime() }).optional(),
    createdAt: z.iso.datetime(),
    holdExpiresAt: z.iso.datetime(),
    payment: Payment.default({}),
    refunds: z.array(Refund).default([]),
    confirmedAt: z.iso.datetime().optional(),
    expiredAt: z.iso.datetime().optional(),
    cancelledAt: z.iso.datetime().optional(),
    /** `counter`: sold at the pier (a walk-up), with its sale; `online`: booked and paid on the site. */
    channel: z.enum(['online', 'counter']).default('online'),
    counterSale: CounterSale.optional(),
    /** Per passenger, in the order of `passengers`: boarded or no-show; null while not yet seen at the pier. */
    boarding: z.array(Boarding.nullable()).optional(),
    /** Moves with every boarding change, so two scanners cannot record the same passenger twice. */
    boardingRevision: z.number().int().min(0).optional(),
    redeemedAt: z.iso.datetime().optional(),
    cancelledByBan: CancelledByBan.optional(),
  })
  .refine((booking) => (booking.boarding?.length ?? 0) <= booking.passengers.length, {
    message: 'a boarding state per passenger at most',
    path: ['boarding'],
  })
  .refine((booking) => (booking.channel === 'counter') === (booking.counterSale !== undefined), {
    message: 'a counter sale, and only a counter sale, records how it was paid',
    path: ['counterSale'],
  })
  .check(
    totalIsSumOfParts((booking) => ({
      total: booking.total,
      parts: booking.lines.map((line) => line.amount),
      totalPath: ['total'],
      partsPaths: [['lines']],
    })),
    totalIsSumOfParts((booking) => ({
      total: booking.seats,
      parts: booking.lines.map((line) => line.quantity),
      totalPath: ['seats'],
      partsPaths: [['lines']],
    })),
  );

/** What the bookings API answers; `accessToken` only on creation (and on its idempotent replay). */
export const BookingView = z
  .object({
    id: z.string().meta({ example: 'HL7K2QX9MD', description: 'The booking reference.' }),
    status: BookingStatus,
    expiresAt: z.iso.datetime().meta({ description: 'When the hold ends unless paid (on_hold only).' }),
    departure: BookedDeparture,
    passengers: z.array(Passenger).meta({ description: 'Empty once the personal data has been erased.' }),
    contact: Contact.optional().meta({ description: 'Absent once the personal data has been erased.' }),
    personalDataErasedAt: z.iso.datetime().optional().meta({
      description:
        'When names, documents and contact were erased, the retention period after the trip having passed.',
    }),
    language: Language,
    lines: z.array(PriceLine),
    total: z.number().int().meta({ description: 'Integer VND.' }),
    currency: z.literal('VND'),
    sightseeingFeeIncluded: z.boolean(),
    createdAt: z.iso.datetime(),
    confirmedAt: z.iso.datetime().optional(),
    cancelledAt: z.iso.datetime().optional(),
    refunds: z.array(Refund),
    ticket: z
      .object({
        code: z.string().meta({
          description:
            'Exactly what the QR code carries: a compact JWS (ES256) verifiable offline with GET /api/tickets/keys.',
        }),
      })
      .optional()
      .meta({ description: 'Once confirmed (and after boarding).' }),
    accessToken: z.string().optional().meta({
      description: 'The secret for this booking, sent back as `Authorization: Bearer`. Returned only here.',
    }),
  })
  .meta({ id: 'Booking' });

export type BookingStatus = z.infer<typeof BookingStatus>;
export type Passenger = z.infer<typeof Passenger>;
export type BookingRequest = z.infer<typeof BookingRequest>;
export type PriceLine = z.infer<typeof PriceLine>;
export type BookedDeparture = z.infer<typeof BookedDeparture>;
export type Booking = z.infer<typeof Booking>;
export type BookingView = z.infer<typeof BookingView>;
export type Refund = z.infer<typeof Refund>;
export type Boarding = z.infer<typeof Boarding>;
export type CounterSale = z.infer<typeof CounterSale>;

/** Fields a status change sets, and a refund it records. */
export interface BookingChange {
  set: Partial<Omit<Booking, 'id' | 'refunds'>>;
  refund?: Refund;
}

/** The booking as a change leaves it. */
export function applyChange(booking: Booking, change: BookingChange): Booking {
  return {
    ...booking,
    ...change.set,
    refunds: change.refund ? [...booking.refunds, change.refund] : booking.refunds,
  };
}
