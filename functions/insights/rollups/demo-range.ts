/**
 * The demo counters' marker (demo-counters-store.ts writes it after them): which days they cover. Apart from the
 * generator, so the pages that only ask "is this demo data?" load nothing else.
 */
import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';

export const DEMO_RANGE_KEY = { PK: 'INSIGHTS#DEMO', SK: 'RANGE' } as const;

/** The days the demo counters cover, and when they were generated. */
export interface DemoRange {
  from: string;
  to: string;
  generatedAt: string;
}

/** The demo counters' days, or null when the table holds none. */
export async function readDemoRange(
  db: DynamoDBDocumentClient,
  tableName: string,
): Promise<DemoRange | null> {
  const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: DEMO_RANGE_KEY }));
  if (!Item || typeof Item.from !== 'string' || typeof Item.to !== 'string') return null;
  return { from: Item.from, to: Item.to, generatedAt: String(Item.generatedAt) };
}
