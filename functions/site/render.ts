/**
 * The site's pages as a fetch-style function: Astro's build of the on-demand pages (web/dist/server/entry.mjs,
 * made by web/integrations/platform-adapter.mjs) renders a Request to a Response with the domain services as
 * `locals`. The local server and the site Lambda mount it the same way.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../platform/http-app.js';
import type { SiteServices } from './services.js';

export type RenderPage = (
  request: Request,
  locals: SiteServices,
  clientAddress?: string,
) => Promise<Response>;

/** The built site's render function, for the local server (the Lambda bundles it statically instead). */
export const SITE_SERVER_ENTRY = new URL('../../web/dist/server/entry.mjs', import.meta.url);

const isApiPath = (path: string) => path === '/api' || path.startsWith('/api/');

/**
 * Renders every request that reaches it with the site's pages: the on-demand pages, and the 404 page in the
 * visitor's language for any other address. Mount it last; `/api/*` never reaches Astro, so the API keeps its
 * problem+json 404 and 405 answers.
 */
export function mountSitePages(app: Hono<AppEnv>, renderPage: RenderPage, services: SiteServices): void {
  app.all('*', (context) => {
    if (isApiPath(context.req.path)) return context.notFound();
    return renderPage(context.req.raw, services);
  });
}
