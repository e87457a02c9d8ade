/**
 * The 3D museum against its budgets, in headless Chromium with SwiftShader against the production build:
 * JavaScript of the 3D page (gzip, as transferred), bytes transferred before `window.__museum.ready`, time to
 * ready, draw calls and triangles of the first view; and the catalogue pages' total weight. Each run in a
 * fresh browser context (an empty cache).
 */
import type { Browser, CDPSession } from 'playwright-core';
import { launchBrowser } from '../test/e2e/support/browser.js';
import { median } from './statistics.js';

export const MUSEUM_RUNS = 5;

export const museumBudgets = {
  javaScriptGzip: 450 * 1024,
  bytesBeforeReady: 3 * 1024 * 1024,
  readyMs: 5000,
  drawCalls: 150,
  triangles: 300_000,
  cataloguePage: 60 * 1024,
};

interface ViewRun {
  javaScriptBytes: number;
  totalBytes: number;
  readyMs: number;
  drawCalls: number;
  triangles: number;
}

export interface MuseumMeasurement {
  runs: ViewRun[];
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
    const cataloguePages = [];
    for (const path of [
      '/en/museum/catalogue/',
      '/vi/museum/catalogue/',
      '/en/museum/exhibits/golden-lotus-box/',
    ]) {
      cataloguePages.push({ path, bytes: await measurePageWeight(browser, `${baseUrl}${path}`) });
    }
    return { runs, cataloguePages };
  } finally {
    await browser.close();
  }
}

const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
const verdict = (value: number, budget: number) => (value <= budget ? 'within' : '**over**');

export function museumRows({ runs, cataloguePages }: MuseumMeasurement): string[] {
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
    `The entrance hall (the one room built in 3D so far); median of ${runs.length} runs, each in a fresh context.`,
    '',
    '| measure | value | budget | verdict |',
    '|---|---|---|---|',
    ...rows.map(
      ([name, value, budget, raw, limit]) => `| ${name} | ${value} | ${budget} | ${verdict(raw, limit)} |`,
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
