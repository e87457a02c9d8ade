// The CloudFront function's source with the built site's prerendered pages written into it.
import { readFileSync } from 'node:fs';
import { prerenderedPages } from '../site-files.js';

const template = readFileSync(new URL('./site-router.js', import.meta.url), 'utf8');

/** CloudFront Functions accept at most 10 KB of code. */
export const CLOUDFRONT_FUNCTION_MAX_BYTES = 10_240;

/** The function's code for the static site in `staticDirectory`; throws when it outgrows CloudFront's limit. */
export function siteRouterCode(staticDirectory: string): string {
  const pages = Object.fromEntries(prerenderedPages(staticDirectory).map((page) => [page, true]));
  const code = template.replace('/* PRERENDERED_PAGES */ {}', JSON.stringify(pages));
  const bytes = Buffer.byteLength(code);
  if (bytes > CLOUDFRONT_FUNCTION_MAX_BYTES) {
    throw new Error(
      `The site router is ${bytes} bytes with ${Object.keys(pages).length} pages, over CloudFront's ${CLOUDFRONT_FUNCTION_MAX_BYTES}: move the page list to a CloudFront KeyValueStore.`,
    );
  }
  return code;
}
