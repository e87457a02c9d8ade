/**
 * DynamoDB access for boat positions: the latest of each boat in one partition (`TRACKING#LATEST`, one item per
 * boat, so the live map is one Query), and the history grouped by trip (`TRACKING#TRIP#<departure id>`) or, off
 * any trip, by boat and local day, each position under its fix time and deleted by TTL after 90 days.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putWhen, queryAll } from '../platform/dynamo.js';
import { localDateAt } from '../platform/local-time.js';
import type { Logger } from '../platform/logger.js';
import { parseStoredItem, parseStoredItems, storedItemsLogger } from '../platform/stored-items.js';
import { BoatPosition, HISTORY_RETENTION_DAYS } from './model.js';

/** The partition of every boat's latest position (the live map; the stream's live updates watch it). */
export const LATEST_POSITIONS_PARTITION = 'TRACKING#LATEST';
const LATEST = LATEST_POSITIONS_PARTITION;
const latestSortKey = (boatId: string) => `BOAT#${boatId}`;
const tripPartition = (departureId: string) => `TRACKING#TRIP#${departureId}`;
const offTripPartition = (boatId: string, localDate: string) => `TRACKING#BOAT#${boatId}#DAY#${localDate}`;
// ISO-8601 instants of one form (toISOString) sort as text in time order.
const positionSortKey = (fixTime: string) => `POSITION#${fixTime}`;

/** Where a position's history lives: its trip, else its boat's local day. */
export function historyPartitionOf(
  position: Pick<BoatPosition, 'boatId' | 'departureId' | 'fixTime'>,
): string {
  return position.departureId
    ? tripPartition(position.departureId)
    : offTripPartition(position.boatId, localDateAt(new Date(position.fixTime)));
}

export function createTrackingStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  const listHistory = async (partition: string) =>
    parseStoredItems(
      BoatPosition,
      await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :partition AND begins_with(SK, :position)',
        ExpressionAttributeValues: { ':partition': partition, ':position': 'POSITION#' },
      }),
      logger,
    );

  return {
    /**
     * Adds a position to its history; false, and nothing written, when the boat has one at that fix time
     * already (a tracker resending what it had sent: the first one stays).
     */
    async addToHistory(position: BoatPosition): Promise<boolean> {
      const expiresAt = Math.floor(Date.parse(position.fixTime) / 1000) + HISTORY_RETENTION_DAYS * 86_400;
      return putWhen(
        db,
        tableName,
        {
          PK: historyPartitionOf(position),
          SK: positionSortKey(position.fixTime),
          entity: 'BoatPosition',
          ...BoatPosition.parse(position),
          expiresAt,
        },
        'absent',
      );
    },

    /**
     * Makes `position` its boat's latest only if it is newer than the one stored: the condition, not a read
     * before, decides, so two positions arriving at once (or a buffered batch out of order) can never leave an
     * older one on the map. False when the stored one is as new or newer.
     */
    async putLatestIfNewer(position: BoatPosition): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              PK: LATEST,
              SK: latestSortKey(position.boatId),
              entity: 'BoatLatestPosition',
              ...BoatPosition.parse(position),
            },
            ConditionExpression: 'attribute_not_exists(PK) OR fixTime < :fixTime',
            ExpressionAttributeValues: { ':fixTime': position.fixTime },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async getLatest(boatId: string): Promise<BoatPosition | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: LATEST, SK: latestSortKey(boatId) } }),
      );
      return Item ? parseStoredItem(BoatPosition, Item, logger) : null;
    },

    /** Every boat's latest position, in boat id order: the live map in one Query. */
    async listLatest(): Promise<BoatPosition[]> {
      return parseStoredItems(
        BoatPosition,
        await queryAll(db, {
          TableName: tableName,
          KeyConditionExpression: 'PK = :latest',
          ExpressionAttributeValues: { ':latest': LATEST },
        }),
        logger,
      );
    },

    /**
     * The fix before `position` in its history (its trip's, or its boat's day off any trip), if any: a fix that
     * came too far from the latest is judged again against it.
     */
    async previousInHistory(position: BoatPosition): Promise<BoatPosition | null> {
      const { Items = [] } = await db.send(
        new QueryCommand({
          TableName: tableName,
          KeyConditionExpression: 'PK = :partition AND SK BETWEEN :first AND :this',
          ExpressionAttributeValues: {
            ':partition': historyPartitionOf(position),
            ':first': 'POSITION#',
            ':this': positionSortKey(position.fixTime),
          },
          ScanIndexForward: false,
          // The position itself, when stored already, and the one before it.
          Limit: 2,
        }),
      );
      const earlier = Items.filter((item) => item.SK !== positionSortKey(position.fixTime));
      return earlier[0] ? parseStoredItem(BoatPosition, earlier[0], logger) : null;
    },

    /** A trip's positions in fix-time order. */
    listTripPositions: (departureId: string) => listHistory(tripPartition(departureId)),

    /** A boat's positions of a local day on no trip, in fix-time order. */
    listOffTripPositions: (boatId: string, localDate: string) =>
      listHistory(offTripPartition(boatId, localDate)),
  };
}

export type TrackingStore = ReturnType<typeof createTrackingStore>;
