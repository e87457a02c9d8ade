/**
 * DynamoDB access for the hotspot registry: the 107 hotspots live in one partition (`WIFI#HOTSPOTS`, a few tens
 * of kilobytes), so the list is one Query and each change one conditional write. Gateway secrets are stored in
 * the item (the table is encrypted at rest) and leave this module only toward the portal's adapters.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../platform/dynamo.js';
import { Hotspot } from './model.js';

const PARTITION = 'WIFI#HOTSPOTS';
const sortKey = (id: string) => `HOTSPOT#${id}`;

export function createHotspotStore(db: DynamoDBDocumentClient, tableName: string) {
  return {
    async list(): Promise<Hotspot[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :hotspots',
        ExpressionAttributeValues: { ':hotspots': PARTITION },
      });
      return items.map((item) => Hotspot.parse(item)).sort((a, b) => a.id.localeCompare(b.id));
    },

    async get(id: string): Promise<Hotspot | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: PARTITION, SK: sortKey(id) } }),
      );
      return Item ? Hotspot.parse(Item) : null;
    },

    /** `absent`: only if new; `present`: only if it exists. False when the condition did not hold. */
    async put(hotspot: Hotspot, condition: 'absent' | 'present'): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { PK: PARTITION, SK: sortKey(hotspot.id), entity: 'WifiHotspot', ...hotspot },
            ConditionExpression: condition === 'absent' ? 'attribute_not_exists(PK)' : 'attribute_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
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
