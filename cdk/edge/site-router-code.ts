// The CloudFront function's source with the built site's page list and 404 page written into it.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const template = readFileSync(new URL('./site-router.js', import.meta.url), 'utf8');

/** CloudFront Functions accept at most 10 KB of code. */
export const CLOUDFRONT_FUNCTION_MAX_BYTES = 10_240;

/** The S3 keys of every page of the site (`/en/boats/index.html`), as the function looks them up. */
export function sitePages(siteDirectory: string): string[] {
  const pages: string[] = [];
  const visit = (directory: string) => {
    for (const entry of readdirSync(directory, { withFileTypes: true })) {
      const path = join(directory, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.name === 'index.html')
        pages.push(`/${relative(siteDirectory, path).split(sep).join('/')}`);
    }
  };
  visit(siteDirectory);
  return pages.sort();
}

/** The function's code for `siteDirectory`; throws when it outgrows CloudFront's size limit. */
export function siteRouterCode(siteDirectory: string): string {
  const pages = Object.fromEntries(sitePages(siteDirectory).map((page) => [page, true]));
  const notFoundPage = readFileSync(join(siteDirectory, '404.html'), 'utf8');
  const code = template
    .replace('/* SITE_PAGES */ {}', JSON.stringify(pages))
    .replace("/* NOT_FOUND_PAGE */ ''", JSON.stringify(notFoundPage));
  const bytes = Buffer.byteLength(code);
  if (bytes > CLOUDFRONT_FUNCTION_MAX_BYTES) {
    throw new Error(
      `The site router is ${bytes} bytes with ${Object.keys(pages).length} pages, over CloudFront's ${CLOUDFRONT_FUNCTION_MAX_BYTES}: move the page list to a CloudFront KeyValueStore.`,
    );
  }
  return code;
}
