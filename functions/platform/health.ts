/**
 * GET /api/health: is the API up and can it reach its data store. Load balancers and `npm start` poll it; when
 * the store does not answer it says so as problem+json (503, `store-unavailable`) within the probe's timeout.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { storeUnavailableProblem } from './http-app.js';
import { problemResponses } from './problem.js';
import { createRoute, createRouter } from './routing.js';

const StoreReachability = z.object({
  reachable: z.boolean(),
  latencyMs: z.number().nullable(),
  error: z.string().optional(),
});

const Health = z
  .object({ status: z.literal('ok'), store: StoreReachability, time: z.iso.datetime() })
  .meta({ id: 'Health' });

/** Below the store client's own budget (2 attempts of 1 s), so health answers first even on a slow retry. */
const PROBE_TIMEOUT_MS = 2000;

/** Reads one known key: the cheapest request that proves the table exists and credentials work. */
export async function probeStore(db: DynamoDBDocumentClient, tableName: string) {
  const started = performance.now();
  try {
    await db.send(new GetCommand({ TableName: tableName, Key: { PK: 'PLATFORM#HEALTH', SK: 'PROBE' } }), {
      abortSignal: AbortSignal.timeout(PROBE_TIMEOUT_MS),
    });
    return { reachable: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { reachable: false, latencyMs: null, error: error instanceof Error ? error.name : 'UnknownError' };
  }
}

export function createHealthRouter(db: DynamoDBDocumentClient, tableName: string) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/health',
      tags: ['Platform'],
      summary: 'Liveness and data store reachability',
      description:
        'While the data store does not answer: 503 problem+json of type `/problems/store-unavailable`, with ' +
        'the extension member `store` (`reachable: false` and the error) and `Retry-After`.',
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
        ...problemResponses(503),
      },
    }),
    async (context) => {
      const store = await probeStore(db, tableName);
      context.header('Cache-Control', 'no-store');
      const time = new Date().toISOString();
      if (!store.reachable) {
        throw storeUnavailableProblem(`The data store is down (${store.error}).`, { store, time });
      }
      return context.json({ status: 'ok' as const, store, time }, 200);
    },
  );
}
