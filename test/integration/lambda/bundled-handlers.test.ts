/**
 * The Lambda functions as they would be deployed: each domain's entry point bundled by esbuild with the
 * options CDK uses, loaded as an ES module, and invoked with API Gateway HTTP API (payload 2.0) events
 * against DynamoDB Local.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { APIGatewayProxyEventV2, APIGatewayProxyResultV2, Context } from 'aws-lambda';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  domainFunctionEntries,
  lambdaBundlingOptions,
  repositoryRoot,
} from '../../../cdk/lambda-bundling.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';

type Handler = (event: APIGatewayProxyEventV2, context: Context) => Promise<APIGatewayProxyResultV2>;
type Result = { statusCode: number; headers: Record<string, string>; body: string };

// Inside the repository, so the bundles' external @aws-sdk/* imports resolve as the Lambda runtime's would.
const bundleDirectory = join(repositoryRoot, 'node_modules', '.cache', 'lambda-bundles');

let platform: TestPlatform;
const handlers: Partial<Record<keyof typeof domainFunctionEntries, Handler>> = {};

beforeAll(async () => {
  platform = await createTestPlatform();
  Object.assign(process.env, {
    TABLE_NAME: platform.tableName,
    DYNAMODB_ENDPOINT: inject('dynamoEndpoint'),
    // The test platform's region, so its table is visible even on a DynamoDB Local without -sharedDb.
    AWS_REGION: 'local',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AUTH_MODE: 'cognito',
    COGNITO_USER_POOL_ID: 'ap-southeast-1_Test1234',
    COGNITO_CLIENT_ID: 'test-client',
    LOG_LEVEL: 'silent',
  });
  mkdirSync(bundleDirectory, { recursive: true });
  for (const [name, entry] of Object.entries(domainFunctionEntries)) {
    const outfile = join(bundleDirectory, `${name}-${Date.now()}.mjs`);
    await build({ ...lambdaBundlingOptions, entryPoints: [entry], outfile, logLevel: 'error' });
    handlers[name as keyof typeof domainFunctionEntries] = (
      await import(pathToFileURL(outfile).href)
    ).handler;
  }
}, 120_000);
afterAll(() => platform.dispose());

function event(method: string, path: string, headers: Record<string, string> = {}): APIGatewayProxyEventV2 {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'api.example.test', ...headers },
    isBase64Encoded: false,
    requestContext: {
      accountId: '123456789012',
      apiId: 'api',
      domainName: 'api.example.test',
      domainPrefix: 'api',
      http: { method, path, protocol: 'HTTP/1.1', sourceIp: '127.0.0.1', userAgent: 'vitest' },
      requestId: 'request-1',
      routeKey: '$default',
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

  it('platform: asks for a Cognito token on /api/auth/me', async () => {
    const result = await invoke('platform', event('GET', '/api/auth/me'));
    expect(result.statusCode).toBe(401);
    expect(result.headers['www-authenticate']).toBe('Bearer');
  });
});
