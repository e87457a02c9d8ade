// Build configuration of the public site: prerendered pages and pages rendered per request (through the platform
// adapter), per language, and Swagger UI's assets for /api/docs.
import { defineConfig, passthroughImageService } from 'astro/config';
import { apiDocsAssets } from './integrations/api-docs-assets.mjs';
import { museumModels } from './integrations/museum-models.mjs';
import { platformAdapter } from './integrations/platform-adapter.mjs';

export default defineConfig({
  // Absolute hreflang and canonical links need the public origin; without it the pages use root-relative links.
  site: process.env.SITE_URL || undefined,
  // Pages are prerendered unless they say `export const prerender = false` (those that show stored data).
  output: 'static',
  adapter: platformAdapter(),
  // Links always end in a slash; an address without one still answers (Astro's dev server would otherwise also
  // refuse /api/... before forwarding it to the API). The canonical link names the slashed address.
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // A strict Content-Security-Policy (no 'unsafe-inline' styles) needs every stylesheet as a file.
    inlineStylesheets: 'never',
  },
  // Images ship as they are: no transformation runs on the server, and the /_image endpoint Astro adds to
  // server builds answers 404 instead of bundling Astro's image pipeline into the site function.
  image: {
    service: passthroughImageService(),
    endpoint: { route: '/_image', entrypoint: './src/image-endpoint.ts' },
  },
  integrations: [apiDocsAssets(), museumModels()],
  vite: {
    build: {
      // Astro writes a small page script into the HTML inline, and the Content-Security-Policy admits inline
      // scripts by the hashes found in the prerendered pages only (functions/platform/content-security-policy.ts):
      // on a page rendered per request the browser would refuse it. Scripts ship as files; other assets as Vite
      // decides.
      assetsInlineLimit: (file) => (file.endsWith('.js') ? false : undefined),
    },
    // `npm run dev` runs the API beside Astro's dev server and sets this, so browser calls to /api reach it.
    // Under npm run dev the API process answers /api (its WebSocket upgrades too: the live updates) and the Wi-Fi
    // portal's /portal.
    ...(process.env.HALONG_API_ORIGIN
      ? {
          server: {
            proxy: {
              '/api': { target: process.env.HALONG_API_ORIGIN, ws: true },
              '/portal': process.env.HALONG_API_ORIGIN,
            },
          },
        }
      : {}),
  },
});
