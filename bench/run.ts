/**
 * `npm run bench`: every benchmark the issues ask for, written into the results section of BENCHMARKS.md —
 * the Lambda bundles (size, init cost), the local platform's cold start, and the site's pages under load
 * (latency of rendered pages beside a prerendered one; bytes per page).
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { freePort } from '../functions/local/dynamodb-local.js';
import { buildSite, siteNeedsBuild } from '../functions/local/site.js';
import { interrupt, launchPlatform, waitForUrl } from '../test/e2e/support/platform-process.js';
import { COLD_START_RUNS, measureColdStart } from './cold-start.js';
import { bundleRows, measureLambdaBundles } from './lambda-bundles.js';
import {
  CONCURRENT_CLIENTS,
  LOAD_SECONDS,
  latencyRows,
  measureLatency,
  measurePageWeights,
  WARM_UP_SECONDS,
  WEIGHED_PAGES,
  weightRows,
} from './pages.js';
import { median } from './statistics.js';

const BENCHMARKS_FILE = new URL('../BENCHMARKS.md', import.meta.url);
const START_MARK = '<!-- bench:results:start -->';
const END_MARK = '<!-- bench:results:end -->';

const say = (message: string) => process.stderr.write(`${message}\n`);

async function measurePages() {
  const platform = launchPlatform({ PORT: String(await freePort()), LOG_LEVEL: 'silent' });
  try {
    const baseUrl = (await waitForUrl(platform, 120_000)).replace(/\/$/, '');
    const latency = await measureLatency(baseUrl);
    const weights = await measurePageWeights(baseUrl, WEIGHED_PAGES);
    return { latency, weights };
  } finally {
    await interrupt(platform);
  }
}

async function main(): Promise<void> {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  if (siteNeedsBuild()) await buildSite();
  say('Bundling the Lambda functions and timing their import…');
  const bundles = await measureLambdaBundles();
  say('Timing the local cold start…');
  const coldStarts: number[] = [];
  for (let run = 0; run < COLD_START_RUNS; run += 1) coldStarts.push(await measureColdStart());
  say(`Loading pages with ${CONCURRENT_CLIENTS} clients…`);
  const pages = await measurePages();

  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;
  const rounded = coldStarts.map((value) => Math.round(value));
  const results = [
    START_MARK,
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine}.`,
    '',
    '### Lambda bundles (minified ESM, AWS SDK external)',
    '',
    ...bundleRows(bundles),
    '',
    '### Pages under load (local platform, one Node process)',
    '',
    `${CONCURRENT_CLIENTS} concurrent keep-alive clients for ${LOAD_SECONDS} s per address, after ${WARM_UP_SECONDS} s of warm-up on each.`,
    '',
    ...latencyRows(pages.latency),
    '',
    '### Bytes per page',
    '',
    ...weightRows(pages.weights),
    '',
    '### Cold start of the local platform',
    '',
    '| runs | median | fastest | slowest | each (ms) |',
    '|---|---|---|---|---|',
    `| ${COLD_START_RUNS} | ${Math.round(median(coldStarts))} ms | ${Math.min(...rounded)} ms | ${Math.max(...rounded)} ms | ${rounded.join(', ')} |`,
    END_MARK,
  ].join('\n');

  const document = await readFile(BENCHMARKS_FILE, 'utf8');
  const before = document.slice(0, document.indexOf(START_MARK));
  const after = document.slice(document.indexOf(END_MARK) + END_MARK.length);
  await writeFile(BENCHMARKS_FILE, `${before}${results}${after}`);
  process.stdout.write(`${results}\n`);
}

await main();
