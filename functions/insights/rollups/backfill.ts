/**
 * The backfill: the counters rebuilt from the records themselves — every counted record read (a parallel Scan),
 * its contributions added up, and the counters from a month on replaced by the result (or, checking, compared
 * with it). Because a change moves the counters by exactly what its record adds, a backfill of a table whose
 * stream was applied finds nothing to change: that agreement is what the roll-ups promise.
 *
 * Counters before `since` are left alone: the records some of them came from have expired (the museum's day
 * counters after 400 days), and the counters are then the only account. Run it while no stream consumer is
 * writing (a first deployment, or with the event source mapping disabled): a change applied during the Scan
 * could be counted twice.
 *
 * Demo counters (`demo: true`, GENERATED DEMO DATA: demo-counters.ts) are left alone: no record supports them, so
 * they are neither compared nor deleted as stale, and a counter the records recompute for a demo counter's key is
 * not written over it. A real record landing in a demo bucket (a booking on a day the demo history covers) is
 * counted by the stream into the demo item, which stays demo and which the backfill neither checks nor rebuilds:
 * that day's numbers are the demo's plus the record's until the demo items are removed.
 */
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { COUNTED_ENTITIES, contributionsOf } from './contributions.js';
import {
  addContributions,
  type CounterKey,
  type CounterTotals,
  counterId,
  counterKeyOf,
  withoutZeros,
} from './model.js';
import { measuresOf, type RollupStore } from './store.js';

const SEGMENTS = 4;
const SCAN_PAGE_ITEMS = 1000;

export interface BackfillDifference {
  counter: string;
  measure: string;
  stored: number;
  recomputed: number;
}

export interface BackfillReport {
  /** Records read and counted. */
  records: number;
  counters: number;
  /** Where the stored counters differ from the records (empty when they agree). */
  differences: BackfillDifference[];
  /** Whether the stored counters were replaced. */
  written: boolean;
}

/** The first bucket of a counter: its date, month or hour, compared with `since` (YYYY-MM-DD). */
const bucketStart = (key: CounterKey) =>
  key.granularity === 'MONTH' ? `${key.bucket}-01` : key.bucket.slice(0, 10);

export function createBackfill(db: DynamoDBDocumentClient, tableName: string, store: RollupStore) {
  async function scanSegment(segment: number, onItems: (items: Record<string, unknown>[]) => void) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await db.send(
        new ScanCommand({
          TableName: tableName,
          Segment: segment,
          TotalSegments: SEGMENTS,
          // Short pages: each request stays quick however big the table, and a slow one is retried alone.
          Limit: SCAN_PAGE_ITEMS,
          FilterExpression: `entity IN (${[...COUNTED_ENTITIES, 'InsightsCounter'].map((_, index) => `:e${index}`).join(', ')})`,
          ExpressionAttributeValues: Object.fromEntries(
            [...COUNTED_ENTITIES, 'InsightsCounter'].map((entity, index) => [`:e${index}`, entity]),
          ),
          ExclusiveStartKey: start,
        }),
      );
      onItems(page.Items ?? []);
      start = page.LastEvaluatedKey;
    } while (start);
  }

  return {
    /**
     * Recomputes the counters from `since` (the first day of a month) and replaces the stored ones with them,
     * or only reports the differences when `check` is set.
     */
    async run({ since, check = false }: { since: string; check?: boolean }): Promise<BackfillReport> {
      if (!/^\d{4}-\d{2}-01$/.test(since))
        throw new RangeError('since must be the first day of a month (YYYY-MM-01).');
      const recomputedAll: CounterTotals = new Map();
      const stored: CounterTotals = new Map();
      const demo = new Set<string>();
      let records = 0;
      await Promise.all(
        Array.from({ length: SEGMENTS }, (_, segment) =>
          scanSegment(segment, (items) => {
            for (const item of items) {
              if (item.entity === 'InsightsCounter') {
                const key = counterKeyOf(String(item.PK), String(item.SK));
                if (!key || bucketStart(key) < since) continue;
                if (item.demo === true) demo.add(counterId(key));
                else stored.set(counterId(key), { key, measures: measuresOf(item) });
              } else {
                records += 1;
                addContributions(recomputedAll, contributionsOf(item));
              }
            }
          }),
        ),
      );
      const recomputed: CounterTotals = new Map(
        [...withoutZeros(recomputedAll)].filter(
          ([id, counter]) => bucketStart(counter.key) >= since && !demo.has(id),
        ),
      );
      const differences: BackfillDifference[] = [];
      for (const id of new Set([...stored.keys(), ...recomputed.keys()])) {
        const before = stored.get(id)?.measures ?? {};
        const after = recomputed.get(id)?.measures ?? {};
        for (const measure of new Set([...Object.keys(before), ...Object.keys(after)])) {
          const storedValue = before[measure] ?? 0;
          const recomputedValue = after[measure] ?? 0;
          if (storedValue !== recomputedValue) {
            differences.push({ counter: id, measure, stored: storedValue, recomputed: recomputedValue });
          }
        }
      }
      differences.sort((a, b) => a.counter.localeCompare(b.counter) || a.measure.localeCompare(b.measure));
      if (!check && differences.length > 0) {
        const stale = [...stored.values()]
          .filter(({ key }) => !recomputed.has(counterId(key)))
          .map(({ key }) => key);
        await store.replace(recomputed, stale);
      }
      return { records, counters: recomputed.size, differences, written: !check && differences.length > 0 };
    },
  };
}
