import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingKey } from '../../../../functions/boats/bookings/keys.js';
import {
  adult,
  asHolder,
  bookingsServiceAt,
  foreignChild,
  getBooking,
  holdSeats,
  scheduleTestDeparture,
  seatsOf,
} from '../../support/bookings.js';
import { createTestPlatform, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform({ environment: { BOOKING_RETENTION_DAYS: '90' } });
});
afterAll(() => platform.dispose());

/** The daily erasure as it runs `daysFromNow` days from now. */
const eraseOn = (daysFromNow: number) =>
  bookingsServiceAt(platform, daysFromNow * 86_400_000).erasePersonalDataAfterRetention();

async function paidBooking(daysAhead: number) {
  const departureId = await scheduleTestDeparture(platform, { daysAhead });
  const booking = await holdSeats(platform, departureId, [adult(0), foreignChild]);
  const checkout = await platform.app.request(`/api/bookings/${booking.id}/checkout`, {
    method: 'POST',
    headers: asHolder(booking.accessToken),
  });
  const { url } = (await checkout.json()) as { url: string };
  await platform.checkout.pay(url.split('/').pop() as string);
  return { booking, departureId };
}

describe('personal data after the retention period', () => {
  it('is erased by the daily job, leaving the counts statistics need, the ticket and the seats', async () => {
    const { booking, departureId } = await paidBooking(2);
    const recent = await paidBooking(20);

    // 90 days after the trip it is still kept; the day after, it goes.
    expect(await eraseOn(2 + 90)).toBe(0);
    expect(await eraseOn(2 + 91)).toBe(1);

    const erased = await getBooking(platform, booking.id, booking.accessToken);
    expect(erased).toMatchObject({ status: 'confirmed', passengers: [], total: booking.total });
    expect(erased).not.toHaveProperty('contact');
    expect(erased.personalDataErasedAt).toBeTruthy();
    expect(erased.lines).toEqual(booking.lines);
    expect(erased.ticket?.code).toBeTruthy();
    const { Item } = await platform.dependencies.db.send(
      new GetCommand({ TableName: platform.tableName, Key: bookingKey(booking.id) }),
    );
    const stored = JSON.stringify(Item);
    for (const personal of [
      'Nguyễn',
      'Emma Martin',
      'Claire',
      '19AB12345',
      adult(0).documentNumber,
      'example.vn',
    ]) {
      expect(stored).not.toContain(personal);
    }
    expect(Item?.nationalityCounts).toEqual({ VN: 1, FR: 1 });
    expect(await seatsOf(platform, departureId)).toBe(46);

    // A later trip's booking keeps its data, and a second run erases nothing more.
    expect(
      (await getBooking(platform, recent.booking.id, recent.booking.accessToken)).passengers,
    ).toHaveLength(2);
    expect(await eraseOn(2 + 91)).toBe(0);
  });
});
