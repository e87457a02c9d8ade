// The web stack as synthesized: private bucket, CloudFront with OAC, the /api/* behavior, headers, logs, deploy.
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { HttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { CachePolicy, OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { afterAll, describe, expect, it } from 'vitest';
import { WebStack } from '../../cdk/stacks/web-stack.js';
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
    expect(s3Origin?.Id).toBe(distributionConfig.DefaultCacheBehavior.TargetOriginId);
    web.hasResourceProperties('AWS::S3::BucketPolicy', {
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({ Action: 's3:GetObject', Principal: { Service: 'cloudfront.amazonaws.com' } }),
        ]),
      },
    });
  });
});

describe('distribution', () => {
  it('serves index.html at the root over HTTP/2 and HTTP/3, redirecting HTTP to HTTPS', () => {
    expect(distributionConfig).toMatchObject({ DefaultRootObject: 'index.html', HttpVersion: 'http2and3' });
    expect(distributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy).toBe('redirect-to-https');
  });

  it('forwards /api/* uncached, with every method and viewer header but Host, to the HTTP API', () => {
    expect(distributionConfig.CacheBehaviors).toHaveLength(1);
    const apiBehavior = distributionConfig.CacheBehaviors[0] as Behavior;
    expect(apiBehavior).toMatchObject({
      PathPattern: '/api/*',
      CachePolicyId: CachePolicy.CACHING_DISABLED.cachePolicyId,
      OriginRequestPolicyId: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      ViewerProtocolPolicy: 'redirect-to-https',
    });
    expect(apiBehavior.AllowedMethods).toEqual(
      expect.arrayContaining(['GET', 'HEAD', 'OPTIONS', 'PUT', 'PATCH', 'POST', 'DELETE']),
    );
    const apiOrigin = distributionConfig.Origins.find((origin) => origin.Id === apiBehavior.TargetOriginId);
    // The HTTP API's host name, cut out of its endpoint URL: https://{id}.execute-api.{region}.amazonaws.com
    expect(apiOrigin?.DomainName).toMatchObject({
      'Fn::Select': [2, { 'Fn::Split': ['/', expect.anything()] }],
    });
  });

  it('adds the same security headers to the site and the API', () => {
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
    expect(siteHeaders).toBeDefined();
    expect(distributionConfig.CacheBehaviors[0]?.ResponseHeadersPolicyId).toEqual(siteHeaders);
  });

  it('allows own-origin scripts and the build’s inline scripts by hash, never inline scripts in general', () => {
    const policy = Object.values(web.findResources('AWS::CloudFront::ResponseHeadersPolicy'))[0] as Resource;
    const csp = JSON.stringify(policy.Properties.ResponseHeadersPolicyConfig).match(
      /"ContentSecurityPolicy":"([^"]+)"/,
    )?.[1];
    const directives = (csp ?? '').split('; ');
    const scriptHash = createHash('sha256').update(platform.inlineScript).digest('base64');
    expect(directives).toContain(`script-src 'self' 'sha256-${scriptHash}'`);
    expect(directives).toContain("style-src 'self' 'unsafe-inline'");
    expect(directives).toContain("img-src 'self' data: blob:");
    expect(directives).toContain("connect-src 'self'");
    expect(directives).toContain('worker-src blob:');
  });

  it('runs site-router.js on viewer requests of the site, not of the API', () => {
    web.hasResourceProperties('AWS::CloudFront::Function', {
      FunctionCode: Match.stringLikeRegexp(
        'const NOT_FOUND_PAGE = "<!doctype html><title>Not found</title>"',
      ),
      FunctionConfig: Match.objectLike({ Runtime: 'cloudfront-js-2.0' }),
    });
    expect(distributionConfig.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: expect.anything() },
    ]);
    expect(distributionConfig.CacheBehaviors[0]?.FunctionAssociations).toBeUndefined();
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

  it('uploads the site and invalidates every path after a deploy', () => {
    web.hasResourceProperties('Custom::CDKBucketDeployment', {
      DistributionPaths: ['/*'],
      Prune: true,
      OutputObjectKeys: false,
    });
    web.hasOutput('SiteUrl', {});
  });
});

describe('site directory', () => {
  it('refuses to build the stack when the site has not been built', () => {
    const emptySite = mkdtempSync(join(tmpdir(), 'halong-empty-site-'));
    try {
      const app = new App();
      const apiStack = new Stack(app, 'Api');
      const httpApi = new HttpApi(apiStack, 'HttpApi');
      expect(() => new WebStack(app, 'Web', { siteDirectory: emptySite, httpApi })).toThrow(/npm run build/);
    } finally {
      rmSync(emptySite, { recursive: true, force: true });
    }
  });
});
