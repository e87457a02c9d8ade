/**
 * DynamoDB access for AIS static data: one item per MMSI of our fleet in the partition `TRACKING#AIS#STATIC`
 * (`MMSI#<mmsi>`), holding the latest value of each field that type 5 and 24 messages carry.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Logger } from '../../platform/logger.js';
import { parseStoredItem, storedItemsLogger } from '../../platform/stored-items.js';
import type { AisStaticFields } from './messages.js';
import { AisStaticData } from './model.js';

const STATIC = 'TRACKING#AIS#STATIC';
const staticSortKey = (mmsi: string) => `MMSI#${mmsi}`;

/** Every field of the item but its keys, in the order of the schema: those a message does not carry start null. */
const STATIC_FIELDS = [
  'name',
  'callSign',
  'imo',
  'shipType',
  'dimensions',
  'draughtMetres',
  'destination',
  'eta',
] as const satisfies readonly (keyof AisStaticFields)[];

export function createAisStaticStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  return {
    /**
     * Sets the fields one static message carries, leaving the others as they were (type 24's two parts arrive
     * as two messages). Skipped, and false, when the item holds a report received later: two requests writing at
     * once cannot leave an older name or destination over a newer one.
     */
    async mergeStatic(update: {
      mmsi: string;
      boatId: string;
      fields: AisStaticFields;
      reportedAt: string;
    }): Promise<boolean> {
      const full = AisStaticData.parse({
        ...Object.fromEntries(STATIC_FIELDS.map((field) => [field, null])),
        ...update.fields,
        mmsi: update.mmsi,
        boatId: update.boatId,
        reportedAt: update.reportedAt,
      });
      const names: Record<string, string> = {};
      const values: Record<string, unknown> = {};
      const assignments: string[] = [];
      const assign = (field: string, value: unknown, keepStored: boolean) => {
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        assignments.push(
          keepStored ? `#${field} = if_not_exists(#${field}, :${field})` : `#${field} = :${field}`,
        );
      };
      assign('entity', 'AisStaticData', false);
      for (const field of ['mmsi', 'boatId', 'reportedAt'] as const) assign(field, full[field], false);
      // A field this message does not carry keeps its value, or starts null on the item's first message.
      for (const field of STATIC_FIELDS) assign(field, full[field], !(field in update.fields));
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: { PK: STATIC, SK: staticSortKey(update.mmsi) },
            UpdateExpression: `SET ${assignments.join(', ')}`,
            ConditionExpression: 'attribute_not_exists(PK) OR #reportedAt <= :reportedAt',
            ExpressionAttributeNames: names,
            ExpressionAttributeValues: values,
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async getStatic(mmsi: string): Promise<AisStaticData | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: STATIC, SK: staticSortKey(mmsi) } }),
      );
      return Item ? parseStoredItem(AisStaticData, Item, logger) : null;
    },
  };
}

export type AisStaticStore = ReturnType<typeof createAisStaticStore>;
