// The web stack as synthesized: private bucket, site function, CloudFront routing between them, /api/* and /portal/*,
// headers, logs, deploy.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { AttributeType, TableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { WebStack } from '../../cdk/stacks/web-stack.js';
import { SHARED_PAGE_CACHE_CONTROL } from '../../functions/site/shared-pages.js';
import { synthesizePlatform } from './synthesize-platform.js';

const platform = synthesizePlatform();
afterAll(() => platform.dispose());

const web = Template.fromStack(platform.stacks.web);

type Resource = { Properties: Record<string, unknown> };
type Behavior = Record<string, unknown> & { ResponseHeadersPolicyId?: unknown };
const distributionConfig = (Object.values(web.findResources('AWS::CloudFront::Distribution'))[0] as Resource)
  .Properties.DistributionConfig as Record<string, unknown> & {
  DefaultCacheBehavior: Behavior;
  CacheBehaviors: Behavior[];
  Origins: { Id: string; DomainName: unknown; OriginAccessControlId?: unknown }[];
};

describe('site bucket', () => {
  it('blocks every kind of public access and refuses plain HTTP', () => {
    web.allResourcesProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: {
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      },
      BucketEncryption: {
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }],
      },
    });
    const policies = Object.values(web.findResources('AWS::S3::BucketPolicy')) as Resource[];
    expect(policies).toHaveLength(2);
    for (const policy of policies) {
      expect(JSON.stringify(policy.Properties.PolicyDocument)).toContain('"aws:SecureTransport":"false"');
    }
  });

  it('is read by CloudFront through origin access control only', () => {
    web.hasResourceProperties('AWS::CloudFront::OriginAccessControl', {
      OriginAccessControlConfig: Match.objectLike({
        OriginAccessControlOriginType: 's3',
        SigningBehavior: 'always',
      }),
    });
    const s3Origin = distributionConfig.Origins.find((origin) => origin.OriginAccessControlId);
    expect(s3Origin?.Id).toBe(
      distributionConfig.CacheBehaviors.find((behavior) => behavior.PathPattern === '/_astro/*')
        ?.TargetOriginId,
    );
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } }),
        ]),
      },
    });
  });
});

const behavior = (pattern: string) =>
  distributionConfig.CacheBehaviors.find((candidate) => candidate.PathPattern === pattern) as Behavior;
const originOf = (target: Behavior) =>
  distributionConfig.Origins.find((origin) => origin.Id === target.TargetOriginId);
const apiBehavior = behavior('/api/*');
const portalBehavior = behavior('/portal/*');

/** The response headers policy whose comment matches `comment`. */
function headersPolicy(comment: RegExp): { id: string; config: Record<string, unknown> } {
  const policies = web.findResources('AWS::CloudFront::ResponseHeadersPolicy') as Record<string, Resource>;
  const [id, policy] = Object.entries(policies).find(([, candidate]) =>
    comment.test((candidate.Properties.ResponseHeadersPolicyConfig as { Comment: string }).Comment),
  ) as [string, Resource];
  return { id, config: policy.Properties.ResponseHeadersPolicyConfig as Record<string, unknown> };
}
const siteHeadersPolicy = headersPolicy(/the site and the API/);
const portalHeadersPolicy = headersPolicy(/Wi-Fi portal/);

describe('distribution', () => {
  it('serves over HTTP/2 and HTTP/3, redirecting HTTP to HTTPS', () => {
    expect(distributionConfig).toMatchObject({ HttpVersion: 'http2and3' });
    expect(distributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('forwards /api/* uncached, with every method and viewer header but Host, to the HTTP API', () => {
    expect(apiBehavior).toMatchObject({
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(apiBehavior.AllowedMethods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    );
    // The HTTP API's host name, cut out of its endpoint URL: https://{id}.execute-api.{region}.amazonaws.com
    expect(originOf(apiBehavior)?.DomainName).toMatchObject({
      'Fn::Select': [2, { 'Fn::Split': ['/', expect.anything()] }],
    });
  });

  it('sends every other address to the pages rendered per request, through the same HTTP API', () => {
    const pages = distributionConfig.DefaultCacheBehavior;
    expect(pages.TargetOriginId).toBe(apiBehavior.TargetOriginId);
    expect(pages.AllowedMethods).toEqual(expect.arrayContaining(['GET', 'HEAD', 'POST']));
    expect(pages.OriginRequestPolicyId).toBe(
      OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    );
  });

  const renderedPagesPolicy = () => {
    const policies = web.findResources('AWS::CloudFront::CachePolicy') as Record<string, Resource>;
    expect(Object.keys(policies)).toHaveLength(1);
    const [[id, policy]] = Object.entries(policies) as [[string, Resource]];
    expect(distributionConfig.DefaultCacheBehavior.CachePolicyId).toEqual({ Ref: id });
    return policy.Properties.CachePolicyConfig as {
      DefaultTTL: number;
      MinTTL: number;
      MaxTTL: number;
      ParametersInCacheKeyAndForwardedToOrigin: {
        QueryStringsConfig: { QueryStringBehavior: string; QueryStrings?: string[] };
        CookiesConfig: { CookieBehavior: string };
        HeadersConfig: { HeaderBehavior: string };
        EnableAcceptEncodingBrotli: boolean;
        EnableAcceptEncodingGzip: boolean;
      };
    };
  };

  it('keeps a rendered page only as long as its own Cache-Control says, and never more than a minute', () => {
    const policy = renderedPagesPolicy();
    // Min 0: a personal page's `private, no-store` is obeyed. Default 0: an answer without the header is not kept.
    expect(policy).toMatchObject({ MinTTL: 0, DefaultTTL: 0, MaxTTL: 60 });
    // The shared pages' s-maxage fits under the ceiling, so the lifetime they announce is the one applied.
    const sMaxAge = Number(/s-maxage=(\d+)/.exec(SHARED_PAGE_CACHE_CONTROL)?.[1]);
    expect(sMaxAge).toBeGreaterThan(0);
    expect(sMaxAge).toBeLessThanOrEqual(policy.MaxTTL);
  });

  it('keys a rendered page by its path and the query parameters shared pages read, never by a cookie', () => {
    const key = renderedPagesPolicy().ParametersInCacheKeyAndForwardedToOrigin;
    expect(key.CookiesConfig).toEqual({ CookieBehavior: 'none' });
    expect(key.HeadersConfig).toEqual({ HeaderBehavior: 'none' });
    expect(key.QueryStringsConfig.QueryStringBehavior).toBe('whitelist');
    // The departure search's fields, the museum search, the hotspot a Wi-Fi guest arrives from; not a
    // booking's token or a form's party, which only personal pages read.
    expect([...(key.QueryStringsConfig.QueryStrings ?? [])].sort()).toEqual(
      ['date', 'hotspot', 'passengers', 'port', 'q', 'route'].sort(),
    );
    expect(key).toMatchObject({ EnableAcceptEncodingBrotli: true, EnableAcceptEncodingGzip: true });
    // Personal pages still get every query string and cookie from the origin request policy.
    expect(distributionConfig.DefaultCacheBehavior.OriginRequestPolicyId).toBe(
      OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
    );
  });

  it('serves the prerendered pages and static files from the bucket, each by its own path', () => {
    const staticPatterns = distributionConfig.CacheBehaviors.map((candidate) => candidate.PathPattern).filter(
      (pattern) => pattern !== '/api/*' && pattern !== '/portal/*',
    );
    expect(staticPatterns.sort()).toEqual(['/_astro/*', '/en/', '/favicon.svg', '/vi/']);
    for (const pattern of staticPatterns) {
      const target = behavior(pattern as string);
      expect(originOf(target)?.OriginAccessControlId).toBeDefined();
      expect(target.CachePolicyId).toBe(CachePolicy.CACHING_OPTIMIZED.cachePolicyId);
    }
  });

  it('adds the same security headers to the site and the API, and all but the CSP to the Wi-Fi portal', () => {
    web.hasResourceProperties('AWS::CloudFront::ResponseHeadersPolicy', {
      ResponseHeadersPolicyConfig: {
        SecurityHeadersConfig: Match.objectLike({
          StrictTransportSecurity: {
            AccessControlMaxAgeSec: 63_072_000,
            IncludeSubdomains: true,
            Preload: true,
            Override: true,
          },
          ContentTypeOptions: { Override: true },
          FrameOptions: { FrameOption: 'DENY', Override: true },
          ReferrerPolicy: { ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true },
        }),
      },
    });
    const siteHeaders = distributionConfig.DefaultCacheBehavior.ResponseHeadersPolicyId;
    expect(siteHeaders).toEqual({ Ref: siteHeadersPolicy.id });
    for (const other of distributionConfig.CacheBehaviors.filter(
      (candidate) => candidate !== portalBehavior,
    )) {
      expect(other.ResponseHeadersPolicyId).toEqual(siteHeaders);
    }
    expect(portalBehavior.ResponseHeadersPolicyId).toEqual({ Ref: portalHeadersPolicy.id });
    const { ContentSecurityPolicy: _, ...siteOthers } = (
      siteHeadersPolicy.config as { SecurityHeadersConfig: Record<string, unknown> }
    ).SecurityHeadersConfig;
    expect(portalHeadersPolicy.config.SecurityHeadersConfig).toMatchObject(siteOthers);
  });

  it('keeps the Content-Security-Policy the portal’s pages send (their forms post to the gateways)', () => {
    const { SecurityHeadersConfig } = portalHeadersPolicy.config as {
      SecurityHeadersConfig: { ContentSecurityPolicy: { ContentSecurityPolicy: string; Override: boolean } };
    };
    // Without override, CloudFront adds its policy only to an answer that has none: the portal's own stays.
    expect(SecurityHeadersConfig.ContentSecurityPolicy.Override).toBe(false);
    const fallback = SecurityHeadersConfig.ContentSecurityPolicy.ContentSecurityPolicy.split('; ');
    expect(fallback).toEqual(expect.arrayContaining(["default-src 'none'", "frame-ancestors 'none'"]));
    const siteCsp = (
      siteHeadersPolicy.config as { SecurityHeadersConfig: { ContentSecurityPolicy: { Override: boolean } } }
    ).SecurityHeadersConfig.ContentSecurityPolicy;
    expect(siteCsp.Override).toBe(true);
  });

  it('forwards /portal/* uncached, with every method and the query string but no cookie, to the HTTP API', () => {
    expect(portalBehavior).toMatchObject({
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(portalBehavior.AllowedMethods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    );
    expect(portalBehavior.TargetOriginId).toBe(apiBehavior.TargetOriginId);
    const [requestPolicyId] = Object.keys(web.findResources('AWS::CloudFront::OriginRequestPolicy'));
    expect(portalBehavior.OriginRequestPolicyId).toEqual({ Ref: requestPolicyId });
    web.hasResourceProperties('AWS::CloudFront::OriginRequestPolicy', {
      OriginRequestPolicyConfig: Match.objectLike({
        // API Gateway answers only to its own host name; everything else the viewer sent goes on.
        HeadersConfig: { HeaderBehavior: 'allExcept', Headers: ['Host'] },
        QueryStringsConfig: { QueryStringBehavior: 'all' },
        CookiesConfig: { CookieBehavior: 'none' },
      }),
    });
  });

  it('allows own-origin scripts and the build’s inline scripts by hash, never inline scripts in general', () => {
    const csp = JSON.stringify(siteHeadersPolicy.config).match(/"ContentSecurityPolicy":"([^"]+)"/)?.[1];
    const directives = (csp ?? '').split('; ');
    const scriptHash = createHash('sha256').update(platform.inlineScript).digest('base64');
    expect(directives).toContain(`script-src 'self' 'wasm-unsafe-eval' 'sha256-${scriptHash}'`);
    expect(directives).toContain("style-src 'self' 'unsafe-inline'");
    expect(directives).toContain("img-src 'self' data: blob:");
    expect(directives).toContain("connect-src 'self'");
    expect(directives).toContain("worker-src 'self' blob:");
  });

  it('runs site-router.js on the rendered pages and the prerendered ones, forwarded-host.js on the API and portal', () => {
    web.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp(
        'const PRERENDERED_PAGES = \\{"/en/index.html":true,"/vi/index.html":true\\}',
      ),
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    const runs = (name: string) => ({
      EventType: 'viewer-request',
      FunctionARN: {
        'Fn::GetAtt': [expect.stringMatching(new RegExp(`^${name}[0-9A-F]{8}$`)), 'FunctionARN'],
      },
    });
    expect(distributionConfig.DefaultCacheBehavior.FunctionAssociations).toEqual([runs('SiteRouter')]);
    expect(behavior('/en/').FunctionAssociations).toEqual([runs('SiteRouter')]);
    expect(apiBehavior.FunctionAssociations).toEqual([runs('ForwardedHost')]);
    expect(portalBehavior.FunctionAssociations).toEqual([runs('ForwardedHost')]);
    expect(behavior('/_astro/*').FunctionAssociations).toBeUndefined();
  });

  it('has no distribution-wide error pages, which would replace the API’s problem+json 403 and 404', () => {
    expect(distributionConfig.CustomErrorResponses).toBeUndefined();
  });

  it('writes CloudFront and S3 access logs to a bucket that expires them after 90 days', () => {
    expect(distributionConfig.Logging).toMatchObject({ Prefix: 'cloudfront/' });
    web.hasResourceProperties('AWS::S3::Bucket', {
      OwnershipControls: { Rules: [{ ObjectOwnership: 'ObjectWriter' }] },
      LifecycleConfiguration: { Rules: [Match.objectLike({ ExpirationInDays: 90, Status: 'Enabled' })] },
    });
    web.hasResourceProperties('AWS::S3::Bucket', {
      LoggingConfiguration: Match.objectLike({ LogFilePrefix: 's3/site/' }),
    });
  });

  it('uploads the site, keeps the previous build’s files and invalidates every path after a deploy', () => {
    web.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/*'],
      Prune: false,
      OutputObjectKeys: false,
    });
    web.hasOutput('SiteUrl', {});
  });
});

describe('site function', () => {
  const functions = web.findResources('AWS::Lambda::Function', {
    Properties: { Description: 'Ha Long tourism: site pages rendered per request' },
  });
  const [functionId] = Object.keys(functions);

  it('runs on arm64 Node.js 22 with the table name and no sign-in settings', () => {
    expect(Object.keys(functions)).toHaveLength(1);
    const properties = (functions[functionId ?? ''] as Resource).Properties;
    expect(properties).toMatchObject({ Runtime: 'nodejs22.x', Architectures: ['arm64'] });
    const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(Object.keys(variables)).toContain('TABLE_NAME');
    // Staff pages verify the session cookie's Cognito ID token.
    expect(variables).toMatchObject({ AUTH_MODE: 'cognito' });
    expect(Object.keys(variables)).toContain('COGNITO_USER_POOL_ID');
  });

  it('names the site by the distribution’s own address, never by a forwarded Host header', () => {
    const properties = (functions[functionId ?? ''] as Resource).Properties;
    const variables = (properties.Environment as { Variables: Record<string, unknown> }).Variables;
    expect(JSON.stringify(variables.PUBLIC_BASE_URL)).toMatch(/"https:\/\/".*Distribution.*"DomainName"/);
    expect(variables).not.toHaveProperty('ALLOWED_HOSTS');
  });

  it('may read and write the table (the booking form holds seats, the operator page schedules)', () => {
    const actions = JSON.stringify(web.findResources('AWS::IAM::Policy'));
    expect(actions).toContain('dynamodb:GetItem');
    expect(actions).toContain('dynamodb:Query');
    expect(actions).toContain('dynamodb:UpdateItem');
    expect(actions).not.toContain('dynamodb:DeleteTable');
  });

  it('answers the HTTP API’s catch-all route, so /api/* stays with the API’s own routes', () => {
    web.hasResourceProperties('AWS::ApiGatewayV2::Route', { RouteKey: 'ANY /{proxy+}' });
  });

  it('is updated only after the new static files are in the bucket', () => {
    const dependsOn = (functions[functionId ?? ''] as { DependsOn?: string[] }).DependsOn ?? [];
    const [deploymentId] = Object.keys(web.findResources('Custom::CDKBucketDeployment'));
    expect(dependsOn).toContain(deploymentId);
  });
});

describe('site directory', () => {
  it('refuses to build the stack when the site has not been built', () => {
    const emptySite = mkdtempSync(join(tmpdir(), 'halong-empty-site-'));
    try {
      const app = new App();
      const apiStack = new Stack(app, 'Api');
      const httpApi = new HttpApi(apiStack, 'HttpApi');
      const table = new TableV2(apiStack, 'Table', {
        partitionKey: { name: 'PK', type: AttributeType.STRING },
      });
      const userPool = { userPoolId: 'ap-southeast-1_Test1234', userPoolClientId: 'client' };
      const liveUpdatesUrl = 'wss://abc123.execute-api.ap-southeast-1.amazonaws.com/live';
      expect(
        () =>
          new WebStack(app, 'Web', { siteDirectory: emptySite, httpApi, table, userPool, liveUpdatesUrl }),
      ).toThrow(/npm run build/);
    } finally {
      rmSync(emptySite, { recursive: true, force: true });
    }
  });
});
