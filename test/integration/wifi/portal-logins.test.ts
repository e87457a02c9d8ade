// The portal's other ways in, against DynamoDB Local: a one-time code by e-mail or SMS (sent through the
// messages port, here the outbox) and a boat booking reference; and the attacks on them — guessing a code,
// flooding an address with codes, guessing references, sharing one ticket with everyone.
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createBookingsStore } from '../../../functions/boats/bookings/store.js';
import type { Outbox } from '../../../functions/platform/messages/outbox.js';
import { adult, holdSeats, scheduleTestDeparture } from '../support/bookings.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';
import { clearOfWindowEdge } from '../support/windows.js';

let platform: TestPlatform;
let adminToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  adminToken = await platform.signIn('admin@halong.test', 'Admin-HaLong-2026');
});
afterAll(() => platform.dispose());

async function addMerakiHotspot(loginMethods: string[], policy: object = {}): Promise<string> {
  const response = await platform.app.request('/api/wifi/hotspots', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
    body: JSON.stringify({
      name: { vi: 'Chợ Hạ Long I', en: 'Hạ Long I market' },
      location: { lat: 20.951, lon: 107.081 },
      gateway: { vendor: 'meraki' },
      loginMethods,
      policy: {
        sessionMinutes: 60,
        downKbps: 8192,
        upKbps: 2048,
        quotaMB: 500,
        sessionsPerDevicePerDay: 3,
        ...policy,
      },
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

let macs = 0;
/** Opens the portal as a phone (a new one unless `mac` is given) sent by a Meraki access point; the page and its sealed context. */
async function openPortal(id: string, network = '203.0.113.7', mac?: string) {
  macs += 1;
  const query = new URLSearchParams({
    base_grant_url: 'https://n143.network-auth.com/splash/grant',
    user_continue_url: 'http://neverssl.com/',
    client_mac:
      mac ??
      `AA:BB:CC:00:${String(Math.floor(macs / 100)).padStart(2, '0')}:${String(macs % 100).padStart(2, '0')}`,
  });
  const response = await platform.app.request(`/portal/${id}?${query}`, {
    headers: { 'Accept-Language': 'en', 'X-Viewer-Address': network },
  });
  const page = await response.text();
  return { page, context: page.match(/name="context" value="([^"]+)"/)?.[1] ?? '' };
}

function post(id: string, step: string, fields: Record<string, string>, network = '203.0.113.7') {
  return platform.app.request(`/portal/${id}/${step}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Viewer-Address': network },
    body: new URLSearchParams({ lang: 'en', ...fields }).toString(),
  });
}

const outbox = () => platform.dependencies.messages as Outbox;

/** Asks for a code at a fresh login page; the code page's fields and the code as the outbox received it. */
async function askForCode(id: string, address: string, network?: string, mac?: string) {
  const { context } = await openPortal(id, network, mac);
  const response = await post(id, 'code', { context, address, accept: 'yes' }, network);
  const page = await response.text();
  const email = address.includes('@') ? address.trim().toLowerCase() : undefined;
  const message = (await outbox().list(10)).find((sent) =>
    email ? 'email' in sent.to && sent.to.email === email : 'phone' in sent.to,
  );
  return {
    response,
    page,
    message,
    code: message?.text.match(/\b(\d{6})\b/)?.[1] ?? '',
    context: page.match(/name="context" value="([^"]+)"/)?.[1] ?? '',
    request: page.match(/name="request" value="([^"]+)"/)?.[1] ?? '',
  };
}

describe('logging in with a one-time code', () => {
  it('sends six digits by e-mail, lets the guest in with them once, and keeps no address', async () => {
    const id = await addMerakiHotspot(['terms', 'code']);
    const { page } = await openPortal(id);
    expect(page).toContain('action="/portal/' + id + '/login"');
    expect(page).toContain('action="/portal/' + id + '/code"');
    expect(page).not.toContain('/ticket"');

    const asked = await askForCode(id, '  Traveller.Lan@Example.COM ');
    expect(asked.response.status).toBe(200);
    expect(asked.page).toContain('tr•••@example.com');
    expect(asked.page).toContain('autocomplete="one-time-code"');
    expect(asked.message).toMatchObject({
      kind: 'wifi-login-code',
      to: { email: 'traveller.lan@example.com' },
    });
    expect(asked.message?.subject).toContain(asked.code);
    expect(asked.code).toMatch(/^\d{6}$/);

    const wrongCode = asked.code === '000000' ? '000001' : '000000';
    const wrong = await post(id, 'verify', {
      context: asked.context,
      request: asked.request,
      code: wrongCode,
    });
    expect(wrong.status).toBe(422);
    expect(await wrong.text()).toContain('4 attempts left');

    const right = await post(id, 'verify', {
      context: asked.context,
      request: asked.request,
      code: asked.code,
    });
    expect(right.status).toBe(303);
    const to = new URL(right.headers.get('Location') ?? '');
    expect(to.origin).toBe('https://n143.network-auth.com');
    expect(to.searchParams.get('duration')).toBe(String(60 * 60));

    const again = await post(id, 'verify', {
      context: asked.context,
      request: asked.request,
      code: asked.code,
    });
    expect(again.status).toBe(422);
    expect(await again.text()).toContain('can no longer be used');

    // The consent is recorded with a keyed hash of the address; the address itself is nowhere but the outbox.
    const Items: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await platform.dependencies.db.send(
        new ScanCommand({ TableName: platform.tableName, ExclusiveStartKey: start }),
      );
      Items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    const consents = Items.filter((item) => item.entity === 'WifiConsent' && item.hotspotId === id);
    expect(consents).toHaveLength(1);
    expect(consents[0]).toMatchObject({ method: 'code', personalData: { channel: 'email' } });
    const mentions = Items.filter(
      (item) => item.entity !== 'OutboxMessage' && JSON.stringify(item).includes('traveller.lan'),
    );
    expect(mentions).toEqual([]);
  });

  it('sends an SMS in plain ASCII to a Vietnamese mobile number written the local way', async () => {
    const id = await addMerakiHotspot(['code']);
    const asked = await askForCode(id, '0912 345 678');
    expect(asked.response.status).toBe(200);
    expect(asked.message?.to).toEqual({ phone: '+84912345678' });
    expect(asked.message?.text).toMatch(/^[\x20-\x7e]+$/);
    expect(asked.message?.text.length).toBeLessThanOrEqual(160);
    expect(asked.page).toContain('+84 ••• 678');
  });

  it('asks again, keeping what was typed, for an address that is neither e-mail nor mobile, or without consent', async () => {
    const id = await addMerakiHotspot(['code']);
    const { context } = await openPortal(id);
    const bad = await post(id, 'code', { context, address: '12345', accept: 'yes' });
    expect(bad.status).toBe(422);
    const page = await bad.text();
    expect(page).toContain('valid e-mail address or mobile number');
    expect(page).toContain('value="12345"');
    expect(page).toContain('aria-invalid="true"');
    const noConsent = await post(id, 'code', { context, address: 'an@example.vn' });
    expect(noConsent.status).toBe(422);
    expect(await noConsent.text()).toContain('tick the box');
    const hostile = await post(id, 'code', {
      context,
      address: '"><script>alert(1)</script>@x.vn',
      accept: 'yes',
    });
    expect(hostile.status).toBe(422);
    expect(await hostile.text()).not.toContain('<script>alert');
  });

  it('spends a code after five wrong guesses, even guessed all at once, and then the right one no longer works', async () => {
    const id = await addMerakiHotspot(['code']);
    const asked = await askForCode(id, 'guess.me@example.vn', '198.51.100.20');
    const wrongCodes = Array.from({ length: 12 }, (_, index) =>
      String((Number(asked.code) + index + 1) % 1_000_000).padStart(6, '0'),
    );
    const answers = await Promise.all(
      wrongCodes.map((code) =>
        post(id, 'verify', { context: asked.context, request: asked.request, code }, '198.51.100.20'),
      ),
    );
    expect(answers.every((answer) => answer.status === 422)).toBe(true);
    const right = await post(
      id,
      'verify',
      { context: asked.context, request: asked.request, code: asked.code },
      '198.51.100.20',
    );
    expect(right.status).toBe(422);
    expect(await right.text()).toContain('can no longer be used');
  });

  it('sends an address three codes per quarter hour, and lets one network guess wrong only so often', async () => {
    const id = await addMerakiHotspot(['code']);
    for (let index = 0; index < 3; index += 1) {
      expect((await askForCode(id, 'flood@example.vn', '198.51.100.30')).response.status).toBe(200);
    }
    const fourth = await askForCode(id, 'FLOOD@example.vn', '198.51.100.31');
    expect(fourth.response.status).toBe(429);
    // Retry-After is when the quarter hour that is full ends.
    const retryAfter = Number(fourth.response.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(15 * 60);
    expect(fourth.page).toContain('Too many attempts');

    // 30 wrong codes from one network in ten minutes (from six phones), then even the right code is refused
    // before checking.
    const network = '198.51.100.40';
    await clearOfWindowEdge(600);
    let asked = await askForCode(id, 'n0@example.vn', network);
    for (let wrongs = 0; wrongs < 30; wrongs += 1) {
      if (wrongs % 5 === 0) asked = await askForCode(id, `n${wrongs}@example.vn`, network);
      const code = String((Number(asked.code) + 1) % 1_000_000).padStart(6, '0');
      await post(id, 'verify', { context: asked.context, request: asked.request, code }, network);
    }
    const blocked = await post(
      id,
      'verify',
      { context: asked.context, request: asked.request, code: asked.code },
      network,
    );
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeLessThanOrEqual(600);
  }, 120_000);

  it('locks a device out after ten wrong codes, from whatever network, with Retry-After and the wait in words', async () => {
    const id = await addMerakiHotspot(['code']);
    const phone = 'AA:BB:CC:09:09:09';
    await clearOfWindowEdge(600);
    for (const [index, network] of ['198.51.100.50', '198.51.100.51'].entries()) {
      const asked = await askForCode(id, `locked${index}@example.vn`, network, phone);
      for (let wrongs = 0; wrongs < 5; wrongs += 1) {
        const code = String((Number(asked.code) + 1 + wrongs) % 1_000_000).padStart(6, '0');
        const answer = await post(
          id,
          'verify',
          { context: asked.context, request: asked.request, code },
          network,
        );
        expect(answer.status).toBe(422);
      }
    }
    const asked = await askForCode(id, 'locked2@example.vn', '198.51.100.52', phone);
    const locked = await post(
      id,
      'verify',
      { context: asked.context, request: asked.request, code: asked.code },
      '198.51.100.52',
    );
    expect(locked.status).toBe(429);
    const retryAfter = Number(locked.headers.get('Retry-After'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await locked.text()).toMatch(/Please try again in \d+ minutes?\./);
    // Another phone on the same network is not held up.
    const other = await askForCode(id, 'free@example.vn', '198.51.100.52');
    const right = await post(
      id,
      'verify',
      { context: other.context, request: other.request, code: other.code },
      '198.51.100.52',
    );
    expect(right.status).toBe(303);
  }, 120_000);

  it('refuses a code step the hotspot does not offer', async () => {
    const id = await addMerakiHotspot(['terms']);
    const { context } = await openPortal(id);
    expect((await post(id, 'code', { context, address: 'a@example.vn', accept: 'yes' })).status).toBe(400);
  });
});

describe('logging in with a boat booking', () => {
  async function confirmedBooking(passengers = 1) {
    const departureId = await scheduleTestDeparture(platform, { daysAhead: 1 });
    const held = await holdSeats(
      platform,
      departureId,
      Array.from({ length: passengers }, (_, index) => adult(index)),
    );
    const store = createBookingsStore(platform.dependencies.db, platform.tableName);
    const booking = await store.getBooking(held.id);
    if (!booking) throw new Error('the booking was not stored');
    await store.confirmHeld(booking, {
      set: { status: 'confirmed', confirmedAt: new Date().toISOString() },
    });
    return held.id;
  }

  it('lets a passenger with tomorrow’s ticket in for the longer session, however the reference is typed', async () => {
    const id = await addMerakiHotspot(['terms', 'booking'], { ticketSessionMinutes: 600 });
    const reference = await confirmedBooking();
    const { page, context } = await openPortal(id);
    expect(page).toContain('Connect for 10 hours');
    const typed = `${reference.slice(0, 5).toLowerCase()} ${reference.slice(5).replaceAll('0', 'O')}`;
    const granted = await post(id, 'ticket', { context, reference: typed, accept: 'yes' });
    expect(granted.status, await granted.clone().text()).toBe(303);
    expect(new URL(granted.headers.get('Location') ?? '').searchParams.get('duration')).toBe(
      String(600 * 60),
    );
  });

  it('refuses a booking on hold, an unknown reference and a malformed one, in words next to the field', async () => {
    const id = await addMerakiHotspot(['booking']);
    const departureId = await scheduleTestDeparture(platform, { daysAhead: 1 });
    const held = await holdSeats(platform, departureId);
    for (const reference of [held.id, 'HL00000000']) {
      const { context } = await openPortal(id);
      const answer = await post(id, 'ticket', { context, reference, accept: 'yes' });
      expect(answer.status).toBe(422);
      expect(await answer.text()).toContain('no valid ticket for today or tomorrow');
    }
    const { context } = await openPortal(id);
    const malformed = await post(id, 'ticket', { context, reference: 'HL12', accept: 'yes' });
    expect(malformed.status).toBe(422);
    expect(await malformed.text()).toContain('HL and 8 characters');
  });

  it('lets one ticket in only as often a day as its passengers may have sessions', async () => {
    const id = await addMerakiHotspot(['booking'], { sessionsPerDevicePerDay: 2 });
    const reference = await confirmedBooking(1);
    const statuses: number[] = [];
    for (let index = 0; index < 3; index += 1) {
      const { context } = await openPortal(id);
      statuses.push((await post(id, 'ticket', { context, reference, accept: 'yes' })).status);
    }
    expect(statuses).toEqual([303, 303, 422]);
  });

  it('stops a network guessing references after 30 wrong ones in ten minutes, with Retry-After', async () => {
    const id = await addMerakiHotspot(['booking']);
    const network = '198.51.100.60';
    await clearOfWindowEdge(600);
    for (let index = 0; index < 30; index += 1) {
      const { context } = await openPortal(id, network);
      await post(
        id,
        'ticket',
        { context, reference: `HL${String(index).padStart(8, '0')}`, accept: 'yes' },
        network,
      );
    }
    const reference = await confirmedBooking();
    const { context } = await openPortal(id, network);
    const blocked = await post(id, 'ticket', { context, reference, accept: 'yes' }, network);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('Retry-After'))).toBeLessThanOrEqual(600);
    // An API client is told the same as problem+json.
    const again = await openPortal(id, network);
    const api = await platform.app.request(`/portal/${id}/ticket`, {
      method: 'POST',
      headers: {
        'Content-Type': 'application/x-www-form-urlencoded',
        'X-Viewer-Address': network,
        Accept: 'application/json',
      },
      body: new URLSearchParams({ lang: 'en', context: again.context, reference, accept: 'yes' }).toString(),
    });
    expect(api.status).toBe(429);
    expect(api.headers.get('Content-Type')).toBe('application/problem+json');
    expect(await api.json()).toMatchObject({ type: '/problems/too-many-attempts', status: 429 });
  }, 120_000);
});
