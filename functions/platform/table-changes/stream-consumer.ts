/**
 * A reader of the table's stream that must see every change at least once (the insights' counters): the records
 * of a batch are handled in stream order, and the first that fails is reported back with the ones after it, so
 * Lambda (ReportBatchItemFailures) — or the local reader — delivers them again from there. The consumer itself
 * makes a second delivery harmless.
 */
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import type { Logger } from '../logger.js';
import { type TableChange, tableChangeOf } from './change.js';

export type StreamConsumerHandler = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

export function createStreamConsumer(
  name: string,
  handle: (change: TableChange) => Promise<unknown>,
  logger: Logger,
): StreamConsumerHandler {
  return async (event) => {
    for (const record of event.Records) {
      let change: TableChange | null = null;
      try {
        change = tableChangeOf(record);
        if (change) await handle(change);
      } catch (error) {
        logger.error(`${name}: a change failed; it and the changes after it will be delivered again`, {
          PK: change?.keys.PK,
          SK: change?.keys.SK,
          error: error instanceof Error ? { name: error.name, message: error.message } : error,
        });
        return {
          batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? record.eventID ?? '' }],
        };
      }
    }
    return { batchItemFailures: [] };
  };
}
