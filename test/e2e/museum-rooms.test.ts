// The museum's rooms as a visitor first sees them, in Chromium (WebGL 2 through SwiftShader): every room's first
// view, reached through the floor plan, has the room's exhibits in frame and is a picture rather than one flat
// colour; the object viewer draws its exhibit lit, on a stand, with a shadow under it. MUSEUM_ROOM_PICTURES=<dir>
// keeps each room's picture there.

import { writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import seed from '../../assets/seed/museum.json' with { type: 'json' };
import { launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

const floors = [
  { button: /^Entrance hall/, id: 0 },
  { button: /^Floor 1/, id: 1 },
  { button: /^Floor 2/, id: 2 },
  { button: /^Floor 3/, id: 3 },
  { button: /^Outdoor/, id: -1 },
];

/** Luminance statistics of a PNG: how varied the picture is. */
function luminance(png: Buffer): { deviation: number; shades: number; darkest: number; brightest: number } {
  const image = PNG.sync.read(png);
  const values: number[] = [];
  for (let offset = 0; offset < image.data.length; offset += 4 * 7) {
    const [r, g, b] = [image.data[offset] ?? 0, image.data[offset + 1] ?? 0, image.data[offset + 2] ?? 0];
    values.push(0.2126 * r + 0.7152 * g + 0.0722 * b);
  }
  const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
  const deviation = Math.sqrt(values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length);
  return {
    deviation,
    shades: new Set(values.map((value) => Math.round(value / 4))).size,
    darkest: values.reduce((low, value) => Math.min(low, value), 255),
    brightest: values.reduce((high, value) => Math.max(high, value), 0),
  };
}

/** The page, clipped to the element (an element's own screenshot waits for a canvas to stop changing). */
async function picture(page: Page, selector: string): Promise<Buffer> {
  // On a phone the room buttons are below the view: the page is scrolled back to it first.
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const box = await page.locator(selector).first().boundingBox();
  if (!box) throw new Error(`${selector} is not on the page`);
  return page.screenshot({ clip: box });
}

/** Waits until the visitor stands still and the frame has been reported twice the same. */
async function standStill(page: Page): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await page.waitForTimeout(300);
    const now = await page.evaluate(() => `${window.__museum.position.join()} ${window.__museum.yaw}`);
    if (now === last) return;
    last = now;
  }
}

describe('the rooms’ first views', () => {
  it.each([
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ])(
    'at $width×$height show each room’s exhibits in frame, in a picture that is not one flat colour',
    async (viewport) => {
      // Reduced motion: the floor plan's room buttons cut straight to each room's entrance. On a phone held upright
      // the view is narrower however wide it opens (about 70° across): it shows at least one of the room's exhibits,
      // the one it faces, and the others as the visitor turns.
      const context = await browser.newContext({ locale: 'en-GB', viewport, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/en/museum/tour/`);
      await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 60_000 });
      const rooms = new Map(seed.rooms.map((room) => [room.name.en, room.id]));
      const visited: string[] = [];
      for (const floor of floors) {
        await page.getByRole('group', { name: 'Floors' }).getByRole('button', { name: floor.button }).click();
        await page.waitForFunction((id) => window.__museum?.floor === id, floor.id, { timeout: 60_000 });
        const buttons = page.getByRole('list', { name: 'Rooms on this floor' }).getByRole('button');
        const count = await buttons.count();
        for (let index = 0; index < Math.max(1, count); index += 1) {
          let roomId = floor.id === -1 ? 'outdoor' : 'lobby';
          if (count > 0) {
            const button = buttons.nth(index);
            roomId = rooms.get(((await button.textContent()) ?? '').trim()) ?? '';
            await button.click();
          }
          await standStill(page);
          const shot = await picture(page, '.museum-canvas canvas');
          if (process.env.MUSEUM_ROOM_PICTURES)
            writeFileSync(`${process.env.MUSEUM_ROOM_PICTURES}/${roomId}-${viewport.width}.png`, shot);
          const roomExhibits = seed.exhibits
            .filter((exhibit) => exhibit.roomId === roomId)
            .map(({ id }) => id);
          const { inView, position, yaw } = await page.evaluate(() => window.__museum);
          const seen = roomExhibits.filter((id) => inView.includes(id));
          expect(
            seen.length,
            `${roomId} from ${position.join()} facing ${yaw}: ${seen.join(', ')} of ${roomExhibits.join(', ')}`,
          ).toBeGreaterThanOrEqual(Math.min(viewport.width > viewport.height ? 3 : 1, roomExhibits.length));
          const { deviation, shades } = luminance(shot);
          expect(deviation, roomId).toBeGreaterThan(12);
          expect(shades, roomId).toBeGreaterThan(20);
          visited.push(roomId);
        }
      }
      expect(new Set(visited)).toEqual(new Set(seed.rooms.map((room) => room.id)));
      await context.close();
    },
    300_000,
  );

  it('turns an exhibit in the object viewer lit on its stand, with its shadow under it', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/museum/exhibits/whale-skeleton/?quality=full`);
    await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 60_000 });
    await page.getByTestId('exhibit-panel').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Look closer' }).click({ timeout: 20_000 });
    await page.getByTestId('object-viewer').waitFor({ timeout: 20_000 });
    await page.waitForFunction(() => window.__museum.viewer?.shadow === true, undefined, {
      polling: 500,
      timeout: 30_000,
    });
    await page.waitForTimeout(1_000);
    const viewer = await page.evaluate(() => window.__museum.viewer);
    expect(viewer).toMatchObject({ kind: 'whale-skeleton', shadow: true, lit: true });
    expect(await page.evaluate(() => window.__museum.quality)).toBe('full');
    const { deviation, darkest, brightest } = luminance(await picture(page, '[data-testid="object-viewer"]'));
    // Light and shade: a highlight, a shadow, and the range between — not a grey model on a blank page.
    expect(brightest - darkest).toBeGreaterThan(80);
    expect(deviation).toBeGreaterThan(10);
    await context.close();
  }, 180_000);
});
