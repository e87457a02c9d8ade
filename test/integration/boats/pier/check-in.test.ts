/**
 * Check-in at the gangway and sales at the counter on DynamoDB Local: every refusal has its own problem type,
 * nobody boards twice, and nobody boards beyond the certified capacity — not with scanners racing, not with
 * walk-ups.
 */
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { departureKeyOf } from '../../../../functions/boats/departures/store.js';
import { addDays, localDateAt } from '../../../../functions/platform/local-time.js';
import {
  adult,
  asHolder,
  bookingsServiceAt,
  holdSeats,
  problemOf,
  scheduleTestDeparture,
} from '../../support/bookings.js';
import {
  checkIn,
  departureOf,
  paidBooking,
  postJson,
  scheduleAsManager,
  staffTokens,
  walkUpParty,
} from '../../support/pier.js';
import { createTestPlatform, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;
let operator: string;
let manager: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  ({ operator, manager } = await staffTokens(platform));
});
afterAll(() => platform.dispose());

describe('POST /api/checkin', () => {
  it('boards a paid ticket: its passengers aboard, the booking redeemed, the count up; a second scan is 409', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const booking = await paidBooking(platform, departureId, [adult(0), adult(1)]);

    const first = await checkIn(platform, operator, { code: booking.code, departureId });
    expect(first.status, await first.clone().text()).toBe(200);
    const boarded = (await first.json()) as {
      booking: { status: string; passengers: { state: string }[] };
      boarded: number;
      departure: { aboard: number; capacity: number };
    };
    expect(boarded.booking.status).toBe('redeemed');
    expect(boarded.booking.passengers.map((passenger) => passenger.state)).toEqual(['aboard', 'aboard']);
    expect(boarded.boarded).toBe(2);
    expect(boarded.departure).toMatchObject({ aboard: 2, capacity: 48 });

    const again = await checkIn(platform, operator, { code: booking.code, departureId });
    expect(again.status).toBe(409);
    const problem = (await problemOf(again)) as { type: string; checkedInAt?: string; checkedInBy?: string };
    expect(problem.type).toBe('/problems/already-checked-in');
    expect(problem.checkedInBy).toBe('operator@halong.test');
    expect(Date.parse(problem.checkedInAt ?? '')).not.toBeNaN();
    expect((await departureOf(platform, operator, departureId)).aboard).toBe(2);
  });

  it('takes the booking reference typed from the ticket as well as the QR code', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const booking = await paidBooking(platform, departureId);
    const response = await checkIn(platform, operator, { code: booking.id.toLowerCase(), departureId });
    expect(response.status, await response.clone().text()).toBe(200);
    expect(((await response.json()) as { departure: { aboard: number } }).departure.aboard).toBe(1);
  });

  it('boards part of a party and marks a no-show; the late one boards on a later scan', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const booking = await paidBooking(platform, departureId, [adult(0), adult(1), adult(2), adult(3)]);
    const partial = await checkIn(platform, operator, {
      code: booking.code,
      passengers: [0, 1, 2],
      noShow: [3],
    });
    expect(partial.status, await partial.clone().text()).toBe(200);
    const result = (await partial.json()) as {
      booking: { passengers: { state: string }[] };
      departure: { aboard: number };
    };
    expect(result.booking.passengers.map((passenger) => passenger.state)).toEqual([
      'aboard',
      'aboard',
      'aboard',
      'no-show',
    ]);
    expect(result.departure.aboard).toBe(3);

    // A passenger named twice in one scan is refused, not counted twice.
    const twice = await checkIn(platform, operator, { code: booking.code, passengers: [3, 3] });
    expect(twice.status).toBe(400);
    // Every passenger seen: a plain scan again is a repeat.
    expect((await checkIn(platform, operator, { code: booking.code })).status).toBe(409);
    // The no-show turns up after all.
    const late = await checkIn(platform, operator, { code: booking.code, passengers: [3] });
    expect(late.status, await late.clone().text()).toBe(200);
    expect(((await late.json()) as { departure: { aboard: number } }).departure.aboard).toBe(4);
    // Boarding someone already aboard is refused, and the count does not move.
    expect((await checkIn(platform, operator, { code: booking.code, passengers: [0] })).status).toBe(409);
    expect((await departureOf(platform, operator, departureId)).aboard).toBe(4);
  });

  it('refuses, each with its own problem type: forged, altered, unknown, another departure, another company', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const otherDepartureId = await scheduleTestDeparture(platform);
    const booking = await paidBooking(platform, departureId);
    const [header, payload, signature] = booking.code.split('.') as [string, string, string];

    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const altered = `${header}.${Buffer.from(JSON.stringify({ ...claims, n: 9 })).toString('base64url')}.${signature}`;
    const cases: [Record<string, unknown>, number, string][] = [
      [{ code: altered }, 422, 'invalid-ticket'],
      [{ code: `${header}.${payload}.${signature.slice(0, -4)}AAAA` }, 422, 'invalid-ticket'],
      [{ code: 'eyJhbGciOiJub25lIn0.eyJ0eXAiOiJ4In0.' }, 422, 'invalid-ticket'],
      [{ code: 'not a ticket!' }, 422, 'invalid-ticket'],
      [{ code: 'HLZZZZZZZZ' }, 404, 'unknown-ticket'],
      [{ code: booking.code, departureId: otherDepartureId }, 409, 'wrong-departure'],
    ];
    for (const [body, status, type] of cases) {
      const response = await checkIn(platform, operator, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect((await problemOf(response)).type).toBe(`/problems/${type}`);
    }

    // Another company's departure: its operator may not board it (the manager may).
    const date = addDays(localDateAt(new Date()), 6);
    const foreignDeparture = await scheduleAsManager(platform, manager, {
      boatId: 'sea-swallow-1',
      localTime: '06:10',
      date,
    });
    const foreign = await paidBooking(platform, foreignDeparture);
    const refused = await checkIn(platform, operator, { code: foreign.code });
    expect(refused.status).toBe(403);
    expect((await problemOf(refused)).type).toBe('/problems/forbidden');
    // Scanning it for one of their own departures says nothing of the other company's trip either.
    const hidden = await checkIn(platform, operator, { code: foreign.code, departureId });
    expect(hidden.status).toBe(403);
    expect(JSON.stringify(await hidden.json())).not.toContain(foreignDeparture);
    expect((await checkIn(platform, manager, { code: foreign.code })).status).toBe(200);

    // Nothing was boarded by the refusals.
    expect((await departureOf(platform, operator, departureId)).aboard).toBe(0);
    expect((await platform.app.request('/api/checkin', { method: 'POST' })).status).toBe(401);
  });

  it('refuses an unpaid, an expired and a cancelled booking', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const held = await holdSeats(platform, departureId, [adult(0)]);
    const unpaid = await checkIn(platform, operator, { code: held.id });
    expect(unpaid.status).toBe(409);
    expect((await problemOf(unpaid)).type).toBe('/problems/ticket-not-paid');

    const expiring = await holdSeats(platform, departureId, [adult(1)]);
    await bookingsServiceAt(platform, 24 * 60 * 60_000).releaseExpiredHolds();
    const expired = await checkIn(platform, operator, { code: expiring.id });
    expect(expired.status).toBe(409);
    expect((await problemOf(expired)).type).toBe('/problems/ticket-expired');

    const paid = await paidBooking(platform, departureId, [adult(2)]);
    const cancel = await platform.app.request(`/api/bookings/${paid.id}/cancel`, {
      method: 'POST',
      headers: asHolder(paid.accessToken),
    });
    expect(cancel.status).toBe(200);
    const cancelled = await checkIn(platform, operator, { code: paid.code });
    expect(cancelled.status).toBe(409);
    expect((await problemOf(cancelled)).type).toBe('/problems/ticket-cancelled');
  });

  it('never boards beyond the certified capacity: two scanners racing for the last place, one is refused', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const first = await paidBooking(platform, departureId, [adult(0)]);
    const second = await paidBooking(platform, departureId, [adult(1)]);
    // As if 46 walk-ups and crew-counted passengers had boarded: one place left aboard for two tickets.
    const { db, config } = platform.dependencies;
    await db.send(
      new UpdateCommand({
        TableName: config.tableName,
        Key: { ...departureKeyOf(departureId) },
        UpdateExpression: 'SET aboard = :aboard',
        ExpressionAttributeValues: { ':aboard': 47 },
      }),
    );
    const answers = await Promise.all([
      checkIn(platform, operator, { code: first.code }),
      checkIn(platform, operator, { code: second.code }),
    ]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409]);
    const refused = answers.find((answer) => answer.status === 409) as Response;
    expect((await problemOf(refused)).type).toBe('/problems/boat-full');
    expect((await departureOf(platform, operator, departureId)).aboard).toBe(48);
  });

  it('boards exactly one of many concurrent scans of the same ticket', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const booking = await paidBooking(platform, departureId, [adult(0), adult(1), adult(2)]);
    const answers = await Promise.all(
      Array.from({ length: 6 }, () => checkIn(platform, operator, { code: booking.code, departureId })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 409)).toHaveLength(5);
    expect((await departureOf(platform, operator, departureId)).aboard).toBe(3);
  });
});

describe('POST /api/boats/departures/{id}/walk-ups', () => {
  const sale = (departureId: string, body: Record<string, unknown>) =>
    postJson(platform, `/api/boats/departures/${departureId}/walk-ups`, operator, body);

  it('sells at the counter into the same manifest and capacity, recorded with its receipt', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const response = await sale(departureId, {
      passengers: walkUpParty(3),
      payment: { method: 'cash', receiptNumber: 'TC-000123' },
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const sold = (await response.json()) as {
      bookingId: string;
      status: string;
      total: number;
      departure: { aboard: number; booked: number };
    };
    expect(sold).toMatchObject({ status: 'redeemed', departure: { aboard: 3, booked: 3 } });
    expect(sold.total).toBeGreaterThan(0);

    // The same receipt again (a retried request): the same sale, not a second one.
    const retried = await sale(departureId, {
      passengers: walkUpParty(3),
      payment: { method: 'cash', receiptNumber: 'tc-000123' },
    });
    expect(retried.status).toBe(201);
    expect(((await retried.json()) as { bookingId: string }).bookingId).toBe(sold.bookingId);
    // The same receipt for another party: refused.
    const reused = await sale(departureId, {
      passengers: walkUpParty(1, 900),
      payment: { method: 'card', receiptNumber: 'TC-000123' },
    });
    expect(reused.status).toBe(409);
    expect((await problemOf(reused)).type).toBe('/problems/receipt-used');

    const manifest = (await (
      await platform.app.request(`/api/boats/departures/${departureId}/manifest`, {
        headers: { Authorization: `Bearer ${operator}` },
      })
    ).json()) as {
      departure: { aboard: number; walkUps: number };
      passengers: { channel: string; state: string }[];
    };
    expect(manifest.departure).toMatchObject({ aboard: 3, walkUps: 3 });
    expect(manifest.passengers.map((row) => [row.channel, row.state])).toEqual([
      ['counter', 'aboard'],
      ['counter', 'aboard'],
      ['counter', 'aboard'],
    ]);
  });

  it('refuses the sale when the boat is full, and counts walk-ups against the capacity online bookings use', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const counter = await sale(departureId, {
      passengers: walkUpParty(20, 0),
      payment: { method: 'card', receiptNumber: 'R-1' },
    });
    expect(counter.status, await counter.clone().text()).toBe(201);
    expect(
      (
        await sale(departureId, {
          passengers: walkUpParty(20, 20),
          payment: { method: 'card', receiptNumber: 'R-2' },
        })
      ).status,
    ).toBe(201);
    // 8 seats left: an online party of 9 no longer fits…
    const online = await platform.app.request('/api/bookings', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
      body: JSON.stringify({
        departureId,
        passengers: Array.from({ length: 9 }, (_, index) => adult(index)),
        contact: { email: 'an@example.vn', phone: '+84 912 345 678' },
      }),
    });
    expect(online.status).toBe(409);
    // …and neither does a counter party of 9.
    const full = await sale(departureId, {
      passengers: walkUpParty(9, 40),
      payment: { method: 'cash', receiptNumber: 'R-3' },
    });
    expect(full.status).toBe(409);
    expect((await problemOf(full)).type).toBe('/problems/sold-out');
    const last = await sale(departureId, {
      passengers: walkUpParty(8, 40),
      payment: { method: 'cash', receiptNumber: 'R-4' },
    });
    expect(last.status).toBe(201);
    expect((await departureOf(platform, operator, departureId)).aboard).toBe(48);
  });

  it('refuses a bad sale with problem+json and stores nothing', async () => {
    const departureId = await scheduleTestDeparture(platform);
    const bad = await sale(departureId, { passengers: [], payment: { method: 'cheque', receiptNumber: '' } });
    expect(bad.status).toBe(400);
    expect((await problemOf(bad)).type).toBe('/problems/validation-error');
    expect((await departureOf(platform, operator, departureId)).booked).toBe(0);
  });
});
