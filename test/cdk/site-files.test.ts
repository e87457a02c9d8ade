// Which files of a build CloudFront serves from S3, and by which path patterns (cdk/site-files.ts).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_STATIC_PATH_PATTERNS, prerenderedPages, staticPathPatterns } from '../../cdk/site-files.js';

const sites: string[] = [];
afterEach(() => {
  for (const site of sites.splice(0)) rmSync(site, { recursive: true, force: true });
});

function site(files: string[]): string {
  const directory = mkdtempSync(join(tmpdir(), 'halong-site-files-'));
  sites.push(directory);
  for (const file of files) {
    mkdirSync(join(directory, file, '..'), { recursive: true });
    writeFileSync(join(directory, file), '');
  }
  return directory;
}

describe('static path patterns', () => {
  it('sends a folder of assets as a whole, but each prerendered page and file of a page folder alone', () => {
    const built = site([
      'index.html',
      'favicon.svg',
      '_astro/client.js',
      '_astro/fonts/noto.woff2',
      'en/index.html',
      'en/museum/index.html',
      'en/brochure.pdf',
    ]);
    expect(prerenderedPages(built)).toEqual(['/en/index.html', '/en/museum/index.html']);
    // Never '/en/*': the pages rendered per request (/en/boats/) live in the same folder.
    expect(staticPathPatterns(built)).toEqual([
      '/_astro/*',
      '/en/',
      '/en/brochure.pdf',
      '/en/museum/',
      '/favicon.svg',
    ]);
  });

  it('refuses a build that would need more behaviours than CloudFront allows', () => {
    const files = Array.from(
      { length: MAX_STATIC_PATH_PATTERNS + 1 },
      (_, page) => `vi/page-${page}/index.html`,
    );
    expect(() => staticPathPatterns(site(files))).toThrow(/CloudFront behaviours/);
  });
});
