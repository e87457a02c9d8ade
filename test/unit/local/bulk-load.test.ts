/**
 * The bulk-load client against a stand-in for DynamoDB that holds its answers a moment: hundreds of writes
 * started at once, as the seed starts them, go out one per connection while the rest wait their turn in the client,
 * none in the HTTP agent's queue (where its timeout would run, and the SDK warn "socket usage at capacity").
 */
import { type Agent, createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BULK_LOAD_CONNECTIONS, createBulkLoadClient } from '../../../functions/local/bootstrap.js';

// Enough that, sent all at once, twice the connections would wait in the agent: where the SDK warns.
const WRITES = 3 * BULK_LOAD_CONNECTIONS;

let server: Server;
let endpoint: string;
let answering = 0;
let mostAnswering = 0;
/** Called as each write arrives: how many others wait in the client's HTTP agent at that moment. */
let onArrival: () => void = () => undefined;

beforeAll(async () => {
  // Answers are held until a connection's worth of writes has come in (or a moment has passed), so the writes
  // the client sends side by side are all in at once, however slowly a busy machine prepares them.
  const held: (() => void)[] = [];
  const answerHeld = () => {
    for (const answer of held.splice(0)) answer();
  };
  server = createServer((request, response) => {
    request.resume();
    answering += 1;
    mostAnswering = Math.max(mostAnswering, answering);
    onArrival();
    held.push(() => {
      answering -= 1;
      response.writeHead(200, { 'Content-Type': 'application/x-amz-json-1.0' }).end('{}');
    });
    if (held.length >= BULK_LOAD_CONNECTIONS) answerHeld();
    else setTimeout(answerHeld, 200);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

describe('the bulk-load client', () => {
  it('sends a seed’s writes one per connection, none left queueing in the HTTP agent', async () => {
    const db = createBulkLoadClient({ region: 'local', dynamoEndpoint: endpoint });
    const write = (index: number) =>
      db.send(new PutCommand({ TableName: 'bulk', Item: { PK: `ITEM#${index}`, SK: 'ITEM' } }));
    try {
      await write(-1);
      // The SDK makes its agent with the first call; the handler shows it from then on.
      const { httpAgent } = (
        db.config.requestHandler as { httpHandlerConfigs(): { httpAgent?: Agent } }
      ).httpHandlerConfigs();
      let mostQueued = 0;
      onArrival = () => {
        const queued = Object.values(httpAgent?.requests ?? {}).reduce(
          (sum, queue) => sum + (queue?.length ?? 0),
          0,
        );
        mostQueued = Math.max(mostQueued, queued);
      };
      await Promise.all(Array.from({ length: WRITES }, (_, index) => write(index)));
      expect(httpAgent?.maxSockets).toBe(BULK_LOAD_CONNECTIONS);
      expect(mostQueued).toBe(0);
      // Side by side, as many as there are connections.
      expect(mostAnswering).toBe(BULK_LOAD_CONNECTIONS);
    } finally {
      onArrival = () => undefined;
      db.destroy();
    }
  });
});
