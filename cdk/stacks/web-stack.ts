// The public entry point: CloudFront in front of the site function (pages rendered per request, through the HTTP
// API), a private S3 bucket (prerendered pages and static files), the API (/api/*) and the Wi-Fi portal (/portal/*);
// and the reader of the table's stream that invalidates the shared pages a change made stale.

import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CfnOutput,
  DefaultStackSynthesizer,
  Duration,
  Fn,
  Stack,
  type StackProps,
  Validations,
} from 'aws-cdk-lib';
import { HttpMethod, HttpRoute, HttpRouteKey, type IHttpApi } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import {
  AllowedMethods,
  type BehaviorOptions,
  CacheCookieBehavior,
  CacheHeaderBehavior,
  CachePolicy,
  CacheQueryStringBehavior,
  Function as CloudFrontFunction,
  Distribution,
  FunctionCode,
  FunctionEventType,
  FunctionRuntime,
  HttpVersion,
  OriginProtocolPolicy,
  OriginRequestCookieBehavior,
  OriginRequestHeaderBehavior,
  OriginRequestPolicy,
  OriginRequestQueryStringBehavior,
  ViewerProtocolPolicy,
} from 'aws-cdk-lib/aws-cloudfront';
import { HttpOrigin, S3BucketOrigin } from 'aws-cdk-lib/aws-cloudfront-origins';
import type { ITableV2 } from 'aws-cdk-lib/aws-dynamodb';
import { FilterCriteria, FilterRule, StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource } from 'aws-cdk-lib/aws-lambda-event-sources';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import {
  BlockPublicAccess,
  Bucket,
  BucketEncryption,
  type CfnBucket,
  ObjectOwnership,
} from 'aws-cdk-lib/aws-s3';
import { BucketDeployment, Source } from 'aws-cdk-lib/aws-s3-deployment';
import type { Construct } from 'constructs';
import { tableDefinition } from '../../functions/platform/table.js';
import { PAGE_DATA_PARTITIONS } from '../../functions/site/page-data-items.js';
import { EDGE_FRESH_SECONDS, SHARED_PAGE_QUERY_PARAMETERS } from '../../functions/site/shared-pages.js';
import { grantTableReadWrite } from '../constructs/audit-log-protection.js';
import { DomainFunction } from '../constructs/domain-function.js';
import {
  createPortalSecurityHeadersPolicy,
  createSecurityHeadersPolicy,
} from '../constructs/security-headers.js';
import { siteRouterCode } from '../edge/site-router-code.js';
import { prerenderedPages, staticPathPatterns } from '../site-files.js';

export interface WebStackProps extends StackProps {
  /** The built site's static files (Astro's web/dist/client); it must hold index.html. */
  readonly siteDirectory: string;
  /** The HTTP API that CloudFront forwards /api/* and the pages rendered per request to. */
  readonly httpApi: IHttpApi;
  /** The staff user pool, whose ID tokens (in the site's session cookie) the staff pages verify. */
  readonly userPool: { readonly userPoolId: string; readonly userPoolClientId: string };
  /** The platform table the pages read; its stream tells which pages a change made stale. */
  readonly table: ITableV2;
  /** Where the live map's browsers open the live updates (the realtime stack's WebSocket stage). */
  readonly liveUpdatesUrl: string;
}

/** The longest CloudFront keeps a rendered page fresh, whatever its Cache-Control says. */
export const RENDERED_PAGE_MAX_TTL_SECONDS = 2 * EDGE_FRESH_SECONDS;

/**
 * How long the stream's reader gathers changes into one batch (one invalidation) after the first: a burst of edits
 * costs one set of paths. Its own wait for the site functions' page data cache (5 s) follows.
 */
export const PAGE_INVALIDATION_BATCHING_SECONDS = 5;

/** The site and the API on one origin, as locally: the browser needs no CORS and sees one set of headers. */
export class WebStack extends Stack {
  readonly distribution: Distribution;
  readonly siteFunction: DomainFunction;
  readonly pageInvalidation: DomainFunction;

  constructor(scope: Construct, id: string, props: WebStackProps) {
    super(scope, id, props);
    if (!existsSync(join(props.siteDirectory, 'index.html'))) {
      throw new Error(`No built site in ${props.siteDirectory}: run \`npm run build\` first.`);
    }

    const logBucket = new Bucket(this, 'LogBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      // CloudFront standard logs are delivered with object ACLs, which only OBJECT_WRITER ownership accepts.
      objectOwnership: ObjectOwnership.OBJECT_WRITER,
      lifecycleRules: [{ expiration: Duration.days(90) }],
    });
    Validations.of(logBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason: 'This is the access-log bucket itself; logging its own access would log the log deliveries.',
    });

    const siteBucket = new Bucket(this, 'SiteBucket', {
      blockPublicAccess: BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: BucketEncryption.S3_MANAGED,
      autoDeleteObjects: false,
      serverAccessLogsBucket: logBucket,
      serverAccessLogsPrefix: 's3/site/',
    });

    const securityHeaders = createSecurityHeadersPolicy(this, 'SecurityHeaders', props.siteDirectory);
    const portalSecurityHeaders = createPortalSecurityHeadersPolicy(this, 'PortalSecurityHeaders');

    const siteRouter = new CloudFrontFunction(this, 'SiteRouter', {
      comment: 'Sends / to /vi/ or /en/ by Accept-Language; clean URLs of prerendered pages to index.html',
      code: FunctionCode.fromInline(siteRouterCode(props.siteDirectory)),
      runtime: FunctionRuntime.JS_2_0,
    });
    const forwardedHost = new CloudFrontFunction(this, 'ForwardedHost', {
      comment:
        'Copies the viewer Host into X-Forwarded-Host for /api/* and /portal/* (API Gateway needs its own Host)',
      code: FunctionCode.fromFile({
        filePath: fileURLToPath(new URL('../edge/forwarded-host.js', import.meta.url)),
      }),
      runtime: FunctionRuntime.JS_2_0,
    });

    // The pages rendered per request. A route of the same HTTP API as /api/*, rather than a function URL, so that
    // plain HTML forms can POST to pages: CloudFront's origin access control for function URLs would require
    // every POST body to carry its SHA-256, which a browser without JavaScript cannot add (docs/decisions.md).
    this.siteFunction = new DomainFunction(this, 'Site', {
      domain: 'site',
      table: props.table,
      userPool: props.userPool,
      environment: { LIVE_UPDATES_URL: props.liveUpdatesUrl },
    });
    // Pages write too: the booking form holds seats, the operator page schedules departures.
    grantTableReadWrite(props.table, this.siteFunction.function);
    const siteRoute = new HttpRoute(this, 'SiteRoute', {
      httpApi: props.httpApi,
      routeKey: HttpRouteKey.with('/{proxy+}', HttpMethod.ANY),
      integration: new HttpLambdaIntegration('SiteIntegration', this.siteFunction.function),
    });
    Validations.of(siteRoute).acknowledge({
      id: 'AwsSolutions-APIG4',
      reason: 'The public pages of the site: anyone may read them, as anyone may read the static pages.',
    });

    // apiEndpoint is https://{id}.execute-api.{region}.amazonaws.com; the origin wants the host alone.
    const apiOrigin = new HttpOrigin(Fn.select(2, Fn.split('/', props.httpApi.apiEndpoint)), {
      protocolPolicy: OriginProtocolPolicy.HTTPS_ONLY,
    });
    const siteOrigin = S3BucketOrigin.withOriginAccessControl(siteBucket);

    // A rendered page stays in CloudFront as long as its own Cache-Control allows (functions/site/shared-pages.ts:
    // s-maxage and stale-while-revalidate for the shared pages, nothing for personal or failed ones; an answer
    // without the header, nothing), never longer than a minute whatever it says. Keyed by path and the query
    // parameters shared pages read: no cookie, no other parameter can split the cache or reach a shared page
    // through it. The origin still receives everything (the personal pages read their own parameters).
    const renderedPagesCachePolicy = new CachePolicy(this, 'RenderedPagesCachePolicy', {
      comment: 'Ha Long tourism: pages rendered per request, cached as their Cache-Control allows',
      defaultTtl: Duration.seconds(0),
      minTtl: Duration.seconds(0),
      maxTtl: Duration.seconds(RENDERED_PAGE_MAX_TTL_SECONDS),
      queryStringBehavior: CacheQueryStringBehavior.allowList(...SHARED_PAGE_QUERY_PARAMETERS),
      headerBehavior: CacheHeaderBehavior.none(),
      cookieBehavior: CacheCookieBehavior.none(),
      enableAcceptEncodingGzip: true,
      enableAcceptEncodingBrotli: true,
    });

    // The Wi-Fi portal reads the gateway's query string, the form posts and Accept-Language; it has no use for
    // the site's cookies (a staff session among them), so unlike /api/* it is sent none. As for the API, every
    // other viewer header but Host.
    const portalRequestPolicy = new OriginRequestPolicy(this, 'PortalRequestPolicy', {
      comment:
        'Ha Long tourism: the Wi-Fi portal gets viewer headers but Host, every query string, no cookie',
      headerBehavior: OriginRequestHeaderBehavior.denyList('Host'),
      queryStringBehavior: OriginRequestQueryStringBehavior.all(),
      cookieBehavior: OriginRequestCookieBehavior.none(),
    });

    const pages = new Set(
      prerenderedPages(props.siteDirectory).map((page) => page.slice(0, -'index.html'.length)),
    );
    const staticBehaviors: Record<string, BehaviorOptions> = {};
    for (const pattern of staticPathPatterns(props.siteDirectory)) {
      staticBehaviors[pattern] = {
        origin: siteOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        cachePolicy: CachePolicy.CACHING_OPTIMIZED,
        responseHeadersPolicy: securityHeaders,
        ...(pages.has(pattern) && {
          functionAssociations: [{ function: siteRouter, eventType: FunctionEventType.VIEWER_REQUEST }],
        }),
      };
    }

    this.distribution = new Distribution(this, 'Distribution', {
      comment: 'Ha Long smart tourism: site, /api/* and /portal/*',
      httpVersion: HttpVersion.HTTP2_AND_3,
      defaultBehavior: {
        origin: apiOrigin,
        viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        // Pages will take form posts (booking, Wi-Fi sign-in) without JavaScript.
        allowedMethods: AllowedMethods.ALLOW_ALL,
        cachePolicy: renderedPagesCachePolicy,
        // API Gateway routes by its own host name, so the viewer's Host must not be forwarded.
        originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
        responseHeadersPolicy: securityHeaders,
        functionAssociations: [{ function: siteRouter, eventType: FunctionEventType.VIEWER_REQUEST }],
      },
      additionalBehaviors: {
        '/api/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER,
          responseHeadersPolicy: securityHeaders,
          functionAssociations: [{ function: forwardedHost, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        // Guests' login pages and the gateways' polling: never cached (each answer is for one guest), any method
        // (forms, openNDS authmon), the host the guest used passed on as for /api/* (the CoovaChilli signature
        // covers the public address), and the portal's own Content-Security-Policy kept.
        '/portal/*': {
          origin: apiOrigin,
          viewerProtocolPolicy: ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
          allowedMethods: AllowedMethods.ALLOW_ALL,
          cachePolicy: CachePolicy.CACHING_DISABLED,
          originRequestPolicy: portalRequestPolicy,
          responseHeadersPolicy: portalSecurityHeaders,
          functionAssociations: [{ function: forwardedHost, eventType: FunctionEventType.VIEWER_REQUEST }],
        },
        ...staticBehaviors,
      },
      enableLogging: true,
      logBucket,
      logFilePrefix: 'cloudfront/',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR1',
      reason: 'No geo restriction: the site serves visitors to Hạ Long Bay from every country.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR2',
      reason:
        'No WAF yet: a CloudFront web ACL must live in us-east-1 and costs per rule; the API has stage ' +
        'throttling and validates every input. To be added with the custom domain.',
    });
    Validations.of(this.distribution).acknowledge({
      id: 'AwsSolutions-CFR4',
      reason:
        'The distribution uses the default *.cloudfront.net certificate, whose TLS policy cannot be set; ' +
        'a custom domain with an ACM certificate will set TLSv1.2_2021.',
    });

    // Every write (an API function, a job, the site's forms) reaches the site functions' page data cache within its
    // 5 s, and CloudFront through this function, fed by the table's stream: one invalidation per batch, of the
    // shared pages showing what changed (functions/site/page-invalidation.ts). In this stack because the
    // distribution is here: its origin is the HTTP API, so no API function can be given its id without a cycle.
    this.pageInvalidation = new DomainFunction(this, 'PageInvalidation', {
      domain: 'page-invalidation',
      environment: { DISTRIBUTION_ID: this.distribution.distributionId },
      // Its wait for the page data cache (at most 7 s) and two attempts of CloudFront's call (at most 7 s).
      timeout: Duration.seconds(30),
    });
    this.pageInvalidation.function.addEventSource(
      new DynamoEventSource(props.table, {
        // Changes made before the function existed are past the pages' cache lifetime already.
        startingPosition: StartingPosition.LATEST,
        batchSize: 1000,
        maxBatchingWindow: Duration.seconds(PAGE_INVALIDATION_BATCHING_SECONDS),
        // Only the items pages show reach the function: bookings, holds, sessions and counters are left unread.
        filters: [
          FilterCriteria.filter({
            dynamodb: {
              Keys: {
                [tableDefinition.partitionKey]: {
                  S: [
                    ...PAGE_DATA_PARTITIONS.equal,
                    ...PAGE_DATA_PARTITIONS.beginningWith.flatMap((prefix) => FilterRule.beginsWith(prefix)),
                  ],
                },
              },
            },
          }),
        ],
        // The function answers CloudFront's failures itself; these bound a fault of its own. An invalidation later
        // than the pages' own lifetime (65 s) would forget nothing they had not already let go of.
        retryAttempts: 2,
        maxRecordAge: Duration.minutes(2),
      }),
    );
    this.distribution.grantCreateInvalidation(this.pageInvalidation.function);

    // Pages name the site (canonical links, JSON-LD, the origin a form post must come from) by its configured
    // address, never by a header that anyone calling API Gateway directly could write; without a custom domain,
    // by the distribution's own (same stack, so no cross-stack cycle).
    const publicBaseUrl: unknown = this.node.tryGetContext('publicBaseUrl');
    this.siteFunction.function.addEnvironment(
      'PUBLIC_BASE_URL',
      typeof publicBaseUrl === 'string'
        ? publicBaseUrl
        : `https://${this.distribution.distributionDomainName}`,
    );

    const deployment = new BucketDeployment(this, 'DeploySite', {
      sources: [Source.asset(props.siteDirectory)],
      destinationBucket: siteBucket,
      distribution: this.distribution,
      distributionPaths: ['/*'],
      // The default 128 MB is too little to unpack and sync a site that carries 3D models.
      memoryLimit: 1024,
      // The response would list every file and outgrow CloudFormation's 4 KB custom-resource limit.
      outputObjectKeys: false,
      logGroup: new LogGroup(this, 'DeploySiteLogs', { retention: RetentionDays.ONE_MONTH }),
      // Rendered pages cached by CloudFront (up to a few minutes) still name the previous build's /_astro files.
      prune: false,
    });
    acknowledgeDeploymentProvider(siteBucket, deployment);
    // The new static files are in the bucket before the function starts rendering pages that name them.
    this.siteFunction.node.addDependency(deployment);

    new CfnOutput(this, 'SiteUrl', { value: `https://${this.distribution.distributionDomainName}/` });
  }
}

/**
 * BucketDeployment's provider (a Lambda function, its role and policy) is written by the CDK: these
 * findings are its design, acknowledged on the provider only.
 */
function acknowledgeDeploymentProvider(siteBucket: Bucket, deployment: BucketDeployment): void {
  const stack = Stack.of(siteBucket);
  const provider = deployment.handlerRole.node.scope;
  if (!provider) throw new Error('BucketDeployment has no provider function');
  const siteBucketArn = `<${stack.getLogicalId(siteBucket.node.defaultChild as CfnBucket)}.Arn>`;
  const assetsBucket = `cdk-${DefaultStackSynthesizer.DEFAULT_QUALIFIER}-assets-<AWS::AccountId>-${stack.region}`;
  const reasons: Record<string, string> = {
    'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]':
      'AWS-managed minimum for the provider to write its logs.',
    'AwsSolutions-IAM5[Action::s3:GetBucket*]':
      'Generated by grantRead: reads the staged site archive and lists the site bucket.',
    'AwsSolutions-IAM5[Action::s3:GetObject*]':
      'Generated by grantRead: reads the staged site archive and the current site files.',
    'AwsSolutions-IAM5[Action::s3:List*]':
      'Generated by grantRead: `aws s3 sync` lists both buckets to compare them.',
    'AwsSolutions-IAM5[Action::s3:Abort*]':
      'Generated by grantReadWrite: aborts failed multipart uploads of large files (3D models).',
    'AwsSolutions-IAM5[Action::s3:DeleteObject*]':
      'Generated by grantReadWrite: the sync deletes files that left the site (prune).',
    [`AwsSolutions-IAM5[Resource::arn:aws:s3:::${assetsBucket}/*]`]:
      'The CDK assets bucket: the archive key is a content hash known only at deploy time.',
    [`AwsSolutions-IAM5[Resource::${siteBucketArn}/*]`]:
      'The deployment writes every object of the site bucket.',
    'AwsSolutions-IAM5[Resource::*]':
      'cloudfront:CreateInvalidation and GetInvalidation on "*", as granted by the CDK construct, to invalidate /* after a deploy.',
    'AwsSolutions-L1':
      'The provider runtime (Python) is chosen and upgraded by aws-cdk-lib, not by this app.',
  };
  for (const [id, reason] of Object.entries(reasons)) {
    Validations.of(provider).acknowledge({ id, reason: `CDK BucketDeployment provider. ${reason}` });
  }
}
