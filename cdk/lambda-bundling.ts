// The esbuild options and entry points of the domain Lambda functions: read by the CDK construct and by benchmarks.
import { fileURLToPath } from 'node:url';
import type { BuildOptions } from 'esbuild';

/** Root of the repository (the folder holding package.json), as an absolute path. */
export const repositoryRoot = fileURLToPath(new URL('..', import.meta.url));

/**
 * Each Lambda function's entry point (absolute paths); every one exports `handler`. `site` renders the pages
 * built by Astro (it bundles web/dist/server, so the site must be built first); `payments` serves the routes
 * that talk to Stripe; `boats-jobs` and `insights-jobs` run their domain's scheduled jobs; `insights-rollups`
 * reads the table's stream into the managers' counters;
 * `page-invalidation` reads the table's stream and invalidates on CloudFront the shared pages it made stale;
 * `tracking-intake` takes the trackers' and AIS receivers' positions; `tracking` serves the live map's reads, the
 * alerts and the rules; `tracking-jobs` runs
 * the signal check; `tracking-live` serves the tracking WebSocket API's routes and `tracking-stream` turns the table's tracking
 * changes into live updates (cdk/stacks/realtime-stack.ts).
 */
export const domainFunctionEntries = {
  platform: fileURLToPath(new URL('../functions/platform-handler.ts', import.meta.url)),
  boats: fileURLToPath(new URL('../functions/boats/handler.ts', import.meta.url)),
  payments: fileURLToPath(new URL('../functions/boats/payments-handler.ts', import.meta.url)),
  'boats-jobs': fileURLToPath(new URL('../functions/boats/jobs-handler.ts', import.meta.url)),
  museum: fileURLToPath(new URL('../functions/museum/handler.ts', import.meta.url)),
  wifi: fileURLToPath(new URL('../functions/wifi/handler.ts', import.meta.url)),
  insights: fileURLToPath(new URL('../functions/insights/handler.ts', import.meta.url)),
  'insights-jobs': fileURLToPath(new URL('../functions/insights/jobs-handler.ts', import.meta.url)),
  'insights-rollups': fileURLToPath(new URL('../functions/insights/stream-handler.ts', import.meta.url)),
  site: fileURLToPath(new URL('../functions/site/handler.ts', import.meta.url)),
  tracking: fileURLToPath(new URL('../functions/tracking/handler.ts', import.meta.url)),
  'tracking-intake': fileURLToPath(new URL('../functions/tracking/intake-handler.ts', import.meta.url)),
  'tracking-jobs': fileURLToPath(new URL('../functions/tracking/jobs-handler.ts', import.meta.url)),
  'tracking-live': fileURLToPath(new URL('../functions/tracking/live-handler.ts', import.meta.url)),
  'tracking-stream': fileURLToPath(new URL('../functions/tracking/stream-handler.ts', import.meta.url)),
  'page-invalidation': fileURLToPath(
    new URL('../functions/site/page-invalidation-handler.ts', import.meta.url),
  ),
};

export type DomainName = keyof typeof domainFunctionEntries;

/** The Lambda handler setting: `index.mjs` (the entry's output, see entryNames) exports `handler`. */
export const LAMBDA_HANDLER = 'index.handler';

/**
 * The esbuild options CDK bundles each function with, so a benchmark can run esbuild exactly as a deploy does:
 * add `entryPoints` and an `outdir`. The runtime is Node.js 22 on Lambda.
 */
export const lambdaBundlingOptions = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node22',
  // What a module imports with import() becomes a chunk of its own, loaded by the first request that needs it
  // (each of the site's pages, the OpenAPI document, the phone number rules), so a cold start loads only the
  // entry and the chunks it imports statically.
  splitting: true,
  entryNames: 'index',
  chunkNames: 'chunks/[name]-[hash]',
  outExtension: { '.js': '.mjs' },
  // Prefer packages' ES module builds: they tree-shake, so the bundle and the cold start stay small.
  mainFields: ['module', 'main'],
  minify: true,
  sourcemap: true,
  // Stack traces need only the mappings; leaving the sources out keeps the map the runtime loads small.
  sourcesContent: false,
  // The Node.js 22 Lambda runtime ships AWS SDK v3, so bundling it would only add weight.
  external: ['@aws-sdk/*'],
  // Some CommonJS dependencies call require() for Node built-ins, which an ES module does not define.
  banner: {
    js: "import { createRequire } from 'module'; const require = createRequire(import.meta.url);",
  },
} satisfies BuildOptions;
