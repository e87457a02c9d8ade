/**
 * DynamoDB access for the pier. The rule that matters is in two conditions: a check-in or a counter sale moves
 * the departure's `aboard` counter in the same transaction as the booking, only while `aboard` is at most the
 * certified capacity minus the people it boards (a condition cannot add, so the service computes that bound from
 * the capacity, and the condition pins the capacity it was computed from); and the booking moves only from the
 * boarding revision the decision was made on, so two scanners cannot board one passenger twice. Bans are kept
 * in one partition (`BANS`, few items), each departure they stop carries its suspension.
 */

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  type DynamoDBDocumentClient,
  GetCommand,
  PutCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { queryAll } from '../../platform/dynamo.js';
import type { Logger } from '../../platform/logger.js';
import { parseStoredItem, parseStoredItems, storedItemsLogger } from '../../platform/stored-items.js';
import type { ItemKey } from '../../platform/table.js';
import { writeTransaction } from '../../platform/transactions.js';
import { bookingKey, holdKey, manifestKey } from '../bookings/keys.js';
import { type Boarding, Booking } from '../bookings/model.js';
import { type Clearance, type Crew, Departure, type StaffRef, type Suspension } from '../departures/model.js';
import { departureKeyOf } from '../departures/store.js';
import { Ban } from './model.js';

const BANS_PARTITION = 'BANS';
const banKey = (id: string): ItemKey => ({ PK: BANS_PARTITION, SK: `BAN#${id}` });
/** One per company and receipt number: a counter sale retried with its receipt is recognised, never sold twice. */
const receiptKey = (operatorId: string, receiptNumber: string): ItemKey => ({
  PK: `RECEIPT#${operatorId}`,
  SK: `RECEIPT#${receiptNumber.toUpperCase()}`,
});

export type PierWriteOutcome =
  | { done: true }
  | { done: false; booking: Booking | null; departure: Departure | null; receiptTaken?: string };

function keyOfDeparture(id: string): ItemKey {
  const key = departureKeyOf(id);
  if (!key) throw new Error(`Departure id ${id} does not follow departureIdFor.`);
  return key;
}

/** The condition under which people may still board: open, not cleared, not left, room for `boarding` more. */
function boardingCondition(departure: Departure, boarding: number) {
  return {
    expression:
      '#status = :open AND #capacity = :capacity AND (attribute_not_exists(aboard) OR aboard <= :maxBefore) ' +
      'AND attribute_not_exists(departedAt) AND (attribute_not_exists(clearance) OR clearance.decision <> :cleared)',
    values: {
      ':open': 'open',
      ':capacity': departure.capacity,
      ':maxBefore': departure.capacity - boarding,
      ':cleared': 'cleared',
    },
  };
}

export function createPierStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  function parsedFailures(
    failed: Map<number, Record<string, unknown>>,
    bookingAt: number,
    departureAt: number,
  ) {
    const bookingItem = failed.get(bookingAt);
    const departureItem = failed.get(departureAt);
    return {
      booking: bookingItem && 'id' in bookingItem ? parseStoredItem(Booking, bookingItem, logger) : null,
      departure:
        departureItem && 'id' in departureItem ? parseStoredItem(Departure, departureItem, logger) : null,
    };
  }

  return {
    async getDeparture(id: string): Promise<Departure | null> {
      const key = departureKeyOf(id);
      if (!key) return null;
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: key, ConsistentRead: true }),
      );
      return Item ? parseStoredItem(Departure, Item, logger) : null;
    },

    async getBooking(id: string): Promise<Booking | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: bookingKey(id), ConsistentRead: true }),
      );
      return Item ? parseStoredItem(Booking, Item, logger) : null;
    },

    /**
     * Records boarding states on a booking and puts `boarded` people aboard, all or nothing: the booking only
     * from the revision it was read at, the departure only with room for them.
     */
    async recordBoarding(
      booking: Booking,
      departure: Departure,
      boarding: (Boarding | null)[],
      boarded: number,
      at: string,
    ): Promise<PierWriteOutcome> {
      const revision = booking.boardingRevision ?? 0;
      const redeem = boarding.some((state) => state?.state === 'aboard');
      const bookingUpdate = {
        Update: {
          TableName: tableName,
          Key: bookingKey(booking.id),
          UpdateExpression:
            'SET boarding = :boarding, boardingRevision = :next' +
            (redeem ? ', #status = :redeemed, redeemedAt = if_not_exists(redeemedAt, :at)' : ''),
          ConditionExpression:
            '#status IN (:confirmed, :redeemed) AND ' +
            (revision === 0 ? 'attribute_not_exists(boardingRevision)' : 'boardingRevision = :revision'),
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':boarding': boarding,
            ':next': revision + 1,
            ':confirmed': 'confirmed',
            ':redeemed': 'redeemed',
            ...(redeem && { ':at': at }),
            ...(revision !== 0 && { ':revision': revision }),
          },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        },
      };
      const condition = boardingCondition(departure, boarded);
      const departureUpdate = {
        Update: {
          TableName: tableName,
          Key: keyOfDeparture(departure.id),
          UpdateExpression: 'SET aboard = if_not_exists(aboard, :zero) + :boarded',
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
          ExpressionAttributeValues: { ...condition.values, ':zero': 0, ':boarded': boarded },
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        },
      };
      // A no-show alone puts nobody aboard: the departure is only checked, so a closed boarding still refuses it.
      const departureCheck = {
        ConditionCheck: {
          TableName: tableName,
          Key: departureUpdate.Update.Key,
          ConditionExpression: condition.expression,
          ExpressionAttributeNames: departureUpdate.Update.ExpressionAttributeNames,
          ExpressionAttributeValues: condition.values,
          ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
        },
      };
      const items = boarded > 0 ? [bookingUpdate, departureUpdate] : [bookingUpdate, departureCheck];
      const outcome = await writeTransaction(db, { TransactItems: items });
      if (outcome.written) return { done: true };
      return { done: false, ...parsedFailures(outcome.failedConditions, 0, 1) };
    },

    /**
     * A sale at the counter: the booking, its manifest entry and its receipt are written, its seats sold and (when
     * they board at once) its people put aboard, under the same conditions as a hold and a check-in.
     */
    async sellAtCounter(booking: Booking, departure: Departure, boarded: number): Promise<PierWriteOutcome> {
      const sale = booking.counterSale;
      if (!sale) throw new Error('A counter sale without its sale record.');
      const condition = boardingCondition(departure, boarded);
      const outcome = await writeTransaction(db, {
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: keyOfDeparture(departure.id),
              UpdateExpression:
                'SET sold = sold + :seats, seatsFree = seatsFree - :seats, ' +
                'walkUps = if_not_exists(walkUps, :zero) + :seats, aboard = if_not_exists(aboard, :zero) + :boarded',
              ConditionExpression: `${condition.expression} AND seatsFree >= :seats`,
              ExpressionAttributeNames: { '#status': 'status', '#capacity': 'capacity' },
              ExpressionAttributeValues: {
                ...condition.values,
                ':seats': booking.seats,
                ':zero': 0,
                ':boarded': boarded,
              },
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...bookingKey(booking.id), entity: 'Booking', ...Booking.parse(booking) },
              ConditionExpression: 'attribute_not_exists(PK)',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...receiptKey(booking.departure.operator.id, sale.receiptNumber),
                entity: 'CounterReceipt',
                bookingId: booking.id,
              },
              ConditionExpression: 'attribute_not_exists(PK)',
              ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: { ...manifestKey(booking), entity: 'ManifestEntry', bookingId: booking.id },
            },
          },
        ],
      });
      if (outcome.written) return { done: true };
      const receipt = outcome.failedConditions.get(2);
      if (receipt && 'bookingId' in receipt) {
        return { done: false, booking: null, departure: null, receiptTaken: String(receipt.bookingId) };
      }
      return { done: false, ...parsedFailures(outcome.failedConditions, 1, 0) };
    },

    /** The booking a receipt number of a company was sold under, if any. */
    async bookingIdOfReceipt(operatorId: string, receiptNumber: string): Promise<string | null> {
      const { Item } = await db.send(
        new GetCommand({
          TableName: tableName,
          Key: receiptKey(operatorId, receiptNumber),
          ConsistentRead: true,
        }),
      );
      return Item ? String(Item.bookingId) : null;
    },

    /** Every booking of a departure (its manifest entries), read consistently. */
    async bookingsOf(departure: Pick<Departure, 'id' | 'localDate'>): Promise<Booking[]> {
      const [, time, boatId] = departure.id.match(/^dep-\d{8}-(\d{4})-(.+)$/) ?? [];
      const entries = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :day AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: {
          ':day': `MANIFEST#${departure.localDate}`,
          ':prefix': `${time}#${boatId}#`,
        },
        ProjectionExpression: 'bookingId',
        ConsistentRead: true,
      });
      const ids = entries.map((entry) => String(entry.bookingId));
      const items: Record<string, unknown>[] = [];
      for (let start = 0; start < ids.length; start += 100) {
        let keys: Record<string, unknown>[] | undefined = ids
          .slice(start, start + 100)
          .map((id) => ({ ...bookingKey(id) }));
        while (keys && keys.length > 0) {
          const answer: BatchGetCommandOutput = await db.send(
            new BatchGetCommand({ RequestItems: { [tableName]: { Keys: keys, ConsistentRead: true } } }),
          );
          items.push(...(answer.Responses?.[tableName] ?? []));
          keys = answer.UnprocessedKeys?.[tableName]?.Keys;
        }
      }
      return parseStoredItems(Booking, items, logger).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    },

    /** The crew of a trip, while it may still change: neither cleared nor left. */
    async recordCrew(departure: Departure, crew: Crew): Promise<boolean> {
      return conditionalUpdate({
        Key: keyOfDeparture(departure.id),
        UpdateExpression: 'SET crew = :crew',
        ConditionExpression:
          'attribute_exists(PK) AND attribute_not_exists(departedAt) AND ' +
          '(attribute_not_exists(clearance) OR clearance.decision <> :cleared)',
        ExpressionAttributeValues: { ':crew': crew, ':cleared': 'cleared' },
      });
    },

    /**
     * The authority's decision, only on the departure as its checks saw it: nobody boarded since, not left, and
     * (for a clearance) still open.
     */
    async recordClearance(departure: Departure, clearance: Clearance): Promise<boolean> {
      const cleared = clearance.decision === 'cleared';
      return conditionalUpdate({
        Key: keyOfDeparture(departure.id),
        UpdateExpression: 'SET clearance = :clearance',
        ConditionExpression:
          'attribute_exists(PK) AND attribute_not_exists(departedAt) AND ' +
          '(attribute_not_exists(aboard) OR aboard = :aboard)' +
          (cleared ? ' AND #status = :open' : ''),
        ...(cleared && { ExpressionAttributeNames: { '#status': 'status' } }),
        ExpressionAttributeValues: {
          ':clearance': clearance,
          ':aboard': departure.aboard,
          ...(cleared && { ':open': 'open' }),
        },
      });
    },

    /** The boat has left: only a cleared departure, once. */
    async markDeparted(departure: Departure, at: string, by: StaffRef): Promise<boolean> {
      return conditionalUpdate({
        Key: keyOfDeparture(departure.id),
        UpdateExpression: 'SET departedAt = :at, departedBy = :by',
        ConditionExpression: 'clearance.decision = :cleared AND attribute_not_exists(departedAt)',
        ExpressionAttributeValues: { ':at': at, ':by': by, ':cleared': 'cleared' },
      });
    },

    /** A ban stops an open departure that has not left; a clearance given before the ban no longer holds. */
    async suspendDeparture(departure: Departure, suspension: Suspension): Promise<boolean> {
      return conditionalUpdate({
        Key: keyOfDeparture(departure.id),
        UpdateExpression: 'SET #status = :suspended, suspension = :suspension REMOVE clearance',
        ConditionExpression: '#status = :open AND attribute_not_exists(departedAt)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':suspended': 'suspended', ':open': 'open', ':suspension': suspension },
      });
    },

    /** Lifting a ban reopens what that ban (and no other since) suspended. */
    async reopenDeparture(departure: Departure, banId: string): Promise<boolean> {
      return conditionalUpdate({
        Key: keyOfDeparture(departure.id),
        UpdateExpression: 'SET #status = :open REMOVE suspension',
        ConditionExpression: '#status = :suspended AND suspension.banId = :banId',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':suspended': 'suspended', ':open': 'open', ':banId': banId },
      });
    },

    /**
     * Cancels a booking of a suspended departure, from the status it was read in, and gives its seats (and its
     * people aboard) back, all or nothing; a hold's marker goes too. Cancelling it again finds it cancelled.
     */
    async cancelForBan(
      booking: Booking,
      set: Partial<Booking>,
      refund?: Booking['refunds'][number],
    ): Promise<boolean> {
      const aboard = (booking.boarding ?? []).filter((state) => state?.state === 'aboard').length;
      const names: Record<string, string> = { '#status': 'status' };
      const values: Record<string, unknown> = { ':from': booking.status };
      const assignments = Object.entries(set).map(([field, value]) => {
        names[`#${field}`] = field;
        values[`:${field}`] = value;
        return `#${field} = :${field}`;
      });
      let update = `SET ${assignments.join(', ')}`;
      if (refund) {
        update +=
          ', refunds = list_append(if_not_exists(refunds, :noRefunds), :refund) ADD refundIds :refundIds';
        Object.assign(values, { ':noRefunds': [], ':refund': [refund], ':refundIds': new Set([refund.id]) });
      }
      const held = booking.status === 'on_hold';
      const counter = booking.channel === 'counter';
      const seatMoves = held
        ? 'held = held - :seats, seatsFree = seatsFree + :seats'
        : 'sold = sold - :seats, seatsFree = seatsFree + :seats, aboard = if_not_exists(aboard, :zero) - :aboard' +
          (counter ? ', walkUps = walkUps - :seats' : '');
      const outcome = await writeTransaction(db, {
        TransactItems: [
          {
            Update: {
              TableName: tableName,
              Key: bookingKey(booking.id),
              UpdateExpression: update,
              ConditionExpression: '#status = :from',
              ExpressionAttributeNames: names,
              ExpressionAttributeValues: values,
            },
          },
          {
            Update: {
              TableName: tableName,
              Key: keyOfDeparture(booking.departure.id),
              UpdateExpression: `SET ${seatMoves}`,
              ConditionExpression: 'attribute_exists(PK)',
              ExpressionAttributeValues: {
                ':seats': booking.seats,
                ...(!held && { ':zero': 0, ':aboard': aboard }),
              },
            },
          },
          ...(held ? [{ Delete: { TableName: tableName, Key: holdKey(booking) } }] : []),
        ],
      });
      return outcome.written;
    },

    async putBan(ban: Ban): Promise<boolean> {
      try {
        await db.send(
          new PutCommand({
            TableName: tableName,
            Item: { ...banKey(ban.id), entity: 'Ban', ...Ban.parse(ban) },
            ConditionExpression: 'attribute_not_exists(PK)',
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    async getBan(id: string): Promise<Ban | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: banKey(id), ConsistentRead: true }),
      );
      return Item ? parseStoredItem(Ban, Item, logger) : null;
    },

    async listBans(): Promise<Ban[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :bans AND begins_with(SK, :prefix)',
        ExpressionAttributeValues: { ':bans': BANS_PARTITION, ':prefix': 'BAN#' },
      });
      return parseStoredItems(Ban, items, logger).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    },

    /** Adds what one run of a ban did to its totals, and says how many bookings that run left to retry. */
    async recordBanApplied(
      id: string,
      at: string,
      run: { suspendedDepartures: number; cancelledBookings: number; failedBookings: number },
    ): Promise<void> {
      await db.send(
        new UpdateCommand({
          TableName: tableName,
          Key: banKey(id),
          UpdateExpression:
            'SET appliedAt = :at, failedBookings = :failed ADD suspendedDepartures :suspended, cancelledBookings :cancelled',
          ConditionExpression: 'attribute_exists(PK)',
          ExpressionAttributeValues: {
            ':at': at,
            ':failed': run.failedBookings,
            ':suspended': run.suspendedDepartures,
            ':cancelled': run.cancelledBookings,
          },
        }),
      );
    },

    /** Lifts a ban once; false when it was lifted already. */
    async liftBan(id: string, at: string, by: StaffRef): Promise<boolean> {
      return conditionalUpdate({
        Key: banKey(id),
        UpdateExpression: 'SET liftedAt = :at, liftedBy = :by',
        ConditionExpression: 'attribute_exists(PK) AND attribute_not_exists(liftedAt)',
        ExpressionAttributeValues: { ':at': at, ':by': by },
      });
    },
  };

  async function conditionalUpdate(input: {
    Key: ItemKey;
    UpdateExpression: string;
    ConditionExpression: string;
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues: Record<string, unknown>;
  }): Promise<boolean> {
    try {
      await db.send(new UpdateCommand({ TableName: tableName, ...input }));
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}

export type PierStore = ReturnType<typeof createPierStore>;
