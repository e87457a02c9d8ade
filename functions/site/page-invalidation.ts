/**
 * Tells the CDN which shared pages a batch of the table's stream made stale (on AWS, the page-invalidation function
 * the stream feeds): one invalidation per batch, of the paths of every page showing what changed, asked for once
 * the site functions' page data cache has let go of what it read before the change.
 */
import { isDeepStrictEqual } from 'node:util';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { CdnPort } from '../platform/cdn/port.js';
import type { Logger } from '../platform/logger.js';
import { PAGE_DATA_CACHE } from '../platform/read-cache.js';
import { tableDefinition } from '../platform/table.js';
import { pageDataChangedByItem, type StoredItemChange } from './page-data-items.js';
import type { PageDataTopic } from './shared-pages.js';
import { stalePagePaths } from './stale-pages.js';

/**
 * How long after a write a page's read may still return what was there before: the pages read eventually
 * consistently, and DynamoDB's copies usually agree within a second.
 */
const READ_CONSISTENCY_MILLISECONDS = 1000;
/** The wait for the page data cache never exceeds this, whatever the records' dates say. */
export const LONGEST_WAIT_MILLISECONDS =
  1000 + READ_CONSISTENCY_MILLISECONDS + PAGE_DATA_CACHE.ttlMilliseconds;

export interface PageInvalidationSettings {
  cdn: CdnPort;
  logger: Logger;
  /** Now, in milliseconds since the epoch. */
  clock?: () => number;
  sleep?: (milliseconds: number) => Promise<void>;
}

/** The item a stream record tells of, with the attributes that differ between its two images. */
export function storedItemChange(record: DynamoDBRecord): StoredItemChange | null {
  const { Keys, OldImage, NewImage } = record.dynamodb ?? {};
  const partitionKey = Keys?.[tableDefinition.partitionKey]?.S;
  const sortKey = Keys?.[tableDefinition.sortKey]?.S;
  if (partitionKey === undefined || sortKey === undefined) return null;
  if (!OldImage || !NewImage) return { partitionKey, sortKey, changedAttributes: null };
  const names = new Set([...Object.keys(OldImage), ...Object.keys(NewImage)]);
  const changedAttributes = [...names].filter((name) => !isDeepStrictEqual(OldImage[name], NewImage[name]));
  return { partitionKey, sortKey, changedAttributes };
}

/** The handler of the table's stream: invalidates the pages a batch made stale, never throws for the CDN. */
export function invalidateStalePages({
  cdn,
  logger,
  clock = Date.now,
  sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds)),
}: PageInvalidationSettings) {
  return async (event: DynamoDBStreamEvent): Promise<void> => {
    const records = event.Records;
    const topics = new Set<PageDataTopic>();
    for (const record of records) {
      const change = storedItemChange(record);
      for (const topic of change ? pageDataChangedByItem(change) : []) topics.add(topic);
    }
    if (topics.size === 0) return;
    const paths = stalePagePaths([...topics]);

    // A site function may have read the data just before the change and keep it PAGE_DATA_CACHE's lifetime; were
    // the pages invalidated sooner, CloudFront could fetch them again from that function and keep the old data for
    // their whole lifetime. The stream dates its records in whole seconds, rounded down.
    const newest = Math.max(...records.map((record) => record.dynamodb?.ApproximateCreationDateTime ?? 0));
    const settledAt = (newest + 1) * 1000 + READ_CONSISTENCY_MILLISECONDS + PAGE_DATA_CACHE.ttlMilliseconds;
    const wait = Math.min(settledAt - clock(), LONGEST_WAIT_MILLISECONDS);
    if (wait > 0) await sleep(wait);

    // The batch's first and last records name it: should the batch be delivered again (the function timed out
    // after CloudFront accepted), CloudFront answers with the invalidation already made.
    const reference = `${records[0]?.eventID}:${records.at(-1)?.eventID}`;
    const summary = { topics: [...topics], paths, records: records.length };
    try {
      const { id } = await cdn.invalidate({ paths, reference });
      logger.info('stale pages invalidated', { invalidation: id, ...summary });
    } catch (error) {
      // The pages expire within their cache lifetime anyway; failing the batch would only hold back the next.
      logger.error('stale pages not invalidated', {
        ...summary,
        error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
      });
    }
  };
}
