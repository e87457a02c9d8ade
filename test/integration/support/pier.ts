/** Helpers for the pier's tests: paid tickets, staff tokens, and the pier's requests as a scanner sends them. */
import { expect } from 'vitest';
import type { BookingView } from '../../../functions/boats/bookings/model.js';
import { asHolder, bookingBody, getBooking, postBooking } from './bookings.js';
import { demo, type TestPlatform } from './platform.js';

/** A booking held, paid through the test checkout and confirmed, with its ticket code. */
export async function paidBooking(
  platform: TestPlatform,
  departureId: string,
  passengers?: object[],
  language: 'vi' | 'en' = 'en',
) {
  const response = await postBooking(platform, { ...bookingBody(departureId, passengers), language });
  expect(response.status, await response.clone().text()).toBe(201);
  const held = (await response.json()) as BookingView & { accessToken: string };
  const checkout = await platform.app.request(`/api/bookings/${held.id}/checkout`, {
    method: 'POST',
    headers: asHolder(held.accessToken),
  });
  expect(checkout.status, await checkout.clone().text()).toBe(200);
  const sessionId = ((await checkout.json()) as { url: string }).url.split('/').pop() as string;
  expect(await platform.checkout.pay(sessionId)).toBe(200);
  const booking = await getBooking(platform, held.id, held.accessToken);
  expect(booking.status).toBe('confirmed');
  return {
    ...booking,
    accessToken: held.accessToken,
    code: booking.ticket?.code as string,
  } as BookingView & {
    accessToken: string;
    code: string;
  };
}

export const staffTokens = async (platform: TestPlatform) => {
  const [operator, manager] = await Promise.all([
    platform.signIn(demo.operator.email, demo.operator.password),
    platform.signIn(demo.manager.email, demo.manager.password),
  ]);
  return { operator, manager };
};

export function asStaff(token: string, extra: Record<string, string> = {}) {
  return { Authorization: `Bearer ${token}`, ...extra };
}

export function postJson(
  platform: TestPlatform,
  path: string,
  token: string | null,
  body: unknown,
  method = 'POST',
) {
  return platform.app.request(path, {
    method,
    headers: { 'Content-Type': 'application/json', ...(token && { Authorization: `Bearer ${token}` }) },
    body: JSON.stringify(body),
  });
}

export const checkIn = (platform: TestPlatform, token: string, body: Record<string, unknown>) =>
  postJson(platform, '/api/checkin', token, body);

/** Schedules a departure of any company's boat, as the tourism manager may. */
export async function scheduleAsManager(
  platform: TestPlatform,
  managerToken: string,
  options: { boatId: string; localTime: string; date: string; routeId?: number; portId?: string },
): Promise<string> {
  const response = await postJson(platform, '/api/boats/departures', managerToken, {
    routeId: options.routeId ?? 1,
    portId: options.portId ?? 'tuan-chau',
    boatId: options.boatId,
    localTime: options.localTime,
    dates: options.date,
    fares: {
      adult: 150000,
      'child-7-to-12': 100000,
      'child-under-7': 50000,
      'vietnamese-senior-60': 120000,
      'severe-disability': 50000,
    },
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { departures: { id: string }[] }).departures[0]?.id as string;
}

export async function departureOf(platform: TestPlatform, token: string, departureId: string) {
  const response = await platform.app.request(`/api/boats/departures/${departureId}/manifest`, {
    headers: asStaff(token),
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (
    (await response.json()) as {
      departure: { aboard: number; booked: number; capacity: number; status: string };
    }
  ).departure;
}

/** A walk-up party for the counter: adults with citizen IDs, numbered from `from`. */
export const walkUpParty = (size: number, from = 500) =>
  Array.from({ length: size }, (_, index) => ({
    category: 'adult',
    fullName: `Trần Thị Bình ${String.fromCharCode(65 + ((from + index) % 26))}`,
    documentType: 'citizen_id',
    documentNumber: String(2_000_000_000_00 + from + index).padStart(12, '0'),
    nationality: 'VN',
  }));
