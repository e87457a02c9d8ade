/**
 * A change of one item of the table as its stream tells it — on AWS the Lambda event source's records, locally
 * the same records read from DynamoDB Local's stream (local-stream-reader.ts) — with its images read as plain
 * objects.
 */
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';

export interface TableChange {
  /** The stream record's id: the same change delivered twice has the same id. */
  id: string;
  kind: 'INSERT' | 'MODIFY' | 'REMOVE';
  keys: { PK: string; SK: string };
  /** The item after the change (null when removed). */
  newItem: Record<string, unknown> | null;
  /** The item before (null when inserted). */
  oldItem: Record<string, unknown> | null;
  /** A removal by the table's time to live, not by a writer: the record's time was up. */
  expired: boolean;
}

/** The record as a TableChange; null for a record without keys (never sent for a table's stream). */
export function tableChangeOf(record: DynamoDBRecord): TableChange | null {
  const image = (attributes: unknown) =>
    attributes ? unmarshall(attributes as Record<string, AttributeValue>) : null;
  const keys = image(record.dynamodb?.Keys);
  if (!keys || typeof keys.PK !== 'string' || typeof keys.SK !== 'string' || !record.eventName) return null;
  const identity = record.userIdentity as { type?: string; principalId?: string } | undefined;
  return {
    id: record.eventID ?? `${record.dynamodb?.SequenceNumber ?? ''}`,
    kind: record.eventName,
    keys: { PK: keys.PK, SK: keys.SK },
    newItem: image(record.dynamodb?.NewImage),
    oldItem: image(record.dynamodb?.OldImage),
    // DynamoDB's own deletions of expired items are signed by the service (AWS's documented marker).
    expired:
      record.eventName === 'REMOVE' &&
      identity?.type === 'Service' &&
      identity.principalId === 'dynamodb.amazonaws.com',
  };
}
