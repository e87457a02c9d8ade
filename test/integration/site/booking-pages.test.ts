/**
 * Booking on the site without JavaScript, through the built pages mounted on the API app as the local server
 * mounts them: the party, the passengers' form (its errors explained), the hold, paying in the test checkout,
 * the ticket with its QR code, the confirmation link, and cancelling.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../../../functions/site/render.js';
import { createSiteServices } from '../../../functions/site/services.js';
import { scheduleTestDeparture } from '../support/bookings.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let departureId: string;
const origin = 'http://localhost';

beforeAll(async () => {
  platform = await createTestPlatform();
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  mountSitePages(platform.app, render, createSiteServices(platform.dependencies));
  departureId = await scheduleTestDeparture(platform);
});
afterAll(() => platform.dispose());

const get = (path: string, cookie?: string) =>
  platform.app.request(`${origin}${path}`, { headers: cookie ? { Cookie: cookie } : {} });

function post(path: string, fields: Record<string, string>, cookie?: string) {
  return platform.app.request(`${origin}${path}`, {
    method: 'POST',
    headers: {
      Origin: origin,
      'Content-Type': 'application/x-www-form-urlencoded',
      ...(cookie ? { Cookie: cookie } : {}),
    },
    body: new URLSearchParams(fields).toString(),
  });
}

const hiddenValue = (html: string, name: string) =>
  new RegExp(`name="${name.replace('.', '\\.')}" value="([^"]*)"`).exec(html)?.[1] ?? '';

const passengers = {
  'p0.fullName': 'Nguyễn Thị Lan',
  'p0.documentType': 'citizen_id',
  'p0.documentNumber': '001190012345',
  'p0.nationality': 'VN',
  'p1.fullName': 'Nguyễn Minh Khôi',
  'p1.documentType': 'citizen_id',
  'p1.documentNumber': '001216054321',
  'p1.nationality': 'VN',
  'p1.guardianName': 'Nguyễn Thị Lan',
  'p1.guardianDocument': '001190012345',
  'p1.guardianPhone': '0912 345 678',
  email: 'lan.nguyen@example.vn',
  phone: '0912 345 678',
};
const partyPath = () => `/vi/bookings/new/?departure=${departureId}&adult=1&child-7-to-12=1`;

async function bookAsVisitor() {
  const form = await (await get(partyPath())).text();
  const response = await post(partyPath(), {
    ...passengers,
    idempotencyKey: hiddenValue(form, 'idempotencyKey'),
  });
  expect(response.status).toBe(303);
  const location = response.headers.get('location') as string;
  const cookie = (response.headers.get('set-cookie') as string).split(';')[0] as string;
  return {
    location,
    cookie,
    id: location.split('/')[3] as string,
    setCookie: response.headers.get('set-cookie'),
  };
}

describe('booking on the site without JavaScript', () => {
  it('links each departure of the search to its booking form, which first asks for the party', async () => {
    const date = `${departureId.slice(4, 8)}-${departureId.slice(8, 10)}-${departureId.slice(10, 12)}`;
    const search = await (await get(`/en/boats/departures/?date=${date}&route=1&passengers=3`)).text();
    expect(search).toContain(`/en/bookings/new/?departure=${departureId}&#38;passengers=3`);
    const party = await get(`/en/bookings/new/?departure=${departureId}&passengers=3`);
    expect(party.status).toBe(200);
    expect(party.headers.get('cache-control')).toBe('private, no-store');
    const html = await party.text();
    expect(html).toContain('How many are travelling?');
    expect(html).toMatch(/id="count-adult"[^>]*value="3"/);
  });

  it('asks for each passenger’s identity, a guardian for the child, and shows the total', async () => {
    const html = await (await get(partyPath())).text();
    expect(html.match(/data-testid="passenger"/g)).toHaveLength(2);
    expect(html).toContain('Người giám hộ của trẻ');
    // 440,000 ₫ for the adult, 332,000 ₫ for the child of 7–12 (20 % off the fee).
    expect(html).toMatch(/data-testid="booking-total">772\.000\s₫/);
    expect(hiddenValue(html, 'idempotencyKey')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('explains each wrong field in plain words, keeps what was typed, and holds nothing', async () => {
    const form = await (await get(partyPath())).text();
    const response = await post(partyPath(), {
      ...passengers,
      'p0.documentNumber': '12345',
      'p1.guardianPhone': '',
      email: 'lan.nguyen',
      idempotencyKey: hiddenValue(form, 'idempotencyKey'),
    });
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain('Chưa đặt được chỗ: vui lòng sửa 3 mục bên dưới.');
    expect(html).toContain('Số căn cước công dân gồm đúng 12 chữ số.');
    expect(html).toContain('Nhập địa chỉ thư điện tử');
    expect(html).toContain('href="#p0.documentNumber"');
    expect(html).toMatch(/id="p0\.documentNumber"[^>]*aria-invalid="true"/);
    expect(html).toContain('value="Nguyễn Thị Lan"');
    const seats = await platform.app.request(`/api/boats/departures/${departureId}`);
    expect(((await seats.json()) as { seatsLeft: number }).seatsLeft).toBe(48);
  });

  it('holds the seats, keeps the key in an HttpOnly cookie, and offers to pay', async () => {
    const { location, cookie, setCookie } = await bookAsVisitor();
    expect(location).toMatch(/^\/vi\/bookings\/HL[0-9A-Z]{8}\/$/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    const page = await get(location, cookie);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('private, no-store');
    const html = await page.text();
    expect(html).toContain('Đang giữ chỗ — chờ thanh toán');
    expect(html).toContain('Nguyễn Minh Khôi');
    expect(html).toMatch(/Thanh toán 772\.000\s₫/);
    // Another browser, without the cookie, sees nothing of it.
    const stranger = await get(location);
    expect(stranger.status).toBe(404);
    expect(await stranger.text()).not.toContain('Nguyễn');
  });

  it('pays through the form, shows the ticket with its QR code, and cancels with the refund', async () => {
    const { location, cookie, id } = await bookAsVisitor();
    const html = await (await get(location, cookie)).text();
    const pay = await post(`/api/bookings/${id}/checkout`, {
      accessToken: hiddenValue(html, 'accessToken'),
      language: 'vi',
    });
    expect(pay.status).toBe(303);
    const checkoutUrl = pay.headers.get('location') as string;
    expect(checkoutUrl).toContain(platform.checkout.apiBase.split(':').pop() as string);
    await platform.checkout.pay(checkoutUrl.split('/').pop() as string);

    const ticketPage = await (await get(location, cookie)).text();
    expect(ticketPage).toContain('Đã xác nhận');
    expect(ticketPage).toMatch(/data-testid="ticket"/);
    expect(ticketPage).toMatch(/<svg[^>]*viewBox/);
    expect(ticketPage).toMatch(/Nếu huỷ bây giờ, bạn được hoàn 772\.000\s₫/);
    const qr = await get(`${location}qr.svg`, cookie);
    expect(qr.headers.get('content-type')).toBe('image/svg+xml');
    expect(qr.headers.get('content-disposition')).toContain(`ticket-${id}.svg`);

    // One click only asks: the page's button leads to the confirmation step, and a form post without it too.
    expect(ticketPage).toContain(`href="${location}?confirm=cancel"`);
    const oneClick = await post(`/api/bookings/${id}/cancel`, {
      accessToken: hiddenValue(ticketPage, 'accessToken'),
      language: 'vi',
    });
    expect(oneClick.status).toBe(303);
    expect(oneClick.headers.get('location')).toBe(`${location}?confirm=cancel`);
    expect(await (await get(location, cookie)).text()).toContain('Đã xác nhận');

    const confirmPage = await (await get(`${location}?confirm=cancel`, cookie)).text();
    expect(confirmPage).toMatch(/Bạn sẽ được hoàn 772\.000\s₫ \(100\s?%\) vào thẻ đã dùng để thanh toán\./);
    expect(confirmPage).toMatch(/Đồng ý huỷ và hoàn 772\.000\s₫/);
    expect(hiddenValue(confirmPage, 'expectedRefund')).toBe('772000');
    // The refund shown is no longer what cancelling grants: nothing happens, and the page says so.
    const stale = await post(`/api/bookings/${id}/cancel`, {
      accessToken: hiddenValue(confirmPage, 'accessToken'),
      language: 'vi',
      confirmed: '1',
      expectedRefund: '900000',
    });
    expect(stale.headers.get('location')).toBe(`${location}?error=refund-changed`);
    expect(await (await get(location, cookie)).text()).toContain('Đã xác nhận');

    const cancel = await post(`/api/bookings/${id}/cancel`, {
      accessToken: hiddenValue(confirmPage, 'accessToken'),
      language: 'vi',
      confirmed: '1',
      expectedRefund: hiddenValue(confirmPage, 'expectedRefund'),
    });
    expect(cancel.status).toBe(303);
    expect(cancel.headers.get('location')).toBe(location);
    const cancelled = await (await get(location, cookie)).text();
    expect(cancelled).toContain('Đặt chỗ này đã được huỷ.');
    expect(cancelled).toMatch(/Hoàn tiền: 772\.000\s₫/);
  });

  it('opens the booking from the confirmation link in another browser, then shows the clean address', async () => {
    const { location, cookie, id } = await bookAsVisitor();
    const html = await (await get(location, cookie)).text();
    const pay = await post(`/api/bookings/${id}/checkout`, {
      accessToken: hiddenValue(html, 'accessToken'),
      language: 'vi',
    });
    await platform.checkout.pay((pay.headers.get('location') as string).split('/').pop() as string);

    const manager = await platform.signIn(demo.manager.email, demo.manager.password);
    const { messages } = (await (
      await platform.app.request('/api/outbox', { headers: { Authorization: `Bearer ${manager}` } })
    ).json()) as { messages: { reference: string; text: string }[] };
    const text = messages.find((message) => message.reference === id)?.text ?? '';
    const link = new URL(/https?:\/\/\S+\?token=\S+/.exec(text)?.[0] as string);
    const opened = await get(`${link.pathname}${link.search}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.get('location')).toBe(location);
    const linkCookie = (opened.headers.get('set-cookie') as string).split(';')[0];
    expect(await (await get(location, linkCookie)).text()).toContain('Vé của bạn');
  });

  it('answers a refused form post back on the booking page in plain words', async () => {
    const { location, id } = await bookAsVisitor();
    const refused = await post(`/api/bookings/${id}/checkout`, {
      accessToken: 'x'.repeat(43),
      language: 'en',
    });
    expect(refused.status).toBe(303);
    expect(refused.headers.get('location')).toBe(`${location.replace('/vi/', '/en/')}?error=not-found`);
  });
});
