/**
 * The Lambda functions as they would be deployed: each entry point bundled by esbuild with the options CDK
 * uses (the site's with Astro's build of the pages), loaded as an ES module, and invoked with the API Gateway
 * HTTP API (payload 2.0) events their origin sends — CloudFront forwards pages through the same HTTP API —
 * against DynamoDB Local.
 */

import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type {
  APIGatewayProxyEventV2,
  APIGatewayProxyResultV2,
  Context,
  DynamoDBStreamEvent,
} from 'aws-lambda';
import { build } from 'esbuild';
import Stripe from 'stripe';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  domainFunctionEntries,
  LAMBDA_HANDLER,
  lambdaBundlingOptions,
  repositoryRoot,
} from '../../../cdk/lambda-bundling.js';
import { readTicketCode } from '../../../functions/boats/tickets/codes.js';
import { issueLiveConnectToken } from '../../../functions/platform/live-updates/connect-token.js';
import { addDays, localDateAt } from '../../../functions/platform/local-time.js';
import { SHARED_PAGE_CACHE_CONTROL } from '../../../functions/site/shared-pages.js';
import { type FakeAws, startFakeAws } from '../../support/fake-aws.js';
import { type FakeCloudFront, startFakeCloudFront } from '../../support/fake-cloudfront.js';
import { bookingBody } from '../support/bookings.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

const inFiveDays = () => addDays(localDateAt(new Date()), 5);

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
type JobsHandler = (event: { job: string }) => Promise<Record<string, number>>;
type StreamHandler = (event: DynamoDBStreamEvent) => Promise<void>;
type Result = { statusCode: number; headers: Record<string, string>; body: string };

// Inside the repository, so the bundles' external @aws-sdk/* imports resolve as the Lambda runtime's would.
const bundleDirectory = join(repositoryRoot, 'node_modules', '.cache', 'lambda-bundles');

let platform: TestPlatform;
let aws: FakeAws;
let cloudFront: FakeCloudFront;
const handlers: Partial<Record<keyof typeof domainFunctionEntries, Handler>> = {};
const bundleFiles: Partial<Record<keyof typeof domainFunctionEntries, string>> = {};
const portalSecretArn = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:WifiPortalSecret-AbCdEf';
const liveConnectSecretArn =
  'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:LiveConnectSecret-AbCdEf';
const liveConnectSecret = randomUUID().replaceAll('-', '').repeat(2);

beforeAll(async () => {
  platform = await createTestPlatform();
  aws = await startFakeAws();
  cloudFront = await startFakeCloudFront();
  Object.assign(process.env, {
    TABLE_NAME: platform.tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    // The run's shared DynamoDB Local on a busy machine (see test/integration/support/platform.ts).
    DYNAMODB_ATTEMPT_TIMEOUT_MS: '10000',
    // The test platform's region, so its table is visible even on a DynamoDB Local without -sharedDb.
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AUTH_MODE: 'cognito',
    COGNITO_USER_POOL_ID: 'ap-southeast-1_Test1234',
    COGNITO_CLIENT_ID: 'test-client',
    LOG_LEVEL: 'silent',
    // The payments function talks to the test platform's local stand-in of Stripe's API.
    STRIPE_SECRET_KEY: platform.checkout.secretKey,
    STRIPE_WEBHOOK_SECRET: platform.checkout.webhookSecret,
    STRIPE_API_BASE: platform.checkout.apiBase,
    // Tickets signed by KMS and confirmations sent by SES, both answered by a local stand-in.
    TICKET_SIGNING_KEY_ID: 'alias/halong-ticket-signing',
    MESSAGES_FROM_ADDRESS: 'no-reply@tourism.halong.test',
    AWS_ENDPOINT_URL_KMS: aws.endpoint,
    AWS_ENDPOINT_URL_SESV2: aws.endpoint,
    AWS_ENDPOINT_URL_SNS: aws.endpoint,
    // The Wi-Fi portal's key, read at cold start from a secret the deployment generated.
    WIFI_PORTAL_SECRET_ARN: portalSecretArn,
    // The key of the staff pages' live-updates tokens, read at cold start by the tracking and WebSocket functions.
    LIVE_CONNECT_SECRET_ARN: liveConnectSecretArn,
    AWS_ENDPOINT_URL_SECRETS_MANAGER: aws.endpoint,
    // The host CloudFront answers for, which X-Forwarded-Host may name (functions/platform/public-origin.ts).
    ALLOWED_HOSTS: 'd111.cloudfront.net',
    // The distribution whose pages the stream's reader invalidates, on a local stand-in of CloudFront.
    DISTRIBUTION_ID: 'E2QWRUHAPOMQZL',
    AWS_ENDPOINT_URL_CLOUDFRONT: cloudFront.endpoint,
    // The WebSocket API's management endpoint the live functions post to (set by cdk/stacks/realtime-stack.ts).
    LIVE_UPDATES_ENDPOINT: aws.endpoint,
  });
  aws.secrets.set(portalSecretArn, randomUUID().replaceAll('-', '').repeat(2));
  aws.secrets.set(liveConnectSecretArn, liveConnectSecret);
  mkdirSync(bundleDirectory, { recursive: true });
  for (const [name, entry] of Object.entries(domainFunctionEntries)) {
    // A folder per function, as Lambda gets it: the entry (index.mjs) and the chunks it loads.
    const outdir = join(bundleDirectory, `${name}-${Date.now()}`);
    await build({ ...lambdaBundlingOptions, entryPoints: [entry], outdir, logLevel: 'error' });
    const file = join(outdir, LAMBDA_HANDLER.replace(/\.handler$/, '.mjs'));
    bundleFiles[name as keyof typeof domainFunctionEntries] = file;
    handlers[name as keyof typeof domainFunctionEntries] = (await import(pathToFileURL(file).href)).handler;
  }
}, 120_000);
afterAll(async () => {
  await aws.stop();
  await cloudFront.stop();
  await platform.dispose();
});

function event(
  method: string,
  path: string,
  headers: Record<string, string> = {},
  routeKey = '$default',
  body?: string,
): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey,
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.test', ...headers },
    isBase64Encoded: false,
    ...(body !== undefined && { body }),
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'request-1',
      routeKey,
      stage: '$default',
      time: new Date().toUTCString(),
      timeEpoch: Date.now(),
    },
  };
}

async function invoke(
  name: keyof typeof domainFunctionEntries,
  request: APIGatewayProxyEventV2,
): Promise<Result> {
  const handler = handlers[name];
  if (!handler) throw new Error(`no ${name} handler`);
  return (await handler(request, {} as Context)) as Result;
}

describe('the bundled Lambda handlers', () => {
  it('boats: lists the eight routes from the table', async () => {
    const result = await invoke('boats', event('GET', '/api/boats/routes'));
    expect(result.statusCode).toBe(200);
    expect((JSON.parse(result.body) as { routes: unknown[] }).routes).toHaveLength(8);
  });

  it('boats: answers an unknown route with problem+json', async () => {
    const result = await invoke('boats', event('GET', '/api/boats/routes/77'));
    expect(result.statusCode).toBe(404);
    expect(result.headers['content-type']).toBe('application/problem+json');
    // API Gateway's request id, so the function's log line and the access log line can be matched.
    expect(result.headers['x-request-id']).toBe('request-1');
    expect(JSON.parse(result.body)).toMatchObject({ requestId: 'request-1' });
  });

  it('platform: reports health and serves the OpenAPI document of every domain', async () => {
    const health = await invoke('platform', event('GET', '/api/health'));
    expect(health.statusCode).toBe(200);
    const document = JSON.parse((await invoke('platform', event('GET', '/api/openapi.json'))).body);
    expect(Object.keys(document.paths)).toContain('/api/boats/routes');
    expect(Object.keys(document.paths)).not.toContain('/api/auth/login');
  });

  it('platform: asks for a Cognito token on /api/auth/me and on the audit log', async () => {
    for (const path of ['/api/auth/me', '/api/audit']) {
      const result = await invoke('platform', event('GET', path));
      expect(result.statusCode, path).toBe(401);
      expect(result.headers['www-authenticate']).toBe('Bearer');
    }
  });
});

describe('the bundled Wi-Fi function', () => {
  it('reads the portal’s key from its secret at cold start and serves the portal’s pages', async () => {
    expect(aws.calls).toContainEqual({
      operation: 'secretsmanager.GetSecretValue',
      body: { SecretId: portalSecretArn },
    });
    const result = await invoke('wifi', event('GET', '/portal/no-such-hotspot', {}, 'ANY /portal/{proxy+}'));
    expect(result.statusCode).toBe(404);
    expect(result.headers['content-type']).toMatch(/^text\/html/);
    // The portal's own policy, which CloudFront is configured to keep: its forms post to the gateways.
    expect(result.headers['content-security-policy']).toContain("form-action 'self' http: https:");
  });

  it('answers the portal with a plain 503 when its secret cannot be read, and still serves the hotspots API', async () => {
    process.env.WIFI_PORTAL_SECRET_ARN = `${portalSecretArn}-gone`;
    try {
      // The same bundle loaded afresh, as a new cold start would.
      const file = bundleFiles.wifi as string;
      const coldStart = (await import(`${pathToFileURL(file).href}?secret-gone`)).handler as Handler;
      const portal = (await coldStart(
        event('GET', '/portal/no-such-hotspot', {}, 'ANY /portal/{proxy+}'),
        {} as Context,
      )) as Result;
      expect(portal.statusCode).toBe(503);
      expect(portal.headers['content-type']).toMatch(/^text\/plain/);
      expect(portal.body).toContain('Wi-Fi sign-in is not available right now');
      const api = (await coldStart(
        event('GET', '/api/wifi/hotspots', {}, 'ANY /api/wifi/{proxy+}'),
        {} as Context,
      )) as Result;
      expect(api.statusCode).toBe(401);
    } finally {
      process.env.WIFI_PORTAL_SECRET_ARN = portalSecretArn;
    }
  });
});

describe('the bundled booking functions', () => {
  it('boats holds seats, payments checks out and confirms on the signed webhook, jobs sweeps', async () => {
    const departures = JSON.parse(
      (
        await invoke('boats', {
          ...event('GET', '/api/boats/departures'),
          rawQueryString: `date=${inFiveDays()}`,
        })
      ).body,
    ) as { departures: { id: string }[] };
    const departureId = departures.departures[0]?.id as string;
    const hold = await invoke(
      'boats',
      event(
        'POST',
        '/api/bookings',
        { 'content-type': 'application/json', 'idempotency-key': randomUUID() },
        'ANY /api/bookings',
        JSON.stringify(bookingBody(departureId)),
      ),
    );
    expect(hold.statusCode, hold.body).toBe(201);
    const booking = JSON.parse(hold.body) as { id: string; accessToken: string; total: number };
    const asHolder = { authorization: `Bearer ${booking.accessToken}` };

    const checkout = await invoke(
      'payments',
      event('POST', `/api/bookings/${booking.id}/checkout`, {
        ...asHolder,
        'x-forwarded-host': 'd111.cloudfront.net',
      }),
    );
    expect(checkout.statusCode, checkout.body).toBe(200);
    const sessionId = (JSON.parse(checkout.body) as { url: string }).url.split('/').pop() as string;
    // Stripe returns the tourist to the site's address, which only CloudFront knew.
    expect(platform.checkout.sessions.get(sessionId)?.successUrl).toBe(
      `https://d111.cloudfront.net/en/bookings/${booking.id}/?checkout=success`,
    );

    const session = platform.checkout.sessions.get(sessionId);
    if (!session) throw new Error('no session');
    Object.assign(session, { status: 'complete', paymentStatus: 'paid', paymentIntent: 'pi_test_bundled' });
    const payload = JSON.stringify({
      id: 'evt_test_bundled',
      object: 'event',
      type: 'checkout.session.completed',
      data: {
        object: {
          id: sessionId,
          object: 'checkout.session',
          client_reference_id: booking.id,
          payment_status: 'paid',
          amount_total: booking.total,
          currency: 'vnd',
          payment_intent: 'pi_test_bundled',
        },
      },
    });
    const signature = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: platform.checkout.webhookSecret,
    });
    const webhook = await invoke(
      'payments',
      event('POST', '/api/payments/stripe/webhook', { 'stripe-signature': signature }, '$default', payload),
    );
    expect(webhook.statusCode, webhook.body).toBe(200);
    const shown = await invoke('boats', event('GET', `/api/bookings/${booking.id}`, asHolder));
    expect(JSON.parse(shown.body)).toMatchObject({
      status: 'confirmed',
      ticket: { code: expect.any(String) },
    });
    expect(aws.calls.map((call) => call.operation)).toEqual(
      expect.arrayContaining(['TrentService.Sign', 'POST /v2/email/outbound-emails']),
    );
    const email = aws.calls.find((call) => call.operation === 'POST /v2/email/outbound-emails')?.body;
    expect(email).toMatchObject({
      FromEmailAddress: 'no-reply@tourism.halong.test',
      Destination: { ToAddresses: ['an.nguyen@example.vn'] },
    });
    const keys = JSON.parse((await invoke('payments', event('GET', '/api/tickets/keys'))).body);
    const code = (JSON.parse(shown.body) as { ticket: { code: string } }).ticket.code;
    expect(await readTicketCode(code, keys)).toMatchObject({ bid: booking.id });

    const jobs = handlers['boats-jobs'] as unknown as JobsHandler;
    expect(await jobs({ job: 'release-expired-holds' })).toEqual({ released: expect.any(Number) });
  });

  it('boats serves the scanners’ check-in, payments the issuing and lifting of weather bans: both ask for a token, neither is 404', async () => {
    const json = { 'content-type': 'application/json' };
    const checkIn = await invoke(
      'boats',
      event('POST', '/api/checkin', json, 'POST /api/checkin', JSON.stringify({ code: 'HL7K2QX9MD' })),
    );
    const ban = await invoke(
      'payments',
      event(
        'POST',
        '/api/boats/bans',
        json,
        'POST /api/boats/bans',
        JSON.stringify({
          scope: { kind: 'all' },
          from: new Date(Date.now() + 3_600_000).toISOString(),
          until: new Date(Date.now() + 7_200_000).toISOString(),
          reason: 'Storm warning',
        }),
      ),
    );
    const lift = await invoke(
      'payments',
      event(
        'POST',
        '/api/boats/bans/ban-20261124-0123456789ab/lift',
        {},
        'POST /api/boats/bans/{banId}/lift',
      ),
    );
    for (const [what, result] of [
      ['check-in', checkIn],
      ['ban', ban],
      ['lift', lift],
    ] as const) {
      expect(result.statusCode, `${what}: ${result.body}`).toBe(401);
      expect(result.headers['www-authenticate'], what).toBe('Bearer');
      expect(result.headers['content-type'], what).toBe('application/problem+json');
    }
  });

  it('insights: the nightly job forecasts every demand series, and the API asks for a manager', async () => {
    const jobs = handlers['insights-jobs'] as unknown as JobsHandler;
    expect(await jobs({ job: 'refresh-forecasts' })).toEqual({
      series: 27,
      milliseconds: expect.any(Number),
    });
    const anonymous = await invoke('insights', event('GET', '/api/insights/series'));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toBe('application/problem+json');
  });
});

describe('the bundled tracking functions', () => {
  it('tracking-intake takes a position as Traccar Client posts it; tracking asks for a token', async () => {
    const query = `id=GT-QN5868&timestamp=${Math.floor(Date.now() / 1000) - 30}&lat=20.9101&lon=107.0734&speed=7.5`;
    const position = await invoke('tracking-intake', {
      ...event('POST', '/api/tracking/osmand', {}, 'POST /api/tracking/osmand'),
      rawQueryString: query,
    });
    expect(position.statusCode, position.body).toBe(200);
    expect(JSON.parse(position.body)).toMatchObject({ boatId: 'bay-pearl-01', duplicate: false });
    const anonymous = await invoke('tracking', event('GET', '/api/tracking/boats'));
    expect(anonymous.statusCode).toBe(401);
    expect(anonymous.headers['content-type']).toBe('application/problem+json');
  });

  it('tracking-live refuses a WebSocket handshake with no credentials, and opens one with a staff token', async () => {
    const live = handlers['tracking-live'] as unknown as (event: unknown) => Promise<Result>;
    const connect = (connectionId: string, query?: Record<string, string>) =>
      live({
        requestContext: { routeKey: '$connect', connectionId, domainName: 'ws.example.test', stage: 'live' },
        headers: { host: 'ws.example.test' },
        ...(query && { queryStringParameters: query }),
      });
    expect((await connect('Zq1xYc0AoAMCJbA=')).statusCode).toBe(401);
    // Signed with the key the function derives from its secret, as the tracking function issues them.
    const key = new Uint8Array(createHash('sha256').update(liveConnectSecret, 'utf8').digest());
    const operator = { subject: 'operator-1', roles: ['operator' as const], companyId: 'demo-bay-cruises' };
    const { token } = issueLiveConnectToken(key, operator, new Date());
    expect((await connect('Zq1xYc0AoAMCJbB=', { token })).statusCode).toBe(200);
    const { token: foreign } = issueLiveConnectToken(randomBytes(32), operator, new Date());
    expect((await connect('Zq1xYc0AoAMCJbC=', { token: foreign })).statusCode).toBe(401);
  });

  // The job repeats every 15 s until its next one-minute run is due: four checks, about 45 s.
  it('tracking-jobs checks the signals of the boats under way four times in its minute', async () => {
    const jobs = handlers['tracking-jobs'] as unknown as JobsHandler;
    expect(await jobs({ job: 'detect-lost-signals' })).toEqual({
      lost: expect.any(Number),
      restored: expect.any(Number),
    });
  }, 90_000);
});

describe('the bundled site function', () => {
  const page = (path: string) => invoke('site', event('GET', path, {}, 'ANY /{proxy+}'));

  it('renders the boats page from the table, cacheable briefly by CloudFront', async () => {
    const result = await page('/vi/boats/');
    expect(result.statusCode).toBe(200);
    expect(result.headers['content-type']).toMatch(/^text\/html/);
    expect(result.headers['cache-control']).toBe(SHARED_PAGE_CACHE_CONTROL);
    expect(result.body.match(/data-testid="route-card"/g)).toHaveLength(8);
    expect(result.body).toContain('Hang Thiên Cung');
  });

  it('renders a route’s page with its stops', async () => {
    const result = await page('/en/boats/routes/2/');
    expect(result.statusCode).toBe(200);
    expect(result.body).toContain('<span class="stop-name">Sửng Sốt Cave</span>');
  });

  it('answers an unknown page with the 404 page in the language of the address', async () => {
    const result = await page('/en/boats/routes/50/');
    expect(result.statusCode).toBe(404);
    expect(result.body).toContain('<html lang="en"');
    expect(result.body).toContain('Page not found');
  });
});

describe('the bundled page-invalidation function', () => {
  it('invalidates on CloudFront the pages a batch of the table’s stream made stale', async () => {
    const invalidate = handlers['page-invalidation'] as unknown as StreamHandler;
    const keys = { PK: { S: 'MUSEUM#CATALOG' }, SK: { S: 'VISITING' } };
    await invalidate({
      Records: [
        {
          eventID: 'c81e728d9d4c2f636f067f89cc14862c',
          eventName: 'MODIFY',
          dynamodb: {
            // A minute ago: the site functions' page data cache has let go of what it read before.
            ApproximateCreationDateTime: Math.floor(Date.now() / 1000) - 60,
            Keys: keys,
            OldImage: { ...keys, openingHours: { S: '08:00–17:00' } },
            NewImage: { ...keys, openingHours: { S: '08:00–18:00' } },
          },
        },
      ],
    });
    expect(cloudFront.requests).toMatchObject([
      {
        distributionId: 'E2QWRUHAPOMQZL',
        paths: ['/en/museum*', '/en/welcome*', '/vi/museum*', '/vi/welcome*'],
        callerReference: 'c81e728d9d4c2f636f067f89cc14862c:c81e728d9d4c2f636f067f89cc14862c',
      },
    ]);
  });
});
