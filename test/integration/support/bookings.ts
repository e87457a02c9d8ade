/** Helpers for booking tests: schedule a departure of our own, and make bookings the way a client does. */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { BookingView } from '../../../functions/boats/bookings/model.js';
import { createBookingsService } from '../../../functions/boats/bookings/service.js';
import { createBookingsStore } from '../../../functions/boats/bookings/store.js';
import { createCatalogueStore } from '../../../functions/boats/catalogue/store.js';
import type { Fares } from '../../../functions/boats/departures/model.js';
import { createDeparturesStore } from '../../../functions/boats/departures/store.js';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import { demo, PROBLEM_JSON, type TestPlatform } from './platform.js';

export const boatFares: Fares = {
  adult: 150000,
  'child-7-to-12': 100000,
  'child-under-7': 50000,
  'vietnamese-senior-60': 120000,
  'severe-disability': 50000,
};

let nextMinute = 0;

/**
 * A new route-1 departure from Tuần Châu on one of demo-bay-cruises' boats (48 seats by default), at a
 * minute no other test of the file uses, `daysAhead` local days from today.
 */
export async function scheduleTestDeparture(
  platform: TestPlatform,
  options: { daysAhead?: number; boatId?: string; localTime?: string } = {},
): Promise<string> {
  const token = await platform.signIn(demo.operator.email, demo.operator.password);
  const minute = nextMinute++;
  const localTime = options.localTime ?? `05:${String(minute).padStart(2, '0')}`;
  const response = await platform.app.request('/api/boats/departures', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({
      routeId: 1,
      portId: 'tuan-chau',
      boatId: options.boatId ?? 'bay-pearl-01',
      localTime,
      dates: addDays(localDateAt(new Date()), options.daysAhead ?? 5),
      fares: boatFares,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const { departures } = (await response.json()) as { departures: { id: string }[] };
  return (departures[0] as { id: string }).id;
}

export const adult = (index = 0) => ({
  category: 'adult',
  fullName: `Nguyễn Văn An ${String.fromCharCode(65 + (index % 26))}`,
  documentType: 'citizen_id',
  documentNumber: String(1_000_000_000_00 + index).padStart(12, '0'),
  nationality: 'VN',
});

export const foreignChild = {
  category: 'child-7-to-12',
  fullName: 'Emma Martin',
  documentType: 'passport',
  documentNumber: '19AB12345',
  nationality: 'FR',
  guardian: { fullName: 'Claire Martin', documentNumber: '18CD54321', phone: '+33 6 12 34 56 78' },
};

export const contact = { email: 'an.nguyen@example.vn', phone: '+84 912 345 678' };

export function bookingBody(departureId: string, passengers: object[] = [adult()]) {
  return { departureId, passengers, contact, language: 'en' };
}

export function postBooking(platform: TestPlatform, body: object, idempotencyKey: string = randomUUID()) {
  return platform.app.request('/api/bookings', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
    body: JSON.stringify(body),
  });
}

export async function holdSeats(platform: TestPlatform, departureId: string, passengers?: object[]) {
  const response = await postBooking(platform, bookingBody(departureId, passengers));
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as BookingView & { accessToken: string };
}

export function asHolder(token: string) {
  return { Authorization: `Bearer ${token}` };
}

export async function getBooking(platform: TestPlatform, id: string, token: string) {
  const response = await platform.app.request(`/api/bookings/${id}`, { headers: asHolder(token) });
  expect(response.status).toBe(200);
  return (await response.json()) as BookingView;
}

export async function seatsOf(platform: TestPlatform, departureId: string) {
  const response = await platform.app.request(`/api/boats/departures/${departureId}`);
  return ((await response.json()) as { seatsLeft: number }).seatsLeft;
}

export async function problemOf(response: Response) {
  expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
  return (await response.json()) as {
    type: string;
    detail?: string;
    seatsLeft?: number;
    errors?: { path: string; message: string }[];
  };
}

/** The bookings service as the scheduled jobs run it, with its clock `offsetMs` from now. */
export function bookingsServiceAt(platform: TestPlatform, offsetMs: number) {
  const { db, config } = platform.dependencies;
  return createBookingsService(
    {
      bookings: createBookingsStore(db, config.tableName),
      departures: createDeparturesStore(db, config.tableName),
      catalogue: createCatalogueStore(db, config.tableName),
    },
    config.bookings,
    () => new Date(Date.now() + offsetMs),
  );
}
