// "Where is my boat?" in Chromium against the running platform: a visitor pays for a trip leaving in 40 minutes,
// opens their booking, follows its link, and sees their boat — in port, where its tracker put it — and no other
// boat, though another of the same company reports at the same moment; the API answers the same to their token.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
const operator = { email: 'operator@halong.test', password: 'Operator-HaLong-2026' };
const fares = {
  adult: 150000,
  'child-7-to-12': 100000,
  'child-under-7': 50000,
  'vietnamese-senior-60': 120000,
  'severe-disability': 50000,
};

async function api<T>(path: string, init: RequestInit & { token?: string } = {}): Promise<T> {
  const { token, ...rest } = init;
  const response = await fetch(`${baseUrl}${path}`, {
    ...rest,
    headers: {
      'Content-Type': 'application/json',
      ...(token && { Authorization: `Bearer ${token}` }),
      ...(rest.headers as Record<string, string>),
    },
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${path} answered ${response.status}: ${text}`);
  return JSON.parse(text) as T;
}

/** Bay Pearl 02 leaving 40 minutes from now (Hạ Long time): still on sale, and its holder may follow the boat. */
async function departureInFortyMinutes(): Promise<string> {
  const { idToken } = await api<{ idToken: string }>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify(operator),
  });
  const local = new Date(Date.now() + 40 * 60_000 + 7 * 3_600_000).toISOString();
  const { departures } = await api<{ departures: { id: string }[] }>('/api/boats/departures', {
    method: 'POST',
    token: idToken,
    body: JSON.stringify({
      routeId: 1,
      portId: 'tuan-chau',
      boatId: 'bay-pearl-02',
      localTime: local.slice(11, 16),
      dates: local.slice(0, 10),
      fares,
    }),
  });
  return departures[0]?.id as string;
}

async function paidBooking(departureId: string): Promise<{ id: string; accessToken: string }> {
  const held = await api<{ id: string; accessToken: string }>('/api/bookings', {
    method: 'POST',
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      departureId,
      passengers: [
        {
          category: 'adult',
          fullName: 'Trần Thị Mai',
          documentType: 'citizen_id',
          documentNumber: String(100_000_000_000 + Math.floor(Math.random() * 1e9)).padStart(12, '0'),
          nationality: 'VN',
        },
      ],
      contact: { email: 'mai.tran@example.vn', phone: '+84 912 345 679' },
      language: 'en',
    }),
  });
  const { url } = await api<{ url: string }>(`/api/bookings/${held.id}/checkout`, {
    method: 'POST',
    token: held.accessToken,
  });
  const paid = await fetch(`${url}/pay`, { method: 'POST', redirect: 'manual' });
  expect(paid.status).toBeLessThan(400);
  for (let attempt = 0; attempt < 50; attempt++) {
    const booking = await api<{ status: string }>(`/api/bookings/${held.id}`, { token: held.accessToken });
    if (booking.status === 'confirmed') return held;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`booking ${held.id} was not confirmed after paying`);
}

/** A boat's tracker reports as Traccar Client posts: the fields in the query string. */
async function report(trackerId: string, lat: number, lon: number, speed: number): Promise<void> {
  const query = new URLSearchParams({
    id: trackerId,
    lat: String(lat),
    lon: String(lon),
    timestamp: String(Math.floor(Date.now() / 1000)),
    speed: String(speed),
    bearing: '90',
  });
  const answer = await fetch(`${baseUrl}/api/tracking/osmand?${query}`, { method: 'POST' });
  expect(answer.status).toBe(200);
}

let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

describe('where is my boat', () => {
  it('shows a ticket holder their own boat and no other, with nothing fetched from outside', async () => {
    const booking = await paidBooking(await departureInFortyMinutes());
    // Bay Pearl 02 waits at Tuần Châu; Bay Pearl 01, the same company's, is out on the bay.
    await report('GT-QN5912', 20.92, 106.993, 0);
    await report('GT-QN5868', 20.9136, 107.02379, 9);

    // Tracking reads the bay's departures through a 10-second cache, so the trip booked a moment ago may take
    // that long to be known there; until then its boat is shown without a position.
    const seenBoats = () =>
      api<{ boats: { boatId: string; position: unknown }[] }>(
        `/api/tracking/boats?booking=${booking.id}&token=${encodeURIComponent(booking.accessToken)}`,
      );
    await expect
      .poll(async () => (await seenBoats()).boats[0]?.position ?? null, { timeout: 20_000, interval: 1_000 })
      .not.toBeNull();
    expect((await seenBoats()).boats.map((boat) => boat.boatId)).toEqual(['bay-pearl-02']);

    const context = await browser.newContext({ locale: 'en-GB' });
    const requested: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/bookings/${booking.id}/?token=${encodeURIComponent(booking.accessToken)}`);
    await page.getByTestId('where-is-my-boat').click();
    await page.waitForURL((url) => url.pathname === `/en/bookings/${booking.id}/boat/`);
    const facts = page.getByTestId('my-boat');
    await facts.waitFor();
    await expect(page.getByText('Bay Pearl 02').count()).resolves.toBeGreaterThan(0);
    await expect(page.getByText('Bay Pearl 01').count()).resolves.toBe(0);
    await page.locator('.live-boat[data-boat-id="bay-pearl-02"]').waitFor({ timeout: 20_000 });
    await expect(page.locator('.live-boat').count()).resolves.toBe(1);

    const outside = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1' && hostname !== 'localhost';
    });
    expect(outside).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
