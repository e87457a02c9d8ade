/**
 * Property: whatever passengers and contact the booking request's schema accepts, the booking stores them and
 * its holder reads them back equal to what the schema made of them (document numbers upper-cased and without
 * spaces, names trimmed). Passengers are generated within their cross-field rules (a citizen ID is 12 digits and
 * Vietnamese, a child travels with a guardian and an adult), then kept only if the schema accepts them.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BookingRequest, type BookingView } from '../../../../functions/boats/bookings/model.js';
import { scheduleTestDeparture } from '../../support/bookings.js';
import { createTestPlatform, type TestPlatform } from '../../support/platform.js';

let platform: TestPlatform;
const departures: string[] = [];

beforeAll(async () => {
  platform = await createTestPlatform();
  // Enough seats for every run: four departures of 48 seats, at most four passengers a run.
  for (let index = 0; index < 4; index++)
    departures.push(await scheduleTestDeparture(platform, { daysAhead: 3 + index }));
}, 120_000);
afterAll(() => platform.dispose());

const letters =
  'aăâbcdđeêghiklmnoôơpqrstuưvxyàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵçñöüß';
const word = fc
  .array(fc.constantFrom(...letters), { minLength: 1, maxLength: 9 })
  .map((chars) => chars.join(''))
  .map((text) => `${text[0]?.toUpperCase() ?? ''}${text.slice(1)}`);
const fullName = fc
  .tuple(
    fc.array(word, { minLength: 2, maxLength: 4 }),
    fc.constantFrom(' ', '  '),
    fc.constantFrom('', " O'", '-Anne', ' Jr.'),
  )
  .map(([words, gap, tail]) => ` ${words.join(gap)}${tail} `);
const citizenId = fc.stringMatching(/^\d{12}$/);
const passport = fc
  .stringMatching(/^[A-Z0-9]{6,12}$/)
  .chain((number) =>
    fc.constantFrom(number, number.toLowerCase(), `${number.slice(0, 3)} ${number.slice(3)}`),
  );
const phone = fc.stringMatching(/^\+?[0-9 ().-]{8,20}$/).filter((text) => text.trim().length >= 8);
const identity = fc.oneof(
  fc.record({
    documentType: fc.constant('citizen_id'),
    documentNumber: citizenId,
    nationality: fc.constant('VN'),
  }),
  fc.record({
    documentType: fc.constant('passport'),
    documentNumber: passport,
    nationality: fc.constantFrom('VN', 'FR', 'KR', 'US', 'AU'),
  }),
);
const grownUp = fc
  .tuple(identity, fullName, fc.constantFrom('adult', 'severe-disability', 'vietnamese-senior-60'))
  .map(([who, name, category]) => ({
    ...who,
    fullName: name,
    category: who.nationality === 'VN' ? category : 'adult',
  }));
const child = fc
  .tuple(identity, fullName, fc.constantFrom('child-7-to-12', 'child-under-7'), fullName, citizenId, phone)
  .map(([who, name, category, guardianName, guardianDocument, guardianPhone]) => ({
    ...who,
    fullName: name,
    category,
    guardian: { fullName: guardianName, documentNumber: guardianDocument, phone: guardianPhone },
  }));
const request = fc
  .record({
    departureId: fc.constant('chosen-per-run'),
    passengers: fc
      .tuple(grownUp, fc.array(fc.oneof(grownUp, child), { maxLength: 3 }))
      .map(([first, rest]) => [first, ...rest]),
    contact: fc.record({ email: fc.emailAddress(), phone }),
    language: fc.constantFrom('vi', 'en'),
  })
  .filter((body) => BookingRequest.safeParse(body).success);

describe('a booking reads back what its request held', () => {
  it('stores every accepted party of passengers and the contact, and its holder reads them back equal', async () => {
    let booked = 0;
    await fc.assert(
      fc.asyncProperty(request, fc.nat({ max: 3 }), async (body, departureIndex) => {
        const sent = { ...body, departureId: departures[departureIndex] };
        const created = await platform.app.request('/api/bookings', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', 'Idempotency-Key': crypto.randomUUID() },
          body: JSON.stringify(sent),
        });
        expect(created.status, await created.clone().text()).toBe(201);
        const { id, accessToken } = (await created.json()) as BookingView;
        const read = await platform.app.request(`/api/bookings/${id}`, {
          headers: { Authorization: `Bearer ${accessToken}` },
        });
        expect(read.status).toBe(200);
        const booking = (await read.json()) as BookingView;
        const expected = BookingRequest.parse(sent);
        expect(booking.passengers).toEqual(expected.passengers);
        expect(booking.contact).toEqual(expected.contact);
        expect(booking.language).toBe(expected.language);
        booked += 1;
      }),
      { numRuns: 25, seed: 18_2026, endOnFailure: true },
    );
    expect(booked).toBe(25);
  }, 180_000);
});
