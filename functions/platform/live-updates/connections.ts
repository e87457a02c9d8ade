/**
 * The WebSocket connections of API Gateway, kept in the platform table (docs/data-model.md, "Live updates"): per
 * connection, one item listing its topics (so `$disconnect` finds what to delete), and per topic one item per
 * connection (so `publish` finds a topic's listeners with one Query). Every item expires with the connection:
 * API Gateway closes any WebSocket after two hours, so nothing outlives that, even when `$disconnect` never came.
 */
import { type DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod';
import { queryAll } from '../dynamo.js';
import type { Logger } from '../logger.js';
import { parseStoredItem, parseStoredItems } from '../stored-items.js';

/** API Gateway's maximum connection duration for WebSocket APIs (a hard quota). */
export const MAX_CONNECTION_SECONDS = 2 * 60 * 60;

export const LIVE_CONNECTION_PARTITION_PREFIX = 'LIVE#CONNECTION#';
export const LIVE_TOPIC_PARTITION_PREFIX = 'LIVE#TOPIC#';

const connectionKey = (connectionId: string) => ({
  PK: `${LIVE_CONNECTION_PARTITION_PREFIX}${connectionId}`,
  SK: 'CONNECTION',
});
const subscriptionKey = (topic: string, connectionId: string) => ({
  PK: `${LIVE_TOPIC_PARTITION_PREFIX}${topic}`,
  SK: `CONNECTION#${connectionId}`,
});

/** One item per connection: what it hears, and when API Gateway will have closed it at the latest. */
export const LiveConnectionItem = z.object({
  entity: z.literal('LiveConnection'),
  connectionId: z.string().min(1),
  topics: z.array(z.string().min(1)).min(1),
  connectedAt: z.iso.datetime(),
  expiresAt: z.number().int(),
});

/** One item per topic a connection hears. */
export const LiveSubscriptionItem = z.object({
  entity: z.literal('LiveSubscription'),
  connectionId: z.string().min(1),
  expiresAt: z.number().int(),
});

export interface LiveConnections {
  /** Records a connection that hears `topics` (1 to 50, from the resolver). */
  add(connectionId: string, topics: readonly string[]): Promise<void>;
  /** Deletes a connection and its subscriptions; nothing happens for a connection not (or no longer) stored. */
  remove(connectionId: string): Promise<void>;
  /** The topics a stored connection hears, or null. */
  topicsOf(connectionId: string): Promise<readonly string[] | null>;
  /** The connections hearing any of `topics`, each once, leaving out those past their lifetime. */
  listening(topics: readonly string[]): Promise<string[]>;
}

export function createLiveConnections(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger,
  now: () => Date = () => new Date(),
): LiveConnections {
  const epochSeconds = () => Math.floor(now().getTime() / 1000);

  async function read(connectionId: string) {
    const answer = await db.send(new GetCommand({ TableName: tableName, Key: connectionKey(connectionId) }));
    return answer.Item ? parseStoredItem(LiveConnectionItem, answer.Item, logger) : null;
  }

  return {
    async add(connectionId, topics) {
      const connectedAt = now();
      const expiresAt = epochSeconds() + MAX_CONNECTION_SECONDS;
      const connection = LiveConnectionItem.parse({
        entity: 'LiveConnection',
        connectionId,
        topics: [...topics],
        connectedAt: connectedAt.toISOString(),
        expiresAt,
      });
      const subscription = LiveSubscriptionItem.parse({
        entity: 'LiveSubscription',
        connectionId,
        expiresAt,
      });
      // One transaction (at most 51 items): a connection is either findable by all its topics or not stored.
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Put: { TableName: tableName, Item: { ...connectionKey(connectionId), ...connection } } },
            ...connection.topics.map((topic) => ({
              Put: {
                TableName: tableName,
                Item: { ...subscriptionKey(topic, connectionId), ...subscription },
              },
            })),
          ],
        }),
      );
    },

    async remove(connectionId) {
      const connection = await read(connectionId);
      if (!connection) return;
      await db.send(
        new TransactWriteCommand({
          TransactItems: [
            { Delete: { TableName: tableName, Key: connectionKey(connectionId) } },
            ...connection.topics.map((topic) => ({
              Delete: { TableName: tableName, Key: subscriptionKey(topic, connectionId) },
            })),
          ],
        }),
      );
    },

    async topicsOf(connectionId) {
      const connection = await read(connectionId);
      return connection && connection.expiresAt > epochSeconds() ? connection.topics : null;
    },

    async listening(topics) {
      const at = epochSeconds();
      const pages = await Promise.all(
        [...new Set(topics)].map((topic) =>
          queryAll(db, {
            TableName: tableName,
            KeyConditionExpression: 'PK = :topic',
            // TTL deletes an expired item within days, not at once: those are left out here.
            FilterExpression: 'expiresAt > :now',
            ExpressionAttributeValues: { ':topic': `${LIVE_TOPIC_PARTITION_PREFIX}${topic}`, ':now': at },
          }),
        ),
      );
      const subscriptions = parseStoredItems(LiveSubscriptionItem, pages.flat(), logger);
      return [...new Set(subscriptions.map((subscription) => subscription.connectionId))];
    },
  };
}
