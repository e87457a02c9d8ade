// The 3D visit in Chromium (WebGL 2 through SwiftShader), and the museum's pages without JavaScript.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest';
import { localDateAt } from '../../functions/platform/local-time.js';
import { accessibilityViolations, launchBrowser } from './support/browser.js';

const baseUrl = inject('baseUrl');
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());
// A test that fails before closing its page would leave its 3D view drawing, slowing every test after it.
afterEach(async () => {
  for (const context of browser.contexts()) await context.close();
});

/** How often the whale was viewed today (Hạ Long's day, as the counters keep it), as the managers' statistics say. */
async function whaleViewsToday(): Promise<number> {
  const login = await fetch(`${baseUrl}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: 'manager@halong.test', password: 'Manager-HaLong-2026' }),
  });
  const { idToken } = (await login.json()) as { idToken: string };
  const today = localDateAt(new Date());
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
  floor: number;
  position: [number, number, number];
  yaw: number;
}

/** Opens a page of the 3D visit and waits for its first frame. */
async function openVisit(path: string, locale = 'en-GB') {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`${baseUrl}${path}`);
  await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 30_000 });
  const museum = () => page.evaluate(() => window.__museum) as Promise<Instrumentation>;
  return { context, page, errors, museum };
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
    // The hall's walls are at x = ±20 and z = −15; the visitor keeps a body's width from them.
    const [x, , z] = await position();
    expect(x).toBeGreaterThanOrEqual(-19.66);
    expect(z).toBeGreaterThanOrEqual(-14.66);

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

  it('draws every floor within the budgets, fetching each floor only when the visitor goes there', async () => {
    const { context, page, errors, museum } = await openVisit('/en/museum/tour/');
    const models: string[] = [];
    page.on('request', (request) => {
      if (request.url().includes('/museum/models/')) models.push(new URL(request.url()).pathname);
    });
    // The lobby came first, alone.
    expect(models).toEqual([]);
    const floors = page.getByRole('group', { name: 'Floors' });
    for (const [name, floor] of [
      [/Floor 1/, 1],
      [/Floor 2/, 2],
      [/Floor 3/, 3],
      [/Outdoor/, -1],
    ] as const) {
      await floors.getByRole('button', { name }).click();
      await expect.poll(async () => (await museum()).floor, { timeout: 20_000 }).toBe(floor);
      await page.waitForTimeout(400);
      const state = await museum();
      expect(state.drawCalls, `floor ${floor}`).toBeGreaterThan(3);
      expect(state.drawCalls, `floor ${floor}`).toBeLessThanOrEqual(150);
      expect(state.triangles, `floor ${floor}`).toBeLessThanOrEqual(300_000);
    }
    expect(models).toEqual([
      '/museum/models/floor-1.glb',
      '/museum/models/floor-2.glb',
      '/museum/models/floor-3.glb',
      '/museum/models/outdoor.glb',
    ]);
    // Every floor's exhibits are listed beside the view for the keyboard: outdoors, the anthracite block.
    await page
      .getByRole('navigation', { name: 'Exhibits on this floor' })
      .getByRole('button', { name: /anthracite/i })
      .click();
    await expect.poll(async () => (await museum()).currentExhibit).toBe('anthracite-block');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('opens a deep link on an upper floor in front of its exhibit with its panel', async () => {
    const { context, page, museum } = await openVisit('/en/museum/exhibits/golden-lotus-box/');
    const state = await museum();
    expect(state.floor).toBe(3);
    expect(state.currentExhibit).toBe('golden-lotus-box');
    expect(await page.getByTestId('exhibit-panel').innerText()).toMatch(/lotus/i);
    // A 5 cm object: the closer look shows it turned and zoomed in its own view.
    await page.getByRole('button', { name: 'Look closer' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('object-viewer').locator('canvas').waitFor();
    await dialog.getByRole('button', { name: 'Zoom in' }).click();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });

  it('searches with and without diacritics and jumps to the result, on its floor', async () => {
    const { context, page, museum } = await openVisit('/vi/museum/tour/', 'vi-VN');
    const search = page.getByRole('search');
    for (const query of ['dau ram', 'Đầu Rằm']) {
      await page.getByRole('searchbox', { name: 'Tìm hiện vật' }).fill(query);
      const result = page.getByTestId('search-results').getByRole('button').first();
      await expect.poll(() => result.innerText(), { timeout: 5_000 }).toMatch(/Đầu Rằm/);
    }
    await search.getByRole('button', { name: 'Tìm' }).click();
    await expect.poll(async () => (await museum()).currentExhibit, { timeout: 10_000 }).toBe('dau-ram-jar');
    await expect.poll(async () => (await museum()).floor, { timeout: 20_000 }).toBe(2);
    await page.waitForURL(/\/vi\/museum\/exhibits\/dau-ram-jar\/$/);
    await context.close();
  });

  it('jumps to a room from the floor plan, and walks there on the same floor', async () => {
    const { context, page, museum } = await openVisit('/en/museum/tour/');
    const plan = page.getByRole('region', { name: 'Floor plan' });
    await plan.getByRole('button', { name: /Floor 2/ }).click();
    await expect.poll(async () => (await museum()).floor, { timeout: 20_000 }).toBe(2);
    await plan
      .getByRole('list', { name: 'Rooms on this floor' })
      .getByRole('button', { name: /Bạch Đằng/ })
      .click();
    // The Bạch Đằng room lies north of the corridor (z < −3), between x = −8 and 12.
    await expect
      .poll(
        async () => {
          const [x, , z] = (await museum()).position;
          return x > -8 && x < 12 && z < -3.3;
        },
        { timeout: 10_000 },
      )
      .toBe(true);
    await context.close();
  });

  it('plays a guided tour from exhibit to exhibit across floors: next, previous, pause, leave', async () => {
    const { context, page, museum } = await openVisit('/en/museum/tour/');
    await page.getByRole('button', { name: /Start: Highlights/ }).click();
    const player = page.getByTestId('tour-player');
    await expect.poll(async () => (await museum()).currentExhibit).toBe('whale-skeleton');
    expect(await player.getByTestId('tour-progress').innerText()).toBe('Stop 1 of 10');
    await player.getByRole('button', { name: 'Pause' }).click();
    await player.getByRole('button', { name: 'Next' }).click();
    await expect.poll(async () => (await museum()).currentExhibit).toBe('ha-long-karst-diorama');
    await expect.poll(async () => (await museum()).floor, { timeout: 20_000 }).toBe(1);
    expect(await player.getByTestId('tour-progress').innerText()).toBe('Stop 2 of 10');
    expect(await player.getByRole('button', { name: 'Play' }).count()).toBe(1);
    await player.getByRole('button', { name: 'Previous' }).click();
    await expect.poll(async () => (await museum()).currentExhibit).toBe('whale-skeleton');
    await expect.poll(async () => (await museum()).floor, { timeout: 20_000 }).toBe(0);
    await player.getByRole('button', { name: 'Leave the tour' }).click();
    await player.waitFor({ state: 'detached' });
    expect(await page.getByRole('button', { name: /Start: Hạ Long Bay/ }).count()).toBe(1);
    await context.close();
  });

  it('looks around when the visitor drags the view, without walking', async () => {
    const { context, page, museum } = await openVisit('/en/museum/tour/');
    const canvas = page.locator('canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox()) as { x: number; y: number; width: number; height: number };
    const before = await museum();
    await page.mouse.move(box.x + box.width / 2, box.y + 200);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width / 2 + 300, box.y + 200, { steps: 10 });
    await page.mouse.up();
    await page.waitForTimeout(300);
    const after = await museum();
    expect(after.position).toEqual(before.position);
    expect(after.yaw).not.toBeCloseTo(before.yaw, 1);
    await context.close();
  });

  it('cuts straight to an exhibit for visitors who prefer reduced motion', async () => {
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 1280, height: 800 },
      reducedMotion: 'reduce',
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/museum/tour/`);
    await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 30_000 });
    // The first place the visitor is seen at after the click is already the sailing boat's viewpoint (x 9,
    // z 3; the visit starts at x 0, z 19): no glide in between.
    const firstMove = page.evaluate(`new Promise((resolve) => {
      const start = window.__museum.position.join();
      const watch = () =>
        window.__museum.position.join() !== start ? resolve(window.__museum.position) : requestAnimationFrame(watch);
      requestAnimationFrame(watch);
    })`) as Promise<[number, number, number]>;
    await page.getByRole('button', { name: /sailing/i }).click();
    const [x, , z] = await firstMove;
    expect(x).toBeCloseTo(9, 0);
    expect(z).toBeCloseTo(3, 0);
    await context.close();
  });

  it('on a phone: a tap on the floor walks there, and the panel’s text is large', async () => {
    const context = await browser.newContext({
      locale: 'en-GB',
      viewport: { width: 390, height: 844 },
      hasTouch: true,
      isMobile: true,
    });
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/museum/tour/`);
    await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 30_000 });
    const canvas = page.locator('.museum-canvas canvas');
    const box = (await canvas.boundingBox()) as { width: number; height: number };
    await canvas.tap({ position: { x: box.width * 0.5, y: box.height * 0.9 } });
    // Straight ahead, toward the whale: the visitor walks up the hall.
    await expect
      .poll(() => page.evaluate(() => window.__museum.position[2]), { timeout: 10_000 })
      .toBeLessThan(18.5);
    await page.getByRole('button', { name: /whale/i }).tap();
    const panel = page.getByTestId('exhibit-panel');
    await panel.waitFor();
    const fontSize = await panel
      .locator('p')
      .last()
      .evaluate((element) => getComputedStyle(element).fontSize);
    expect(Number.parseFloat(fontSize)).toBeGreaterThanOrEqual(18);
    await context.close();
  });

  it('without WebGL says so and leads to the catalogue', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    // A browser without WebGL 2: every request for that context is refused.
    await context.addInitScript(`{
      const getContext = HTMLCanvasElement.prototype.getContext;
      HTMLCanvasElement.prototype.getContext = function (type, ...rest) {
        return type === 'webgl2' ? null : getContext.call(this, type, ...rest);
      };
    }`);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/en/museum/tour/`);
    await page.waitForFunction(() => document.getElementById('museum-3d')?.dataset.state === 'no-webgl');
    const fallback = page.getByTestId('museum-fallback');
    expect(await fallback.innerText()).toContain('WebGL');
    expect(await page.locator('canvas').count()).toBe(0);
    await fallback.getByRole('link').click();
    await page.waitForURL(/\/en\/museum\/catalogue\/$/);
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

describe('the visit’s own interface', () => {
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 390, height: 844 },
  ]) {
    it(`at ${viewport.width}×${viewport.height}: keeps the view within the page, and an exhibit chosen from the list shows its whole panel beside it`, async () => {
      const context = await browser.newContext({ locale: 'en-GB', viewport });
      const page = await context.newPage();
      await page.goto(`${baseUrl}/en/museum/tour/`);
      await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 30_000 });

      // The view and its side bar keep to the page's content, as the page's heading does.
      const edges = await page.evaluate(() => {
        const content = document.querySelector('h1')?.parentElement as HTMLElement;
        const box = content.getBoundingClientRect();
        const style = getComputedStyle(content);
        const viewer = (document.querySelector('.museum-viewer') as HTMLElement).getBoundingClientRect();
        return {
          contentLeft: box.left + Number.parseFloat(style.paddingLeft),
          contentRight: box.right - Number.parseFloat(style.paddingRight),
          viewerLeft: viewer.left,
          viewerRight: viewer.right,
          pageWidth: document.documentElement.scrollWidth,
        };
      });
      expect(edges.viewerLeft).toBeGreaterThanOrEqual(edges.contentLeft - 0.5);
      expect(edges.viewerRight).toBeLessThanOrEqual(edges.contentRight + 0.5);
      expect(edges.pageWidth).toBeLessThanOrEqual(viewport.width);

      await page
        .getByRole('group', { name: 'Floors' })
        .getByRole('button', { name: /Floor 2/ })
        .click();
      await expect.poll(() => page.evaluate(() => window.__museum.floor), { timeout: 20_000 }).toBe(2);
      const choice = page
        .getByRole('navigation', { name: 'Exhibits on this floor' })
        .getByRole('button', { name: /Wooden stakes/ });
      await choice.click();
      await expect.poll(() => page.evaluate(() => window.__museum.currentExhibit)).toBe('bach-dang-stakes');

      // The whole panel is on the screen, its heading first: nothing to scroll back up to.
      const panel = page.getByTestId('exhibit-panel');
      const panelBox = (await panel.boundingBox()) as { x: number; y: number; width: number; height: number };
      expect(panelBox.y).toBeGreaterThanOrEqual(-1);
      expect(panelBox.y + panelBox.height).toBeLessThanOrEqual(viewport.height + 1);
      expect(panelBox.x + panelBox.width).toBeLessThanOrEqual(viewport.width);
      expect(await panel.getByRole('heading').innerText()).toMatch(/Wooden stakes/);
      // The keyboard stays where it was, on the list.
      expect(await choice.evaluate((button) => button === document.activeElement)).toBe(true);

      // The panel leaves the middle of the view, where the exhibit is, uncovered.
      const view = (await page.locator('.museum-canvas').boundingBox()) as typeof panelBox;
      const [middleX, middleY] = [view.x + view.width / 2, view.y + view.height / 2];
      const coversMiddle =
        middleX >= panelBox.x &&
        middleX <= panelBox.x + panelBox.width &&
        middleY >= panelBox.y &&
        middleY <= panelBox.y + panelBox.height;
      expect(coversMiddle).toBe(false);

      // Close is on the screen and nothing lies over it; a click on it closes the panel.
      const close = panel.getByRole('button', { name: 'Close', exact: true });
      const closeBox = (await close.boundingBox()) as typeof panelBox;
      expect(closeBox.y + closeBox.height).toBeLessThanOrEqual(viewport.height);
      const onTop = await page.evaluate(
        ([x, y]) => document.elementFromPoint(x as number, y as number)?.textContent,
        [closeBox.x + closeBox.width / 2, closeBox.y + closeBox.height / 2],
      );
      expect(onTop).toBe('Close');
      await close.click();
      await panel.waitFor({ state: 'detached' });
      await context.close();
      // Two floors to load in a software-rendered WebGL.
    }, 90_000);
  }

  it('draws the entrance hall on its floor plan: the hall, its exhibits, the lift and the visitor', async () => {
    const { context, page } = await openVisit('/en/museum/tour/');
    const plan = page.getByTestId('minimap');
    const planBox = (await plan.boundingBox()) as { x: number; y: number; width: number; height: number };
    const exhibitsHere = await page
      .getByRole('navigation', { name: 'Exhibits on this floor' })
      .getByRole('button')
      .count();
    expect(exhibitsHere).toBeGreaterThan(0);
    expect(await plan.locator('.minimap-room rect').count()).toBe(1);
    const marks = plan.locator('.minimap-exhibit, .minimap-lift');
    expect(await plan.locator('.minimap-exhibit').count()).toBe(exhibitsHere);
    expect(await plan.locator('.minimap-lift').count()).toBe(1);
    for (const mark of await marks.all()) {
      const box = (await mark.boundingBox()) as typeof planBox;
      expect(box.width).toBeGreaterThan(2);
      expect(box.x).toBeGreaterThanOrEqual(planBox.x);
      expect(box.x + box.width).toBeLessThanOrEqual(planBox.x + planBox.width);
    }
    expect(await plan.locator('.minimap-visitor').getAttribute('transform')).toMatch(/^translate/);
    await context.close();
  });

  it('names an exhibit’s place once, and shows its 3D view after its facts and before its long text', async () => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    for (const [path, place] of [
      ['/en/museum/exhibits/whale-skeleton/', 'Entrance hall'],
      ['/vi/museum/exhibits/whale-skeleton/', 'Sảnh chính'],
      ['/en/museum/exhibits/anthracite-block/', 'Outdoor exhibits'],
      ['/en/museum/exhibits/dau-ram-jar/', 'Prehistory of the coast · Floor 2'],
    ]) {
      await page.goto(`${baseUrl}${path}`);
      expect(await page.getByTestId('exhibit-place').innerText(), path).toBe(place);
      const inOrder = page.locator(
        'article > [data-testid=exhibit-title] ~ dl ~ #museum-3d ~ [data-testid=exhibit-description]',
      );
      expect(await inOrder.count(), path).toBe(1);
    }
    await context.close();
  });

  it('gives the catalogue’s search a visible label, the site’s field style, a focus ring and a button', async () => {
    const context = await browser.newContext({ locale: 'en-GB' });
    const page = await context.newPage();
    const fieldStyle = (element: HTMLElement | SVGElement) => {
      const style = getComputedStyle(element);
      return [
        style.borderTopWidth,
        style.borderTopColor,
        style.paddingTop,
        style.borderTopLeftRadius,
        style.minHeight,
      ];
    };
    await page.goto(`${baseUrl}/en/boats/departures/`);
    const departureField = await page.locator('#search-date').evaluate(fieldStyle);

    await page.goto(`${baseUrl}/en/museum/catalogue/`);
    const search = page.getByRole('search');
    const input = search.getByRole('searchbox', { name: 'Search the exhibits' });
    expect(await search.locator('label[for=museum-search]').isVisible()).toBe(true);
    expect(await input.evaluate(fieldStyle)).toEqual(departureField);
    await input.focus();
    const outline = await input.evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).toBe('solid');
    await input.fill('whale');
    await search.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\?q=whale$/);
    expect(await page.getByTestId('search-results').getByRole('link').count()).toBeGreaterThan(0);
    expect(await accessibilityViolations(page)).toEqual([]);
    await context.close();
  });
});
