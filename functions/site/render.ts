/**
 * The site's pages as a fetch-style function: Astro's build of the on-demand pages (web/dist/server/entry.mjs,
 * made by web/integrations/platform-adapter.mjs) renders a Request to a Response with the domain services as
 * `locals`. The local server and the site Lambda mount it the same way.
 */
import type { Hono } from 'hono';
import type { AppEnv } from '../platform/http-app.js';
import { publicOrigin } from '../platform/public-origin.js';
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
    return renderPage(asVisitorSawIt(context.req.raw), services);
  });
}

/**
 * The request with the address the visitor used: behind CloudFront and API Gateway the request arrives for
 * API Gateway's host, and CloudFront's router function passes the visitor's in X-Forwarded-Host. Astro
 * checks a form post's Origin against this address, and builds its absolute links from it.
 */
export function asVisitorSawIt(request: Request): Request {
  const origin = publicOrigin(request, undefined);
  const url = new URL(request.url);
  if (origin === url.origin) return request;
  const visited = new URL(`${url.pathname}${url.search}`, origin);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  // A streamed body must be passed on as a stream ("half" duplex is the only mode fetch implements).
  return new Request(visited, {
    method: request.method,
    headers: request.headers,
    ...(hasBody && { body: request.body, duplex: 'half' }),
  } as RequestInit);
}
