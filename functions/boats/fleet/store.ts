import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { putWhen, queryAll } from '../../platform/dynamo.js';
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

  const putIfAbsent = (item: Record<string, unknown>) => putWhen(db, tableName, item, 'absent');

  return {
    /** Companies in id order. */
    async listOperators(): Promise<Operator[]> {
      return parseStoredItems(Operator, await queryFleet('OPERATOR#'), logger);
    },

    async getOperator(id: string): Promise<Operator | null> {
      const item = await getItem(operatorSortKey(id));
      return item ? parseStoredItem(Operator, item, logger) : null;
    },

    /** Every company's boats in id order: the bay's few hundred boats, one Query of the fleet's partition. */
    async listBoats(): Promise<Boat[]> {
      return parseStoredItems(Boat, await queryFleet('BOAT#'), logger);
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
