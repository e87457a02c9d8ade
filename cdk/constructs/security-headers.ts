// The security headers CloudFront adds to every answer (site and API), including the Content-Security-Policy.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';

/** CloudFront's limit on the Content-Security-Policy value of a response headers policy. */
const CSP_MAX_LENGTH = 1783;

const INLINE_SCRIPT = /<script(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/gi;

/**
 * The CSP source expressions ('sha256-…') of every inline script in the built site. Astro inlines its
 * small island loaders; listing their hashes lets them run without allowing 'unsafe-inline' scripts.
 */
export function inlineScriptHashes(siteDirectory: string): string[] {
  const hashes = new Set<string>();
  const entries = readdirSync(siteDirectory, { recursive: true, encoding: 'utf8' });
  for (const entry of entries.filter((name) => name.endsWith('.html'))) {
    const html = readFileSync(join(siteDirectory, entry), 'utf8');
    for (const match of html.matchAll(INLINE_SCRIPT)) {
      const script = match[1] ?? '';
      if (script.trim() === '') continue;
      hashes.add(`'sha256-${createHash('sha256').update(script, 'utf8').digest('base64')}'`);
    }
  }
  return [...hashes].sort();
}

/** The site's Content-Security-Policy: own origin only, plus the hashed inline scripts of this build. */
export function contentSecurityPolicy(scriptHashes: string[]): string {
  const directives = [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes].join(' '),
    // React islands set style attributes, which only 'unsafe-inline' allows.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    // Map and 3D libraries start their web workers from blob: URLs.
    'worker-src blob:',
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ];
  return directives.join('; ');
}

/** A response headers policy with HSTS, nosniff, DENY framing, a strict referrer policy and the site's CSP. */
export function createSecurityHeadersPolicy(
  scope: Construct,
  id: string,
  siteDirectory: string,
): ResponseHeadersPolicy {
  const policy = contentSecurityPolicy(inlineScriptHashes(siteDirectory));
  if (policy.length > CSP_MAX_LENGTH) {
    throw new Error(
      `The Content-Security-Policy is ${policy.length} characters, CloudFront allows ${CSP_MAX_LENGTH}: ` +
        'the site has too many distinct inline scripts; move them into files.',
    );
  }
  return new ResponseHeadersPolicy(scope, id, {
    comment: 'Ha Long tourism: security headers for the site and the API',
    securityHeadersBehavior: {
      strictTransportSecurity: {
        accessControlMaxAge: Duration.days(730),
        includeSubdomains: true,
        preload: true,
        override: true,
      },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: HeadersFrameOption.DENY, override: true },
      referrerPolicy: {
        referrerPolicy: HeadersReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN,
        override: true,
      },
      contentSecurityPolicy: { contentSecurityPolicy: policy, override: true },
    },
  });
}
