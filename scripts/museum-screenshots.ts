/**
 * `npm run screenshots`: starts the platform (in memory, the production build), opens the 3D museum in Chromium
 * and photographs every room's first view — as a visitor sees it on arriving through the floor plan — and five
 * exhibits up close in the object viewer, into docs/museum/, so the README shows the current build. Run it after
 * changing the museum. `npm run screenshots -- --rooms-only` skips the close-ups.
 */
import { mkdir, rm } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { freePort } from '../functions/local/dynamodb-local.js';
import { launchBrowser } from '../test/e2e/support/browser.js';
import {
  assertChromiumInstalled,
  interrupt,
  launchPlatform,
  waitForUrl,
} from '../test/e2e/support/platform-process.js';

const OUTPUT = new URL('../docs/museum/', import.meta.url);

/** The floors by their button beside the view, with the id window.__museum reports. */
const floors: { button: RegExp; id: number; slug: string }[] = [
  { button: /^Entrance hall/, id: 0, slug: 'entrance-hall' },
  { button: /^Floor 1/, id: 1, slug: 'floor-1' },
  { button: /^Floor 2/, id: 2, slug: 'floor-2' },
  { button: /^Floor 3/, id: 3, slug: 'floor-3' },
  { button: /^Outdoor/, id: -1, slug: 'outdoor' },
];

/** The close-ups: exhibits a visitor would want to turn in their hands. */
const closeUps = [
  'whale-skeleton',
  'golden-lotus-box',
  'dau-ram-jar',
  'bach-dang-stakes',
  'anthracite-block',
  'quang-chinh-bronze-drum',
];

const slugOf = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/gi, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/** Waits until the visitor stands still (the glide to a room takes up to two seconds), then a frame more. */
async function settle(page: Page): Promise<void> {
  let last = '';
  for (let attempt = 0; attempt < 40; attempt += 1) {
    await page.waitForTimeout(400);
    const now = await page.evaluate(() => `${window.__museum.position.join()} ${window.__museum.yaw}`);
    if (now === last) break;
    last = now;
  }
  await page.waitForTimeout(600);
}

/**
 * The page, clipped to `element`: an element's own screenshot waits for it to stand still across two frames,
 * which a canvas redrawn every frame on a slow software renderer may never seem to do.
 */
async function shoot(page: Page, element: Locator, file: string): Promise<void> {
  const box = await element.boundingBox();
  if (!box) throw new Error(`nothing to photograph for ${file}`);
  await page.screenshot({ path: new URL(file, OUTPUT).pathname, clip: box });
}

async function open(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 90_000 });
}

assertChromiumInstalled();
await rm(OUTPUT, { recursive: true, force: true });
await mkdir(new URL('rooms/', OUTPUT), { recursive: true });
await mkdir(new URL('exhibits/', OUTPUT), { recursive: true });
const platform = launchPlatform({ PORT: String(await freePort()), LOG_LEVEL: 'silent' });
const browser = await launchBrowser();
const written: string[] = [];
try {
  const baseUrl = (await waitForUrl(platform, 200_000)).replace(/\/$/, '');
  // Reduced motion: the visitor cuts straight to each room rather than walking there.
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, reducedMotion: 'reduce' });
  await open(page, `${baseUrl}/en/museum/tour/?quality=full`);
  for (const floor of floors) {
    await page.getByRole('group', { name: 'Floors' }).getByRole('button', { name: floor.button }).click();
    await page.waitForFunction((id) => window.__museum?.floor === id, floor.id, { timeout: 60_000 });
    const rooms = page.getByRole('list', { name: 'Rooms on this floor' }).getByRole('button');
    const count = await rooms.count();
    for (let index = 0; index < Math.max(1, count); index += 1) {
      let name = floor.slug;
      if (count > 0) {
        const room = rooms.nth(index);
        name = `${floor.slug}-${slugOf((await room.textContent()) ?? String(index))}`;
        await room.click();
      }
      await settle(page);
      const file = `rooms/${name}.png`;
      await page
        .locator('.museum-canvas canvas')
        .first()
        .screenshot({ path: new URL(file, OUTPUT).pathname });
      written.push(file);
    }
  }
  if (!process.argv.includes('--rooms-only')) {
    for (const id of closeUps) {
      await open(page, `${baseUrl}/en/museum/exhibits/${id}/?quality=full`);
      await page.getByRole('button', { name: 'Look closer' }).click();
      const viewer = page.getByTestId('object-viewer');
      await viewer.waitFor();
      await page.waitForTimeout(1_500);
      const file = `exhibits/${id}.png`;
      await shoot(page, viewer, file);
      written.push(file);
    }
  }
  for (const file of written) process.stdout.write(`docs/museum/${file}\n`);
} finally {
  await browser.close();
  await interrupt(platform);
}
