// The one caching rule of the pages rendered per request: shared only for a shared page's plain read, personal
// for everything else; and the query parameters CloudFront keys shared pages by are the ones they read.
import { describe, expect, it } from 'vitest';
import { DepartureSearchQuery } from '../../../functions/boats/departures/model.js';
import {
  PERSONAL_PAGE_CACHE_CONTROL,
  pageCacheControl,
  SHARED_PAGE_CACHE_CONTROL,
  SHARED_PAGE_QUERY_PARAMETERS,
  SHARED_PAGES,
} from '../../../functions/site/shared-pages.js';

const read = { method: 'GET', status: 200, setsCookie: false };

describe('the page caching rule', () => {
  it('lets shared caches keep a public page briefly, browsers not at all', () => {
    expect(SHARED_PAGE_CACHE_CONTROL).toBe('public, max-age=0, s-maxage=30, stale-while-revalidate=30');
    expect(pageCacheControl({ ...read, route: '/[lang]/boats' })).toBe(SHARED_PAGE_CACHE_CONTROL);
    expect(pageCacheControl({ ...read, route: '/[lang]/museum/exhibits/[id]', method: 'HEAD' })).toBe(
      SHARED_PAGE_CACHE_CONTROL,
    );
  });

  it.each([
    '/[lang]/bookings/[id]',
    '/[lang]/bookings/[id]/qr.svg',
    '/[lang]/bookings/new',
    '/[lang]/operator',
    '/[lang]/staff/sign-in',
    '/404',
    '/500',
  ])('keeps %s out of every cache', (route) => {
    expect(pageCacheControl({ ...read, route })).toBe(PERSONAL_PAGE_CACHE_CONTROL);
    expect(PERSONAL_PAGE_CACHE_CONTROL).toBe('private, no-store');
  });

  it('keeps a shared page out of every cache when it sets a cookie, answers a form, redirects or fails', () => {
    const route = '/[lang]/boats/departures';
    expect(pageCacheControl({ ...read, route, setsCookie: true })).toBe(PERSONAL_PAGE_CACHE_CONTROL);
    expect(pageCacheControl({ ...read, route, method: 'POST' })).toBe(PERSONAL_PAGE_CACHE_CONTROL);
    for (const status of [303, 404, 500, 503]) {
      expect(pageCacheControl({ ...read, route, status })).toBe(PERSONAL_PAGE_CACHE_CONTROL);
    }
  });

  it('does not take an inherited property name for a shared page', () => {
    expect(pageCacheControl({ ...read, route: 'constructor' })).toBe(PERSONAL_PAGE_CACHE_CONTROL);
  });

  it('keys the departure search by exactly the fields the search reads', () => {
    expect([...(SHARED_PAGES['/[lang]/boats/departures']?.query ?? [])].sort()).toEqual(
      Object.keys(DepartureSearchQuery.shape).sort(),
    );
  });

  it('lists every parameter of every shared page once, for the CDN’s cache key', () => {
    expect(SHARED_PAGE_QUERY_PARAMETERS).toEqual(['date', 'hotspot', 'passengers', 'port', 'q', 'route']);
  });
});
