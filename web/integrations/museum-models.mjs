// The 3D museum's floors as compressed glTF files: written by code (web/src/museum/geometry) into
// assets/museum/ when the site builds or its dev server starts, copied into the built site under
// /museum/models/, and served from there by the dev server. detect-gpu's benchmark tables, which rate the
// visitor's GPU to choose the drawing's quality, are served the same way under /museum/gpu-benchmarks/, so
// the page never fetches them from a CDN.
import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { copyFile, mkdir, readdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const ASSETS = new URL('../../assets/museum/', import.meta.url);
const WRITER = fileURLToPath(new URL('../src/museum/geometry/write-floor-models.ts', import.meta.url));
const URL_PATH = '/museum/models/';
const BENCHMARKS = new URL('../../node_modules/@pmndrs/detect-gpu/dist/benchmarks/', import.meta.url);
const BENCHMARKS_PATH = '/museum/gpu-benchmarks/';

/** @param {import('astro').AstroIntegrationLogger} logger */
function writeModels(logger) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', WRITER, fileURLToPath(ASSETS)], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (result.status !== 0)
    throw new Error(`the museum's floor models could not be written:\n${result.stderr}`);
  for (const line of result.stdout.trim().split('\n'))
    logger.info(line.replace(fileURLToPath(ASSETS), 'assets/museum/'));
}

export function museumModels() {
  return {
    name: 'museum-models',
    hooks: {
      /** @param {{ logger: import('astro').AstroIntegrationLogger }} setup */
      'astro:config:setup': ({ logger }) => writeModels(logger),
      /** @param {{ server: import('vite').ViteDevServer }} setup */
      'astro:server:setup': ({ server }) => {
        server.middlewares.use((request, response, next) => {
          const table = request.url?.startsWith(BENCHMARKS_PATH)
            ? request.url.slice(BENCHMARKS_PATH.length)
            : '';
          if (/^[a-z0-9-]+\.json$/.test(table) && existsSync(new URL(table, BENCHMARKS))) {
            response.setHeader('Content-Type', 'application/json');
            createReadStream(new URL(table, BENCHMARKS)).pipe(response);
            return;
          }
          const name = request.url?.startsWith(URL_PATH) ? request.url.slice(URL_PATH.length) : '';
          if (!/^[a-z0-9-]+\.glb$/.test(name) || !existsSync(new URL(name, ASSETS))) return next();
          response.setHeader('Content-Type', 'model/gltf-binary');
          createReadStream(new URL(name, ASSETS)).pipe(response);
        });
      },
      /** @param {{ dir: URL, logger: import('astro').AstroIntegrationLogger }} build */
      'astro:build:done': async ({ dir, logger }) => {
        const target = new URL(`.${URL_PATH}`, dir);
        await mkdir(target, { recursive: true });
        const files = (await readdir(ASSETS)).filter((file) => file.endsWith('.glb'));
        await Promise.all(files.map((file) => copyFile(new URL(file, ASSETS), new URL(file, target))));
        logger.info(`copied ${files.length} floor models to ${URL_PATH}`);
        const tables = new URL(`.${BENCHMARKS_PATH}`, dir);
        await mkdir(tables, { recursive: true });
        const names = (await readdir(BENCHMARKS)).filter((file) => file.endsWith('.json'));
        await Promise.all(names.map((file) => copyFile(new URL(file, BENCHMARKS), new URL(file, tables))));
        logger.info(`copied ${names.length} GPU benchmark tables to ${BENCHMARKS_PATH}`);
      },
    },
  };
}
