import { randomUUID } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departureKeyOf } from '../../../../functions/boats/departures/store.js';
import {
  adult,
  asHolder,
  bookingBody,
  foreignChild,
  getBooking,
  holdSeats,
  postBooking,
  problemOf,
  scheduleTestDeparture,
  seatsOf,
} from '../../support/bookings.js';
import { createTestPlatform, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;

beforeAll(async () => {
  platform = await createTestPlatform();
});
afterAll(() => platform.dispose());

async function storedDeparture(id: string) {
  const { Item } = await platform.dependencies.db.send(
    new GetCommand({ TableName: platform.tableName, Key: departureKeyOf(id) ?? undefined }),
  );
  return Item as { capacity: number; held: number; sold: number; seatsFree: number };
}

describe('POST /api/bookings', () => {
  it('holds seats for ten minutes, priced on the server from the fee rules and the boat fare', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const started = Date.now();
    const response = await postBooking(
      platform,
      bookingBody(departureId, [adult(0), adult(1), foreignChild]),
    );
    expect(response.status).toBe(201);
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    const booking = (await response.json()) as Record<string, unknown> & { id: string; expiresAt: string };
    expect(response.headers.get('location')).toBe(`/api/bookings/${booking.id}`);
    expect(booking.id).toMatch(/^HL[0-9A-Z]{8}$/);
    expect(booking.status).toBe('on_hold');
    const holdMs = Date.parse(booking.expiresAt) - started;
    expect(holdMs).toBeGreaterThan(9.9 * 60_000);
    expect(holdMs).toBeLessThan(10.1 * 60_000);
    // Route 1's fee is 290,000 ₫ (children 7–12 pay 20 % less), plus the boat fare of each category.
    expect(booking.lines).toEqual([
      { category: 'adult', quantity: 2, unitPrice: 290000 + 150000, amount: 880000 },
      { category: 'child-7-to-12', quantity: 1, unitPrice: 232000 + 100000, amount: 332000 },
    ]);
    expect(booking.total).toBe(1212000);
    expect(booking.currency).toBe('VND');
    expect(booking.accessToken).toEqual(expect.stringMatching(/^[\w-]{40,}$/));
    expect(await seatsOf(platform, departureId)).toBe(48 - 3);
    expect(await storedDeparture(departureId)).toMatchObject({
      capacity: 48,
      held: 3,
      sold: 0,
      seatsFree: 45,
    });
  });

  it('refuses (409 sold-out) more seats than are left, saying how many are, and takes none', async () => {
    const departureId = await scheduleTestDeparture(platform, { boatId: 'bay-pearl-02' });
    await holdSeats(
      platform,
      departureId,
      Array.from({ length: 20 }, (_, index) => adult(index)),
    );
    await holdSeats(
      platform,
      departureId,
      Array.from({ length: 14 }, (_, index) => adult(index)),
    );
    const response = await postBooking(platform, bookingBody(departureId, [adult(0), adult(1), adult(2)]));
    expect(response.status).toBe(409);
    const problem = await problemOf(response);
    expect(problem).toMatchObject({ type: '/problems/sold-out', seatsLeft: 2 });
    expect(problem.detail).toContain('2 seats left');
    expect(await storedDeparture(departureId)).toMatchObject({ held: 34, seatsFree: 2 });
  });

  it('never holds more seats than the certified capacity, whatever the interleaving of requests', async () => {
    const departureId = await scheduleTestDeparture(platform, { boatId: 'bay-pearl-02' });
    const requests = Array.from({ length: 40 }, (_, index) =>
      postBooking(
        platform,
        bookingBody(
          departureId,
          Array.from({ length: 1 + (index % 4) }, (_, passenger) => adult(passenger)),
        ),
      ),
    );
    const responses = await Promise.all(requests);
    let heldSeats = 0;
    for (const response of responses) {
      expect([201, 409]).toContain(response.status);
      if (response.status === 201)
        heldSeats += ((await response.json()) as { passengers: unknown[] }).passengers.length;
    }
    // 40 parties ask for 100 seats of 36: every seat goes, none twice.
    expect(heldSeats).toBeLessThanOrEqual(36);
    expect(heldSeats).toBeGreaterThan(32);
    const stored = await storedDeparture(departureId);
    expect(stored.held).toBe(heldSeats);
    expect(stored.held + stored.sold + stored.seatsFree).toBe(36);
  });

  it('answers a retry with the same Idempotency-Key and body with the same booking, taking seats once', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const key = randomUUID();
    const body = bookingBody(departureId, [adult(0), adult(1)]);
    const first = await postBooking(platform, body, key);
    const [second, third] = await Promise.all([
      postBooking(platform, body, key),
      postBooking(platform, body, key),
    ]);
    const firstBooking = (await first.json()) as { id: string; accessToken: string };
    for (const retry of [second, third]) {
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      expect(await retry.json()).toMatchObject({
        id: firstBooking.id,
        accessToken: firstBooking.accessToken,
      });
    }
    expect(await seatsOf(platform, departureId)).toBe(46);
  });

  it('refuses (422) the same Idempotency-Key with a different body, and holds nothing more', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const key = randomUUID();
    expect((await postBooking(platform, bookingBody(departureId, [adult(0)]), key)).status).toBe(201);
    const other = await postBooking(platform, bookingBody(departureId, [adult(0), adult(1)]), key);
    expect(other.status).toBe(422);
    expect((await problemOf(other)).type).toBe('/problems/idempotency-key-reused');
    expect(await seatsOf(platform, departureId)).toBe(47);
  });

  it('explains every invalid field without echoing personal data back', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const child = { ...foreignChild, guardian: undefined };
    const badId = { ...adult(0), documentNumber: '0123' };
    const response = await postBooking(platform, {
      ...bookingBody(departureId, [badId, child]),
      contact: { email: 'not-an-email', phone: '12' },
    });
    expect(response.status).toBe(400);
    const problem = await problemOf(response);
    expect(problem.errors?.map((error) => error.path).sort()).toEqual([
      'contact.email',
      'contact.phone',
      'passengers.0.documentNumber',
      'passengers.1.guardian',
    ]);
    expect(JSON.stringify(problem)).not.toContain('0123');
    expect(JSON.stringify(problem)).not.toContain('not-an-email');
    expect(await seatsOf(platform, departureId)).toBe(48);
  });

  it('requires an Idempotency-Key (400) and refuses a departure that does not exist (400)', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const withoutKey = await platform.app.request('/api/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(bookingBody(departureId)),
    });
    expect(withoutKey.status).toBe(400);
    expect((await problemOf(withoutKey)).errors?.[0]?.path).toBe('idempotency-key');
    const unknown = await postBooking(platform, bookingBody('dep-20991231-0800-bay-pearl-01'));
    expect(unknown.status).toBe(400);
    expect((await problemOf(unknown)).errors?.[0]?.path).toBe('departureId');
  });

  it('closes online sales 30 minutes before departure (409 departure-closed)', async () => {
    const soon = new Date(Date.now() + 20 * 60_000 + 7 * 3_600_000);
    const localTime = soon.toISOString().slice(11, 16);
    const daysAhead =
      soon.toISOString().slice(0, 10) > new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10)
        ? 1
        : 0;
    const departureId = await scheduleTestDeparture(platform, {
      daysAhead,
      localTime,
      boatId: 'bay-pearl-star',
    });
    const response = await postBooking(platform, bookingBody(departureId));
    expect(response.status).toBe(409);
    expect((await problemOf(response)).type).toBe('/problems/departure-closed');
  });
});

describe('GET /api/bookings/{id}', () => {
  it('shows the booking, passengers included, only to the holder of its access token', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const booking = await holdSeats(platform, departureId, [adult(0), foreignChild]);
    const shown = await getBooking(platform, booking.id, booking.accessToken);
    expect(shown).toMatchObject({ id: booking.id, status: 'on_hold', total: booking.total });
    expect(shown.passengers[1]).toMatchObject({ fullName: 'Emma Martin', documentNumber: '19AB12345' });
    expect(shown).not.toHaveProperty('accessToken');

    const anonymous = await platform.app.request(`/api/bookings/${booking.id}`);
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toContain('Bearer');
    const wrongToken = await platform.app.request(`/api/bookings/${booking.id}`, {
      headers: asHolder('x'.repeat(43)),
    });
    expect(wrongToken.status).toBe(404);
    const unknown = await platform.app.request('/api/bookings/HL00000000', {
      headers: asHolder(booking.accessToken),
    });
    expect(unknown.status).toBe(404);
    expect(await wrongToken.json()).toEqual({
      ...(await unknown.json()),
      instance: expect.any(String),
      requestId: expect.any(String),
    });
  });
});
