// What of the built site CloudFront serves from S3: the prerendered pages and the static files, as the object
// keys the site router rewrites clean URLs to and as the path patterns of the distribution's S3 behaviours.
import { readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/**
 * Behaviours CloudFront allows per distribution by default is 25; the API, the Wi-Fi portal and room to grow
 * take the rest.
 */
export const MAX_STATIC_PATH_PATTERNS = 20;

/** Every file of the built static site, as `/`-separated paths from its root (`/en/index.html`). */
function siteFiles(directory: string): string[] {
  return readdirSync(directory, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => `/${relative(directory, join(entry.parentPath, entry.name)).split(sep).join('/')}`)
    .sort();
}

/** The S3 keys of the prerendered pages below the root (`/en/index.html`); `/` itself is redirected by language. */
export function prerenderedPages(staticDirectory: string): string[] {
  return siteFiles(staticDirectory).filter((file) => file.endsWith('/index.html') && file !== '/index.html');
}

/**
 * The path patterns that go to S3: each prerendered page by its clean URL (`/en/`), a top-level folder that holds
 * no page as a whole (`/_astro/*`), and any other file by its own path (`/favicon.svg`). Everything else is a
 * page rendered per request. A folder that holds pages is never sent to S3 as a whole, since the pages rendered
 * per request live beside the prerendered ones (`/en/` on S3, `/en/boats/` rendered).
 */
export function staticPathPatterns(staticDirectory: string): string[] {
  const files = siteFiles(staticDirectory);
  const pageFolders = new Set(prerenderedPages(staticDirectory).map((page) => page.split('/')[1] ?? ''));
  const patterns = new Set<string>();
  for (const file of files) {
    if (file === '/index.html') continue;
    const [, topLevel = '', ...rest] = file.split('/');
    if (file.endsWith('/index.html')) patterns.add(file.slice(0, -'index.html'.length));
    else if (rest.length > 0 && !pageFolders.has(topLevel)) patterns.add(`/${topLevel}/*`);
    else patterns.add(file);
  }
  const sorted = [...patterns].sort();
  if (sorted.length > MAX_STATIC_PATH_PATTERNS) {
    throw new Error(
      `The built site needs ${sorted.length} CloudFront behaviours for its static files (at most ${MAX_STATIC_PATH_PATTERNS}): ` +
        'render some of its pages per request, or move the page list to a CloudFront KeyValueStore with origin selection.',
    );
  }
  return sorted;
}
