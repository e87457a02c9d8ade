/**
 * The messages port in the local process: messages are written to an outbox in the table instead of being
 * sent, so a developer (or a test) reads the e-mail a tourist would have received. Kept 30 days.
 */
import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { MessagesPort, OutgoingMessage } from './port.js';

const OUTBOX = 'OUTBOX';
const KEEP_DAYS = 30;

export interface OutboxEntry extends OutgoingMessage {
  id: string;
  sentAt: string;
}

export interface Outbox extends MessagesPort {
  /** The newest messages first. */
  list(limit: number): Promise<OutboxEntry[]>;
}

export function createOutbox(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock = () => new Date(),
): Outbox {
  return {
    async send(message) {
      const sentAt = clock().toISOString();
      const id = randomUUID();
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            PK: OUTBOX,
            SK: `${sentAt}#${id}`,
            entity: 'OutboxMessage',
            id,
            sentAt,
            ...message,
            expiresAt: Math.floor(Date.parse(sentAt) / 1000) + KEEP_DAYS * 86_400,
          },
        }),
      );
      return { id };
    },

    async list(limit) {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :outbox',
          ExpressionAttributeValues: { ':outbox': OUTBOX },
          ScanIndexForward: false,
          Limit: limit,
        }),
      );
      return Items.map(
        ({ PK: _pk, SK: _sk, entity: _entity, expiresAt: _expires, ...entry }) => entry as OutboxEntry,
      );
    },
  };
}
