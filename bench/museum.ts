/**
 * The 3D museum against its budgets, in headless Chromium with SwiftShader against the production build:
 * JavaScript of the 3D page (gzip, as transferred), bytes transferred before `window.__museum.ready`, time to
 * ready, draw calls and triangles of the first view; and the catalogue pages' total weight. Each run in a
 * fresh browser context (an empty cache).
 */
import type { Browser, CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../test/e2e/support/browser.js';
import { median } from './statistics.js';

export const MUSEUM_RUNS = 5;

export const museumBudgets = {
  javaScriptGzip: 450 * 1024,
  bytesBeforeReady: 3 * 1024 * 1024,
  readyMs: 5000,
  drawCalls: 150,
  triangles: 300_000,
  liftMs: 1000,
  cataloguePage: 60 * 1024,
};

interface ViewRun {
  javaScriptBytes: number;
  totalBytes: number;
  readyMs: number;
  drawCalls: number;
  triangles: number;
}

/** One floor walked through: its model's size on the wire, how long the lift took, the dearest view. */
interface FloorWalk {
  floor: string;
  modelBytes: number;
  liftMs: number;
  /** From the click to the floor complete: its wall graphics, labels and baked shadows. */
  settleMs: number;
  /** The lift to this floor again, after every floor has been visited. */
  lateLiftMs: number;
  views: number;
  maxDrawCalls: number;
  maxTriangles: number;
  textures: number;
}

export interface MuseumMeasurement {
  runs: ViewRun[];
  floors: FloorWalk[];
  cataloguePages: { path: string; bytes: number }[];
}

/** Counts the bytes on the wire (encodedDataLength) of every response, by resource type. */
async function countTransfers(session: CDPSession) {
  const types = new Map<string, string>();
  const totals = { all: 0, script: 0 };
  await session.send('Network.enable');
  session.on('Network.responseReceived', (event) => types.set(event.requestId, event.type));
  session.on('Network.loadingFinished', (event) => {
    totals.all += event.encodedDataLength;
    if (types.get(event.requestId) === 'Script') totals.script += event.encodedDataLength;
  });
  return totals;
}

async function measureView(browser: Browser, url: string): Promise<ViewRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const totals = await countTransfers(await context.newCDPSession(page));
  const started = performance.now();
  await page.goto(url);
  await page.waitForFunction(() => window.__museum?.ready === true, undefined, {
    polling: 'raf',
    timeout: 60_000,
  });
  const readyMs = performance.now() - started;
  const counted = { ...totals };
  const state = await page.evaluate(() => window.__museum);
  await context.close();
  return {
    javaScriptBytes: counted.script,
    totalBytes: counted.all,
    readyMs,
    drawCalls: state.drawCalls,
    triangles: state.triangles,
  };
}

/**
 * Every view of the museum: each floor by its button (the lift), then each of its exhibits by its button beside
 * the view, reading the renderer's counters once the visitor stands before it.
 */
async function walkEveryFloor(browser: Browser, baseUrl: string): Promise<FloorWalk[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const modelBytes = new Map<string, number>();
  const session = await context.newCDPSession(page);
  const urls = new Map<string, string>();
  await session.send('Network.enable');
  session.on('Network.responseReceived', (event) => urls.set(event.requestId, event.response.url));
  session.on('Network.loadingFinished', (event) => {
    const url = urls.get(event.requestId) ?? '';
    if (url.includes('/museum/models/')) modelBytes.set(new URL(url).pathname, event.encodedDataLength);
  });
  await page.goto(`${baseUrl}/en/museum/tour/`);
  await page.waitForFunction(() => window.__museum?.ready === true, undefined, { timeout: 60_000 });
  const walks: FloorWalk[] = [];
  const floors = [
    { name: 'Entrance hall', id: 0, file: 'floor-0.glb' },
    { name: 'Floor 1', id: 1, file: 'floor-1.glb' },
    { name: 'Floor 2', id: 2, file: 'floor-2.glb' },
    { name: 'Floor 3', id: 3, file: 'floor-3.glb' },
    { name: 'Outdoor', id: -1, file: 'outdoor.glb' },
  ];
  for (const floor of floors) {
    // Timed inside the page: from the button's click to the first frame drawn on the new floor. (A string, as
    // tsx would wrap named functions in a helper the page lacks.)
    const { liftMs, settleMs } = await ride(page, floor);
    const counters = async () => page.evaluate(() => ({ ...window.__museum }));
    let { drawCalls: maxDrawCalls, triangles: maxTriangles, textures } = await counters();
    const buttons = page.getByRole('navigation', { name: 'Exhibits on this floor' }).getByRole('button');
    const count = await buttons.count();
    for (let index = 0; index < count; index += 1) {
      await buttons.nth(index).click();
      // The glide takes up to about two seconds.
      await page.waitForTimeout(2_200);
      const state = await counters();
      maxDrawCalls = Math.max(maxDrawCalls, state.drawCalls);
      maxTriangles = Math.max(maxTriangles, state.triangles);
      textures = Math.max(textures, state.textures);
    }
    walks.push({
      floor: floor.name,
      modelBytes: modelBytes.get(`/museum/models/${floor.file}`) ?? 0,
      liftMs,
      settleMs,
      lateLiftMs: 0,
      views: count + 1,
      maxDrawCalls,
      maxTriangles,
      textures,
    });
  }
  // Late in the visit: every floor again, each reached once more by the lift.
  for (const [index, floor] of floors.entries()) {
    (walks[index] as FloorWalk).lateLiftMs = (await ride(page, floor)).liftMs;
  }
  await context.close();
  return walks;
}

/**
 * One ride in the lift, from a floor that has arrived whole (its walls, labels and shadows come in the frames
 * after its first): timed inside the page from the button's click to the new floor's first frame, and to when it
 * is whole. (A string, as tsx would wrap named functions in a helper the page lacks.)
 */
async function ride(
  page: Page,
  floor: { name: string; id: number },
): Promise<{ liftMs: number; settleMs: number }> {
  await page.waitForFunction(() => window.__museum.settled === true, undefined, { timeout: 60_000 });
  return (await page.evaluate(`new Promise((resolve) => {
    const button = [...document.querySelectorAll('.museum-floors button')]
      .find((candidate) => candidate.textContent.startsWith(${JSON.stringify(floor.name)}));
    const started = performance.now();
    let liftMs = null;
    button.click();
    const check = () => {
      if (liftMs === null && window.__museum.floor === ${floor.id}) liftMs = performance.now() - started;
      if (liftMs !== null && window.__museum.settled) resolve({ liftMs, settleMs: performance.now() - started });
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  })`)) as { liftMs: number; settleMs: number };
}

async function measurePageWeight(browser: Browser, url: string): Promise<number> {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  const totals = await countTransfers(await context.newCDPSession(page));
  await page.goto(url, { waitUntil: 'networkidle' });
  await context.close();
  return totals.all;
}

export async function measureMuseum(baseUrl: string): Promise<MuseumMeasurement> {
  const browser = await launchBrowser();
  try {
    const runs: ViewRun[] = [];
    for (let run = 0; run < MUSEUM_RUNS; run += 1)
      runs.push(await measureView(browser, `${baseUrl}/en/museum/tour/`));
    const floors = await walkEveryFloor(browser, baseUrl);
    const cataloguePages = [];
    for (const path of [
      '/en/museum/catalogue/',
      '/vi/museum/catalogue/',
      '/en/museum/exhibits/golden-lotus-box/',
    ]) {
      cataloguePages.push({ path, bytes: await measurePageWeight(browser, `${baseUrl}${path}`) });
    }
    return { runs, floors, cataloguePages };
  } finally {
    await browser.close();
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = (value: number, budget: number) => (value <= budget ? 'within' : '**over**');

export function museumRows({ runs, floors, cataloguePages }: MuseumMeasurement): string[] {
  const pick = (key: keyof ViewRun) => median(runs.map((run) => run[key]));
  const rows: [string, string, string, number, number][] = [
    [
      'JavaScript of the 3D page (gzip, transferred)',
      kib(pick('javaScriptBytes')),
      kib(museumBudgets.javaScriptGzip),
      pick('javaScriptBytes'),
      museumBudgets.javaScriptGzip,
    ],
    [
      'bytes transferred before ready',
      kib(pick('totalBytes')),
      kib(museumBudgets.bytesBeforeReady),
      pick('totalBytes'),
      museumBudgets.bytesBeforeReady,
    ],
    [
      'time to ready (navigation to first drawn frame)',
      `${Math.round(pick('readyMs'))} ms`,
      `${museumBudgets.readyMs} ms (aim)`,
      pick('readyMs'),
      museumBudgets.readyMs,
    ],
    [
      'draw calls, first view',
      String(pick('drawCalls')),
      String(museumBudgets.drawCalls),
      pick('drawCalls'),
      museumBudgets.drawCalls,
    ],
    [
      'triangles, first view',
      String(pick('triangles')),
      String(museumBudgets.triangles),
      pick('triangles'),
      museumBudgets.triangles,
    ],
  ];
  return [
    `Opening the 3D visit (the entrance hall first): median of ${runs.length} runs, each in a fresh context.`,
    '',
    '| measure | value | budget | verdict |',
    '|---|---|---|---|',
    ...rows.map(
      ([name, value, budget, raw, limit]) => `| ${name} | ${value} | ${budget} | ${verdict(raw, limit)} |`,
    ),
    '',
    'Every view: each floor reached by its button (the lift; the floor fetched then, in the same page), then each',
    'of its exhibits by its button, the counters read once the visitor stands before it; then every floor again by',
    `the lift, late in the visit. Each lift leaves from a floor that has arrived whole; budget: first frame ≤ ${museumBudgets.liftMs} ms.`,
    '',
    '| floor | model (glTF, meshopt, transferred) | lift to first frame | the same, late in the visit | floor whole (walls, labels, shadows) | views | most draw calls | most triangles | textures | verdict |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...floors.map(
      (floor) =>
        `| ${floor.floor} | ${kib(floor.modelBytes)} | ${Math.round(floor.liftMs)} ms | ${Math.round(floor.lateLiftMs)} ms | ${Math.round(floor.settleMs)} ms | ${floor.views} | ${floor.maxDrawCalls} | ${floor.maxTriangles} | ${floor.textures} | ${verdict(floor.maxDrawCalls, museumBudgets.drawCalls) === 'within' && floor.maxTriangles <= museumBudgets.triangles && Math.max(floor.liftMs, floor.lateLiftMs) <= museumBudgets.liftMs ? 'within' : '**over**'} |`,
    ),
    '',
    '| catalogue page (no JavaScript) | total transferred | budget | verdict |',
    '|---|---|---|---|',
    ...cataloguePages.map(
      (page) =>
        `| \`${page.path}\` | ${kib(page.bytes)} | ${kib(museumBudgets.cataloguePage)} | ${verdict(page.bytes, museumBudgets.cataloguePage)} |`,
    ),
  ];
}
