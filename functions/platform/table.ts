/**
 * The one DynamoDB table of the platform (single-table design). Both the CDK data stack and the local
 * bootstrap read this module, so the table on a laptop and the table on AWS cannot drift apart.
 * Every access pattern and its key condition is listed in docs/data-model.md.
 */
import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

export const tableDefinition = {
  partitionKey: 'PK',
  sortKey: 'SK',
  /** Items carrying this attribute (epoch seconds) are deleted by DynamoDB after that instant. */
  timeToLiveAttribute: 'expiresAt',
} as const;

/** Primary key of an item as stored. */
export interface ItemKey {
  PK: string;
  SK: string;
}

/**
 * The CreateTable request used by the local bootstrap and the integration tests. `stream: false` leaves out
 * the stream, which nothing reads locally: the integration tests make a table per file, and DynamoDB Local
 * records every write of a streamed table and keeps the records after the table is deleted, each new table
 * slower to write than the last (a seed took 5 s on the first table, 20 s on the fifteenth).
 */
export function createTableInput(
  tableName: string,
  { stream = true }: { stream?: boolean } = {},
): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: tableDefinition.partitionKey, AttributeType: 'S' },
      { AttributeName: tableDefinition.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: tableDefinition.partitionKey, KeyType: 'HASH' },
      { AttributeName: tableDefinition.sortKey, KeyType: 'RANGE' },
    ],
    ...(stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' } }),
  };
}
