/**
 * The demo counters in the table (GENERATED DEMO DATA, demo-counters.ts): every item flagged `demo: true`, and one
 * marker saying which days they cover, so a page showing a period that overlaps it can say "demo data" and a
 * restart does not write them again. The backfill leaves flagged items alone (backfill.ts).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { addDays, localDateAt } from '../../platform/local-time.js';
import { type DemoCountersInput, demoCounters } from './demo-counters.js';
import { DEMO_RANGE_KEY, type DemoRange, readDemoRange } from './demo-range.js';
import { type CounterTotals, counterItemKey } from './model.js';

export { DEMO_RANGE_KEY, type DemoRange, readDemoRange };

/** Days of demo history written on a fresh table: the year up to yesterday. */
export const DEMO_COUNTER_DAYS = 365;
const BATCH_WRITE_ITEMS = 25;
/** Batches under way at once. */
const PARALLEL_BATCHES = 8;

/** Writes the counters, each flagged demo, then the marker (last: a write cut short is written again). */
export async function writeDemoCounters(
  db: DynamoDBDocumentClient,
  tableName: string,
  counters: CounterTotals,
  range: DemoRange,
): Promise<void> {
  const items = [...counters.values()].map(({ key, measures }) => ({
    ...counterItemKey(key),
    entity: 'InsightsCounter',
    demo: true,
    ...measures,
  }));
  const batches: (typeof items)[] = [];
  for (let index = 0; index < items.length; index += BATCH_WRITE_ITEMS) {
    batches.push(items.slice(index, index + BATCH_WRITE_ITEMS));
  }
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as typeof items;
      await batchWrite(db, tableName, batch);
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_BATCHES }, worker));
  await db.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...DEMO_RANGE_KEY, entity: 'InsightsDemoRange', ...range },
    }),
  );
}

/** One BatchWrite of at most 25 puts, its unprocessed items retried with a growing pause. */
async function batchWrite(db: DynamoDBDocumentClient, tableName: string, items: Record<string, unknown>[]) {
  let pending: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
    [tableName]: items.map((Item) => ({ PutRequest: { Item } })),
  };
  for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt += 1) {
    if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
    const answer = await db.send(new BatchWriteCommand({ RequestItems: pending }));
    pending = answer.UnprocessedItems as typeof pending;
  }
}

/**
 * Writes the last year's demo counters, up to yesterday, unless the table has them (its marker): how many counter
 * items were written (0 when they were there).
 */
export async function seedDemoCounters(
  db: DynamoDBDocumentClient,
  tableName: string,
  input: Omit<DemoCountersInput, 'from' | 'to'>,
  now: Date = new Date(),
): Promise<number> {
  if (await readDemoRange(db, tableName)) return 0;
  const to = addDays(localDateAt(now), -1);
  const from = addDays(to, -(DEMO_COUNTER_DAYS - 1));
  const counters = demoCounters({ ...input, from, to });
  await writeDemoCounters(db, tableName, counters, { from, to, generatedAt: now.toISOString() });
  return counters.size;
}
