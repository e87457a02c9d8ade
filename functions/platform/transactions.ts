/**
 * DynamoDB transactions that tell their outcome: written, or refused with the index of each item whose
 * condition failed (and that item as stored, when asked for). Transactions that lost only a race with
 * another transaction on the same item (`TransactionConflict`) are retried with jittered backoff, because
 * DynamoDB cancels rather than queues them: under a rush of bookings on one departure most attempts conflict.
 */
import { type ConsumedCapacity, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';

export type TransactionOutcome =
  | { written: true }
  | {
      written: false;
      /** Index → the item as stored, for each item whose condition failed (`{}` when it does not exist). */
      failedConditions: Map<number, Record<string, unknown>>;
    };

export class TransactionBusyError extends Error {
  override readonly name = 'TransactionBusyError';
  constructor(readonly attempts: number) {
    super(`The transaction kept conflicting with others after ${attempts} attempts.`);
  }
}

const MAX_ATTEMPTS = 12;
const BASE_DELAY_MS = 5;
const MAX_DELAY_MS = 250;

export async function writeTransaction(
  db: DynamoDBDocumentClient,
  input: TransactWriteCommandInput,
  /** Told the capacity a written transaction consumed, when `input` asks for it (ReturnConsumedCapacity). */
  consumed?: (capacity: readonly ConsumedCapacity[]) => void,
): Promise<TransactionOutcome> {
  for (let attempt = 1; ; attempt++) {
    try {
      const answer = await db.send(new TransactWriteCommand(input));
      consumed?.(answer.ConsumedCapacity ?? []);
      return { written: true };
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      const reasons = error.CancellationReasons ?? [];
      const failedConditions = new Map<number, Record<string, unknown>>();
      reasons.forEach((reason, index) => {
        if (reason.Code === 'ConditionalCheckFailed') {
          failedConditions.set(index, reason.Item ? unmarshall(reason.Item) : {});
        }
      });
      if (failedConditions.size > 0) return { written: false, failedConditions };
      const retryable = reasons.some((reason) => reason.Code === 'TransactionConflict');
      if (!retryable) throw error;
      if (attempt >= MAX_ATTEMPTS) throw new TransactionBusyError(attempt);
      // "Full jitter" backoff: a random wait up to an exponentially growing cap spreads the retries out.
      const cap = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** attempt);
      await new Promise((resolve) => setTimeout(resolve, Math.random() * cap));
    }
  }
}
