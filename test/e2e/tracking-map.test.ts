// The live boat map in Chromium against the running platform: a seeded boat reports a position the way Traccar
// Client does, the manager's map draws the bay with MapLibre GL and the boat as a keyboard-reachable marker, and
// moves when the next report arrives over the WebSocket, and not one request of the page leaves this machine (no
// tile server, no fonts, no sprites).
import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/**
 * Bay Pearl 05's tracker (assets/seed/demo-fleet.json) reports a fix off Tuần Châu, as Traccar Client posts it. Its
 * safety certificate has expired, so it has no departure and the fleet simulator of `npm start` never reports it:
 * this test's fixes stay its latest while the page is checked.
 */
async function reportPosition(lat = '20.9150', lon = '107.0000', secondsAgo = 0): Promise<void> {
  const query = new URLSearchParams({
    id: 'GT-QN4471',
    lat,
    lon,
    timestamp: String(Math.floor(Date.now() / 1000) - secondsAgo),
    speed: '7.5',
    bearing: '135',
    accuracy: '8',
  });
  const answer = await fetch(`${baseUrl}/api/tracking/osmand?${query}`, { method: 'POST' });
  expect(answer.status).toBe(200);
}

async function signInAsManager(page: Page, path: string): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  if (new URL(page.url()).pathname.endsWith('/staff/sign-in/')) {
    await page.getByLabel('E-mail').fill('manager@halong.test');
    await page.getByLabel('Password').fill('Manager-HaLong-2026');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => url.pathname === path);
  }
}

describe('the live boat map', () => {
  it('draws the bay and the boats with nothing fetched from outside this machine', async () => {
    // Two minutes ago: the next fix, 1.6 km on, is then a plausible 26 knots, not a jump the intake sets aside.
    await reportPosition('20.9150', '107.0000', 120);
    const context = await browser.newContext({ locale: 'en-GB' });
    const requested: string[] = [];
    const problems: string[] = [];
    context.on('request', (request) => requested.push(request.url()));
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));

    await signInAsManager(page, '/en/authority/map/');
    await expect(
      page.locator('[data-testid="tracked-boats"] th[scope="row"]', { hasText: 'Bay Pearl 05' }).count(),
    ).resolves.toBe(1);

    await page.locator('[data-testid="live-map-canvas"] canvas').waitFor({ timeout: 20_000 });
    const marker = page.locator('.live-boat[data-boat-id="bay-pearl-05"]');
    await marker.waitFor({ timeout: 20_000 });
    await expect(marker.getAttribute('aria-label')).resolves.toMatch(/^Bay Pearl 05: /);

    // The boat moves: its next report reaches the open page over the WebSocket, and the marker follows.
    const before = await marker.boundingBox();
    await reportPosition('20.9120', '107.0150');
    await page.waitForFunction(
      (previous) => {
        const box = document
          .querySelector('.live-boat[data-boat-id="bay-pearl-05"]')
          ?.getBoundingClientRect();
        return (
          box !== undefined &&
          previous !== null &&
          Math.abs(box.x - previous.x) + Math.abs(box.y - previous.y) > 2
        );
      },
      before,
      { timeout: 10_000 },
    );

    await marker.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Bay Pearl 05', level: 2 }).waitFor();
    await expect(page.getByText('7.5 kn').count()).resolves.toBeGreaterThan(0);

    // Something was actually drawn: the map's picture holds the sea, the land, routes and zones, not one colour.
    // (WebGL's own buffer is cleared after each frame, so the picture is taken as a screenshot.)
    const picture = await page.locator('[data-testid="live-map-canvas"]').screenshot();
    if (process.env.TRACKING_MAP_SCREENSHOT) writeFileSync(process.env.TRACKING_MAP_SCREENSHOT, picture);
    const colours = await page.evaluate(async (base64) => {
      const image = new Image();
      image.src = `data:image/png;base64,${base64}`;
      await image.decode();
      const copy = document.createElement('canvas');
      copy.width = 64;
      copy.height = 64;
      const drawing = copy.getContext('2d');
      drawing?.drawImage(image, 0, 0, 64, 64);
      const pixels = drawing?.getImageData(0, 0, 64, 64).data ?? new Uint8ClampedArray();
      const seen = new Set<string>();
      for (let index = 0; index < pixels.length; index += 4) {
        seen.add(`${pixels[index]},${pixels[index + 1]},${pixels[index + 2]}`);
      }
      return seen.size;
    }, picture.toString('base64'));
    expect(colours).toBeGreaterThan(2);

    const outside = requested.filter((url) => {
      const { protocol, hostname } = new URL(url);
      return !['data:', 'blob:'].includes(protocol) && hostname !== '127.0.0.1' && hostname !== 'localhost';
    });
    expect(outside).toEqual([]);
    expect(problems.filter((text) => /Content.Security.Policy|Refused to/i.test(text))).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
