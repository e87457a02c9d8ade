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

/** What to photograph: an address of the 3D visit and the file it goes to. */
const views = [
  { path: '/en/museum/tour/', file: 'museum-entrance-hall.png' },
  { path: '/en/museum/exhibits/whale-skeleton/', file: 'museum-whale-skeleton.png', panel: true },
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
    await page.waitForFunction(
      () => (window as { __museum?: { ready: boolean } }).__museum?.ready === true,
      undefined,
      {
        timeout: 60_000,
      },
    );
    // The camera glides to its place in about a second.
    await page.waitForTimeout(2_500);
    const target = view.panel ? page.locator('.museum-stage') : page.locator('canvas');
    await target.screenshot({ path: new URL(view.file, OUTPUT).pathname });
    process.stdout.write(`docs/screenshots/${view.file}\n`);
  }
} finally {
  await browser.close();
  await interrupt(platform);
}
