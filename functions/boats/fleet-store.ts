/**
 * DynamoDB access for the fleet: boat companies and their boats share one small partition (`BOATS#FLEET`;
 * about 500 boats work the bay), so listing companies is one Query. Keys are listed in docs/data-model.md.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../platform/dynamo.js';
import { Boat, Operator } from './fleet-model.js';

const FLEET = 'BOATS#FLEET';
const operatorSortKey = (id: string) => `OPERATOR#${id}`;
const boatSortKey = (id: string) => `BOAT#${id}`;

export function createFleetStore(db: DynamoDBDocumentClient, tableName: string) {
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
      return (await queryFleet('OPERATOR#')).map((item) => Operator.parse(item));
    },

    async getOperator(id: string): Promise<Operator | null> {
      const item = await getItem(operatorSortKey(id));
      return item ? Operator.parse(item) : null;
    },

    /** One company's boats in id order; the filter runs in DynamoDB, over the bay's few hundred boats. */
    async listBoatsOf(operatorId: string): Promise<Boat[]> {
      return (await queryFleet('BOAT#', operatorId)).map((item) => Boat.parse(item));
    },

    async getBoat(id: string): Promise<Boat | null> {
      const item = await getItem(boatSortKey(id));
      return item ? Boat.parse(item) : null;
    },

    /** Seeding writes only what is missing, so it never overwrites an operator's change. */
    async addOperatorIfAbsent(operator: Operator): Promise<boolean> {
      return putIfAbsent({ PK: FLEET, SK: operatorSortKey(operator.id), entity: 'Operator', ...operator });
    },
    async addBoatIfAbsent(boat: Boat): Promise<boolean> {
      return putIfAbsent({ PK: FLEET, SK: boatSortKey(boat.id), entity: 'Boat', ...boat });
    },
  };
}

export type FleetStore = ReturnType<typeof createFleetStore>;
