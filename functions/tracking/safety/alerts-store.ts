/**
 * DynamoDB access for safety alerts. Each boat has at most one current alert of each kind
 * (`TRACKING#ALERT#CURRENT` / `BOAT#<boat>#KIND#<kind>`): raising is a conditional write on that key, so a rule
 * that keeps firing on every report raises one alert, not one per position, and two intakes racing raise it
 * once. Every alert is also kept under its local day (`TRACKING#ALERT#DAY#<date>` / `ALERT#<id>`), the record
 * the console's history and the audit read; both copies change together.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../platform/dynamo.js';
import { localDateAt } from '../../platform/local-time.js';
import type { Logger } from '../../platform/logger.js';
import { parseStoredItem, parseStoredItems, storedItemsLogger } from '../../platform/stored-items.js';
import { writeTransaction } from '../../platform/transactions.js';
import { Alert, type AlertKind, type AlertState } from '../live/model.js';

const CURRENT = 'TRACKING#ALERT#CURRENT';
const currentSortKey = (boatId: string, kind: AlertKind) => `BOAT#${boatId}#KIND#${kind}`;
/** Every alert's record is under its day's partition: the stream's live updates watch these. */
export const ALERT_DAYS_PARTITION_PREFIX = 'TRACKING#ALERT#DAY#';
const dayPartition = (localDate: string) => `${ALERT_DAYS_PARTITION_PREFIX}${localDate}`;
const historySortKey = (id: string) => `ALERT#${id}`;

/** An alert's id starts with its local day (`AL-20260719-…`), which is where its record is kept. */
export function dayOfAlertId(id: string): string | null {
  const match = /^AL-(\d{4})(\d{2})(\d{2})-[0-9a-z]{6,20}$/.exec(id);
  return match ? `${match[1]}-${match[2]}-${match[3]}` : null;
}

export function newAlertId(raisedAt: Date, random: () => string): string {
  return `AL-${localDateAt(raisedAt).replaceAll('-', '')}-${random()}`;
}

export function createAlertsStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  const itemsOf = (alert: Alert) => ({
    current: {
      PK: CURRENT,
      SK: currentSortKey(alert.boatId, alert.kind),
      entity: 'TrackingAlert',
      ...Alert.parse(alert),
    },
    history: {
      PK: dayPartition(localDateAt(new Date(alert.raisedAt))),
      SK: historySortKey(alert.id),
      entity: 'TrackingAlert',
      ...Alert.parse(alert),
    },
  });

  return {
    /**
     * Raises `alert` unless its boat has a current alert of its kind that is not resolved, or was resolved after
     * `quietSince` (a person just resolved it: the same condition does not come straight back). False, and
     * nothing written, when it was not raised.
     */
    async raise(alert: Alert, quietSince: Date): Promise<boolean> {
      const { current, history } = itemsOf(alert);
      const outcome = await writeTransaction(db, {
        TransactItems: [
          {
            Put: {
              TableName: tableName,
              Item: current,
              ConditionExpression:
                'attribute_not_exists(PK) OR (#state = :resolved AND resolved.#at < :quietSince)',
              ExpressionAttributeNames: { '#state': 'state', '#at': 'at' },
              ExpressionAttributeValues: { ':resolved': 'resolved', ':quietSince': quietSince.toISOString() },
            },
          },
          { Put: { TableName: tableName, Item: history, ConditionExpression: 'attribute_not_exists(PK)' } },
        ],
      });
      return outcome.written;
    },

    /**
     * Writes an alert's new state where it was `expected` (so an acknowledgement and a resolution racing cannot
     * both win): its day's record always, its current copy if it is still the boat's current one of its kind.
     */
    async update(alert: Alert, expected: readonly AlertState[]): Promise<boolean> {
      const { current, history } = itemsOf(alert);
      const states = Object.fromEntries(expected.map((state, index) => [`:state${index}`, state]));
      const stateIn = `#state IN (${Object.keys(states).join(', ')})`;
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: history,
            ConditionExpression: `attribute_exists(PK) AND ${stateIn}`,
            ExpressionAttributeNames: { '#state': 'state' },
            ExpressionAttributeValues: states,
          }),
        );
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: current,
            ConditionExpression: 'id = :id',
            ExpressionAttributeValues: { ':id': alert.id },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
      return true;
    },

    async get(id: string): Promise<Alert | null> {
      const day = dayOfAlertId(id);
      if (!day) return null;
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: { PK: dayPartition(day), SK: historySortKey(id) } }),
      );
      return Item ? parseStoredItem(Alert, Item, logger) : null;
    },

    /** Each boat's current alert of each kind (resolved ones included, until raised again). */
    async listCurrent(): Promise<Alert[]> {
      return parseStoredItems(
        Alert,
        await queryAll(db, {
          TableName: tableName,
          KeyConditionExpression: 'PK = :current',
          ExpressionAttributeValues: { ':current': CURRENT },
        }),
        logger,
      );
    },

    /** The alerts raised on a local day, newest first. */
    async listDay(localDate: string): Promise<Alert[]> {
      const alerts = parseStoredItems(
        Alert,
        await queryAll(db, {
          TableName: tableName,
          KeyConditionExpression: 'PK = :day',
          ExpressionAttributeValues: { ':day': dayPartition(localDate) },
        }),
        logger,
      );
      return alerts.sort((a, b) => b.raisedAt.localeCompare(a.raisedAt));
    },
  };
}

export type AlertsStore = ReturnType<typeof createAlertsStore>;
