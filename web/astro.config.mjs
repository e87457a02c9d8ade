// Build configuration of the public site: static pages per language, React islands, Swagger UI assets for /api/docs.
import react from '@astrojs/react';
import { defineConfig } from 'astro/config';
import { apiDocsAssets } from './integrations/api-docs-assets.mjs';

export default defineConfig({
  // Absolute hreflang and canonical links need the public origin; without it the pages use root-relative links.
  site: process.env.SITE_URL || undefined,
  output: 'static',
  trailingSlash: 'ignore',
  build: {
    format: 'directory',
    // A strict Content-Security-Policy (no 'unsafe-inline' styles) needs every stylesheet as a file.
    inlineStylesheets: 'never',
  },
  integrations: [react(), apiDocsAssets()],
  // `npm run dev` runs the API beside Astro's dev server and sets this, so the islands' /api calls reach it.
  vite: process.env.HALONG_API_ORIGIN ? { server: { proxy: { '/api': process.env.HALONG_API_ORIGIN } } } : {},
});
