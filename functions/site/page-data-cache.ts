/**
 * What the public pages read, kept a few seconds in this process (the routes and fees, the departures and their
 * seats left, the museum catalogue, the hotspots), and which writes forget which of it. Only what pages display
 * goes through here: booking, holding seats and the operator's own departures always read the table.
 */
import type { MiddlewareHandler } from 'hono';
import type { CatalogueService, DeparturesService } from '../boats/index.js';
import type { MuseumService } from '../museum/index.js';
import type { ReadCache } from '../platform/read-cache.js';
import type { HotspotStore } from '../wifi/reads.js';
import type { PageDataTopic } from './shared-pages.js';

/**
 * Which successful writes change which page data, first match wins. A route's fee is part of every departure's
 * price, so a route edit also changes the departures; a booking, a payment or a cancellation changes seats left;
 * counting a museum visit (`/api/museum/events`) changes nothing a page shows.
 */
const WRITES: readonly { path: RegExp; changes: readonly PageDataTopic[] }[] = [
  { path: /^\/api\/boats\/routes(\/|$)/, changes: ['routes', 'departures'] },
  { path: /^\/api\/(boats|bookings|payments)(\/|$)/, changes: ['departures'] },
  { path: /^\/api\/museum\/events(\/|$)/, changes: [] },
  { path: /^\/api\/museum(\/|$)/, changes: ['museum'] },
  { path: /^\/api\/wifi\/hotspots(\/|$)/, changes: ['hotspots'] },
  // The site's own forms: the booking form holds seats, the operator's form schedules departures, the managers'
  // pages edit the routes, their fees and the cancellation policy, the curators' pages the museum, the Wi-Fi pages
  // the hotspots.
  { path: /^\/(vi|en)\/staff\/boats\//, changes: ['routes', 'departures'] },
  { path: /^\/(vi|en)\/staff\/wifi\//, changes: ['hotspots'] },
  { path: /^\/(vi|en)\/(bookings|operator)\//, changes: ['departures'] },
  { path: /^\/(vi|en)\/staff\/museum\//, changes: ['museum'] },
];

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The page data a request changes when it succeeds: none for a read. */
export function pageDataChangedBy(method: string, path: string): readonly PageDataTopic[] {
  if (READ_METHODS.has(method.toUpperCase())) return [];
  return WRITES.find((write) => write.path.test(path))?.changes ?? [];
}

/**
 * Forgets, once a write has succeeded (2xx or a redirect after a form), the page data it changed, so the next
 * page rendered in this process shows it. A refused write changes nothing and forgets nothing.
 */
export function forgetPageDataChangedByWrites(cache: ReadCache): MiddlewareHandler {
  return async (context, next) => {
    await next();
    const changed = pageDataChangedBy(context.req.method, context.req.path);
    if (changed.length > 0 && context.res.status < 400) cache.forget(changed);
  };
}

type AsyncMethodsOf<T> = {
  [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? K : never;
}[keyof T];

/** `service` with the methods named read through `cache` under `topic`, keyed by their arguments. */
function readThrough<T extends object, K extends AsyncMethodsOf<T>>(
  cache: ReadCache,
  topic: PageDataTopic,
  service: T,
  methods: readonly K[],
): T {
  const cached = { ...service };
  for (const name of methods) {
    const original = service[name] as (...args: unknown[]) => Promise<unknown>;
    (cached as Record<K, unknown>)[name] = (...args: unknown[]) =>
      cache.read(topic, `${String(name)}:${JSON.stringify(args)}`, () => original.apply(service, args));
  }
  return cached;
}

/** The boats catalogue as the public pages read it: routes, fees and ports through the cache. */
export const cachedBoatsCatalogue = (cache: ReadCache, catalogue: CatalogueService): CatalogueService =>
  readThrough(cache, 'routes', catalogue, ['listRoutes', 'getRoute', 'listPorts']);

/** The departure search, seats left included, through the cache (the display only, never a booking). */
export const cachedDepartureSearch = (cache: ReadCache, departures: DeparturesService): DeparturesService =>
  readThrough(cache, 'departures', departures, ['searchDepartures']);

/** The museum's reads through the cache; its writes are the API's, not the pages'. */
export const cachedMuseum = (cache: ReadCache, museum: MuseumService): MuseumService =>
  readThrough(cache, 'museum', museum, [
    'readCatalog',
    'listRooms',
    'listExhibits',
    'getExhibit',
    'search',
    'listTours',
    'getTour',
    'getVisiting',
  ]);

/** The hotspot registry's list through the cache, for the Wi-Fi pages. */
export const cachedHotspots = (cache: ReadCache, hotspots: HotspotStore): HotspotStore =>
  readThrough(cache, 'hotspots', hotspots, ['list']);
