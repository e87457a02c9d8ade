// The pier scanner in Chromium against the running platform: the operator signs in on the site, opens the
// scanner for a departure of their company with paid bookings, boards one by its typed reference (green, the
// count rises), is stopped when it comes again (red, already checked in), and boards another through a short
// signal loss (amber and queued, then sent when the network returns).
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { addDays, localDateAt } from '../../functions/platform/local-time.js';
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

const isLoopback = (url: string) =>
  url.startsWith('data:') ||
  url.startsWith('blob:') ||
  ['127.0.0.1', 'localhost'].includes(new URL(url).hostname);

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

/** A departure tomorrow on one of demo-bay-cruises' boats, at an early minute no seeded departure uses. */
async function scheduleDeparture(): Promise<string> {
  const { idToken } = await api<{ idToken: string }>('/api/auth/login', {
    method: 'POST',
    body: JSON.stringify(operator),
  });
  const minute = String(Math.floor(Math.random() * 60)).padStart(2, '0');
  const { departures } = await api<{ departures: { id: string }[] }>('/api/boats/departures', {
    method: 'POST',
    token: idToken,
    body: JSON.stringify({
      routeId: 1,
      portId: 'tuan-chau',
      boatId: 'bay-pearl-01',
      localTime: `05:${minute}`,
      dates: addDays(localDateAt(new Date()), 1),
      fares,
    }),
  });
  return departures[0]?.id as string;
}

/** A booking of two adults held, paid in the local test checkout and confirmed, with its ticket code. */
async function paidBooking(departureId: string, names: [string, string]) {
  const held = await api<{ id: string; accessToken: string }>('/api/bookings', {
    method: 'POST',
    headers: { 'Idempotency-Key': crypto.randomUUID() },
    body: JSON.stringify({
      departureId,
      passengers: names.map((fullName, index) => ({
        category: 'adult',
        fullName,
        documentType: 'citizen_id',
        documentNumber: String(100_000_000_000 + Math.floor(Math.random() * 1e9) + index).padStart(12, '0'),
        nationality: 'VN',
      })),
      contact: { email: 'an.nguyen@example.vn', phone: '+84 912 345 678' },
      language: 'en',
    }),
  });
  const { url } = await api<{ url: string }>(`/api/bookings/${held.id}/checkout`, {
    method: 'POST',
    token: held.accessToken,
  });
  expect(isLoopback(url)).toBe(true);
  const paid = await fetch(`${url}/pay`, { method: 'POST', redirect: 'manual' });
  expect(paid.status).toBeLessThan(400);
  // The checkout's webhook confirms the booking and issues its ticket.
  for (let attempt = 0; attempt < 50; attempt++) {
    const booking = await api<{ status: string; ticket?: { code: string } }>(`/api/bookings/${held.id}`, {
      token: held.accessToken,
    });
    if (booking.status === 'confirmed' && booking.ticket) return { id: held.id, code: booking.ticket.code };
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`booking ${held.id} was not confirmed after paying`);
}

let browser: Browser;
let departureId: string;
let first: { id: string; code: string };
let second: { id: string; code: string };
let third: { id: string; code: string };

beforeAll(async () => {
  browser = await launchBrowser();
  departureId = await scheduleDeparture();
  first = await paidBooking(departureId, ['Nguyễn Văn An', 'Nguyễn Thị Lan']);
  second = await paidBooking(departureId, ['Lê Minh Tuấn', 'Lê Thị Hoa']);
  third = await paidBooking(departureId, ['Phạm Văn Đức', 'Phạm Thị Thu']);
});
afterAll(() => browser?.close());

/** Requests the pages made to any host but this machine's: none may (checked before each context closes). */
const elsewhere: string[] = [];
function watchRequests(page: Page) {
  page.on('request', (request) => {
    if (!isLoopback(request.url())) elsewhere.push(request.url());
  });
}
async function closeChecked(context: BrowserContext) {
  await context.close();
  expect(elsewhere).toEqual([]);
}

async function openScanner(context: BrowserContext): Promise<Page> {
  const page = await context.newPage();
  watchRequests(page);
  await page.goto(`${baseUrl}/en/operator/scanner/?departure=${departureId}`);
  // Staff pages send an unsigned visitor to the sign-in page first, and back after.
  await page.getByLabel('E-mail').fill(operator.email);
  await page.getByLabel('Password').fill(operator.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByLabel('Ticket code or booking reference').waitFor();
  // The island has started (its network line is not in the page's own HTML).
  await page.getByTestId('network').waitFor();
  return page;
}

const aboardCount = (page: Page) => page.locator('.scanner-count-value').innerText();

/** The text of the verdict panel once it shows `tone` (its colour, which the word and icon repeat). */
async function shownVerdict(page: Page, tone: 'board' | 'stop' | 'hold'): Promise<string> {
  const panel = page.getByTestId('verdict').locator(`.scanner-verdict-${tone}`);
  await panel.waitFor();
  return panel.innerText();
}

async function check(page: Page, code: string) {
  await page.getByLabel('Ticket code or booking reference').fill(code);
  await page.getByRole('button', { name: 'Check in' }).click();
}

describe('the pier scanner', () => {
  it('boards a typed booking reference (green, the count rises) and stops it the second time', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await openScanner(context);
    expect(new URL(page.url()).searchParams.get('departure')).toBe(departureId);
    const verdict = page.getByTestId('verdict');
    expect(await aboardCount(page)).toMatch(/^0 \/ \d+$/);

    await check(page, first.id);
    expect(await shownVerdict(page, 'board')).toMatch(/^✓ BOARD\b/);
    expect(await verdict.innerText()).toContain('Nguyễn Thị Lan');
    expect(await aboardCount(page)).toMatch(/^2 \/ \d+$/);
    expect(await accessibilityViolations(page)).toEqual([]);

    await check(page, first.id.toLowerCase());
    expect(await shownVerdict(page, 'stop')).toMatch(/^✕ STOP\b/);
    expect(await verdict.innerText()).toMatch(/Already checked in at \d\d:\d\d by operator@halong\.test\./);
    expect(await aboardCount(page)).toMatch(/^2 \/ \d+$/);
    expect(await accessibilityViolations(page)).toEqual([]);
    await closeChecked(context);
  });

  it('accepts a signed ticket offline, queues it, and sends it when the network returns', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await openScanner(context);
    // The ticket keys are fetched and kept on load.
    await page.waitForFunction(() => localStorage.getItem('halong.scanner.ticket-keys') !== null);
    const before = Number((await aboardCount(page)).split(' / ')[0]);

    await context.setOffline(true);
    await page.getByTestId('network').getByText('Offline').waitFor();
    await check(page, second.code);
    const verdict = page.getByTestId('verdict');
    await verdict.getByText('Accepted offline — will be sent').waitFor();
    expect(await shownVerdict(page, 'hold')).toMatch(/^… WAIT\b/);
    expect(await page.getByTestId('queued').innerText()).toBe('Waiting to be sent: 1');

    // A code whose claims were altered fails its signature at once, offline.
    const [header, payload, signature] = second.code.split('.');
    const claims = JSON.parse(Buffer.from(payload as string, 'base64url').toString()) as { n: number };
    const altered = Buffer.from(JSON.stringify({ ...claims, n: claims.n + 5 })).toString('base64url');
    await check(page, `${header}.${altered}.${signature}`);
    expect(await shownVerdict(page, 'stop')).toMatch(/^✕ STOP\b/);
    expect(await page.getByTestId('queued').innerText()).toBe('Waiting to be sent: 1');

    await context.setOffline(false);
    await page.getByTestId('queued').getByText('Waiting to be sent: 0').waitFor();
    expect(await aboardCount(page)).toBe(`${before + 2} / ${(await aboardCount(page)).split(' / ')[1]}`);
    expect(await page.getByTestId('conflicts').count()).toBe(0);
    await closeChecked(context);
  });

  it('boards and stops without JavaScript, the page itself answering (vi)', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled: false });
    const page = await context.newPage();
    watchRequests(page);
    await page.goto(`${baseUrl}/vi/operator/scanner/?departure=${departureId}`);
    await page.getByLabel('Thư điện tử').fill(operator.email);
    await page.getByLabel('Mật khẩu').fill(operator.password);
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    const code = page.getByLabel('Mã vé hoặc mã đặt chỗ');
    await code.fill(third.id);
    await page.getByRole('button', { name: 'Cho lên tàu' }).click();
    expect(await shownVerdict(page, 'board')).toMatch(/^✓ LÊN TÀU\b/);
    expect(await page.getByTestId('verdict').innerText()).toContain('Phạm Thị Thu');

    await code.fill(third.id);
    await page.getByRole('button', { name: 'Cho lên tàu' }).click();
    const verdict = page.getByTestId('verdict');
    expect(await shownVerdict(page, 'stop')).toMatch(/^✕ DỪNG LẠI\b/);
    expect(await verdict.innerText()).toMatch(
      /Đã lên tàu lúc \d\d:\d\d, do operator@halong\.test kiểm tra\./,
    );
    await closeChecked(context);
  });
});
