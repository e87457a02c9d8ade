/**
 * `npm run screenshots`: starts the platform (in memory), opens the 3D museum in Chromium and saves a picture of
 * each room built in 3D into docs/screenshots/, so the README's pictures are always of the current build.
 */
import { mkdir } from 'node:fs/promises';
import { freePort } from '../../functions/local/dynamodb-local.js';
import { launchBrowser } from './support/browser.js';
import {
  assertChromiumInstalled,
  interrupt,
  launchPlatform,
  waitForUrl,
} from './support/platform-process.js';

const OUTPUT = new URL('../../docs/screenshots/', import.meta.url);

/**
 * What to photograph: an address of the 3D visit, the floor to take the lift to (by its button beside the view),
 * and the file it goes to.
 */
const views: {
  path: string;
  file: string;
  floor?: { button: RegExp; id: number; room?: RegExp };
  panel?: boolean;
}[] = [
  { path: '/en/museum/tour/', file: 'museum-entrance-hall.png' },
  {
    path: '/en/museum/tour/',
    file: 'museum-floor-1-sea-and-nature.png',
    floor: { button: /^Floor 1/, id: 1, room: /the sea and marine/i },
  },
  {
    path: '/en/museum/tour/',
    file: 'museum-floor-2-history.png',
    floor: { button: /^Floor 2/, id: 2, room: /Bạch Đằng/ },
  },
  {
    path: '/en/museum/tour/',
    file: 'museum-floor-3-culture-and-coal.png',
    floor: { button: /^Floor 3/, id: 3, room: /peoples/i },
  },
  { path: '/en/museum/tour/', file: 'museum-outdoor-exhibits.png', floor: { button: /^Outdoor/, id: -1 } },
  { path: '/en/museum/exhibits/whale-skeleton/', file: 'museum-whale-skeleton.png', panel: true },
  { path: '/en/museum/exhibits/bach-dang-stakes/', file: 'museum-bach-dang-stakes.png', panel: true },
];

assertChromiumInstalled();
await mkdir(OUTPUT, { recursive: true });
const platform = launchPlatform({ PORT: String(await freePort()), LOG_LEVEL: 'silent' });
const browser = await launchBrowser();
try {
  const baseUrl = (await waitForUrl(platform, 200_000)).replace(/\/$/, '');
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  for (const view of views) {
    await page.goto(`${baseUrl}${view.path}`);
    await page.waitForFunction(() => window.__museum?.ready === true, undefined, {
      timeout: 60_000,
    });
    if (view.floor) {
      const floor = view.floor;
      await page.getByRole('group', { name: 'Floors' }).getByRole('button', { name: floor.button }).click();
      await page.waitForFunction((id) => window.__museum?.floor === id, floor.id, { timeout: 60_000 });
      // Into one of the floor's rooms, through the floor plan.
      if (floor.room) {
        await page
          .getByRole('list', { name: 'Rooms on this floor' })
          .getByRole('button', { name: floor.room })
          .click();
      }
    }
    // The visitor walks (or glides) to their place: wait until they stand still, then a little more.
    let last = '';
    for (let attempt = 0; attempt < 40; attempt += 1) {
      await page.waitForTimeout(500);
      const now = await page.evaluate(() => `${window.__museum.position.join()} ${window.__museum.yaw}`);
      if (now === last) break;
      last = now;
    }
    await page.waitForTimeout(500);
    const target = view.panel ? page.locator('.museum-canvas') : page.locator('.museum-canvas canvas');
    await target.screenshot({ path: new URL(view.file, OUTPUT).pathname });
    process.stdout.write(`docs/screenshots/${view.file}\n`);
  }
} finally {
  await browser.close();
  await interrupt(platform);
}
