// The CloudFront function cdk/edge/site-router.js, run as CloudFront would: its source, its top-level handler.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { siteRouterCode } from '../../cdk/edge/site-router-code.js';
import { languageCases } from '../support/language-cases.js';

interface ViewerRequest {
  uri: string;
  headers: Record<string, { value: string }>;
}
interface ViewerResponse {
  statusCode: number;
  headers: Record<string, { value: string }>;
  body?: { encoding: string; data: string };
}
type Handler = (event: { request: ViewerRequest }) => ViewerRequest | ViewerResponse;

// A small built site: the function's page list and 404 page come from it at synth time.
const siteDirectory = mkdtempSync(join(tmpdir(), 'halong-router-'));
for (const page of ['', 'vi', 'en', 'vi/boats', 'en/boats']) {
  mkdirSync(join(siteDirectory, page), { recursive: true });
  writeFileSync(join(siteDirectory, page, 'index.html'), '<!doctype html>');
}
writeFileSync(join(siteDirectory, '404.html'), '<!doctype html><title>Không tìm thấy · Not found</title>');
afterAll(() => rmSync(siteDirectory, { recursive: true, force: true }));

const source = siteRouterCode(siteDirectory);
// The file is a plain script whose top-level `handler` CloudFront calls; evaluate it the same way.
const handler = new Function(`${source}; return handler;`)() as Handler;

function request(uri: string, acceptLanguage?: string | null): { request: ViewerRequest } {
  const headers: ViewerRequest['headers'] = {};
  if (acceptLanguage !== undefined && acceptLanguage !== null)
    headers['accept-language'] = { value: acceptLanguage };
  return { request: { uri, headers } };
}

describe('site router at /', () => {
  it.each(languageCases)('redirects to /$expected/ for Accept-Language "$header"', ({ header, expected }) => {
    const response = handler(request('/', header)) as ViewerResponse;
    expect(response.statusCode).toBe(302);
    expect(response.headers.location).toEqual({ value: `/${expected}/` });
  });

  it('tells caches that the answer depends on the language and must not be shared', () => {
    const response = handler(request('/', 'en')) as ViewerResponse;
    expect(response.headers.vary).toEqual({ value: 'accept-language' });
    expect(response.headers['cache-control']).toEqual({ value: 'private, no-store' });
  });
});

describe('site router for other paths', () => {
  it.each([
    ['/en/boats', '/en/boats/index.html'],
    ['/en/boats/', '/en/boats/index.html'],
    ['/en/', '/en/index.html'],
    ['/vi', '/vi/index.html'],
  ])('serves %s from %s', (uri, objectKey) => {
    expect(handler(request(uri, 'en'))).toMatchObject({ uri: objectKey });
  });

  it.each(['/404.html', '/_astro/boats.DWvigOtw.css', '/favicon.svg', '/docs-assets/swagger-ui-bundle.js'])(
    'leaves the file %s as it is',
    (uri) => {
      expect(handler(request(uri))).toMatchObject({ uri });
    },
  );

  it('passes the request on, headers included, instead of answering it', () => {
    const passed = handler(request('/en/boats', 'vi')) as ViewerRequest;
    expect(passed).not.toHaveProperty('statusCode');
    expect(passed.headers['accept-language']).toEqual({ value: 'vi' });
  });

  it('answers an unknown page itself with the site’s 404 page and status 404', () => {
    const response = handler(request('/en/no-such-page')) as ViewerResponse;
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toEqual({ value: 'text/html; charset=utf-8' });
    expect(response.body).toEqual({
      encoding: 'text',
      data: '<!doctype html><title>Không tìm thấy · Not found</title>',
    });
  });
});

describe('site router code generation', () => {
  it('refuses a site whose page list would exceed CloudFront’s 10 KB function limit', () => {
    const large = mkdtempSync(join(tmpdir(), 'halong-large-'));
    try {
      writeFileSync(join(large, '404.html'), 'x'.repeat(11_000));
      expect(() => siteRouterCode(large)).toThrow(/over CloudFront's 10240/);
    } finally {
      rmSync(large, { recursive: true, force: true });
    }
  });
});
