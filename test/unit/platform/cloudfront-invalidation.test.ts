// The CDN port on AWS with the real CloudFront client, against a local server speaking CloudFront's REST API.
import { CloudFrontClient } from '@aws-sdk/client-cloudfront';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { awsClientOptions, type CallBudget } from '../../../functions/platform/aws-client-options.js';
import { createCloudFrontInvalidation } from '../../../functions/platform/cdn/cloudfront-invalidation.js';
import { type FakeCloudFront, startFakeCloudFront } from '../../support/fake-cloudfront.js';

const distributionId = 'E2QWRUHAPOMQZL';
const paths = ['/en/museum*', '/en/welcome*', '/vi/museum*', '/vi/welcome*'];

let cloudFront: FakeCloudFront;
const clients: CloudFrontClient[] = [];

/** A client of the local server with the platform's options for AWS calls, under `budget`. */
function clientWith(budget?: CallBudget): CloudFrontClient {
  const client = new CloudFrontClient({
    ...awsClientOptions(budget),
    region: 'ap-southeast-1',
    endpoint: cloudFront.endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  clients.push(client);
  return client;
}

beforeAll(async () => {
  cloudFront = await startFakeCloudFront();
});
afterEach(() => {
  cloudFront.requests.length = 0;
  cloudFront.delayMs = 0;
});
afterAll(async () => {
  for (const client of clients) client.destroy();
  await cloudFront.stop();
});

describe('invalidating pages on CloudFront', () => {
  it('asks for one invalidation of the distribution’s paths under the change’s reference', async () => {
    const cdn = createCloudFrontInvalidation({ distributionId, client: clientWith() });
    const { id } = await cdn.invalidate({ paths, reference: 'stream-4f1c…-9a2e' });
    expect(id).toBe('I0000000000001');
    expect(cloudFront.requests).toEqual([
      {
        method: 'POST',
        url: `/2020-05-31/distribution/${distributionId}/invalidation`,
        distributionId,
        paths,
        quantity: 4,
        callerReference: 'stream-4f1c…-9a2e',
      },
    ]);
  });

  it('gives up on a CloudFront that does not answer after its attempts, each with the same reference', async () => {
    cloudFront.delayMs = 10_000;
    const budget = { connectionTimeoutMs: 200, requestTimeoutMs: 300, maxAttempts: 2 };
    const cdn = createCloudFrontInvalidation({ distributionId, client: clientWith(budget) });
    const started = performance.now();
    await expect(cdn.invalidate({ paths, reference: 'batch-1' })).rejects.toMatchObject({
      name: 'TimeoutError',
    });
    const elapsed = performance.now() - started;
    // Two attempts of 300 ms and the SDK's jittered backoff between them, nowhere near the stand-in's 10 s.
    expect(elapsed).toBeGreaterThanOrEqual(2 * 300);
    expect(elapsed).toBeLessThan(2_000);
    expect(cloudFront.requests.map((request) => request.callerReference)).toEqual(['batch-1', 'batch-1']);
  });
});
