// Which addresses a change of page data makes stale: every address of every shared page showing it, in both
// languages, in as few invalidation paths as cover them.
import { describe, expect, it } from 'vitest';
import { invalidationPathCovers } from '../../../functions/platform/cdn/port.js';
import { siteLanguages } from '../../../functions/site/language.js';
import { type PageDataTopic, SHARED_PAGES } from '../../../functions/site/shared-pages.js';
import { stalePagePaths } from '../../../functions/site/stale-pages.js';

const topics: PageDataTopic[] = ['routes', 'departures', 'museum', 'hotspots'];

/** Addresses a visitor may ask for of a shared page: with and without the slash, with a query, any id. */
function addressesOf(route: string): string[] {
  return siteLanguages.flatMap((language) => {
    const path = route.replace('[lang]', language).replace('[id]', '7');
    return [`${path}/`, path, `${path}/?date=2026-12-24&passengers=2`, `${path}?q=tr%E1%BB%91ng`];
  });
}

/** Whether a change of `changed` makes the CDN forget what it keeps at `address`. */
const forgets = (changed: PageDataTopic[], address: string) =>
  stalePagePaths(changed).some((path) => invalidationPathCovers(path, address));

describe('the paths a change makes stale', () => {
  it.each([
    ['routes', ['/en/boats*', '/en/welcome*', '/en/wifi*', '/vi/boats*', '/vi/welcome*', '/vi/wifi*']],
    [
      'departures',
      [
        '/en/boats/departures*',
        '/en/boats/routes/*',
        '/en/welcome*',
        '/vi/boats/departures*',
        '/vi/boats/routes/*',
        '/vi/welcome*',
      ],
    ],
    ['museum', ['/en/museum*', '/en/welcome*', '/vi/museum*', '/vi/welcome*']],
    ['hotspots', ['/en/welcome*', '/en/wifi*', '/vi/welcome*', '/vi/wifi*']],
  ] as const)('a change of %s makes stale %j', (topic, paths) => {
    expect(stalePagePaths([topic])).toEqual(paths);
  });

  it('covers every address of every page showing what changed, and no page showing none of it', () => {
    for (const topic of topics) {
      for (const [route, page] of Object.entries(SHARED_PAGES)) {
        // A page showing nothing that changed may share a prefix with one that does (the boats and the
        // departure search): it is forgotten with it, never the other way round.
        if (!page.shows.includes(topic)) continue;
        for (const address of addressesOf(route)) expect(forgets([topic], address), address).toBe(true);
      }
    }
    expect(forgets(['hotspots'], '/en/museum/')).toBe(false);
    expect(forgets(['departures'], '/en/boats/')).toBe(false);
  });

  it('leaves out a path another one covers, so a change of everything fits CloudFront’s 15 wildcard paths', () => {
    expect(stalePagePaths(topics)).toEqual([
      '/en/boats*',
      '/en/museum*',
      '/en/welcome*',
      '/en/wifi*',
      '/vi/boats*',
      '/vi/museum*',
      '/vi/welcome*',
      '/vi/wifi*',
    ]);
  });

  it('is nothing when nothing pages show changed', () => {
    expect(stalePagePaths([])).toEqual([]);
  });
});

describe('an invalidation path', () => {
  it('covers what begins with it when it ends in *, query strings included', () => {
    expect(invalidationPathCovers('/vi/boats*', '/vi/boats')).toBe(true);
    expect(invalidationPathCovers('/vi/boats*', '/vi/boats/routes/3/')).toBe(true);
    expect(invalidationPathCovers('/vi/welcome*', '/vi/welcome/?hotspot=hl-001')).toBe(true);
    expect(invalidationPathCovers('/vi/boats*', '/en/boats/')).toBe(false);
  });

  it('covers that one address otherwise', () => {
    expect(invalidationPathCovers('/vi/boats/', '/vi/boats/')).toBe(true);
    expect(invalidationPathCovers('/vi/boats/', '/vi/boats/?q=x')).toBe(false);
    expect(invalidationPathCovers('/vi/boats/', '/vi/boats')).toBe(false);
  });
});
