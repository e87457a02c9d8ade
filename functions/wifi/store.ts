/**
 * DynamoDB access for the hotspot registry: the 107 hotspots live in one partition (`WIFI#HOTSPOTS`, a few tens
 * of kilobytes), so the list is one Query and each change one conditional write. Gateway secrets are stored in
 * the item (the table is encrypted at rest) and leave this module only toward the portal's adapters. A
 * hotspot is parsed with its read schema before it is stored; one that still fails to load is logged and left
 * out (platform/stored-items.ts), and can still be replaced or removed.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { putWhen, queryAll } from '../platform/dynamo.js';
import type { Logger } from '../platform/logger.js';
import { parseStoredItem, parseStoredItems, storedItemsLogger } from '../platform/stored-items.js';
import { GatewayInput, Hotspot } from './model.js';

const PARTITION = 'WIFI#HOTSPOTS';
const sortKey = (id: string) => `HOTSPOT#${id}`;

export function createHotspotStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  return {
    async list(): Promise<Hotspot[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :hotspots',
        ExpressionAttributeValues: { ':hotspots': PARTITION },
      });
      return parseStoredItems(Hotspot, items, logger).sort((a, b) => a.id.localeCompare(b.id));
    },

    async get(id: string): Promise<Hotspot | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: PARTITION, SK: sortKey(id) } }),
      );
      return Item ? parseStoredItem(Hotspot, Item, logger) : null;
    },

    /**
     * What a replacement keeps of a stored hotspot: its gateway (null when that no longer reads, so its
     * secrets must be sent again) and whether it is a demo hotspot. Null only when there is no such hotspot:
     * a damaged one can be replaced.
     */
    async getReplaceable(id: string): Promise<{ gateway: GatewayInput | null; demo: boolean } | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: PARTITION, SK: sortKey(id) } }),
      );
      if (!Item) return null;
      const hotspot = parseStoredItem(Hotspot, Item, logger);
      if (hotspot) return { gateway: hotspot.gateway, demo: hotspot.demo };
      const gateway = GatewayInput.safeParse(Item.gateway);
      return { gateway: gateway.success ? gateway.data : null, demo: Item.demo === true };
    },

    /** `absent`: only if new; `present`: only if it exists. False when the condition did not hold. */
    async put(hotspot: Hotspot, condition: 'absent' | 'present'): Promise<boolean> {
      const item = {
        PK: PARTITION,
        SK: sortKey(hotspot.id),
        entity: 'WifiHotspot',
        ...Hotspot.parse(hotspot),
      };
      return putWhen(db, tableName, item, condition);
    },

    /** False when there was no such hotspot. */
    async remove(id: string): Promise<boolean> {
      try {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { PK: PARTITION, SK: sortKey(id) },
            ConditionExpression: 'attribute_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
  };
}

export type HotspotStore = ReturnType<typeof createHotspotStore>;
