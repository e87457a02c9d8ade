// The local stand-in for CloudFront: keeps what says `public, s-maxage` as long as it says, keyed as CloudFront
// keys it, stale within stale-while-revalidate, one origin request for many; forgets what an invalidation names,
// and on a write the pages showing what it changed.
import { describe, expect, it } from 'vitest';
import { createLocalEdgeCache, sharedLifetime } from '../../../functions/local/edge-cache.js';
import {
  PERSONAL_PAGE_CACHE_CONTROL,
  SHARED_PAGE_CACHE_CONTROL,
} from '../../../functions/site/shared-pages.js';

function setUp(cacheControl = SHARED_PAGE_CACHE_CONTROL, status = 200) {
  let now = 0;
  const asked: string[] = [];
  let version = 1;
  const edge = createLocalEdgeCache(
    async (request) => {
      const url = new URL(request.url);
      asked.push(`${request.method} ${url.pathname}${url.search}`);
      if (request.method !== 'GET') return new Response(null, { status: 204 });
      // Yields once, as a page reading its data would, so that requests at the same time overlap.
      await new Promise((resolve) => setImmediate(resolve));
      return new Response(`page v${version}`, { status, headers: { 'Cache-Control': cacheControl } });
    },
    { clock: () => now },
  );
  return {
    get: async (path: string, init?: RequestInit) => {
      const response = await edge.fetch(new Request(`http://localhost${path}`, init));
      return { text: await response.text(), cache: response.headers.get('X-Cache') };
    },
    post: (path: string) => edge.fetch(new Request(`http://localhost${path}`, { method: 'POST' })),
    invalidate: (paths: string[]) => edge.invalidate({ paths, reference: 'test' }),
    asked,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
    edit: () => {
      version += 1;
    },
  };
}

describe('the local edge cache', () => {
  it('answers a shared page from its copy while the page says it is fresh', async () => {
    const { get, asked, advance, edit } = setUp();
    expect(await get('/en/boats/')).toEqual({ text: 'page v1', cache: 'miss' });
    edit();
    advance(29);
    expect(await get('/en/boats/')).toEqual({ text: 'page v1', cache: 'hit' });
    expect(asked).toEqual(['GET /en/boats/']);
  });

  it('serves it stale once while fetching a fresh one, then the fresh one', async () => {
    const { get, asked, advance, edit } = setUp();
    await get('/en/boats/');
    edit();
    advance(31);
    expect(await get('/en/boats/')).toEqual({ text: 'page v1', cache: 'stale' });
    await new Promise((resolve) => setImmediate(resolve));
    await new Promise((resolve) => setImmediate(resolve));
    expect(await get('/en/boats/')).toEqual({ text: 'page v2', cache: 'hit' });
    expect(asked).toHaveLength(2);
  });

  it('asks the origin again once fresh and stale time are both over', async () => {
    const { get, advance, edit } = setUp();
    await get('/en/boats/');
    edit();
    advance(61);
    expect(await get('/en/boats/')).toEqual({ text: 'page v2', cache: 'miss' });
  });

  it('asks the origin once for many visitors asking at the same time', async () => {
    const { get, asked } = setUp();
    const answers = await Promise.all(Array.from({ length: 20 }, () => get('/en/museum/')));
    expect(new Set(answers.map((answer) => answer.text))).toEqual(new Set(['page v1']));
    expect(asked).toHaveLength(1);
  });

  it('keys pages by path and the shared pages’ query parameters only, never by cookie', async () => {
    const { get, asked } = setUp();
    await get('/en/boats/departures/?date=2026-12-24&route=2');
    expect((await get('/en/boats/departures/?route=2&date=2026-12-24&utm_source=x')).cache).toBe('hit');
    expect(
      (await get('/en/boats/departures/?date=2026-12-24&route=2', { headers: { Cookie: 'a=b' } })).cache,
    ).toBe('hit');
    expect((await get('/en/boats/departures/?date=2026-12-25&route=2')).cache).toBe('miss');
    expect(asked).toHaveLength(2);
  });

  it('neither keeps nor serves a page asked for under another host name', async () => {
    const { get, asked } = setUp();
    const forged = { headers: { 'X-Forwarded-Host': 'attacker.example' } };
    expect((await get('/en/boats/', forged)).cache).toBeNull();
    expect((await get('/en/boats/')).cache).toBe('miss');
    expect((await get('/en/boats/', forged)).cache).toBeNull();
    expect(asked).toHaveLength(3);
  });

  it('never keeps a personal page', async () => {
    const { get, asked } = setUp(PERSONAL_PAGE_CACHE_CONTROL);
    await get('/en/bookings/new/?departure=D1&adult=1');
    await get('/en/bookings/new/?departure=D1&adult=1');
    expect(asked).toHaveLength(2);
  });

  it('forgets the pages showing what a write through it changed, and only those', async () => {
    const { get, post, edit } = setUp();
    await get('/en/museum/exhibits/bronze-drum/');
    await get('/vi/museum/catalogue/?q=tr%E1%BB%91ng');
    await get('/en/boats/');
    edit();
    await post('/api/museum/exhibits/bronze-drum');
    expect(await get('/en/museum/exhibits/bronze-drum/')).toEqual({ text: 'page v2', cache: 'miss' });
    expect(await get('/vi/museum/catalogue/?q=tr%E1%BB%91ng')).toEqual({ text: 'page v2', cache: 'miss' });
    expect(await get('/en/boats/')).toEqual({ text: 'page v1', cache: 'hit' });
  });

  it('forgets what an invalidation’s paths cover, as CloudFront does', async () => {
    const { get, invalidate, edit } = setUp();
    await get('/en/welcome/?hotspot=hl-001');
    await get('/en/wifi/');
    await get('/en/boats/departures/?date=2026-12-24');
    edit();
    expect(await invalidate(['/en/welcome*', '/en/boats/departures/'])).toEqual({ id: 'local-1' });
    expect((await get('/en/welcome/?hotspot=hl-001')).cache).toBe('miss');
    expect((await get('/en/wifi/')).cache).toBe('hit');
    // A path without a wildcard is that address alone, not its other query strings.
    expect((await get('/en/boats/departures/?date=2026-12-24')).cache).toBe('hit');
  });

  it('keeps no page whose fetch began before an invalidation of it', async () => {
    const { get, invalidate, edit } = setUp();
    const before = get('/en/museum/');
    await invalidate(['/en/museum*']);
    expect(await before).toEqual({ text: 'page v1', cache: 'miss' });
    edit();
    expect(await get('/en/museum/')).toEqual({ text: 'page v2', cache: 'miss' });
  });

  it('keeps its pages through writes that change nothing pages show', async () => {
    const { get, post, edit } = setUp();
    await get('/en/museum/');
    edit();
    await post('/api/museum/events');
    expect(await get('/en/museum/')).toEqual({ text: 'page v1', cache: 'hit' });
  });
});

describe('what a shared cache may keep', () => {
  const response = (cacheControl: string, init: ResponseInit = {}) =>
    new Response('x', { status: 200, ...init, headers: { 'Cache-Control': cacheControl, ...init.headers } });

  it('keeps a public page for its s-maxage, and its stale-while-revalidate after', () => {
    expect(sharedLifetime(response(SHARED_PAGE_CACHE_CONTROL))).toEqual({
      freshMilliseconds: 30_000,
      staleMilliseconds: 30_000,
    });
  });

  it('keeps nothing private, without s-maxage, failed or setting a cookie', () => {
    expect(sharedLifetime(response(PERSONAL_PAGE_CACHE_CONTROL))).toBeNull();
    expect(sharedLifetime(response('public, max-age=60'))).toBeNull();
    expect(sharedLifetime(response(SHARED_PAGE_CACHE_CONTROL, { status: 404 }))).toBeNull();
    expect(
      sharedLifetime(response(SHARED_PAGE_CACHE_CONTROL, { headers: { 'Set-Cookie': 'a=b' } })),
    ).toBeNull();
  });
});
