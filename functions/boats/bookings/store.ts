/**
 * DynamoDB access for bookings. Every change of a booking's status moves its seats on the departure in the
 * same transaction, so the departure's counters (held, sold, seatsFree) always equal the sum of its
 * bookings, and no interleaving of requests can take more seats than the boat is certified for. The items
 * a booking writes and their keys are in keys.ts.
 *
 * A booking is parsed with its read schema (its total the sum of its lines) before it is stored; one that still
 * fails to load is logged and read as absent (platform/stored-items.ts), so it cannot stop the sweeps.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  type DynamoDBDocumentClient,
  GetCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { queryAll } from '../../platform/dynamo.js';
import type { Logger } from '../../platform/logger.js';
import { parseStoredItem, storedItemsLogger } from '../../platform/stored-items.js';
import type { ItemKey } from '../../platform/table.js';
import { writeTransaction } from '../../platform/transactions.js';
import { departureKeyOf } from '../departures/store.js';
import {
  bookingKey,
  HOLD_MARKER_DAYS,
  holdKey,
  IDEMPOTENCY_RECORD_DAYS,
  idempotencyKey,
  manifestKey,
  ttlAfter,
} from './keys.js';
import { Booking, type BookingChange, type Refund } from './model.js';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

const DAY_MS = 24 * 60 * 60 * 1000;

/** What an Idempotency-Key remembers: which booking it made, from which request. */
export interface IdempotencyRecord {
  bookingId: string;
  /** SHA-256 of the request body as validated, so a different request under the same key is recognised. */
  fingerprint: string;
  /** Random salt from which, with the key, the booking's access token is derived again on a replay. */
  tokenSalt: string;
}

export type HoldOutcome =
  | { held: true }
  | { held: false; reason: 'sold-out'; seatsLeft: number }
  | { held: false; reason: 'departure-closed' | 'departure-missing' | 'key-used' | 'id-taken' };

export type TransitionOutcome = { done: true } | { done: false; current: Booking | null };

export function createBookingsStore(
  db: DynamoDBDocumentClient,
  tableName: string,
  logger: Logger = storedItemsLogger(),
) {
  function departureKey(booking: Pick<Booking, 'departure'>): ItemKey {
    const key = departureKeyOf(booking.departure.id);
    if (!key) throw new Error(`Booking of an unknown departure id ${booking.departure.id}.`);
    return key;
  }

  /**
   * Adds to the departure's seat counters; every caller moves seats between counters, so their sum stays
   * the capacity. A condition on the departure may use `#status`.
   */
  function moveSeats(
    booking: Booking,
    change: { held?: number; sold?: number; seatsFree?: number },
    condition?: { expression: string; values: Record<string, unknown> },
  ): TransactItem {
    const assignments = Object.keys(change).map((counter) => `${counter} = ${counter} + :${counter}`);
    return {
      Update: {
        TableName: tableName,
        Key: departureKey(booking),
        UpdateExpression: `SET ${assignments.join(', ')}`,
        ConditionExpression: condition?.expression ?? 'attribute_exists(PK)',
        ...(condition && { ExpressionAttributeNames: { '#status': 'status' } }),
        ExpressionAttributeValues: {
          ...Object.fromEntries(Object.entries(change).map(([counter, delta]) => [`:${counter}`, delta])),
          ...condition?.values,
        },
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  /**
   * Changes the booking's fields (and records a refund), only while it is still in the status this change
   * was decided on. An update, not a put: fields written meanwhile by others (a refund) are kept.
   */
  function updateBooking(booking: Booking, from: Booking['status'], change: BookingChange): TransactItem {
    const { set, refund } = change;
    const names: Record<string, string> = { '#status': 'status' };
    const values: Record<string, unknown> = { ':from': from };
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
    return {
      Update: {
        TableName: tableName,
        Key: bookingKey(booking.id),
        UpdateExpression: update,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: names,
        ExpressionAttributeValues: values,
        ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
      },
    };
  }

  function deleteHoldMarker(booking: Booking): TransactItem {
    return { Delete: { TableName: tableName, Key: holdKey(booking) } };
  }

  async function transition(items: TransactItem[], bookingIndex: number): Promise<TransitionOutcome> {
    const outcome = await writeTransaction(db, { TransactItems: items });
    if (outcome.written) return { done: true };
    const stored = outcome.failedConditions.get(bookingIndex);
    return {
      done: false,
      current: stored && 'id' in stored ? parseStoredItem(Booking, stored, logger) : null,
    };
  }

  return {
    /**
     * Takes the booking's seats and stores it, all or nothing. The condition on the departure is the one
     * that makes overselling impossible: `seatsFree ≥ seats` on an open departure, checked and decremented
     * by DynamoDB atomically; concurrent requests either fit or are refused, whatever their order.
     */
    async holdSeats(
      booking: Booking,
      idempotency: IdempotencyRecord & { keyHash: string },
    ): Promise<HoldOutcome> {
      const { keyHash, ...record } = idempotency;
      const outcome = await writeTransaction(db, {
        TransactItems: [
          moveSeats(
            booking,
            { held: booking.seats, seatsFree: -booking.seats },
            {
              expression: '#status = :open AND seatsFree >= :seats',
              values: { ':open': 'open', ':seats': booking.seats },
            },
          ),
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
                ...holdKey(booking),
                entity: 'Hold',
                bookingId: booking.id,
                expiresAt: ttlAfter(booking.holdExpiresAt, HOLD_MARKER_DAYS),
              },
            },
          },
          {
            Put: {
              TableName: tableName,
              Item: {
                ...idempotencyKey(keyHash),
                entity: 'IdempotencyRecord',
                ...record,
                expiresAt: ttlAfter(booking.createdAt, IDEMPOTENCY_RECORD_DAYS),
              },
              ConditionExpression: 'attribute_not_exists(PK)',
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
      if (outcome.written) return { held: true };
      const failed = outcome.failedConditions;
      if (failed.has(3)) return { held: false, reason: 'key-used' };
      if (failed.has(1)) return { held: false, reason: 'id-taken' };
      const departure = failed.get(0) ?? {};
      if (!('PK' in departure)) return { held: false, reason: 'departure-missing' };
      if (departure.status !== 'open') return { held: false, reason: 'departure-closed' };
      return { held: false, reason: 'sold-out', seatsLeft: Number(departure.seatsFree) };
    },

    /** Null when there is none, or when the stored one is damaged (logged). */
    async getBooking(id: string): Promise<Booking | null> {
      const { Item } = await db.send(new GetCommand({ TableName: tableName, Key: bookingKey(id) }));
      return Item ? parseStoredItem(Booking, Item, logger) : null;
    },

    async getIdempotencyRecord(keyHash: string): Promise<IdempotencyRecord | null> {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: idempotencyKey(keyHash), ConsistentRead: true }),
      );
      if (!Item) return null;
      return {
        bookingId: String(Item.bookingId),
        fingerprint: String(Item.fingerprint),
        tokenSalt: String(Item.tokenSalt),
      };
    },

    /** Remembers the checkout started for a booking on hold. */
    async recordCheckout(booking: Booking, payment: Booking['payment']): Promise<TransitionOutcome> {
      // One item: a conditional update guarantees as much as a transaction, at half the write units.
      const { Update } = updateBooking(booking, 'on_hold', {
        set: { payment: { ...booking.payment, ...payment } },
      });
      try {
        await db.send(new UpdateCommand(Update as NonNullable<typeof Update>));
        return { done: true };
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
        return {
          done: false,
          current: error.Item ? parseStoredItem(Booking, unmarshall(error.Item), logger) : null,
        };
      }
    },

    /** Paid while held: the held seats become sold. */
    async confirmHeld(booking: Booking, confirmed: BookingChange): Promise<TransitionOutcome> {
      return transition(
        [
          updateBooking(booking, 'on_hold', confirmed),
          moveSeats(booking, { held: -booking.seats, sold: booking.seats }),
          deleteHoldMarker(booking),
        ],
        0,
      );
    },

    /**
     * Paid after the hold was released: the seats are taken again if the departure still has them, under
     * the same condition as a new hold. `departureFull` tells the caller to refund instead.
     */
    async confirmReleased(
      booking: Booking,
      confirmed: BookingChange,
    ): Promise<TransitionOutcome | { done: false; departureFull: true }> {
      const outcome = await writeTransaction(db, {
        TransactItems: [
          updateBooking(booking, booking.status, confirmed),
          moveSeats(
            booking,
            { sold: booking.seats, seatsFree: -booking.seats },
            {
              expression: '#status = :open AND seatsFree >= :seats',
              values: { ':open': 'open', ':seats': booking.seats },
            },
          ),
        ],
      });
      if (outcome.written) return { done: true };
      const stored = outcome.failedConditions.get(0);
      if (stored && 'id' in stored) return { done: false, current: parseStoredItem(Booking, stored, logger) };
      return { done: false, departureFull: true };
    },

    /** A hold ends unpaid (expired, or given up by the tourist): its seats return to sale. */
    async releaseHold(booking: Booking, released: BookingChange): Promise<TransitionOutcome> {
      return transition(
        [
          updateBooking(booking, 'on_hold', released),
          moveSeats(booking, { held: -booking.seats, seatsFree: booking.seats }),
          deleteHoldMarker(booking),
        ],
        0,
      );
    },

    /** A confirmed booking is cancelled: its seats return to sale. */
    async cancelConfirmed(booking: Booking, cancelled: BookingChange): Promise<TransitionOutcome> {
      return transition(
        [
          updateBooking(booking, 'confirmed', cancelled),
          moveSeats(booking, { sold: -booking.seats, seatsFree: booking.seats }),
        ],
        0,
      );
    },

    /**
     * Records a refund on a booking whatever its status (a refund never moves seats). Recording the same
     * refund again, as a replayed notification would, changes nothing.
     */
    async addRefund(bookingId: string, refund: Refund): Promise<void> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: bookingKey(bookingId),
            UpdateExpression:
              'SET refunds = list_append(if_not_exists(refunds, :none), :refund) ADD refundIds :refundIds',
            ConditionExpression: 'attribute_exists(PK) AND NOT contains(refundIds, :id)',
            ExpressionAttributeValues: {
              ':none': [],
              ':refund': [refund],
              ':refundIds': new Set([refund.id]),
              ':id': refund.id,
            },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },

    /**
     * Gives the booking a new link token (a fresh link for a visitor who lost theirs): the old link stops
     * opening it, the access token of the browser that booked still does. False when there is no such booking.
     */
    async replaceLinkToken(bookingId: string, linkTokenHash: string): Promise<boolean> {
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: bookingKey(bookingId),
            UpdateExpression: 'SET linkTokenHash = :hash',
            ConditionExpression: 'attribute_exists(PK)',
            ExpressionAttributeValues: { ':hash': linkTokenHash },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** Ids of every booking of departures on a local day. */
    async bookingIdsOn(localDate: string): Promise<string[]> {
      const items = await queryAll(db, {
        TableName: tableName,
        KeyConditionExpression: 'PK = :day',
        ExpressionAttributeValues: { ':day': `MANIFEST#${localDate}` },
        ProjectionExpression: 'bookingId',
      });
      return items.map((item) => String(item.bookingId));
    },

    /**
     * Erases a booking's personal data (names, documents, guardians, contact), keeping what statistics need:
     * the lines (passengers per category), the passengers per nationality, the amounts. Never a hold, whose
     * seats are still moving; erasing twice changes nothing.
     */
    async erasePersonalData(booking: Booking, at: string): Promise<boolean> {
      const nationalityCounts: Record<string, number> = {};
      for (const passenger of booking.passengers) {
        nationalityCounts[passenger.nationality] = (nationalityCounts[passenger.nationality] ?? 0) + 1;
      }
      try {
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: bookingKey(booking.id),
            UpdateExpression:
              'SET passengers = :none, nationalityCounts = :nationalities, personalDataErasedAt = :at REMOVE contact',
            ConditionExpression:
              'attribute_exists(PK) AND attribute_not_exists(personalDataErasedAt) AND #status <> :held',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':none': [],
              ':nationalities': nationalityCounts,
              ':at': at,
              ':held': 'on_hold',
            },
          }),
        );
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },

    /** Ids of bookings whose hold ended at or before `now`, looking back `days` UTC days. */
    async overdueHolds(now: Date, days: number): Promise<string[]> {
      const ids: string[] = [];
      const nowIso = now.toISOString();
      for (let back = days - 1; back >= 0; back--) {
        const day = new Date(now.getTime() - back * DAY_MS).toISOString().slice(0, 10);
        const items = await queryAll(db, {
          TableName: tableName,
          KeyConditionExpression: 'PK = :day AND SK BETWEEN :first AND :last',
          ExpressionAttributeValues: {
            ':day': `HOLDS#${day}`,
            ':first': 'HOLD#',
            ':last': `HOLD#${nowIso}#~`,
          },
          ProjectionExpression: 'bookingId',
        });
        ids.push(...items.map((item) => String(item.bookingId)));
      }
      return ids;
    },
  };
}

export type BookingsStore = ReturnType<typeof createBookingsStore>;
