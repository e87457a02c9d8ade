/**
 * The local stand-in for CloudFront in front of the platform (`npm start`), as every other AWS service has one: it
 * keeps the answers that say `public, s-maxage` for as long as they say, keyed as the CloudFront cache policy keys
 * them (the path and the query parameters shared pages read, no cookie), serves them stale while it fetches a
 * fresh one within `stale-while-revalidate`, and asks the origin once for many visitors asking at once. It is the
 * CDN port's local adapter: a write through it that changes what pages show has it forget the pages showing that,
 * by the same paths a CloudFront invalidation names on AWS (there, the table's stream decides them).
 */
import { type CdnPort, invalidationPathCovers } from '../platform/cdn/port.js';
import { pageDataChangedBy } from '../site/page-data-cache.js';
import { SHARED_PAGE_QUERY_PARAMETERS } from '../site/shared-pages.js';
import { stalePagePaths } from '../site/stale-pages.js';

/** The platform's app as the HTTP server calls it; the arguments after the request are the server's own. */
export type OriginFetch = (request: Request, ...server: never[]) => Response | Promise<Response>;

interface StoredAnswer {
  status: number;
  headers: [string, string][];
  body: Uint8Array<ArrayBuffer>;
  storedAt: number;
  freshMilliseconds: number;
  staleMilliseconds: number;
}

export interface LocalEdgeCacheOptions {
  /** The most pages kept; the least recently used goes first. */
  maxEntries?: number;
  clock?: () => number;
}

/** How long a shared cache may keep `response`, by its Cache-Control; null when it may not keep it at all. */
export function sharedLifetime(
  response: Response,
): { freshMilliseconds: number; staleMilliseconds: number } | null {
  if (response.status !== 200 || response.headers.has('Set-Cookie')) return null;
  const directives = (response.headers.get('Cache-Control') ?? '').toLowerCase();
  if (!/(^|,)\s*public\s*(,|$)/.test(directives) || /private|no-store|no-cache/.test(directives)) return null;
  const seconds = (name: string) => Number(new RegExp(`${name}=(\\d+)`).exec(directives)?.[1] ?? 0);
  const fresh = seconds('s-maxage');
  if (fresh <= 0) return null;
  return { freshMilliseconds: fresh * 1000, staleMilliseconds: seconds('stale-while-revalidate') * 1000 };
}

/** The path and the shared pages' query parameters, as CloudFront's cache policy keys rendered pages. */
function cacheKey(url: URL): string {
  const kept = new URLSearchParams();
  for (const name of SHARED_PAGE_QUERY_PARAMETERS) {
    for (const value of url.searchParams.getAll(name)) kept.append(name, value);
  }
  const query = kept.toString();
  return query ? `${url.pathname}?${query}` : url.pathname;
}

export interface LocalEdgeCache extends CdnPort {
  /** Answers a request as CloudFront would, from the pages kept or from the origin. */
  fetch(request: Request, ...server: never[]): Promise<Response>;
}

export function createLocalEdgeCache(
  origin: OriginFetch,
  options: LocalEdgeCacheOptions = {},
): LocalEdgeCache {
  const { maxEntries = 500, clock = () => performance.now() } = options;
  const stored = new Map<string, StoredAnswer>();
  const fetching = new Map<string, Promise<StoredAnswer | null>>();
  // A page fetched before an invalidation must not be kept after it, whatever its path (being cautious costs one
  // render): each invalidation starts a new generation.
  let generation = 0;

  const cdn: CdnPort = {
    async invalidate({ paths }) {
      generation += 1;
      const stale = (key: string) => paths.some((path) => invalidationPathCovers(path, key));
      for (const key of [...stored.keys()]) if (stale(key)) stored.delete(key);
      // A request from now on must not wait for a page fetched before: it asks the origin afresh.
      for (const key of [...fetching.keys()]) if (stale(key)) fetching.delete(key);
      return { id: `local-${generation}` };
    },
  };

  const answer = (page: StoredAnswer, state: 'hit' | 'miss' | 'stale') =>
    new Response(page.body, {
      status: page.status,
      headers: [
        ...page.headers,
        ['Age', String(Math.floor((clock() - page.storedAt) / 1000))],
        ['X-Cache', state],
      ],
    });

  /** Asks the origin; keeps the answer when it may. Resolves to the origin's answer and what was kept of it. */
  function fetchFromOrigin(
    key: string,
    request: Request,
    server: never[],
  ): { response: Promise<Response>; kept: Promise<StoredAnswer | null> } {
    const startedIn = generation;
    const response = Promise.resolve(origin(request, ...server));
    const kept = response.then(async (answered) => {
      const lifetime = sharedLifetime(answered);
      if (!lifetime) return null;
      const page: StoredAnswer = {
        status: answered.status,
        headers: [...answered.headers],
        body: new Uint8Array(await answered.arrayBuffer()),
        storedAt: clock(),
        ...lifetime,
      };
      if (startedIn === generation) {
        stored.delete(key);
        stored.set(key, page);
        while (stored.size > maxEntries) stored.delete(stored.keys().next().value as string);
      }
      return page;
    });
    const settled = kept.catch(() => null);
    fetching.set(key, settled);
    void settled.then(() => {
      if (fetching.get(key) === settled) fetching.delete(key);
    });
    return { response, kept };
  }

  async function fetch(request: Request, ...server: never[]): Promise<Response> {
    const url = new URL(request.url);
    if (request.method !== 'GET') {
      const response = await origin(request, ...server);
      const changed = pageDataChangedBy(request.method, url.pathname);
      if (response.status < 400 && changed.length > 0) {
        await cdn.invalidate({
          paths: stalePagePaths(changed),
          reference: `${request.method} ${url.pathname}`,
        });
      }
      return response;
    }
    // A page rendered for another host name (its links, its JSON-LD) must never be served to everyone: such a
    // request is passed on and its answer not kept. Nothing in front of `npm start` sets the header.
    if (request.headers.has('X-Forwarded-Host')) return origin(request, ...server);
    const key = cacheKey(url);
    const page = stored.get(key);
    if (page) {
      const age = clock() - page.storedAt;
      if (age < page.freshMilliseconds) {
        stored.delete(key);
        stored.set(key, page);
        return answer(page, 'hit');
      }
      if (age < page.freshMilliseconds + page.staleMilliseconds) {
        // The request may be answered already when the fresh page is asked for: a copy of its address and headers.
        if (!fetching.has(key)) fetchFromOrigin(key, new Request(url, { headers: request.headers }), server);
        return answer(page, 'stale');
      }
      stored.delete(key);
    }
    const inFlight = fetching.get(key);
    if (inFlight) {
      const fetched = await inFlight;
      if (fetched) return answer(fetched, 'hit');
      return origin(request, ...server);
    }
    const { response, kept } = fetchFromOrigin(key, request, server);
    const fetched = await kept.catch(() => null);
    return fetched ? answer(fetched, 'miss') : response;
  }

  return { ...cdn, fetch };
}
