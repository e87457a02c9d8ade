// Copies Swagger UI's prebuilt bundle into the built site, so the API's /api/docs page loads it from our origin, not a CDN.
import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);
const swaggerAssetFiles = ['swagger-ui-bundle.js', 'swagger-ui.css'];

/** @param {{ directory?: string }} [options] folder below the site root, shared with public/docs-assets */
export function apiDocsAssets({ directory = 'docs-assets' } = {}) {
  return {
    name: 'api-docs-assets',
    hooks: {
      /** @param {{ dir: URL, logger: import('astro').AstroIntegrationLogger }} build */
      'astro:build:done': async ({ dir, logger }) => {
        /** @type {() => string} */
        const swaggerDistributionPath = require('swagger-ui-dist/absolute-path.js');
        const sourceDirectory = swaggerDistributionPath();
        const targetDirectory = new URL(`${directory}/`, dir);
        await mkdir(targetDirectory, { recursive: true });
        await Promise.all(
          swaggerAssetFiles.map((file) =>
            copyFile(path.join(sourceDirectory, file), new URL(file, targetDirectory)),
          ),
        );
        logger.info(`copied ${swaggerAssetFiles.join(', ')} to /${directory}/`);
      },
    },
  };
}
