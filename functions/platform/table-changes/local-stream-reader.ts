/**
 * The table's stream on a laptop: DynamoDB Local keeps a real stream (the same records AWS sends), and this reads
 * it as Lambda's event source mapping does — shard by shard, in order, a batch at a time — handing each batch to
 * the same handler the Lambda function runs. A batch whose handler reports a failed record is read again from
 * that record after a pause, as Lambda's ReportBatchItemFailures does; shards that open later (DynamoDB Local
 * rolls them over) are read from their start.
 */
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DescribeStreamCommand,
  DynamoDBStreamsClient,
  GetRecordsCommand,
  type GetRecordsCommandOutput,
  GetShardIteratorCommand,
  type _Record as StreamRecord,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { Logger } from '../logger.js';
import type { StreamConsumerHandler } from './stream-consumer.js';

export interface LocalStreamReaderOptions {
  /** The client of the table's DynamoDB Local (its endpoint, region and credentials are reused). */
  dynamoDb: DynamoDBClient;
  tableName: string;
  handler: StreamConsumerHandler;
  logger: Logger;
  /** Where to begin in the shards open now: their newest record (as a new mapping does) or their oldest kept. */
  startingPosition?: 'LATEST' | 'TRIM_HORIZON';
  batchSize?: number;
  /** The pause between reads of a shard that had nothing new. */
  idleMilliseconds?: number;
}

export interface LocalStreamReader {
  /** Resolves once every record written before the call has been handled. */
  drained(): Promise<void>;
  stop(): Promise<void>;
}

interface ShardCursor {
  iterator: string | undefined;
  /** The last record handled, to read again after it when an iterator has to be renewed. */
  lastSequence: string | undefined;
  closed: boolean;
}

const SHARD_DISCOVERY_MS = 2_000;
const RETRY_PAUSE_MS = 500;

type Image = Record<string, unknown>;

/**
 * An image with its empty maps given back their type: the streams client reads DynamoDB's `{"M":{}}` as `{}`,
 * which no reader of attribute values accepts (a value with no type).
 */
function repairedImage(image: Image | undefined): Image | undefined {
  if (!image) return image;
  const repaired = (value: unknown): unknown => {
    if (typeof value !== 'object' || value === null) return value;
    const attribute = value as Record<string, unknown>;
    if (Object.keys(attribute).length === 0) return { M: {} };
    if (attribute.M) return { M: repairedImage(attribute.M as Image) };
    if (Array.isArray(attribute.L)) return { L: attribute.L.map(repaired) };
    return attribute;
  };
  return Object.fromEntries(Object.entries(image).map(([name, value]) => [name, repaired(value)]));
}

/** The SDK's record as the Lambda event source mapping delivers it (creation time in epoch seconds). */
function asLambdaRecord(record: StreamRecord): DynamoDBRecord {
  const { dynamodb, ...rest } = record;
  const created = dynamodb?.ApproximateCreationDateTime;
  return {
    ...(rest as DynamoDBRecord),
    dynamodb: {
      ...(dynamodb as DynamoDBRecord['dynamodb']),
      ...(dynamodb?.NewImage && { NewImage: repairedImage(dynamodb.NewImage) }),
      ...(dynamodb?.OldImage && { OldImage: repairedImage(dynamodb.OldImage) }),
      ...(created && { ApproximateCreationDateTime: Math.floor(created.getTime() / 1000) }),
    },
  } as DynamoDBRecord;
}

export async function startLocalStreamReader(options: LocalStreamReaderOptions): Promise<LocalStreamReader> {
  const { dynamoDb, tableName, handler, logger } = options;
  const batchSize = options.batchSize ?? 100;
  const idle = options.idleMilliseconds ?? 200;
  const { Table } = await dynamoDb.send(new DescribeTableCommand({ TableName: tableName }));
  const streamArn = Table?.LatestStreamArn;
  if (!streamArn) throw new Error(`The table ${tableName} has no stream: nothing can read its changes.`);
  const streams = new DynamoDBStreamsClient({
    endpoint: await dynamoDb.config
      .endpoint?.()
      .then(
        (endpoint) =>
          `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}${endpoint.path}`,
      ),
    region: await dynamoDb.config.region(),
    credentials: dynamoDb.config.credentials,
  });

  const cursors = new Map<string, ShardCursor>();
  let stopped = false;
  /** Bumped after each round that found nothing new in any shard; drained() waits for two such rounds. */
  let quietRounds = 0;
  const waiters: { after: number; resolve: () => void }[] = [];

  async function iteratorFor(shardId: string, position: 'LATEST' | 'TRIM_HORIZON', after?: string) {
    const { ShardIterator } = await streams.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ...(after
          ? { ShardIteratorType: 'AFTER_SEQUENCE_NUMBER', SequenceNumber: after }
          : { ShardIteratorType: position }),
      }),
    );
    return ShardIterator;
  }

  async function discoverShards(position: 'LATEST' | 'TRIM_HORIZON') {
    let start: string | undefined;
    do {
      const { StreamDescription } = await streams.send(
        new DescribeStreamCommand({ StreamArn: streamArn, ExclusiveStartShardId: start }),
      );
      for (const shard of StreamDescription?.Shards ?? []) {
        const id = shard.ShardId;
        if (!id || cursors.has(id)) continue;
        const closedAlready = shard.SequenceNumberRange?.EndingSequenceNumber !== undefined;
        // At start, LATEST skips what was written before; a closed shard then has nothing to read.
        if (position === 'LATEST' && closedAlready) {
          cursors.set(id, { iterator: undefined, lastSequence: undefined, closed: true });
          continue;
        }
        cursors.set(id, {
          iterator: await iteratorFor(id, position),
          lastSequence: undefined,
          closed: false,
        });
      }
      start = StreamDescription?.LastEvaluatedShardId;
    } while (start);
  }

  /** Reads one batch of a shard; true when it held records. */
  async function readShard(shardId: string, cursor: ShardCursor): Promise<boolean> {
    if (cursor.closed || !cursor.iterator) return false;
    let answer: GetRecordsCommandOutput;
    try {
      answer = await streams.send(
        new GetRecordsCommand({ ShardIterator: cursor.iterator, Limit: batchSize }),
      );
    } catch (error) {
      if ((error as Error).name !== 'ExpiredIteratorException') throw error;
      cursor.iterator = await iteratorFor(shardId, 'TRIM_HORIZON', cursor.lastSequence);
      return true;
    }
    const records = answer.Records ?? [];
    if (records.length > 0) {
      const event: DynamoDBStreamEvent = { Records: records.map(asLambdaRecord) };
      const { batchItemFailures } = await handler(event);
      const failed = batchItemFailures[0]?.itemIdentifier;
      if (failed !== undefined) {
        const index = records.findIndex((record) => record.dynamodb?.SequenceNumber === failed);
        cursor.lastSequence = index > 0 ? records[index - 1]?.dynamodb?.SequenceNumber : cursor.lastSequence;
        cursor.iterator = await iteratorFor(shardId, 'TRIM_HORIZON', cursor.lastSequence);
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
        return true;
      }
      cursor.lastSequence = records.at(-1)?.dynamodb?.SequenceNumber;
    }
    cursor.iterator = answer.NextShardIterator;
    if (!cursor.iterator) cursor.closed = true;
    return records.length > 0;
  }

  await discoverShards(options.startingPosition ?? 'LATEST');
  let lastDiscovery = Date.now();

  const loop = (async () => {
    while (!stopped) {
      try {
        if (Date.now() - lastDiscovery >= SHARD_DISCOVERY_MS) {
          await discoverShards('TRIM_HORIZON');
          lastDiscovery = Date.now();
        }
        let busy = false;
        for (const [shardId, cursor] of cursors) {
          if (stopped) break;
          if (await readShard(shardId, cursor)) busy = true;
        }
        if (!busy) {
          quietRounds += 1;
          for (const waiter of waiters.splice(0)) {
            if (quietRounds > waiter.after) waiter.resolve();
            else waiters.push(waiter);
          }
          await new Promise((resolve) => setTimeout(resolve, idle));
        }
      } catch (error) {
        if (stopped) break;
        logger.error('table changes: reading the local stream failed; trying again', {
          error: error instanceof Error ? { name: error.name, message: error.message } : error,
        });
        await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      }
    }
  })();

  return {
    drained() {
      // New shards are looked for first, then two quiet rounds: the first may have begun before the call.
      lastDiscovery = 0;
      return new Promise((resolve) => waiters.push({ after: quietRounds + 1, resolve }));
    },
    async stop() {
      stopped = true;
      await loop;
      for (const waiter of waiters.splice(0)) waiter.resolve();
      streams.destroy();
    },
  };
}
