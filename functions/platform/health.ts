/** GET /api/health: is the API up and can it reach its data store. Load balancers and `npm start` poll it. */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { createRoute, createRouter } from './routing.js';

const Health = z
  .object({
    status: z.enum(['ok', 'degraded']),
    store: z.object({
      reachable: z.boolean(),
      latencyMs: z.number().nullable(),
      error: z.string().optional(),
    }),
    time: z.iso.datetime(),
  })
  .meta({ id: 'Health' });

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
      responses: {
        200: { description: 'Healthy', content: { 'application/json': { schema: Health } } },
        503: {
          description: 'The data store cannot be reached',
          content: { 'application/json': { schema: Health } },
        },
      },
    }),
    async (context) => {
      const store = await probeStore(db, tableName);
      context.header('Cache-Control', 'no-store');
      const time = new Date().toISOString();
      return store.reachable
        ? context.json({ status: 'ok' as const, store, time }, 200)
        : context.json({ status: 'degraded' as const, store, time }, 503);
    },
  );
}
