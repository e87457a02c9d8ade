/**
 * The built Astro site for the local platform: rebuilt when its sources are newer than the build, served
 * from web/dist, with `/` sent to /vi/ or /en/ by the visitor's Accept-Language.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join, sep } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Hono } from 'hono';
import type { AppEnv } from '../platform/http-app.js';
import { preferredLanguage } from './language.js';
import { StartupError } from './startup-error.js';

const require = createRequire(import.meta.url);
export const WEB_ROOT = new URL('../../web/', import.meta.url).pathname;
export const SITE_DIST = join(WEB_ROOT, 'dist');
const SITE_SOURCES = ['src', 'public', 'integrations', 'astro.config.mjs', 'tsconfig.json'];

function newestModification(path: string): number {
  if (!existsSync(path)) return 0;
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestModification(join(path, entry)));
  return newest;
}

/** True when web/dist is missing or older than any source of the site. */
export function siteNeedsBuild(): boolean {
  const built = join(SITE_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const sources = Math.max(...SITE_SOURCES.map((source) => newestModification(join(WEB_ROOT, source))));
  return sources > statSync(built).mtimeMs;
}

/** Astro's command line, run with this Node; astro.js is not in the package's exports map, so it is found
 * beside the resolved entry point. */
function runAstro(arguments_: string[], environment: Record<string, string>, stdio: 'pipe' | 'inherit') {
  const astroEntry = require.resolve('astro');
  const astro = join(astroEntry.slice(0, astroEntry.lastIndexOf(`${sep}dist${sep}`)), 'astro.js');
  return spawn(process.execPath, [astro, ...arguments_, '--root', WEB_ROOT], {
    stdio: ['ignore', stdio, stdio],
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ...environment },
  });
}

/** `npm run dev`: Astro's dev server with hot reload on `port`, forwarding /api to the API at `apiOrigin`. */
export function startSiteDevServer(port: number, host: string, apiOrigin: string): ChildProcess {
  return runAstro(
    ['dev', '--port', String(port), '--host', host],
    { HALONG_API_ORIGIN: apiOrigin },
    'inherit',
  );
}

/** Runs `astro build` for web/; its output is shown only if it fails. */
export async function buildSite(): Promise<void> {
  const child = runAstro(['build'], {}, 'pipe');
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

/** Mounts the site on the app after the API, so /api/* never falls through to files. */
export function mountSite(app: Hono<AppEnv>): void {
  app.get('/', (context) => {
    const language = preferredLanguage(context.req.header('Accept-Language'));
    context.header('Vary', 'Accept-Language');
    context.header('Cache-Control', 'private, no-store');
    return context.redirect(`/${language}/`, 302);
  });
  app.use('*', serveStatic({ root: SITE_DIST }));
  app.use('*', async (context, next) => {
    if (context.req.path === '/api' || context.req.path.startsWith('/api/')) return next();
    const page = join(SITE_DIST, '404.html');
    if (!existsSync(page)) return next();
    return context.html(await readFile(page, 'utf8'), 404);
  });
}
