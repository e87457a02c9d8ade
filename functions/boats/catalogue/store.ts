/**
 * DynamoDB access for the boats catalogue: routes, ports and the fee policy live in one small partition
 * (`BOATS#CATALOG`), so the whole catalogue is one Query away. Keys are listed in docs/data-model.md. Every
 * item is parsed with its read schema before it is stored; one that still fails to load (an old or
 * hand-edited item) is logged and left out (platform/stored-items.ts), and a replacement overwrites it.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { putWhen, queryAll } from '../../platform/dynamo.js';
import type { Logger } from '../../platform/logger.js';
import { parseStoredItem, parseStoredItems, storedItemsLogger } from '../../platform/stored-items.js';
import { CancellationPolicy } from './cancellation-policy.js';
import { FeePolicy, Port, Route } from './model.js';

// The stored partition keeps the spelling it was created with.
const CATALOGUE = 'BOATS#CATALOG';
const routeSortKey = (id: number) => `ROUTE#${String(id).padStart(3, '0')}`;
const portSortKey = (id: string) => `PORT#${id}`;
const FEE_POLICY = 'FEE_POLICY';
const CANCELLATION_POLICY = 'CANCELLATION_POLICY';

type Stored<T> = T & { PK: string; SK: string; entity: string };

/** Before the catalogue is seeded (or when its policy item is damaged): no discounts. */
const NO_FEE_POLICY: FeePolicy = { discounts: [], proof: { vi: '', en: '' } };

// Parsing what is read back (parseStoredItem) drops the key attributes and restores the schema's field
// order, which DynamoDB maps do not keep.
export function createCatalogueStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  function queryCatalogue(sortKeyPrefix: string): Promise<Record<string, unknown>[]> {
    return queryAll(db, {
      TableName: tableName,
      KeyConditionExpression: 'PK = :catalogue AND begins_with(SK, :prefix)',
      ExpressionAttributeValues: { ':catalogue': CATALOGUE, ':prefix': sortKeyPrefix },
    });
  }

  const putIfAbsent = (item: Stored<object>) => putWhen(db, tableName, item, 'absent');

  return {
    /** Routes in route-number order (the zero-padded sort key keeps 10 after 9). */
    async listRoutes(): Promise<Route[]> {
      return parseStoredItems(Route, await queryCatalogue('ROUTE#'), logger);
    },

    async getRoute(id: number): Promise<Route | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: CATALOGUE, SK: routeSortKey(id) } }),
      );
      return Item ? parseStoredItem(Route, Item, logger) : null;
    },

    /** Replaces an existing route; false when there is no route with that number. */
    async replaceRoute(route: Route): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { PK: CATALOGUE, SK: routeSortKey(route.id), entity: 'Route', ...Route.parse(route) },
            ConditionExpression: 'attribute_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async listPorts(): Promise<Port[]> {
      return parseStoredItems(Port, await queryCatalogue('PORT#'), logger);
    },

    async getFeePolicy(): Promise<FeePolicy> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: CATALOGUE, SK: FEE_POLICY } }),
      );
      return (Item && parseStoredItem(FeePolicy, Item, logger)) ?? NO_FEE_POLICY;
    },

    /** The stored policy; null only before the catalogue is seeded. */
    async getCancellationPolicy(): Promise<CancellationPolicy | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: CATALOGUE, SK: CANCELLATION_POLICY } }),
      );
      return Item ? parseStoredItem(CancellationPolicy, Item, logger) : null;
    },

    async replaceCancellationPolicy(policy: CancellationPolicy): Promise<void> {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            PK: CATALOGUE,
            SK: CANCELLATION_POLICY,
            entity: 'CancellationPolicy',
            ...CancellationPolicy.parse(policy),
          },
        }),
      );
    },

    /** Seeding writes only what is missing, so it never overwrites an editor's change. */
    async addRouteIfAbsent(route: Route): Promise<boolean> {
      return putIfAbsent({
        PK: CATALOGUE,
        SK: routeSortKey(route.id),
        entity: 'Route',
        ...Route.parse(route),
      });
    },
    async addPortIfAbsent(port: Port): Promise<boolean> {
      return putIfAbsent({ PK: CATALOGUE, SK: portSortKey(port.id), entity: 'Port', ...Port.parse(port) });
    },
    async addFeePolicyIfAbsent(policy: FeePolicy): Promise<boolean> {
      return putIfAbsent({ PK: CATALOGUE, SK: FEE_POLICY, entity: 'FeePolicy', ...FeePolicy.parse(policy) });
    },
    async addCancellationPolicyIfAbsent(policy: CancellationPolicy): Promise<boolean> {
      return putIfAbsent({
        PK: CATALOGUE,
        SK: CANCELLATION_POLICY,
        entity: 'CancellationPolicy',
        ...CancellationPolicy.parse(policy),
      });
    },
  };
}

export type CatalogueStore = ReturnType<typeof createCatalogueStore>;
