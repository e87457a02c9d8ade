/**
 * A local server answering the few AWS calls the platform's adapters make — KMS Sign and GetPublicKey and
 * Secrets Manager GetSecretValue (JSON 1.1 protocol), SES v2 SendEmail (REST), SNS Publish (query protocol) and
 * API Gateway's PostToConnection (REST) — so the real AWS SDK clients are exercised without an account.
 */
import { generateKeyPairSync, sign } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeAws {
  endpoint: string;
  calls: { operation: string; body: Record<string, unknown> }[];
  /** The secrets GetSecretValue answers with, by secret id; any other id is not found. */
  secrets: Map<string, string>;
  stop(): Promise<void>;
}

export async function startFakeAws(): Promise<FakeAws> {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const calls: FakeAws['calls'] = [];
  const secrets: FakeAws['secrets'] = new Map();
  const server = createServer((request, response) => {
    let raw = '';
    request.on('data', (chunk) => {
      raw += chunk;
    });
    request.on('end', () => {
      const query = String(request.headers['content-type']).startsWith('application/x-www-form-urlencoded');
      const body = (
        query ? Object.fromEntries(new URLSearchParams(raw)) : raw ? JSON.parse(raw) : {}
      ) as Record<string, string>;
      const target = request.headers['x-amz-target'];
      const operation =
        typeof target === 'string'
          ? target
          : query
            ? `sns.${body.Action}`
            : `${request.method} ${request.url?.startsWith('/@connections/') ? '/@connections' : request.url}`;
      calls.push({ operation, body });
      response.setHeader('Content-Type', 'application/json');
      if (operation === 'sns.Publish') {
        response.setHeader('Content-Type', 'text/xml');
        response.end(
          '<PublishResponse xmlns="http://sns.amazonaws.com/doc/2010-03-31/">' +
            `<PublishResult><MessageId>sns-${calls.length}</MessageId></PublishResult>` +
            `<ResponseMetadata><RequestId>request-${calls.length}</RequestId></ResponseMetadata></PublishResponse>`,
        );
      } else if (operation === 'POST /@connections' || operation === 'DELETE /@connections') {
        response.end();
      } else if (operation === 'TrentService.GetPublicKey') {
        const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
        response.end(JSON.stringify({ KeyId: body.KeyId, PublicKey: spki }));
      } else if (operation === 'TrentService.Sign') {
        const der = sign('sha256', Buffer.from(body.Message as string, 'base64'), {
          key: privateKey,
          dsaEncoding: 'der',
        });
        response.end(JSON.stringify({ KeyId: body.KeyId, Signature: der.toString('base64') }));
      } else if (operation === 'secretsmanager.GetSecretValue') {
        const secret = secrets.get(body.SecretId as string);
        if (secret === undefined) {
          response.statusCode = 400;
          response.end(
            JSON.stringify({
              __type: 'ResourceNotFoundException',
              message: 'Secrets Manager can’t find it.',
            }),
          );
        } else {
          response.end(JSON.stringify({ ARN: body.SecretId, Name: body.SecretId, SecretString: secret }));
        }
      } else if (operation === 'POST /v2/email/outbound-emails') {
        response.end(JSON.stringify({ MessageId: `ses-${calls.length}` }));
      } else {
        response.statusCode = 400;
        response.end(JSON.stringify({ __type: 'UnsupportedOperation', message: operation }));
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    endpoint: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    calls,
    secrets,
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
