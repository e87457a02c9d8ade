/**
 * The site as a visitor's browser receives it from the local platform: how fast pages rendered per request
 * answer under load next to a prerendered page served as a file, and how many bytes each page costs.
 */
import { gzipSync } from 'node:zlib';
import autocannon from 'autocannon';
import { kib } from './lambda-bundles.js';

export const CONCURRENT_CLIENTS = 50;
export const LOAD_SECONDS = 10;
export const WARM_UP_SECONDS = 3;

/** The prerendered page every rendered page is compared with, in the same run. */
export const STATIC_PAGE = '/en/';

/** The goal for a rendered page, against the static page of the same run: at least this share of its requests/s. */
export const THROUGHPUT_RATIO_GOAL = 0.5;
/** The goal for a rendered page's 99th percentile latency. */
export const P99_GOAL_MILLISECONDS = 100;

/**
 * The addresses loaded: pages rendered per request from DynamoDB (through the page data cache), the API answer
 * that reads the same items as the first (uncached, so the rendering's and the cache's share show), and a
 * prerendered file.
 */
export const LOADED_ADDRESSES = [
  { path: '/en/boats/', kind: 'page rendered per request (2 queries: 8 routes, fee policy)', rendered: true },
  {
    path: '/en/boats/routes/1/',
    kind: 'page rendered per request (3 queries: routes, fee policy, ports)',
    rendered: true,
  },
  {
    path: '/en/boats/departures/',
    kind: 'page rendered per request (today’s departures with seats left, routes, ports)',
    rendered: true,
  },
  { path: '/en/museum/catalogue/', kind: 'page rendered per request (the museum catalogue)', rendered: true },
  {
    path: '/api/boats/routes',
    kind: 'API JSON, the same 2 queries as /en/boats/, no rendering, no cache',
    rendered: false,
  },
  { path: STATIC_PAGE, kind: 'prerendered page, served as a file', rendered: false },
] as const;

/** The pages whose weight is reported. */
export const WEIGHED_PAGES = ['/en/', '/en/boats/', '/vi/boats/', '/en/boats/routes/1/'];

export interface LatencyMeasurement {
  path: string;
  rendered: boolean;
  kind: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/** `CONCURRENT_CLIENTS` keep-alive clients requesting `path` back to back for `LOAD_SECONDS` (autocannon). */
export async function measureLatency(baseUrl: string): Promise<LatencyMeasurement[]> {
  // Every address warmed up first, so neither Node's nor DynamoDB Local's JIT counts against the first measured.
  for (const { path } of LOADED_ADDRESSES) {
    await autocannon({ url: `${baseUrl}${path}`, connections: 10, duration: WARM_UP_SECONDS });
  }
  const results: LatencyMeasurement[] = [];
  for (const { path, kind, rendered } of LOADED_ADDRESSES) {
    const result = await autocannon({
      url: `${baseUrl}${path}`,
      connections: CONCURRENT_CLIENTS,
      duration: LOAD_SECONDS,
    });
    results.push({
      path,
      rendered,
      kind,
      requestsPerSecond: result.requests.average,
      p50: result.latency.p50,
      p99: result.latency.p99,
      errors: result.errors,
      non2xx: result.non2xx,
    });
  }
  return results;
}

export interface PageWeight {
  path: string;
  htmlBytes: number;
  htmlGzipBytes: number;
  scriptBytes: number;
  scripts: number;
  styleBytes: number;
}

/** The bytes of each page's HTML and of the scripts and stylesheets it loads. */
export async function measurePageWeights(baseUrl: string, paths: string[]): Promise<PageWeight[]> {
  const weights: PageWeight[] = [];
  for (const path of paths) {
    const html = await (await fetch(`${baseUrl}${path}`)).text();
    const scriptSources = [...html.matchAll(/<script[^>]*\ssrc="([^"]+)"/g)].map((match) => match[1] ?? '');
    const inlineScripts = [
      ...html.matchAll(/<script(?![^>]*\ssrc=)(?![^>]*ld\+json)[^>]*>([\s\S]*?)<\/script>/g),
    ];
    const styleSources = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g)].map(
      (match) => match[1] ?? '',
    );
    const sizeOf = async (source: string) =>
      (await (await fetch(new URL(source, `${baseUrl}${path}`))).arrayBuffer()).byteLength;
    const scriptBytes =
      (await Promise.all(scriptSources.map(sizeOf))).reduce((sum, bytes) => sum + bytes, 0) +
      inlineScripts.reduce((sum, match) => sum + Buffer.byteLength(match[1] ?? ''), 0);
    weights.push({
      path,
      htmlBytes: Buffer.byteLength(html),
      htmlGzipBytes: gzipSync(html).byteLength,
      scriptBytes,
      scripts: scriptSources.length + inlineScripts.length,
      styleBytes: (await Promise.all(styleSources.map(sizeOf))).reduce((sum, bytes) => sum + bytes, 0),
    });
  }
  return weights;
}

export function latencyRows(measurements: LatencyMeasurement[]): string[] {
  return [
    '| address | what | requests/s | p50 | p99 | errors / non-2xx |',
    '|---|---|---|---|---|---|',
    ...measurements.map(
      (m) =>
        `| \`${m.path}\` | ${m.kind} | ${Math.round(m.requestsPerSecond)} | ${m.p50} ms | ${m.p99} ms | ${m.errors} / ${m.non2xx} |`,
    ),
  ];
}

/** Each rendered page against the static page of the same run, with the goals met or not. */
export function ratioRows(measurements: LatencyMeasurement[]): string[] {
  const staticPage = measurements.find((m) => m.path === STATIC_PAGE);
  if (!staticPage) throw new Error(`The run did not load ${STATIC_PAGE}.`);
  return [
    `| rendered page | share of \`${STATIC_PAGE}\`'s requests/s (goal ≥ ${THROUGHPUT_RATIO_GOAL}) | p99 (goal ≤ ${P99_GOAL_MILLISECONDS} ms) |`,
    '|---|---|---|',
    ...measurements
      .filter((m) => m.rendered)
      .map((m) => {
        const ratio = m.requestsPerSecond / staticPage.requestsPerSecond;
        const ratioMet = ratio >= THROUGHPUT_RATIO_GOAL ? 'met' : 'not met';
        const p99Met = m.p99 <= P99_GOAL_MILLISECONDS ? 'met' : 'not met';
        return `| \`${m.path}\` | ${ratio.toFixed(2)} (${ratioMet}) | ${m.p99} ms (${p99Met}) |`;
      }),
  ];
}

export function weightRows(weights: PageWeight[]): string[] {
  return [
    '| page | HTML | HTML gzip | JavaScript | CSS |',
    '|---|---|---|---|---|',
    ...weights.map(
      (w) =>
        `| \`${w.path}\` | ${kib(w.htmlBytes)} | ${kib(w.htmlGzipBytes)} | ${w.scripts === 0 ? 'none' : `${kib(w.scriptBytes)} in ${w.scripts} script(s)`} | ${kib(w.styleBytes)} |`,
    ),
  ];
}
