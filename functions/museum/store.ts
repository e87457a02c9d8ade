/**
 * DynamoDB access for the museum's content: rooms, exhibits, tours and the visiting information live in one
 * partition (`MUSEUM#CATALOG`, a few hundred kilobytes), so the whole catalogue is one Query and a curator's
 * edit is one conditional put.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../platform/dynamo.js';
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

export function createMuseumStore(db: DynamoDBDocumentClient, tableName: string) {
  async function put(item: Record<string, unknown>, condition?: 'absent' | 'present'): Promise<boolean> {
    try {
      await db.send(
        new PutCommand({
          TableName: tableName,
          Item: item,
          ...(condition && {
            ConditionExpression: condition === 'absent' ? 'attribute_not_exists(PK)' : 'attribute_exists(PK)',
          }),
        }),
      );
      return true;
    } catch (error) {
      if (condition && error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
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
        rooms: of('MuseumRoom')
          .map((item) => Room.parse(item))
          .sort((a, b) => a.order - b.order),
        exhibits: of('Exhibit').map((item) => Exhibit.parse(item)),
        tours: of('Tour').map((item) => Tour.parse(item)),
      };
    },

    async getExhibit(id: string): Promise<Exhibit | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: CATALOG, SK: sortKey.exhibit(id) } }),
      );
      return Item ? Exhibit.parse(Item) : null;
    },

    async getVisiting(): Promise<Visiting | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: CATALOG, SK: VISITING } }),
      );
      return Item ? Visiting.parse(Item) : null;
    },

    /** `absent`: only if new (create, seed); `present`: only if it exists (update); neither: replace or create. */
    putRoom: (room: Room, condition?: 'absent') =>
      put({ PK: CATALOG, SK: sortKey.room(room.id), entity: 'MuseumRoom', ...room }, condition),
    putExhibit: (exhibit: Exhibit, condition?: 'absent' | 'present') =>
      put({ PK: CATALOG, SK: sortKey.exhibit(exhibit.id), entity: 'Exhibit', ...exhibit }, condition),
    putTour: (tour: Tour, condition?: 'absent') =>
      put({ PK: CATALOG, SK: sortKey.tour(tour.id), entity: 'Tour', ...tour }, condition),
    putVisiting: (visiting: Visiting, condition?: 'absent') =>
      put({ PK: CATALOG, SK: VISITING, entity: 'MuseumVisiting', ...visiting }, condition),
  };
}

export type MuseumStore = ReturnType<typeof createMuseumStore>;
