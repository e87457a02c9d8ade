/**
 * The counters in the table (keys in model.ts). A change's moves are written once: in one transaction with a
 * marker named by the stream record's id, so a record delivered twice (Lambda retries a batch, a local reader
 * restarts) finds its marker and changes nothing. Markers expire after two days; a stream keeps records one.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriteCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { writeTransaction } from '../../platform/transactions.js';
import {
  type CounterKey,
  type CounterTotals,
  counterId,
  counterItemKey,
  counterKeyOf,
  type Granularity,
  type RollupDomain,
  rollupPartition,
} from './model.js';

const MARKER_DAYS = 2;
/** DynamoDB's limit of items in one transaction, one of them the marker. */
export const MAX_COUNTERS_PER_CHANGE = 99;
const BATCH_WRITE_ITEMS = 25;

export class TooManyCountersError extends Error {
  override readonly name = 'TooManyCountersError';
}

/** One counter as stored: its key and its measures. */
export interface StoredCounter {
  key: CounterKey;
  measures: Record<string, number>;
  /** Generated demo history, not counted from records (demo-counters.ts). */
  demo?: boolean;
}

export interface ApplyOutcome {
  applied: boolean;
  /** Write capacity the transaction consumed (0 when it changed nothing). */
  capacityUnits: number;
}

/** A measure: a name, or a name and what it counts (`sessions.hl-bai-chay-001`). */
const MEASURE_NAME = /^[A-Za-z][A-Za-z0-9]*(\.[A-Za-z0-9_-]+)?$/;

/** The measures of a stored counter item (its numbers, keys and bookkeeping left out). */
export function measuresOf(item: Record<string, unknown>): Record<string, number> {
  const measures: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) {
    if (typeof value === 'number' && MEASURE_NAME.test(name) && name !== 'expiresAt') measures[name] = value;
  }
  return measures;
}

export function createRollupStore(db: DynamoDBDocumentClient, tableName: string, clock = () => new Date()) {
  async function queryPartition(PK: string, from: string, to: string): Promise<StoredCounter[]> {
    const counters: StoredCounter[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk AND SK BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':pk': PK, ':from': `${from}#`, ':to': `${to}#\uffff` },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const key = counterKeyOf(String(item.PK), String(item.SK));
        if (key)
          counters.push({ key, measures: measuresOf(item), ...(item.demo === true && { demo: true }) });
      }
      start = page.LastEvaluatedKey;
    } while (start);
    return counters;
  }

  return {
    /**
     * Adds one change's moves to their counters, once: false (and nothing written) when a change with this id
     * was applied before.
     */
    async applyOnce(changeId: string, moves: CounterTotals): Promise<ApplyOutcome> {
      if (moves.size === 0) return { applied: false, capacityUnits: 0 };
      if (moves.size > MAX_COUNTERS_PER_CHANGE) {
        throw new TooManyCountersError(
          `A change moves ${moves.size} counters; at most ${MAX_COUNTERS_PER_CHANGE}.`,
        );
      }
      const expiresAt = Math.floor(clock().getTime() / 1000) + MARKER_DAYS * 86_400;
      let capacityUnits = 0;
      const outcome = await writeTransaction(
        db,
        {
          ReturnConsumedCapacity: 'TOTAL',
          TransactItems: [
            {
              Put: {
                TableName: tableName,
                Item: {
                  PK: `INSIGHTS#APPLIED#${changeId}`,
                  SK: 'APPLIED',
                  entity: 'AppliedChange',
                  expiresAt,
                },
                ConditionExpression: 'attribute_not_exists(PK)',
              },
            },
            ...[...moves.values()].map(({ key, measures }) => {
              const names = Object.keys(measures);
              return {
                Update: {
                  TableName: tableName,
                  Key: counterItemKey(key),
                  UpdateExpression: `ADD ${names.map((_, index) => `#m${index} :m${index}`).join(', ')} SET entity = :entity`,
                  ExpressionAttributeNames: Object.fromEntries(
                    names.map((name, index) => [`#m${index}`, name]),
                  ),
                  ExpressionAttributeValues: {
                    ...Object.fromEntries(names.map((name, index) => [`:m${index}`, measures[name]])),
                    ':entity': 'InsightsCounter',
                  },
                },
              };
            }),
          ],
        },
        (consumed) => {
          capacityUnits = consumed.reduce((sum, table) => sum + (table.CapacityUnits ?? 0), 0);
        },
      );
      return { applied: outcome.written, capacityUnits };
    },

    /**
     * The counters of a domain's group (model.ts, scopeGroup) at a granularity whose buckets are between `from` and
     * `to` (both included).
     */
    async read(
      domain: RollupDomain,
      group: string,
      granularity: Granularity,
      from: string,
      to: string,
    ): Promise<StoredCounter[]> {
      const partitions: { PK: string; from: string; to: string }[] = [];
      if (granularity === 'DAY') {
        for (let month = from.slice(0, 7); month <= to.slice(0, 7); month = nextMonth(month)) {
          partitions.push({ PK: rollupPartition(domain, group, 'DAY', month), from, to });
        }
      } else if (granularity === 'MONTH') {
        for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) {
          partitions.push({ PK: rollupPartition(domain, group, 'MONTH', String(year)), from, to });
        }
      } else {
        // Hours of one day: `from` and `to` are YYYY-MM-DDTHH of the same date.
        partitions.push({
          PK: rollupPartition(domain, group, 'HOUR', from),
          from: from.slice(11, 13),
          to: to.slice(11, 13),
        });
      }
      const pages = await Promise.all(
        partitions.map((partition) => queryPartition(partition.PK, partition.from, partition.to)),
      );
      return pages.flat();
    },

    /**
     * Replaces counters with what the backfill computed: `counters` written whole, `stale` (counters it found
     * that the records no longer support) deleted.
     */
    async replace(counters: CounterTotals, stale: readonly CounterKey[]): Promise<void> {
      const requests = [
        ...[...counters.values()].map(({ key, measures }) => ({
          PutRequest: { Item: { ...counterItemKey(key), entity: 'InsightsCounter', ...measures } },
        })),
        ...stale.map((key) => ({ DeleteRequest: { Key: counterItemKey(key) } })),
      ];
      for (let index = 0; index < requests.length; index += BATCH_WRITE_ITEMS) {
        let pending: Record<string, (typeof requests)[number][]> | undefined = {
          [tableName]: requests.slice(index, index + BATCH_WRITE_ITEMS),
        };
        for (let attempt = 0; pending && Object.keys(pending).length > 0; attempt += 1) {
          if (attempt > 0)
            await new Promise((resolve) => setTimeout(resolve, Math.min(1000, 50 * 2 ** attempt)));
          const answer = await db.send(new BatchWriteCommand({ RequestItems: pending }));
          pending = answer.UnprocessedItems as typeof pending;
        }
      }
    },
  };
}

export type RollupStore = ReturnType<typeof createRollupStore>;

export function nextMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 12 ? `${year + 1}-01` : `${year}-${String(number + 1).padStart(2, '0')}`;
}

export { counterId };
