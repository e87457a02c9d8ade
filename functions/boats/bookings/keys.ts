/**
 * The items a booking writes, and their keys: the booking (`BOOKING#<id>`), a hold marker per booking
 * awaiting payment (`HOLDS#<UTC day of expiry>`, sorted by expiry, so the sweep finds overdue holds with one
 * Query a day), the record of an Idempotency-Key (`IDEMPOTENCY#<sha256 of the key>`, kept a day), and the
 * booking's entry in its day's manifest (`MANIFEST#<local day>`). Listed in docs/data-model.md.
 */
import type { ItemKey } from '../../platform/table.js';
import type { Booking } from './model.js';

export const IDEMPOTENCY_RECORD_DAYS = 1;
export const HOLD_MARKER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

export const bookingKey = (id: string): ItemKey => ({ PK: `BOOKING#${id}`, SK: 'BOOKING' });
export const holdKey = (booking: Pick<Booking, 'id' | 'holdExpiresAt'>): ItemKey => ({
  PK: `HOLDS#${booking.holdExpiresAt.slice(0, 10)}`,
  SK: `HOLD#${booking.holdExpiresAt}#${booking.id}`,
});
export const idempotencyKey = (keyHash: string): ItemKey => ({
  PK: `IDEMPOTENCY#${keyHash}`,
  SK: 'IDEMPOTENCY',
});
/**
 * Every booking of a local day, by departure: `MANIFEST#<day>`, sorted `<HHMM>#<boat>#<booking>`, so one
 * Query gives a departure's bookings (the manifest) or a whole day's (the retention sweep).
 */
export const manifestKey = (booking: Pick<Booking, 'id' | 'departure'>): ItemKey => {
  const [, time, boatId] = booking.departure.id.match(/^dep-\d{8}-(\d{4})-(.+)$/) ?? [];
  return { PK: `MANIFEST#${booking.departure.localDate}`, SK: `${time}#${boatId}#${booking.id}` };
};

/** Epoch seconds for the table's TTL attribute. */
export const ttlAfter = (isoInstant: string, days: number) =>
  Math.floor((Date.parse(isoInstant) + days * DAY_MS) / 1000);
