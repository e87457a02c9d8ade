/**
 * The built Astro site for the local platform: rebuilt when its sources are newer than the build; prerendered
 * files served from web/dist/client, every other page rendered per request by the built server entry, and `/`
 * sent to /vi/ or /en/ by the visitor's Accept-Language.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import { compress } from 'hono/compress';
import type { AppEnv } from '../platform/http-app.js';
import type { PublicAddress } from '../platform/public-origin.js';
import { preferredLanguage } from '../site/language.js';
import { mountSitePages, type RenderPage, SITE_SERVER_ENTRY } from '../site/render.js';
import type { SiteServices } from '../site/services.js';
import { StartupError } from './startup-error.js';

const require = createRequire(import.meta.url);
export const WEB_ROOT = new URL('../../web/', import.meta.url).pathname;
/** The site's static files: prerendered pages, scripts, styles, images (what S3 holds on AWS). */
export const SITE_STATIC_FILES = join(WEB_ROOT, 'dist', 'client');
// The server build bundles functions/site's language rule; the domain reaches the pages at run time (locals).
const SITE_SOURCES = [
  ...['src', 'public', 'integrations', 'astro.config.mjs', 'tsconfig.json'].map((source) =>
    join(WEB_ROOT, source),
  ),
  fileURLToPath(new URL('../site/', import.meta.url)),
];

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** Why the site must be built before it is served — never built, or a source newer than the build — or null. */
export function siteBuildReason(): 'missing' | 'stale' | null {
  const built = [join(SITE_STATIC_FILES, 'index.html'), fileURLToPath(SITE_SERVER_ENTRY)];
  if (!built.every((file) => existsSync(file))) return 'missing';
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return Math.max(...SITE_SOURCES.map(newestModification)) > builtAt ? 'stale' : null;
}

/** Astro's command line, run with this Node; astro.js is not in the package's exports map, so it is found
 * beside the resolved entry point. */
// Variables that Vite reads as import.meta.env; a caller's (Vitest sets DEV=1, MODE=test) would make a build
// keep the pages' dev-server-only code.
const VITE_MODE_VARIABLES = ['NODE_ENV', 'DEV', 'PROD', 'MODE', 'SSR', 'BASE_URL'];

function runAstro(arguments_: string[], environment: Record<string, string>, stdio: 'pipe' | 'inherit') {
  const astroEntry = require.resolve('astro');
  const astro = join(astroEntry.slice(0, astroEntry.lastIndexOf(`${sep}dist${sep}`)), 'astro.js');
  const inherited = Object.entries(process.env).filter(([name]) => !VITE_MODE_VARIABLES.includes(name));
  return spawn(process.execPath, [astro, ...arguments_, '--root', WEB_ROOT], {
    stdio: ['ignore', stdio, stdio],
    env: { ...Object.fromEntries(inherited), ASTRO_TELEMETRY_DISABLED: '1', ...environment },
  });
}

/**
 * `npm run dev`: Astro's dev server with hot reload on `port`, forwarding /api to the API at `apiOrigin`; its
 * pages read the table named in `table` (DYNAMODB_ENDPOINT, TABLE_NAME) through the domain services.
 */
export function startSiteDevServer(
  port: number,
  host: string,
  apiOrigin: string,
  table: { DYNAMODB_ENDPOINT: string; TABLE_NAME: string },
): ChildProcess {
  return runAstro(
    ['dev', '--port', String(port), '--host', host],
    { HALONG_API_ORIGIN: apiOrigin, ...table },
    'inherit',
  );
}

/** Runs `astro build` for web/; its output is shown only if it fails. */
export async function buildSite(): Promise<void> {
  const child = runAstro(['build'], { NODE_ENV: 'production' }, 'pipe');
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
  if (code !== 0) {
    process.stderr.write(output);
    throw new StartupError(
      'The site did not build (the output of astro build is above): fix the error and run npm start again.',
    );
  }
}

/**
 * Mounts the site on the app after the API, so /api/* never falls through to files or pages; pages name the
 * site by `publicAddress` (PUBLIC_BASE_URL, ALLOWED_HOSTS).
 */
export async function mountSite(
  app: Hono<AppEnv>,
  services: SiteServices,
  publicAddress: PublicAddress,
): Promise<void> {
  const { render } = (await import(SITE_SERVER_ENTRY.href)) as { render: RenderPage };
  app.get('/', (context) => {
    const language = preferredLanguage(context.req.header('Accept-Language'));
    context.header('Vary', 'Accept-Language');
    context.header('Cache-Control', 'private, no-store');
    return context.redirect(`/${language}/`, 302);
  });
  // Compressed as CloudFront compresses them on AWS, so a page's weight here is what a visitor downloads.
  app.use('*', compress());
  app.use('*', serveStatic({ root: SITE_STATIC_FILES }));
  mountSitePages(app, render, services, publicAddress);
}
