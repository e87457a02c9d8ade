/**
 * Which addresses a change of page data makes stale: those of every shared page showing it, in each language,
 * written as invalidation paths for the CDN (functions/platform/cdn/port.ts). A page's path is its route pattern
 * up to its first parameter, then `*`: it covers every value of the parameter, the address without its trailing
 * slash and every query string (CloudFront keys shared pages by some). CloudFront charges per path, a wildcard
 * path counting as one, and lets only 15 wildcard paths be in progress at once: so a path another one's wildcard
 * already covers is left out, and every page of a language under one prefix is one path.
 */
import { siteLanguages } from './language.js';
import { type PageDataTopic, SHARED_PAGES } from './shared-pages.js';

/** The path covering every address of a shared page (an Astro route pattern) in one language. */
function pagePath(route: string, language: string): string {
  const path = route.replace('[lang]', language);
  const firstParameter = path.indexOf('[');
  return `${firstParameter === -1 ? path : path.slice(0, firstParameter)}*`;
}

/** The invalidation paths of every shared page that shows any of `topics`, in every language, sorted. */
export function stalePagePaths(topics: readonly PageDataTopic[]): string[] {
  const paths = new Set<string>();
  for (const [route, page] of Object.entries(SHARED_PAGES)) {
    if (!page.shows.some((topic) => topics.includes(topic))) continue;
    for (const language of siteLanguages) paths.add(pagePath(route, language));
  }
  const all = [...paths];
  // `/vi/boats*` covers `/vi/boats/routes/*`: a path under another's wildcard would cost and forget nothing more.
  const covered = (path: string) =>
    all.some((other) => other !== path && path.startsWith(other.slice(0, -1)));
  return all.filter((path) => !covered(path)).sort();
}
