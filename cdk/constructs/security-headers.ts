// The security headers CloudFront adds to every answer (site, API, Wi-Fi portal), including the
// Content-Security-Policy.
import { Duration } from 'aws-cdk-lib';
import {
  HeadersFrameOption,
  HeadersReferrerPolicy,
  ResponseHeadersPolicy,
  type ResponseSecurityHeadersBehavior,
} from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  STRIPE_CHECKOUT_ORIGIN,
} from '../../functions/platform/content-security-policy.js';

/** CloudFront's limit on the Content-Security-Policy value of a response headers policy. */
const CSP_MAX_LENGTH = 1783;

/** HSTS, nosniff, DENY framing and a strict referrer policy, replacing whatever the origin sent. */
const commonSecurityHeaders = {
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
} satisfies ResponseSecurityHeadersBehavior;

/**
 * Sent by CloudFront on a portal answer that has no policy of its own (a 503 while the portal is not configured,
 * a problem+json 404): nothing may load, run, frame it or be posted from it.
 */
const PORTAL_FALLBACK_CSP = "default-src 'none'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

/** A response headers policy with the common headers and the site's CSP, for the site and the API. */
export function createSecurityHeadersPolicy(
  scope: Construct,
  id: string,
  siteDirectory: string,
): ResponseHeadersPolicy {
  const policy = contentSecurityPolicy(inlineScriptHashes(siteDirectory), [STRIPE_CHECKOUT_ORIGIN]);
  if (policy.length > CSP_MAX_LENGTH) {
    throw new Error(
      `The Content-Security-Policy is ${policy.length} characters, CloudFront allows ${CSP_MAX_LENGTH}: ` +
        'the site has too many distinct inline scripts; move them into files.',
    );
  }
  return new ResponseHeadersPolicy(scope, id, {
    comment: 'Ha Long tourism: security headers for the site and the API',
    securityHeadersBehavior: {
      ...commonSecurityHeaders,
      contentSecurityPolicy: { contentSecurityPolicy: policy, override: true },
    },
  });
}

/**
 * The same headers for the Wi-Fi portal, except that its pages keep the Content-Security-Policy they send: their
 * forms post to the guest's gateway on the hotspot's network (`form-action 'self' http: https:`), which the
 * site's policy forbids, and a policy with `override: true` would replace theirs. CloudFront adds the fallback
 * only to answers without one.
 */
export function createPortalSecurityHeadersPolicy(scope: Construct, id: string): ResponseHeadersPolicy {
  return new ResponseHeadersPolicy(scope, id, {
    comment: 'Ha Long tourism: security headers for the Wi-Fi portal, which sends its own CSP',
    securityHeadersBehavior: {
      ...commonSecurityHeaders,
      contentSecurityPolicy: { contentSecurityPolicy: PORTAL_FALLBACK_CSP, override: false },
    },
  });
}
