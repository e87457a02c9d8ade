// The security headers CloudFront adds to every answer (site and API), including the Content-Security-Policy.
import { Duration } from 'aws-cdk-lib';
import { HeadersFrameOption, HeadersReferrerPolicy, ResponseHeadersPolicy } from 'aws-cdk-lib/aws-cloudfront';
import type { Construct } from 'constructs';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  STRIPE_CHECKOUT_ORIGIN,
} from '../../functions/platform/content-security-policy.js';

/** CloudFront's limit on the Content-Security-Policy value of a response headers policy. */
const CSP_MAX_LENGTH = 1783;

/** A response headers policy with HSTS, nosniff, DENY framing, a strict referrer policy and the site's CSP. */
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
