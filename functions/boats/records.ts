/**
 * The boats' stored records as their own schemas read them, for readers of raw records and of the table's stream
 * (the insights' roll-ups and backfill), and nothing else: apart from reads.ts, which every domain that reads
 * boats loads, so the schemas weigh only on the functions that read records.
 */
export { Booking as StoredBooking } from './bookings/model.js';
export { Departure as StoredDeparture } from './departures/model.js';
export { Ban as StoredBan } from './pier/ban-model.js';
