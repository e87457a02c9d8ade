/**
 * Weather bans on DynamoDB Local with the Stripe adapter pointed at the local test checkout: a ban suspends the
 * departures it covers, cancels and refunds their bookings exactly once (saved twice, or applied again), tells
 * each visitor in the booking's language, stops holds and counter sales, shows on the public list, and lifting it
 * reopens what it stopped.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, localDateAt, localToUtc } from '../../../../functions/platform/local-time.js';
import type { Outbox } from '../../../../functions/platform/messages/outbox.js';
import { adult, bookingBody, getBooking, holdSeats, postBooking, problemOf } from '../../support/bookings.js';
import {
  asStaff,
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

/** A route-1 departure from `portId`, `days` ahead, at `time`, on one of the demo company's boats. */
const departureAt = (portId: string, days: number, time: string, boatId = 'bay-pearl-02') =>
  scheduleAsManager(platform, manager, {
    boatId,
    localTime: time,
    date: addDays(localDateAt(new Date()), days),
    portId,
  });

const banOf = (body: object) => postJson(platform, '/api/boats/bans', manager, body);

/** The whole local day `days` ahead, in Hạ Long time. */
function dayPeriod(days: number) {
  const date = addDays(localDateAt(new Date()), days);
  return { from: localToUtc(date, '00:00'), until: localToUtc(addDays(date, 1), '00:00') };
}

async function outboxFor(reference: string) {
  const messages = await (platform.dependencies.messages as Outbox).list(500);
  return messages.filter((message) => message.reference === reference);
}

const refundsOf = (paymentIntent: string | undefined) =>
  platform.checkout.refunds.filter((refund) => refund.paymentIntent === paymentIntent);

describe('POST /api/boats/bans', () => {
  it('suspends the port’s departures, cancels and refunds their bookings once, and tells each visitor in their language', async () => {
    const departureId = await departureAt('hon-gai', 3, '09:10');
    const elsewhere = await departureAt('tuan-chau', 3, '09:10', 'bay-pearl-01');
    const vietnamese = await paidBooking(platform, departureId, [adult(0), adult(1)], 'vi');
    await holdSeats(platform, departureId, [adult(2)]);
    const second = await paidBooking(platform, departureId, [adult(3)]);
    const held = await holdSeats(platform, departureId, [adult(4)]);
    const untouched = await paidBooking(platform, elsewhere);
    // The English visitor: a booking made in English.
    const englishBody = { ...bookingBody(departureId, [adult(5)]), language: 'en' };
    const englishHeld = await postBooking(platform, englishBody);
    expect(englishHeld.status).toBe(201);

    const response = await banOf({
      scope: { kind: 'port', portId: 'hon-gai' },
      ...dayPeriod(3),
      reason: 'Storm warning: typhoon Wipha',
    });
    expect(response.status, await response.clone().text()).toBe(201);
    const ban = (await response.json()) as {
      id: string;
      suspendedDepartures: number;
      cancelledBookings: number;
    };
    // Demo departures from the same port that day are suspended too: at least ours and its five bookings.
    expect(ban.suspendedDepartures).toBeGreaterThanOrEqual(1);
    expect(ban.cancelledBookings).toBeGreaterThanOrEqual(5);

    const paid = await getBooking(platform, vietnamese.id, vietnamese.accessToken);
    expect(paid.status).toBe('cancelled');
    expect(paid.refunds).toEqual([
      expect.objectContaining({ amount: vietnamese.total, percent: 100, reason: 'weather-ban' }),
    ]);
    expect(refundsOf((await bookingPayment(vietnamese.id)) ?? undefined)).toHaveLength(1);
    expect((await getBooking(platform, second.id, second.accessToken)).status).toBe('cancelled');
    expect((await getBooking(platform, held.id, held.accessToken)).status).toBe('cancelled');
    expect((await getBooking(platform, untouched.id, untouched.accessToken)).status).toBe('confirmed');

    const [message] = await outboxFor(vietnamese.id);
    expect(message?.kind).toBe('booking-cancelled-weather');
    expect(message?.subject).toContain('bị huỷ do thời tiết');
    expect(message?.text).toContain('Storm warning: typhoon Wipha');
    expect(message?.text).toMatch(
      /\/vi\/boats\/departures\/\?date=\d{4}-\d{2}-\d{2}&route=1&port=hon-gai&passengers=2/,
    );
    const englishId = ((await englishHeld.json()) as { id: string }).id;
    const [englishMessage] = await outboxFor(englishId);
    expect(englishMessage?.subject).toContain('cancelled because of the weather');

    // Nothing is sold on a suspended departure, online or at the counter.
    const hold = await postBooking(platform, bookingBody(departureId, [adult(6)]));
    expect(hold.status).toBe(409);
    expect((await problemOf(hold)).detail).toContain('Storm warning');
    const sale = await postJson(platform, `/api/boats/departures/${departureId}/walk-ups`, operator, {
      passengers: walkUpParty(1),
      payment: { method: 'cash', receiptNumber: 'B-1' },
    });
    expect(sale.status).toBe(409);
    expect((await problemOf(sale)).type).toBe('/problems/boarding-closed');

    // The public list shows it, without who issued it.
    const list = (await (await platform.app.request('/api/boats/bans')).json()) as {
      bans: Record<string, unknown>[];
    };
    const shown = list.bans.find((candidate) => candidate.id === ban.id);
    expect(shown).toMatchObject({
      reason: 'Storm warning: typhoon Wipha',
      scope: { kind: 'port', portId: 'hon-gai' },
    });
    expect(shown).not.toHaveProperty('createdBy');
  });

  it('holds seats for the party on the next departure after the ban, and links them to it', async () => {
    const banned = await departureAt('cai-rong', 10, '07:05', 'bay-pearl-02');
    const next = await departureAt('cai-rong', 11, '07:05', 'bay-pearl-02');
    const booking = await paidBooking(platform, banned, [adult(0), adult(1), adult(2)], 'vi');
    const period = dayPeriod(10);
    const response = await banOf({
      scope: { kind: 'port', portId: 'cai-rong' },
      ...period,
      reason: 'Gió mạnh cấp 7',
    });
    expect(response.status, await response.clone().text()).toBe(201);

    const [message] = (await outboxFor(booking.id)).filter(
      (candidate) => candidate.kind === 'booking-cancelled-weather',
    );
    const link = message?.text.match(/\/vi\/bookings\/([A-Z0-9]+)\/\?token=([\w-]+)/);
    expect(link, message?.text).not.toBeNull();
    const [, heldId, token] = link as RegExpMatchArray;
    const held = await getBooking(platform, heldId as string, token as string);
    expect(held).toMatchObject({ status: 'on_hold', departure: { id: expect.any(String) } });
    expect(held.passengers.map((passenger) => passenger.fullName)).toEqual(
      booking.passengers.map((passenger) => passenger.fullName),
    );
    // On the first departure after the ban (ours at 07:05 the next day, or an earlier demo one from that port),
    // kept a day after the ban ends or until an hour before it leaves, whichever comes first.
    const departsAt = Date.parse(held.departure.departsAt);
    expect(departsAt).toBeGreaterThanOrEqual(Date.parse(period.until));
    expect(departsAt).toBeLessThanOrEqual(
      Date.parse(localToUtc(addDays(localDateAt(new Date()), 11), '07:05')),
    );
    expect(Date.parse(held.expiresAt)).toBe(
      Math.min(Date.parse(period.until) + 24 * 60 * 60_000, departsAt - 60 * 60_000),
    );
    expect(next).toMatch(/^dep-/);
  });

  it('saved twice, or applied again, refunds and tells nobody twice', async () => {
    const departureId = await departureAt('cai-rong', 4, '08:40', 'bay-pearl-star');
    const booking = await paidBooking(platform, departureId, [adult(0)]);
    const body = {
      scope: { kind: 'port', portId: 'cai-rong' },
      ...dayPeriod(4),
      reason: 'Tropical depression',
    };
    const [first, second] = await Promise.all([banOf(body), banOf(body)]);
    expect([first.status, second.status].sort()).toEqual([200, 201]);
    const { id } = (await first.json()) as { id: string };
    expect(((await second.json()) as { id: string }).id).toBe(id);

    // Saved a third time, after both: applied again, and nobody is cancelled or refunded again.
    const third = await banOf(body);
    expect(third.status).toBe(200);
    expect(await third.json()).toMatchObject({ id, cancelledBookings: 1, failedBookings: 0 });

    const stored = await getBooking(platform, booking.id, booking.accessToken);
    expect(stored.status).toBe('cancelled');
    expect(stored.refunds).toHaveLength(1);
    expect(refundsOf(await bookingPayment(booking.id))).toHaveLength(1);
    expect(await outboxFor(booking.id)).toHaveLength(2); // the confirmation, and one cancellation
  });

  it('lifting a ban reopens the departures it stopped; the cancelled bookings stay cancelled', async () => {
    const departureId = await departureAt('ha-long-cruise-port', 5, '10:30', 'heritage-lotus');
    const booking = await paidBooking(platform, departureId);
    const issued = await banOf({
      scope: { kind: 'route', routeId: 1 },
      ...dayPeriod(5),
      reason: 'Strong winds',
    });
    expect(issued.status).toBe(201);
    const { id } = (await issued.json()) as { id: string };
    expect((await postBooking(platform, bookingBody(departureId))).status).toBe(409);

    expect((await postJson(platform, `/api/boats/bans/${id}/lift`, operator, {})).status).toBe(403);
    const lifted = await postJson(platform, `/api/boats/bans/${id}/lift`, manager, {});
    expect(lifted.status).toBe(200);
    expect(((await lifted.json()) as { liftedAt?: string }).liftedAt).toBeDefined();
    expect((await postBooking(platform, bookingBody(departureId))).status).toBe(201);
    expect((await getBooking(platform, booking.id, booking.accessToken)).status).toBe('cancelled');
    const list = (await (await platform.app.request('/api/boats/bans')).json()) as { bans: { id: string }[] };
    expect(list.bans.map((ban) => ban.id)).not.toContain(id);
  });

  it('refuses a bad ban, a ban from an operator and a ban already over, changing nothing', async () => {
    const period = dayPeriod(6);
    const cases: [string | null, object, number][] = [
      [null, { scope: { kind: 'all' }, ...period, reason: 'Storm' }, 401],
      [operator, { scope: { kind: 'all' }, ...period, reason: 'Storm' }, 403],
      [manager, { scope: { kind: 'port', portId: 'atlantis' }, ...period, reason: 'Storm' }, 422],
      [manager, { scope: { kind: 'route', routeId: 98 }, ...period, reason: 'Storm' }, 422],
      [manager, { scope: { kind: 'all' }, from: period.until, until: period.from, reason: 'Storm' }, 400],
      [
        manager,
        {
          scope: { kind: 'all' },
          from: '2020-01-01T00:00:00Z',
          until: '2020-01-02T00:00:00Z',
          reason: 'Old',
        },
        422,
      ],
      [manager, { scope: { kind: 'all' }, ...period, reason: 'Storm\u0000' }, 400],
    ];
    for (const [token, body, status] of cases) {
      const response = await postJson(platform, '/api/boats/bans', token, body);
      expect(response.status, JSON.stringify(body)).toBe(status);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
    }
    const list = (await (
      await platform.app.request('/api/boats/bans', { headers: asStaff(manager) })
    ).json()) as {
      bans: { reason: string }[];
    };
    expect(list.bans.map((ban) => ban.reason)).not.toContain('Old');
  });

  it('takes the authority page’s plain form with the session cookie, from the site only', async () => {
    const date = addDays(localDateAt(new Date()), 8);
    const form = new URLSearchParams({
      language: 'en',
      scope: 'port:ha-long-cruise-port',
      fromDate: date,
      fromTime: '06:00',
      untilDate: date,
      untilTime: '18:00',
      reason: 'Fog: visibility under 500 m',
    });
    const post = (headers: Record<string, string>) =>
      platform.app.request('http://localhost/api/boats/bans', {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', ...headers },
        body: form.toString(),
      });
    const cookie = `hl_staff=${manager}`;
    const crossSite = await post({ Cookie: cookie, Origin: 'https://evil.example' });
    expect(crossSite.status).toBe(403);
    expect((await post({ Origin: 'http://localhost' })).status).toBe(401);
    // One click only asks: the first post goes to the page's confirmation step, and nothing is issued.
    const asked = await post({ Cookie: cookie, Origin: 'http://localhost' });
    expect(asked.status).toBe(303);
    expect(asked.headers.get('location')).toBe(
      `/en/authority/bans/?confirm=1&scope=port%3Aha-long-cruise-port&fromDate=${date}&fromTime=06%3A00&untilDate=${date}&untilTime=18%3A00&reason=Fog%3A+visibility+under+500+m`,
    );
    const listed = (await (
      await platform.app.request('/api/boats/bans', { headers: { Authorization: `Bearer ${manager}` } })
    ).json()) as { bans: { reason: string }[] };
    expect(listed.bans.map((ban) => ban.reason)).not.toContain('Fog: visibility under 500 m');
    form.set('confirmed', '1');
    const answered = await post({ Cookie: cookie, Origin: 'http://localhost' });
    expect(answered.status).toBe(303);
    expect(answered.headers.get('location')).toMatch(/^\/en\/authority\/bans\/\?issued=ban-/);
    const invalid = await platform.app.request('http://localhost/api/boats/bans', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        Cookie: cookie,
        Origin: 'http://localhost',
      },
      body: new URLSearchParams({
        language: 'vi',
        scope: 'port:ha-long-cruise-port',
        reason: 'x',
        confirmed: '1',
      }).toString(),
    });
    expect(invalid.status).toBe(303);
    expect(invalid.headers.get('location')).toBe('/vi/authority/bans/?error=validation-error');
  });
});

/** The payment intent Stripe (the test checkout) recorded for a booking. */
async function bookingPayment(bookingId: string): Promise<string | undefined> {
  const { GetCommand } = await import('@aws-sdk/lib-dynamodb');
  const { Item } = await platform.dependencies.db.send(
    new GetCommand({ TableName: platform.tableName, Key: { PK: `BOOKING#${bookingId}`, SK: 'BOOKING' } }),
  );
  return (Item?.payment as { paymentIntentId?: string } | undefined)?.paymentIntentId;
}
