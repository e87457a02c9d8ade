/**
 * DynamoDB access for scheduled departures, partitioned by local day (`DEPARTURES#<YYYY-MM-DD>`): a day's
 * search is one Query, and a departure's key follows from its id, which names the day, the local time and
 * the boat. That id is also what keeps a boat from being scheduled twice at the same minute. Departures are
 * parsed with their read schema before they are stored; one that still fails to load is logged and left out
 * (platform/stored-items.ts).
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../platform/dynamo.js';
import type { Logger } from '../../platform/logger.js';
import { parseStoredItem, parseStoredItems, storedItemsLogger } from '../../platform/stored-items.js';
import type { ItemKey } from '../../platform/table.js';
import { Departure } from './model.js';

const DEPARTURE_ID = /^dep-(\d{4})(\d{2})(\d{2})-(\d{4})-([a-z0-9]+(?:-[a-z0-9]+)*)$/;
// DynamoDB's limits: 100 items per transaction and per BatchGetItem.
const TRANSACTION_ITEMS = 100;
const BATCH_GET_KEYS = 100;

/** The key of a departure, or null when the id is not one this store could have written. */
export function departureKeyOf(id: string): ItemKey | null {
  const match = DEPARTURE_ID.exec(id);
  if (!match) return null;
  const [, year, month, day, time, boatId] = match;
  return { PK: `DEPARTURES#${year}-${month}-${day}`, SK: `DEPARTURE#${time}#${boatId}` };
}

const dayPartition = (localDate: string) => `DEPARTURES#${localDate}`;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const result: T[][] = [];
  for (let start = 0; start < items.length; start += size) result.push(items.slice(start, start + size));
  return result;
}

function keyOf(departure: Departure): ItemKey {
  const key = departureKeyOf(departure.id);
  if (!key) throw new Error(`Departure id ${departure.id} does not follow departureIdFor.`);
  return key;
}

export type AddDeparturesOutcome = { added: true } | { added: false; conflictingIds: string[] };

export function createDeparturesStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  return {
    /** A local day's departures in departure-time order (the sort key starts with the local HHMM). */
    async listDeparturesOn(localDate: string): Promise<Departure[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :day AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':day': dayPartition(localDate), ':prefix': 'DEPARTURE#' },
      });
      return parseStoredItems(Departure, items, logger);
    },

    async getDeparture(id: string): Promise<Departure | null> {
      const key = departureKeyOf(id);
      if (!key) return null;
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: key }));
      return Item ? parseStoredItem(Departure, Item, logger) : null;
    },

    /** Counts a hold refused for want of seats on this departure (refusals.ts). */
    async countCapacityRefusal(id: string, seats: number): Promise<void> {
      const key = departureKeyOf(id);
      if (!key) return;
      const { countCapacityRefusal } = await import('./refusals.js');
      await countCapacityRefusal(db, tableName, key, seats);
    },

    /** Which of these departure ids are already stored. */
    async existingDepartureIds(ids: readonly string[]): Promise<string[]> {
      const existing: string[] = [];
      for (const batch of chunks(ids, BATCH_GET_KEYS)) {
        let keys: Record<string, unknown>[] | undefined = batch.flatMap((id) => {
          const key = departureKeyOf(id);
          return key ? [{ ...key }] : [];
        });
        while (keys && keys.length > 0) {
          const answer: BatchGetCommandOutput = await db.send(
            new BatchGetCommand({
              RequestItems: { [tableName]: { Keys: keys, ProjectionExpression: 'id' } },
            }),
          );
          existing.push(...(answer.Responses?.[tableName] ?? []).map((item) => String(item.id)));
          keys = answer.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return existing;
    },

    /**
     * Writes all the departures or none: each transaction of 100 puts only where no departure has the key,
     * and when one is refused the transactions already written are deleted again (only while no seat has
     * been held or sold on them, which cannot happen in the milliseconds since they were written).
     */
    async addDepartures(departures: readonly Departure[]): Promise<AddDeparturesOutcome> {
      const written: Departure[][] = [];
      for (const batch of chunks(departures, TRANSACTION_ITEMS)) {
        try {
          await db.send(
            new TransactWriteCommand({
              TransactItems: batch.map((departure) => ({
                Put: {
                  TableName: tableName,
                  Item: { ...keyOf(departure), entity: 'Departure', ...Departure.parse(departure) },
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              })),
            }),
          );
          written.push(batch);
        } catch (error) {
          if (!(error instanceof TransactionCanceledException)) throw error;
          const reasons = error.CancellationReasons ?? [];
          const conflictingIds = batch
            .filter((_, index) => reasons[index]?.Code === 'ConditionalCheckFailed')
            .map((departure) => departure.id);
          if (conflictingIds.length === 0) throw error;
          await Promise.all(written.map((done) => deleteUntouched(done)));
          return { added: false, conflictingIds };
        }
      }
      return { added: true };
    },
  };

  async function deleteUntouched(departures: readonly Departure[]): Promise<void> {
    await db.send(
      new TransactWriteCommand({
        TransactItems: departures.map((departure) => ({
          Delete: {
            TableName: tableName,
            Key: keyOf(departure),
            ConditionExpression: 'held = :zero AND sold = :zero',
            ExpressionAttributeValues: { ':zero': 0 },
          },
        })),
      }),
    );
  }
}

export type DeparturesStore = ReturnType<typeof createDeparturesStore>;
