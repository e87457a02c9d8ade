/**
 * `npm run bench`: every benchmark the issues ask for, written into the results section of BENCHMARKS.md —
 * the Lambda bundles (size, init cost), the local platform's cold start, the site's pages under load
 * (latency of rendered pages beside a prerendered one; bytes per page), and the bookings (a rush on one
 * departure; what one confirmed booking costs), and check-in at the gangway (4 scanners on one departure).
 * `npm run bench -- bookings` runs only the bookings and rewrites only their part of the results; so do
 * `bundles`, `pages`, `checkin`, `museum`, `wifi`, `forecasting`, `tracking` and `dashboard`.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { cpus, totalmem } from 'node:os';
import { freePort, startDynamoDbLocal } from '../functions/local/dynamodb-local.js';
import { buildSite, siteBuildReason } from '../functions/local/site.js';
import { interrupt, launchPlatform, waitForUrl } from '../test/e2e/support/platform-process.js';
import {
  CONCURRENT_BOOKINGS,
  CONTENTION_ROUNDS,
  contentionRows,
  measureContention,
} from './bookings-contention.js';
import { COSTED_BOOKINGS, costRows, measureBookingCost, PRICES } from './bookings-cost.js';
import {
  CHECKIN_ROUNDS,
  checkInRows,
  measureCheckIn,
  REPEATED_TICKETS,
  SCANNERS,
  TICKETS,
} from './checkin.js';
import { COLD_START_RUNS, measureColdStart } from './cold-start.js';
import { DASHBOARD_SECONDS, dashboardRows, MANAGERS, measureDashboard } from './dashboard.js';
import {
  forecastingLines,
  measureAccuracy,
  measureNightlyRefresh,
  measureOwnHorizons,
} from './forecasting.js';
import { bundleRows, measureLambdaBundles } from './lambda-bundles.js';
import { MUSEUM_RUNS, measureMuseum, museumRows } from './museum.js';
import {
  CONCURRENT_CLIENTS,
  LOAD_SECONDS,
  latencyRows,
  measureLatency,
  measurePageWeights,
  ratioRows,
  WARM_UP_SECONDS,
  WEIGHED_PAGES,
  weightRows,
} from './pages.js';
import { median } from './statistics.js';
import {
  BOATS,
  CLIENTS,
  INTAKE_SECONDS,
  measureTracking,
  OFFERED_PER_SECOND,
  trackingRows,
} from './tracking.js';
import {
  measurePortalWeights,
  measureWifiRush,
  portalWeightRows,
  RUSH_PHONES,
  RUSH_SECONDS,
  rushRows,
  SUSTAINED_CLIENTS,
  SUSTAINED_SECONDS,
} from './wifi-portal.js';

const BENCHMARKS_FILE = new URL('../BENCHMARKS.md', import.meta.url);
const START_MARK = '<!-- bench:results:start -->';
const END_MARK = '<!-- bench:results:end -->';
const MUSEUM_START_MARK = '<!-- bench:museum:start -->';
const MUSEUM_END_MARK = '<!-- bench:museum:end -->';
const BOOKINGS_START_MARK = '<!-- bench:bookings:start -->';
const BOOKINGS_END_MARK = '<!-- bench:bookings:end -->';
const CHECKIN_START_MARK = '<!-- bench:checkin:start -->';
const CHECKIN_END_MARK = '<!-- bench:checkin:end -->';
const FORECASTING_START_MARK = '<!-- bench:forecasting:start -->';
const FORECASTING_END_MARK = '<!-- bench:forecasting:end -->';
const BUNDLES_START_MARK = '<!-- bench:bundles:start -->';
const BUNDLES_END_MARK = '<!-- bench:bundles:end -->';
const WIFI_START_MARK = '<!-- bench:wifi:start -->';
const WIFI_END_MARK = '<!-- bench:wifi:end -->';
const PAGES_START_MARK = '<!-- bench:pages:start -->';
const PAGES_END_MARK = '<!-- bench:pages:end -->';

const say = (message: string) => process.stderr.write(`${message}\n`);

/** The pages under load on the platform as `npm start` runs it, or without its local stand-in for CloudFront. */
async function measurePages(edge: 'with the local edge cache' | 'origin only') {
  const arguments_ = edge === 'origin only' ? ['--in-memory', '--no-edge-cache'] : ['--in-memory'];
  const platform = launchPlatform({ PORT: String(await freePort()), LOG_LEVEL: 'silent' }, arguments_);
  try {
    // Five minutes: on a machine shared with other work the start (seeding, the forecasts) can take over two.
    const baseUrl = (await waitForUrl(platform, 300_000)).replace(/\/$/, '');
    const latency = await measureLatency(baseUrl);
    const weights = await measurePageWeights(baseUrl, WEIGHED_PAGES);
    return { latency, weights };
  } finally {
    await interrupt(platform);
  }
}

/** The site's pages under load and their weight, as the part of the results between their own marks. */
async function measurePagesSection(): Promise<string> {
  say(`Loading pages with ${CONCURRENT_CLIENTS} clients, through the local edge cache…`);
  const throughEdge = await measurePages('with the local edge cache');
  say(`Loading pages with ${CONCURRENT_CLIENTS} clients, from the origin alone…`);
  const originOnly = await measurePages('origin only');
  return [
    PAGES_START_MARK,
    `### Pages under load (local platform, one Node process; measured ${today()} on ${machine()})`,
    '',
    `${CONCURRENT_CLIENTS} concurrent keep-alive clients (autocannon) for ${LOAD_SECONDS} s per address, after ${WARM_UP_SECONDS} s of warm-up on each; every address of a table in the same run, one after the other, so each rendered page is compared with the static page of its own run. Two runs: the platform as \`npm start\` serves it (behind functions/local/edge-cache.ts, which keeps shared pages as CloudFront does on AWS), and the origin alone (\`--no-edge-cache\`: every page rendered, its data read through the 5-second page data cache).`,
    '',
    '#### Through the local edge cache (as visitors meet the site)',
    '',
    ...latencyRows(throughEdge.latency),
    '',
    ...ratioRows(throughEdge.latency),
    '',
    '#### The origin alone (every request rendered)',
    '',
    ...latencyRows(originOnly.latency),
    '',
    ...ratioRows(originOnly.latency),
    '',
    '### Bytes per page',
    '',
    ...weightRows(throughEdge.weights),
    PAGES_END_MARK,
  ].join('\n');
}

const machine = () =>
  `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}`;

const today = () => new Date().toISOString().slice(0, 10);

const PRICES_NOTE = `ap-southeast-1 list prices as of 2025 (check the AWS pricing pages): on-demand $${PRICES.writeRequestUnitPerMillion}/million WRU and $${PRICES.readRequestUnitPerMillion}/million RRU, Lambda arm64 $${PRICES.lambdaArmGbSecond}/GB-s and $${PRICES.lambdaRequestPerMillion.toFixed(2)}/million requests, HTTP API $${PRICES.httpApiRequestPerMillion.toFixed(2)}/million requests (the upper end of $1.00–1.30)`;

/** Both booking benchmarks against one DynamoDB Local, as the part of the results between their own marks. */
async function measureBookings(): Promise<string> {
  const dynamo = await startDynamoDbLocal(null);
  try {
    say(
      `Booking ${CONCURRENT_BOOKINGS} times at once on one departure, ${CONTENTION_ROUNDS} rounds after a warm-up…`,
    );
    const contention = await measureContention(dynamo);
    say(
      `Metering ${COSTED_BOOKINGS} bookings from hold to confirmation, then timing ${COSTED_BOOKINGS} more…`,
    );
    const cost = await measureBookingCost(dynamo.endpoint);
    return [
      BOOKINGS_START_MARK,
      `Bookings measured ${today()} on ${machine()}.`,
      '',
      '### Bookings under contention (one 48-seat departure, DynamoDB Local)',
      '',
      `${CONCURRENT_BOOKINGS} attempts of 1–4 passengers started at once on a fresh departure; median of ${CONTENTION_ROUNDS} rounds after a warm-up round.`,
      '',
      ...contentionRows(contention),
      '',
      '### Cost of one confirmed booking',
      '',
      `The mean per booking of ${COSTED_BOOKINGS} bookings of 2 passengers, each driven in-process from hold to a read of it confirmed. Read units and single-item writes as DynamoDB Local reports them; transactional writes computed from their items' sizes (DynamoDB Local's own figure in brackets). Handler p50 over ${COSTED_BOOKINGS} more bookings, unmetered. Prices: ${PRICES_NOTE}.`,
      '',
      ...costRows(cost),
      BOOKINGS_END_MARK,
    ].join('\n');
  } finally {
    await dynamo.stop();
  }
}

/** Check-in at the gangway against its own DynamoDB Local, as the part of the results between its own marks. */
async function measureCheckInSection(): Promise<string> {
  const dynamo = await startDynamoDbLocal(null);
  try {
    say(
      `Checking in ${TICKETS + REPEATED_TICKETS} scans with ${SCANNERS} scanners on one departure, ${CHECKIN_ROUNDS} rounds after a warm-up…`,
    );
    const rounds = await measureCheckIn(dynamo);
    return [
      CHECKIN_START_MARK,
      `### Check-in at the gangway (one ${TICKETS}-seat departure, DynamoDB Local; measured ${today()} on ${machine()})`,
      '',
      `${SCANNERS} scanners at once, each scanning its ${(TICKETS + REPEATED_TICKETS) / SCANNERS} codes one after the other: the departure's ${TICKETS} paid tickets, ${REPEATED_TICKETS} of them scanned a second time, in a seeded shuffle. A fresh departure for each path; wall time and p50 are the median of ${CHECKIN_ROUNDS} rounds after a warm-up round, p99 and the slowest scan are over all their scans. Every departure ends with exactly ${TICKETS} aboard (its counter and its bookings) and the ${REPEATED_TICKETS} repeats refused as already checked in, or the benchmark fails.`,
      '',
      ...checkInRows(rounds),
      CHECKIN_END_MARK,
    ].join('\n');
  } finally {
    await dynamo.stop();
  }
}

/** Replaces the text between `start` and `end` (marks included) with `replacement`, which carries them. */
function replaceBetween(document: string, start: string, end: string, replacement: string): string {
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from < 0 || to < from) throw new Error(`BENCHMARKS.md lacks the marks ${start} … ${end}.`);
  return `${document.slice(0, from)}${replacement}${document.slice(to + end.length)}`;
}

/** The Lambda bundles: what each function loads at a cold start, and how long its import takes. */
async function measureBundlesSection(): Promise<string> {
  say('Bundling the Lambda functions and timing their import…');
  const bundles = await measureLambdaBundles();
  return [
    BUNDLES_START_MARK,
    `### Lambda bundles (minified ESM, AWS SDK external; measured ${today()} on ${machine()})`,
    '',
    ...bundleRows(bundles),
    BUNDLES_END_MARK,
  ].join('\n');
}

/** The 3D museum and the catalogue pages, on the platform started as `npm start` starts it. */
async function measureMuseumSection(): Promise<string> {
  say(`Opening the 3D museum ${MUSEUM_RUNS} times in Chromium…`);
  const platform = launchPlatform({ PORT: String(await freePort()), LOG_LEVEL: 'silent' });
  try {
    const baseUrl = (await waitForUrl(platform, 120_000)).replace(/\/$/, '');
    const measurement = await measureMuseum(baseUrl);
    return [
      MUSEUM_START_MARK,
      '### The 3D museum and its catalogue (headless Chromium, SwiftShader, production build)',
      '',
      ...museumRows(measurement),
      MUSEUM_END_MARK,
    ].join('\n');
  } finally {
    await interrupt(platform);
  }
}

/** The Wi-Fi portal's morning rush and its page weight, on the platform started as `npm start` starts it. */
async function measureWifiSection(): Promise<string> {
  say(
    `Logging ${RUSH_PHONES} phones in over ${RUSH_SECONDS} s, then all at once, then ${SUSTAINED_CLIENTS} clients for ${SUSTAINED_SECONDS} s…`,
  );
  const platform = launchPlatform({ PORT: String(await freePort()), LOG_LEVEL: 'silent' });
  try {
    const baseUrl = (await waitForUrl(platform, 120_000)).replace(/\/$/, '');
    const rush = await measureWifiRush(baseUrl);
    const weights = await measurePortalWeights(baseUrl);
    return [
      WIFI_START_MARK,
      `### The Wi-Fi portal's morning rush (local platform over HTTP, one Node process, DynamoDB Local; measured ${today()} on ${machine()})`,
      '',
      'Each phone opens the portal page the gateway sends it to (openNDS FAS level 3, AES payload, as the seeded Tuần Châu port hotspots) and accepts the terms: the login claims its single-use nonce, counts the device (conditional `ADD`), records the consent, queues the grant for authmon, stores the session and counts it (three `ADD`s) — the page 1 read, the login 1 read and 8 writes. The gateway’s authmon polls every second and acknowledges what it collected. Times are per request, as the phone waits for them.',
      '',
      ...rushRows(rush),
      '',
      `The issue's rush — 300 phones within a minute — needs 5 logins/s; the first row is that rush as it arrives, the next two compress it to one instant and keep 300 clients logging in back to back, to find the ceiling. Every grant was collected by the polling authmon (${rush[2]?.collectedByAuthmon ?? 0} over the whole run, warm-up included).`,
      '',
      '### Bytes of the portal page',
      '',
      ...portalWeightRows(weights),
      WIFI_END_MARK,
    ].join('\n');
  } finally {
    await interrupt(platform);
  }
}

/**
 * The forecasting engine's accuracy and speed, and the nightly refresh (issue 10); its choice against the
 * combination of its candidates on each frequency (issue 22).
 */
async function measureForecastingSection(): Promise<string> {
  say('Forecasting the 366 monthly series of the tourism competition, then their own last horizons…');
  const accuracy = await measureAccuracy();
  const ownHorizons = await measureOwnHorizons();
  const dynamo = await startDynamoDbLocal(null);
  try {
    const nightly = await measureNightlyRefresh(dynamo);
    return [
      FORECASTING_START_MARK,
      ...forecastingLines(accuracy, ownHorizons, nightly, `${today()} on ${machine()}`),
      FORECASTING_END_MARK,
    ].join('\n');
  } finally {
    await dynamo.stop();
  }
}

const TRACKING_START_MARK = '<!-- bench:tracking:start -->';
const TRACKING_END_MARK = '<!-- bench:tracking:end -->';

/** Live tracking: the intake at 10× the bay's peak, report-to-browser latency, signal-lost detection (issue 21). */
async function measureTrackingSection(): Promise<string> {
  say(
    `Tracking: ${BOATS} boats, ${OFFERED_PER_SECOND} positions/s for ${INTAKE_SECONDS} s (and raw), ${CLIENTS} WebSocket clients, signal loss…`,
  );
  const dynamo = await startDynamoDbLocal(null);
  try {
    const measured = await measureTracking(dynamo);
    return [
      TRACKING_START_MARK,
      `### Live tracking (measured ${today()} on ${machine()})`,
      '',
      ...trackingRows(measured),
      TRACKING_END_MARK,
    ].join('\n');
  } finally {
    await dynamo.stop();
  }
}

const DASHBOARD_START_MARK = '<!-- bench:dashboard:start -->';
const DASHBOARD_END_MARK = '<!-- bench:dashboard:end -->';

/** The managers' dashboard over three years of counters, 20 managers at once, and the roll-ups' cost (issue 22). */
async function measureDashboardSection(): Promise<string> {
  say(
    `Dashboard: three years of counters, ${MANAGERS} managers for ${DASHBOARD_SECONDS} s, the roll-ups' cost…`,
  );
  const dynamo = await startDynamoDbLocal(null);
  try {
    const measured = await measureDashboard(dynamo);
    return [
      DASHBOARD_START_MARK,
      `### The managers' dashboard (API over HTTP, one Node process, DynamoDB Local; measured ${today()} on ${machine()})`,
      '',
      ...dashboardRows(measured),
      DASHBOARD_END_MARK,
    ].join('\n');
  } finally {
    await dynamo.stop();
  }
}

/** Only one section: its part of the results is replaced (or added at the end), the rest kept. */
async function runOnly(section: string, start: string, end: string): Promise<void> {
  const document = await readFile(BENCHMARKS_FILE, 'utf8');
  const updated = document.includes(start)
    ? replaceBetween(document, start, end, section)
    : document.replace(END_MARK, `\n${section}\n${END_MARK}`);
  await writeFile(BENCHMARKS_FILE, updated);
  process.stdout.write(`${section}\n`);
}

async function main(): Promise<void> {
  if (siteBuildReason() !== null) await buildSite();
  const bundles = await measureBundlesSection();
  say('Timing the local cold start…');
  const coldStarts: number[] = [];
  for (let run = 0; run < COLD_START_RUNS; run += 1) coldStarts.push(await measureColdStart());
  const pages = await measurePagesSection();
  const bookings = await measureBookings();
  const checkIn = await measureCheckInSection();
  const museum = await measureMuseumSection();
  const wifi = await measureWifiSection();
  const forecasting = await measureForecastingSection();
  const tracking = await measureTrackingSection();
  const dashboard = await measureDashboardSection();

  const rounded = coldStarts.map((value) => Math.round(value));
  const results = [
    START_MARK,
    `Measured ${today()} on ${machine()}.`,
    '',
    bundles,
    '',
    pages,
    '',
    '### Cold start of the local platform',
    '',
    '| runs | median | fastest | slowest | each (ms) |',
    '|---|---|---|---|---|',
    `| ${COLD_START_RUNS} | ${Math.round(median(coldStarts))} ms | ${Math.min(...rounded)} ms | ${Math.max(...rounded)} ms | ${rounded.join(', ')} |`,
    '',
    bookings,
    '',
    checkIn,
    '',
    museum,
    '',
    wifi,
    '',
    forecasting,
    '',
    tracking,
    '',
    dashboard,
    END_MARK,
  ].join('\n');

  const document = await readFile(BENCHMARKS_FILE, 'utf8');
  await writeFile(BENCHMARKS_FILE, replaceBetween(document, START_MARK, END_MARK, results));
  process.stdout.write(`${results}\n`);
}

const [only] = process.argv.slice(2);
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
if (siteBuildReason() !== null) await buildSite();
if (only === 'bookings') await runOnly(await measureBookings(), BOOKINGS_START_MARK, BOOKINGS_END_MARK);
else if (only === 'checkin')
  await runOnly(await measureCheckInSection(), CHECKIN_START_MARK, CHECKIN_END_MARK);
else if (only === 'museum') await runOnly(await measureMuseumSection(), MUSEUM_START_MARK, MUSEUM_END_MARK);
else if (only === 'wifi') await runOnly(await measureWifiSection(), WIFI_START_MARK, WIFI_END_MARK);
else if (only === 'pages') await runOnly(await measurePagesSection(), PAGES_START_MARK, PAGES_END_MARK);
else if (only === 'bundles')
  await runOnly(await measureBundlesSection(), BUNDLES_START_MARK, BUNDLES_END_MARK);
else if (only === 'forecasting')
  await runOnly(await measureForecastingSection(), FORECASTING_START_MARK, FORECASTING_END_MARK);
else if (only === 'tracking')
  await runOnly(await measureTrackingSection(), TRACKING_START_MARK, TRACKING_END_MARK);
else if (only === 'dashboard')
  await runOnly(await measureDashboardSection(), DASHBOARD_START_MARK, DASHBOARD_END_MARK);
else if (only === undefined) await main();
else
  throw new Error(
    `Unknown benchmark "${only}": run all of them (no argument), or only "bundles", "bookings", "checkin", "museum", "wifi", "forecasting", "tracking", "dashboard" or "pages".`,
  );
