// The 3D visit in Chromium (WebGL 2 through SwiftShader), and the museum's pages without JavaScript.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

/** How often the whale was viewed today, as the managers' statistics say. */
async function whaleViewsToday(): Promise<number> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'manager@halong.test', password: 'Manager-HaLong-2026' }),
  });
  const { idToken } = (await login.json()) as { idToken: string };
  const today = new Date().toISOString().slice(0, 10);
  const response = await fetch(`${baseUrl}/api/museum/statistics?from=${today}&to=${today}`, {
    headers: { Authorization: `Bearer ${idToken}` },
  });
  const { days } = (await response.json()) as {
    days: { exhibits: { exhibitId: string; views: number }[] }[];
  };
  return days[0]?.exhibits.find((exhibit) => exhibit.exhibitId === 'whale-skeleton')?.views ?? 0;
}

interface Instrumentation {
  ready: boolean;
  drawCalls: number;
  triangles: number;
  textures: number;
  currentExhibit: string | null;
}

describe('the 3D visit', () => {
  it('draws the entrance hall within the budgets and opens an exhibit’s panel', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    await page.goto(`${baseUrl}/en/museum/tour/`);
    await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 30_000 });
    // Let a few more frames settle, then read what a frame costs.
    await page.waitForTimeout(500);
    const state = (await page.evaluate(() => window.__museum)) as Instrumentation;
    expect(state.drawCalls).toBeGreaterThan(0);
    expect(state.drawCalls).toBeLessThanOrEqual(150);
    expect(state.triangles).toBeLessThanOrEqual(300_000);

    // Not a blank canvas: the screenshot of it has many distinct colours.
    const shot = await page.locator('canvas').screenshot();
    const distinct = new Set<number>();
    for (let index = 0; index < shot.length; index += 97) distinct.add(shot[index] as number);
    expect(distinct.size).toBeGreaterThan(20);

    await page.getByRole('button', { name: /whale/i }).click();
    const panel = page.getByTestId('exhibit-panel');
    await panel.waitFor();
    expect(await panel.innerText()).toMatch(/whale/i);
    // The audio guide reads the panel aloud with the browser's speech synthesis, which Chromium has.
    expect(await panel.getByTestId('audio-guide').innerText()).toBe('Listen');
    expect(await page.evaluate(() => window.__museum.currentExhibit)).toBe('whale-skeleton');
    expect(errors).toEqual([]);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });

  it('walks with the keyboard and to a spot clicked on the floor, never through a wall', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/museum/tour/`);
    await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 30_000 });
    const position = () => page.evaluate(() => window.__museum.position);

    // A click on the floor, to the left in the first view, walks there.
    const canvas = page.locator('canvas');
    const box = (await canvas.boundingBox()) as { width: number; height: number };
    // Locator clicks scroll the canvas into view first.
    await canvas.click({ position: { x: box.width * 0.05, y: box.height * 0.97 } });
    await expect.poll(async () => (await position())[0], { timeout: 5_000 }).toBeLessThan(-0.5);
    await page.waitForTimeout(1_500); // the glide settles

    // The arrow keys walk on in the direction the visitor faces (here: on, away from the entrance).
    const beforeKeys = await position();
    await page.getByRole('application').focus();
    await page.keyboard.down('ArrowUp');
    await page.waitForTimeout(800);
    await page.keyboard.up('ArrowUp');
    await expect.poll(async () => (await position())[2], { timeout: 5_000 }).toBeLessThan(beforeKeys[2] - 1);

    // Walking far too long toward the walls: the visitor stops at them.
    await page.keyboard.down('w');
    await page.waitForTimeout(6_000);
    await page.keyboard.up('w');
    const [x, , z] = await position();
    expect(x).toBeGreaterThanOrEqual(-18.6);
    expect(z).toBeGreaterThanOrEqual(-13.6);

    await context.close();
  });

  it('opens a deep link in front of its exhibit, and the address bar follows the visitor', async () => {
    const context = await browser.newContext({ locale: 'en-GB', viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/museum/exhibits/whale-skeleton/`);
    // The page's own text is there before any 3D.
    expect(await page.getByTestId('exhibit-title').innerText()).toMatch(/whale/i);
    await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 30_000 });
    expect(await page.evaluate(() => window.__museum.currentExhibit)).toBe('whale-skeleton');
    await page.getByTestId('exhibit-panel').waitFor();

    const viewsBefore = await whaleViewsToday();
    await page.getByRole('button', { name: /sailing/i }).click();
    await page.waitForURL(/\/en\/museum\/exhibits\/sailing-boat-model\/$/);
    // Leaving the page sends the visit's events (anonymous) with sendBeacon: the whale's view is counted.
    await page.goto(`${baseUrl}/en/museum/`);
    await expect.poll(whaleViewsToday, { timeout: 10_000 }).toBeGreaterThan(viewsBefore);
    await context.close();
  });

  it('without JavaScript says what the 3D visit needs and leads to the catalogue', async () => {
    const context = await browser.newContext({ locale: 'vi-VN', javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/vi/museum/tour/`);
    const fallback = page.getByTestId('museum-fallback');
    expect(await fallback.innerText()).toContain('WebGL');
    await fallback.getByRole('link').click();
    await page.waitForURL(/\/vi\/museum\/catalogue\/$/);
    expect(await page.locator('a[href^="/vi/museum/exhibits/"]').count()).toBeGreaterThanOrEqual(40);
    await context.close();
  });
});
