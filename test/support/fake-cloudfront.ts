/**
 * A local server answering CloudFront's CreateInvalidation (REST with XML bodies, API version 2020-05-31), so the
 * real `@aws-sdk/client-cloudfront` is exercised without an account. It records each request as it arrived, and
 * can be told to take its time answering.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface InvalidationRequest {
  method: string;
  url: string;
  distributionId: string;
  paths: string[];
  /** The Quantity the request gave for its paths. */
  quantity: number;
  callerReference: string;
}

export interface FakeCloudFront {
  endpoint: string;
  requests: InvalidationRequest[];
  /** Milliseconds to wait before answering (0: at once). */
  delayMs: number;
  stop(): Promise<void>;
}

const xmlValues = (xml: string, element: string) =>
  [...xml.matchAll(new RegExp(`<${element}>([^<]*)</${element}>`, 'g'))].map((match) => match[1] ?? '');

export async function startFakeCloudFront(): Promise<FakeCloudFront> {
  const fake: FakeCloudFront = { endpoint: '', requests: [], delayMs: 0, stop: async () => {} };
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => {
      body += chunk;
    });
    request.on('end', () => {
      const url = request.url ?? '';
      const distributionId = /^\/2020-05-31\/distribution\/([^/]+)\/invalidation$/.exec(url)?.[1] ?? '';
      const callerReference = xmlValues(body, 'CallerReference')[0] ?? '';
      fake.requests.push({
        method: request.method ?? '',
        url,
        distributionId,
        paths: xmlValues(body, 'Path'),
        quantity: Number(xmlValues(body, 'Quantity')[0]),
        callerReference,
      });
      const id = `I${String(fake.requests.length).padStart(13, '0')}`;
      setTimeout(() => {
        if (response.destroyed) return;
        response.writeHead(201, {
          'Content-Type': 'text/xml',
          Location: `https://cloudfront.amazonaws.com/2020-05-31/distribution/${distributionId}/invalidation/${id}`,
        });
        response.end(
          `<?xml version="1.0" encoding="UTF-8"?><Invalidation xmlns="http://cloudfront.amazonaws.com/doc/2020-05-31/">` +
            `<Id>${id}</Id><Status>InProgress</Status><CreateTime>${new Date().toISOString()}</CreateTime>` +
            `<InvalidationBatch>${body.replace(/^[\s\S]*<InvalidationBatch[^>]*>|<\/InvalidationBatch>[\s\S]*$/g, '')}</InvalidationBatch>` +
            '</Invalidation>',
        );
      }, fake.delayMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.stop = () =>
    new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
