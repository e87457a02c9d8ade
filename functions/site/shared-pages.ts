/**
 * The one rule for who may keep a page rendered per request, and how long: the pages that show only public
 * stored data are shared (CloudFront keeps them briefly, keyed by path and the query parameters they read);
 * every other answer is personal and kept by nobody. The site's middleware applies it to every rendered page,
 * the CloudFront cache policy (cdk/stacks/web-stack.ts) reads its query parameters and lifetimes from here.
 * Imported by Astro's build: this module imports nothing.
 */

/** How long CloudFront serves a shared page without asking again. */
export const EDGE_FRESH_SECONDS = 30;
/** How much longer it may serve it while it fetches a fresh one in the background (one render per burst). */
export const EDGE_STALE_SECONDS = 30;

/** Browsers always ask again (max-age=0); shared caches keep the page as above. */
export const SHARED_PAGE_CACHE_CONTROL = `public, max-age=0, s-maxage=${EDGE_FRESH_SECONDS}, stale-while-revalidate=${EDGE_STALE_SECONDS}`;
/** A page for one visitor (their booking, the staff's desk, a form with its key, anything setting a cookie). */
export const PERSONAL_PAGE_CACHE_CONTROL = 'private, no-store';

/**
 * The stored data shared pages show, by topic of the page data cache (functions/site/page-data-cache.ts): a write
 * that changes a topic makes stale every page showing it (functions/site/stale-pages.ts).
 */
export type PageDataTopic = 'routes' | 'departures' | 'museum' | 'hotspots';

export interface SharedPage {
  /** Every query parameter the page reads. */
  query: readonly string[];
  /** The page data it shows (routes also means the ports and the fee policy). */
  shows: readonly PageDataTopic[];
}

/**
 * The pages that show only public stored data, by Astro route pattern, with every query parameter each reads
 * (CloudFront's cache key holds these and no others, and no cookie: a shared page must not read anything else
 * of the request) and the page data each shows. Any page not named here is personal.
 */
export const SHARED_PAGES: Readonly<Record<string, SharedPage>> = {
  '/[lang]/boats': { query: [], shows: ['routes'] },
  // The route, and its next departures on sale.
  '/[lang]/boats/routes/[id]': { query: [], shows: ['routes', 'departures'] },
  // The fields of the departure search (DepartureSearchQuery in functions/boats/departures/model.ts); its form lists
  // the routes and ports.
  '/[lang]/boats/departures': {
    query: ['date', 'route', 'port', 'passengers'],
    shows: ['departures', 'routes'],
  },
  '/[lang]/museum': { query: [], shows: ['museum'] },
  '/[lang]/museum/catalogue': { query: ['q'], shows: ['museum'] },
  '/[lang]/museum/exhibits/[id]': { query: [], shows: ['museum'] },
  // The hotspots on the bay map with the ports and the routes' stops, today's departures, the museum's hours.
  '/[lang]/welcome': { query: ['hotspot'], shows: ['hotspots', 'routes', 'departures', 'museum'] },
  // The hotspots on the bay map with the ports.
  '/[lang]/wifi': { query: [], shows: ['hotspots', 'routes'] },
};

/** Every query parameter some shared page reads: CloudFront's cache key for rendered pages. */
export const SHARED_PAGE_QUERY_PARAMETERS: readonly string[] = [
  ...new Set(Object.values(SHARED_PAGES).flatMap((page) => page.query)),
].sort();

export interface RenderedPage {
  /** Astro's route pattern of the page that answered, e.g. `/[lang]/boats/routes/[id]`. */
  route: string;
  method: string;
  status: number;
  /** Whether the answer sets a cookie (it is then for this visitor only, whatever the page). */
  setsCookie: boolean;
}

/**
 * Shared only when a shared page answers a read with 200 and sets no cookie; a form's answer, a redirect, a
 * missing page or a failure is kept by nobody, so the next visitor gets a fresh attempt.
 */
export function pageCacheControl(page: RenderedPage): string {
  const read = page.method === 'GET' || page.method === 'HEAD';
  const shared = Object.hasOwn(SHARED_PAGES, page.route);
  return read && shared && page.status === 200 && !page.setsCookie
    ? SHARED_PAGE_CACHE_CONTROL
    : PERSONAL_PAGE_CACHE_CONTROL;
}
