/**
 * DynamoDB access for the fleet: boat companies and their boats share one small partition (`BOATS#FLEET`;
 * about 500 boats work the bay), so listing companies is one Query. Keys are listed in docs/data-model.md.
 * Items are parsed with their read schema before they are stored; one that still fails to load is logged and
 * left out (platform/stored-items.ts).
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../platform/dynamo.js';
import type { Logger } from '../../platform/logger.js';
import { parseStoredItem, parseStoredItems, storedItemsLogger } from '../../platform/stored-items.js';
import { Boat, Operator } from './model.js';

const FLEET = 'BOATS#FLEET';
const operatorSortKey = (id: string) => `OPERATOR#${id}`;
const boatSortKey = (id: string) => `BOAT#${id}`;

export function createFleetStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  function queryFleet(sortKeyPrefix: string, operatorId?: string): Promise<Record<string, unknown>[]> {
    return queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :fleet AND begins_with(SK, :prefix)',
      ...(operatorId ? { FilterExpression: 'operatorId = :operator' } : {}),
      ExpressionAttributeValues: {
        ':fleet': FLEET,
        ':prefix': sortKeyPrefix,
        ...(operatorId ? { ':operator': operatorId } : {}),
      },
    });
  }

  async function getItem(sortKey: string): Promise<Record<string, unknown> | undefined> {
    const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: { PK: FLEET, SK: sortKey } }));
    return Item;
  }

  async function putIfAbsent(item: Record<string, unknown>): Promise<boolean> {
    try {
      await db.send(
        new PutCommand({ TableName: tableName, Item: item, ConditionExpression: 'attribute_not_exists(PK)' }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  return {
    /** Companies in id order. */
    async listOperators(): Promise<Operator[]> {
      return parseStoredItems(Operator, await queryFleet('OPERATOR#'), logger);
    },

    async getOperator(id: string): Promise<Operator | null> {
      const item = await getItem(operatorSortKey(id));
      return item ? parseStoredItem(Operator, item, logger) : null;
    },

    /** One company's boats in id order; the filter runs in DynamoDB, over the bay's few hundred boats. */
    async listBoatsOf(operatorId: string): Promise<Boat[]> {
      return parseStoredItems(Boat, await queryFleet('BOAT#', operatorId), logger);
    },

    async getBoat(id: string): Promise<Boat | null> {
      const item = await getItem(boatSortKey(id));
      return item ? parseStoredItem(Boat, item, logger) : null;
    },

    /** Seeding writes only what is missing, so it never overwrites an operator's change. */
    async addOperatorIfAbsent(operator: Operator): Promise<boolean> {
      return putIfAbsent({
        PK: FLEET,
        SK: operatorSortKey(operator.id),
        entity: 'Operator',
        ...Operator.parse(operator),
      });
    },
    async addBoatIfAbsent(boat: Boat): Promise<boolean> {
      return putIfAbsent({ PK: FLEET, SK: boatSortKey(boat.id), entity: 'Boat', ...Boat.parse(boat) });
    },
  };
}

export type FleetStore = ReturnType<typeof createFleetStore>;
