// The live updates on AWS, run here: the WebSocket API's function and the publisher against DynamoDB Local, and the
// real API Gateway management client posting to a stand-in of the management endpoint on 127.0.0.1 that answers
// 410 Gone for connections that have left.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiGatewayManagementApiClient } from '@aws-sdk/client-apigatewaymanagementapi';
import { CreateTableCommand, DeleteTableCommand } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { awsClientOptions, LIVE_POST_CALL_BUDGET } from '../../../functions/platform/aws-client-options.js';
import { createDocumentClient } from '../../../functions/platform/dynamo.js';
import {
  type ApiGatewayLiveUpdates,
  createApiGatewayLiveUpdates,
} from '../../../functions/platform/live-updates/api-gateway.js';
import {
  createLiveConnections,
  MAX_CONNECTION_SECONDS,
} from '../../../functions/platform/live-updates/connections.js';
import type { LiveTopicsResolver } from '../../../functions/platform/live-updates/port.js';
import {
  createWebSocketHandler,
  type WebSocketEvent,
} from '../../../functions/platform/live-updates/websocket-handler.js';
import { ProblemError } from '../../../functions/platform/problem-details.js';
import { createTableInput } from '../../../functions/platform/table.js';
import { silentLogger } from '../support/platform.js';

/** What the stand-in of the management endpoint was sent. */
interface Post {
  method: string;
  connectionId: string;
  body: unknown;
}

const tableName = `test-live-${randomUUID()}`;
const posts: Post[] = [];
/** Connections the stand-in answers 410 Gone for. */
const gone = new Set<string>();
let managementApi: Server;
let db: DynamoDBDocumentClient;
let clock = Date.parse('2025-07-19T07:00:00.000Z');
let liveUpdates: ApiGatewayLiveUpdates;

beforeAll(async () => {
  managementApi = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    request.on('end', () => {
      const match = /^\/live\/@connections\/(.+)$/.exec(decodeURIComponent(request.url ?? ''));
      const connectionId = match?.[1] ?? '';
      posts.push({ method: request.method ?? '', connectionId, body: body ? JSON.parse(body) : null });
      if (gone.has(connectionId)) {
        response.writeHead(410, { 'Content-Type': 'application/json', 'x-amzn-ErrorType': 'GoneException' });
        response.end(JSON.stringify({ message: null }));
        return;
      }
      response.writeHead(200, { 'Content-Type': 'application/json' });
      response.end();
    });
  });
  await new Promise<void>((resolve) => managementApi.listen(0, '127.0.0.1', resolve));
  const { port } = managementApi.address() as AddressInfo;

  db = createDocumentClient({
    region: 'local',
    dynamoEndpoint: inject('dynamoEndpoint'),
    storeAttemptTimeoutMs: 10_000,
  });
  await db.send(new CreateTableCommand(createTableInput(tableName, { stream: false })));
  const endpoint = `http://127.0.0.1:${port}/live`;
  liveUpdates = createApiGatewayLiveUpdates({
    connections: createLiveConnections(db, tableName, silentLogger, () => new Date(clock)),
    endpoint,
    region: 'local',
    logger: silentLogger,
    maxParallelPosts: 3,
    // The client a deploy makes, with the stand-in's address and local credentials.
    client: new ApiGatewayManagementApiClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
      ...awsClientOptions(LIVE_POST_CALL_BUDGET),
    }),
  });
});

afterAll(async () => {
  await db.send(new DeleteTableCommand({ TableName: tableName }));
  db.destroy();
  await new Promise((resolve) => managementApi.close(resolve));
});

/** Topics by the booking in the query; refused without one (401) and for `?booking=other` (403). */
const resolver: LiveTopicsResolver = async (request) => {
  const booking = new URL(request.url).searchParams.get('booking');
  if (!booking) throw new ProblemError(401, 'unauthenticated');
  if (booking === 'other') throw new ProblemError(403, 'forbidden');
  const cookie = request.headers.get('cookie') ?? '';
  return cookie.includes('role=manager') ? ['tracking'] : [`tracking.boat.${booking}`];
};

function event(
  routeKey: string,
  connectionId: string,
  fields: Partial<Omit<WebSocketEvent, 'requestContext'>> = {},
): WebSocketEvent {
  return {
    requestContext: {
      routeKey,
      connectionId,
      domainName: 'abc123.execute-api.ap-southeast-1.amazonaws.com',
      stage: 'live',
      requestId: randomUUID(),
    },
    ...fields,
  };
}

const handler = () => createWebSocketHandler(resolver, { liveUpdates, logger: silentLogger });

async function connect(connectionId: string, booking: string | null, cookie?: string) {
  return handler()(
    event('$connect', connectionId, {
      queryStringParameters: booking ? { booking } : null,
      headers: cookie ? { Cookie: cookie } : {},
    }),
  );
}

const postsTo = (connectionId: string) => posts.filter((post) => post.connectionId === connectionId);

describe('the WebSocket API’s function', () => {
  it('stores an accepted connection under each topic the resolver chose, expiring with API Gateway’s 2 hours', async () => {
    expect(await connect('conn-star', 'halong-star')).toEqual({ statusCode: 200 });
    const stored = await db.send(
      new GetCommand({ TableName: tableName, Key: { PK: 'LIVE#CONNECTION#conn-star', SK: 'CONNECTION' } }),
    );
    expect(stored.Item).toMatchObject({
      entity: 'LiveConnection',
      topics: ['tracking.boat.halong-star'],
      expiresAt: clock / 1000 + MAX_CONNECTION_SECONDS,
    });
    const subscriptions = await db.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'PK = :topic',
        ExpressionAttributeValues: { ':topic': 'LIVE#TOPIC#tracking.boat.halong-star' },
      }),
    );
    expect(subscriptions.Items?.map((item) => item.SK)).toEqual(['CONNECTION#conn-star']);
  });

  it('refuses without credentials (401) and with the wrong ones (403), as problem documents, storing nothing', async () => {
    const unauthenticated = await connect('conn-anonymous', null);
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers?.['Content-Type']).toBe('application/problem+json');
    expect(JSON.parse(unauthenticated.body ?? '')).toMatchObject({ type: '/problems/unauthenticated' });
    expect((await connect('conn-other', 'other')).statusCode).toBe(403);
    expect(await liveUpdates.connections.topicsOf('conn-anonymous')).toBeNull();
    expect(await liveUpdates.connections.topicsOf('conn-other')).toBeNull();
  });

  it('answers hello with the ready message, posted to the connection', async () => {
    await connect('conn-hello', 'sun-cruise');
    await handler()(event('$default', 'conn-hello', { body: JSON.stringify({ action: 'hello' }) }));
    await handler()(event('$default', 'conn-hello', { body: 'something else' }));
    expect(postsTo('conn-hello')).toEqual([
      {
        method: 'POST',
        connectionId: 'conn-hello',
        body: { type: 'ready', topics: ['tracking.boat.sun-cruise'] },
      },
    ]);
  });

  it('forgets a connection at $disconnect', async () => {
    await connect('conn-leaving', 'paradise');
    await handler()(event('$disconnect', 'conn-leaving'));
    expect(await liveUpdates.connections.topicsOf('conn-leaving')).toBeNull();
    expect(await liveUpdates.connections.listening(['tracking.boat.paradise'])).toEqual([]);
  });
});

describe('publishing through API Gateway', () => {
  it('posts to each connection hearing any of the topics once, and to no other', async () => {
    await connect('conn-authority', 'any', 'role=manager');
    await connect('conn-ticket', 'halong-star');
    await connect('conn-elsewhere', 'bai-chay-01');
    posts.length = 0;
    const message = { type: 'boat', boat: { boatId: 'halong-star' } };
    const result = await liveUpdates.publish(['tracking', 'tracking.boat.halong-star'], message);
    // conn-star (first test), conn-ticket and conn-authority.
    expect(result).toEqual({ delivered: 3 });
    expect(posts.map((post) => post.connectionId).sort()).toEqual([
      'conn-authority',
      'conn-star',
      'conn-ticket',
    ]);
    expect(posts.every((post) => JSON.stringify(post.body) === JSON.stringify(message))).toBe(true);
  });

  it('deletes a connection answered 410 Gone, and does not count it', async () => {
    await connect('conn-gone', 'wonder-bay');
    await connect('conn-here', 'wonder-bay');
    gone.add('conn-gone');
    expect(await liveUpdates.publish(['tracking.boat.wonder-bay'], { type: 'boat' })).toEqual({
      delivered: 1,
    });
    expect(await liveUpdates.connections.topicsOf('conn-gone')).toBeNull();
    expect(await liveUpdates.connections.listening(['tracking.boat.wonder-bay'])).toEqual(['conn-here']);
    posts.length = 0;
    expect(await liveUpdates.publish(['tracking.boat.wonder-bay'], { type: 'boat' })).toEqual({
      delivered: 1,
    });
    expect(posts.map((post) => post.connectionId)).toEqual(['conn-here']);
  });

  it('leaves out connections older than API Gateway lets one live', async () => {
    await connect('conn-old', 'old-junk');
    clock += (MAX_CONNECTION_SECONDS + 1) * 1000;
    posts.length = 0;
    expect(await liveUpdates.publish(['tracking.boat.old-junk'], { type: 'boat' })).toEqual({ delivered: 0 });
    expect(posts).toEqual([]);
  });
});
