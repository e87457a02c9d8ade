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

// A small built site: the function's list of prerendered pages comes from it at synth time.
const siteDirectory = mkdtempSync(join(tmpdir(), 'halong-router-'));
for (const page of ['', 'vi', 'en']) {
  mkdirSync(join(siteDirectory, page), { recursive: true });
  writeFileSync(join(siteDirectory, page, 'index.html'), '<!doctype html>');
}
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
    ['/en/', '/en/index.html'],
    ['/vi/', '/vi/index.html'],
  ])('serves the prerendered page %s from %s in the bucket', (uri, objectKey) => {
    expect(handler(request(uri, 'en'))).toMatchObject({ uri: objectKey });
  });

  it.each(['/vi', '/en'])('sends %s to the same address with its slash', (uri) => {
    const response = handler(request(uri)) as ViewerResponse;
    expect(response.statusCode).toBe(301);
    expect(response.headers.location).toEqual({ value: `${uri}/` });
  });

  it.each(['/en/boats/', '/vi/boats/routes/1/', '/en/no-such-page/', '/en/boats'])(
    'passes %s on unchanged to the pages rendered per request',
    (uri) => {
      expect(handler(request(uri))).toMatchObject({ uri });
    },
  );

  it.each(['/_astro/boats.DWvigOtw.css', '/favicon.svg', '/docs-assets/swagger-ui-bundle.js'])(
    'leaves the file %s as it is',
    (uri) => {
      expect(handler(request(uri))).toMatchObject({ uri });
    },
  );

  it('passes the request on, headers included, instead of answering it', () => {
    const passed = handler(request('/en/boats/', 'vi')) as ViewerRequest;
    expect(passed).not.toHaveProperty('statusCode');
    expect(passed.headers['accept-language']).toEqual({ value: 'vi' });
  });

  it('tells the site function the host the visitor used, replacing any X-Forwarded-Host sent', () => {
    const sent = request('/en/bookings/new/');
    sent.request.headers.host = { value: 'd111.cloudfront.net' };
    sent.request.headers['x-forwarded-host'] = { value: 'evil.example' };
    const passed = handler(sent) as ViewerRequest;
    expect(passed.headers['x-forwarded-host']).toEqual({ value: 'd111.cloudfront.net' });
  });
});

describe('site router code generation', () => {
  it('refuses a site whose page list would exceed CloudFront’s 10 KB function limit', () => {
    const large = mkdtempSync(join(tmpdir(), 'halong-large-'));
    try {
      for (let page = 0; page < 200; page += 1) {
        const folder = join(large, 'en', `a-prerendered-page-with-a-long-name-${page}`);
        mkdirSync(folder, { recursive: true });
        writeFileSync(join(folder, 'index.html'), '');
      }
      expect(() => siteRouterCode(large)).toThrow(/over CloudFront's 10240/);
    } finally {
      rmSync(large, { recursive: true, force: true });
    }
  });
});
