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
 * The pages that show only public stored data, by Astro route pattern, with every query parameter each reads
 * (CloudFront's cache key holds these and no others, and no cookie: a shared page must not read anything else
 * of the request). Any page not named here is personal.
 */
export const SHARED_PAGES: Readonly<Record<string, readonly string[]>> = {
  '/[lang]/boats': [],
  '/[lang]/boats/routes/[id]': [],
  // The fields of the departure search (DepartureSearchQuery in functions/boats/departures/model.ts).
  '/[lang]/boats/departures': ['date', 'route', 'port', 'passengers'],
  '/[lang]/museum': [],
  '/[lang]/museum/catalogue': ['q'],
  '/[lang]/museum/exhibits/[id]': [],
  '/[lang]/welcome': ['hotspot'],
  '/[lang]/wifi': [],
};

/** Every query parameter some shared page reads: CloudFront's cache key for rendered pages. */
export const SHARED_PAGE_QUERY_PARAMETERS: readonly string[] = [
  ...new Set(Object.values(SHARED_PAGES).flat()),
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
