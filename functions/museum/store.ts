/**
 * DynamoDB access for the museum's content: rooms, exhibits, tours and the visiting information live in one
 * partition (`MUSEUM#CATALOG`, a few hundred kilobytes), so the whole catalogue is one Query and a curator's
 * edit is one conditional put. An item that no longer fits its schema is logged and left out of what is
 * read (platform/stored-items.ts), and can still be replaced or deleted.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { putWhen, queryAll } from '../platform/dynamo.js';
import type { Logger } from '../platform/logger.js';
import { parseStoredItem, parseStoredItems, storedItemsLogger } from '../platform/stored-items.js';
import { Exhibit, Room, Tour, Visiting } from './model.js';

const CATALOG = 'MUSEUM#CATALOG';
const VISITING = 'VISITING';
const sortKey = {
  room: (id: string) => `ROOM#${id}`,
  exhibit: (id: string) => `EXHIBIT#${id}`,
  tour: (id: string) => `TOUR#${id}`,
};

export interface MuseumCatalog {
  rooms: Room[];
  exhibits: Exhibit[];
  tours: Tour[];
}

export function createMuseumStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  async function put(item: Record<string, unknown>, condition?: 'absent' | 'present'): Promise<boolean> {
    if (condition) return putWhen(db, tableName, item, condition);
    await db.send(new PutCommand({ TableName: tableName, Item: item }));
    return true;
  }

  return {
    /** Rooms in visiting order, exhibits and tours in id order: the whole catalogue in one Query. */
    async readCatalog(): Promise<MuseumCatalog> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :catalog',
        ExpressionAttributeValues: { ':catalog': CATALOG },
      });
      const of = (entity: string) => items.filter((item) => item.entity === entity);
      return {
        rooms: parseStoredItems(Room, of('MuseumRoom'), logger).sort((a, b) => a.order - b.order),
        exhibits: parseStoredItems(Exhibit, of('Exhibit'), logger),
        tours: parseStoredItems(Tour, of('Tour'), logger),
      };
    },

    /** Null when there is none, or when the stored one is damaged (logged). */
    async getExhibit(id: string): Promise<Exhibit | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: CATALOG, SK: sortKey.exhibit(id) } }),
      );
      return Item ? parseStoredItem(Exhibit, Item, logger) : null;
    },

    async getVisiting(): Promise<Visiting | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: CATALOG, SK: VISITING } }),
      );
      return Item ? parseStoredItem(Visiting, Item, logger) : null;
    },

    /** False when there was no such exhibit; deletes a damaged one as well, which nothing else can read. */
    async deleteExhibit(id: string): Promise<boolean> {
      try {
        await db.send(
          new DeleteCommand({
            TableName: tableName,
            Key: { PK: CATALOG, SK: sortKey.exhibit(id) },
            ConditionExpression: 'attribute_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /**
     * `absent`: only if new (create, seed); `present`: only if it exists (update); neither: replace or create.
     * Each item is parsed with the schema reads use before it is stored, so what is written always loads.
     */
    putRoom: (room: Room, condition?: 'absent') =>
      put({ PK: CATALOG, SK: sortKey.room(room.id), entity: 'MuseumRoom', ...Room.parse(room) }, condition),
    putExhibit: (exhibit: Exhibit, condition?: 'absent' | 'present') =>
      put(
        { PK: CATALOG, SK: sortKey.exhibit(exhibit.id), entity: 'Exhibit', ...Exhibit.parse(exhibit) },
        condition,
      ),
    putTour: (tour: Tour, condition?: 'absent') =>
      put({ PK: CATALOG, SK: sortKey.tour(tour.id), entity: 'Tour', ...Tour.parse(tour) }, condition),
    putVisiting: (visiting: Visiting, condition?: 'absent') =>
      put({ PK: CATALOG, SK: VISITING, entity: 'MuseumVisiting', ...Visiting.parse(visiting) }, condition),
  };
}

export type MuseumStore = ReturnType<typeof createMuseumStore>;
