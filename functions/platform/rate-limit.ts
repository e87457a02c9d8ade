/**
 * Attempt limits kept in the table: a counter per bucket (what is limited, and for whom — a keyed hash, never
 * the raw address or phone number) and fixed time window, deleted by TTL when its window is over. `take`
 * counts an attempt only while the bucket has room, in one conditional write, so parallel requests cannot
 * overshoot; `exhausted` and `record` count only failures (a wrong code), letting the successes through.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';

export interface Limit {
  /** e.g. `wifi-code-address#<hash>`. */
  bucket: string;
  limit: number;
  windowSeconds: number;
  /**
   * Names the window instead (e.g. a local date), for windows that do not start at multiples of their length
   * since the epoch; the counter is then kept `windowSeconds` from its first attempt.
   */
  period?: string;
}

export interface RateLimiter {
  /** Counts one attempt; false, and nothing counted, when the bucket is full for this window. */
  take(limit: Limit): Promise<boolean>;
  /** Whether the bucket is full for this window (nothing counted). */
  exhausted(limit: Limit): Promise<boolean>;
  /** Counts one attempt whatever the count (a failure that happened). */
  record(limit: Omit<Limit, 'limit'>): Promise<void>;
  /** Takes back one attempt `take` counted in this window (it turned out not to be one that is limited). */
  giveBack(limit: Omit<Limit, 'limit'>): Promise<void>;
}

export function createRateLimiter(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock: () => Date = () => new Date(),
): RateLimiter {
  const keyOf = ({ bucket, windowSeconds, period }: Omit<Limit, 'limit'>) => {
    const now = Math.floor(clock().getTime() / 1000);
    if (period) return { key: { PK: `RATE#${bucket}`, SK: period }, expiresAt: now + windowSeconds };
    const windowStart = now - (now % windowSeconds);
    return {
      key: { PK: `RATE#${bucket}`, SK: `${windowSeconds}#${windowStart}` },
      expiresAt: windowStart + windowSeconds + 60,
    };
  };
  const add = (limit: Omit<Limit, 'limit'>, condition?: { limit: number }, by = 1) => {
    const { key, expiresAt } = keyOf(limit);
    return db.send(
      new UpdateCommand({
        TableName: tableName,
        Key: key,
        UpdateExpression: 'ADD attempts :one SET entity = :entity, expiresAt = :expiresAt',
        ...(condition && { ConditionExpression: 'attribute_not_exists(attempts) OR attempts < :limit' }),
        ExpressionAttributeValues: {
          ':one': by,
          ':entity': 'RateLimit',
          ':expiresAt': expiresAt,
          ...(condition && { ':limit': condition.limit }),
        },
      }),
    );
  };
  return {
    async take(limit) {
      try {
        await add(limit, limit);
        return true;
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) return false;
        throw error;
      }
    },
    async exhausted(limit) {
      const { Item } = await db.send(
        new GetCommand({ TableName: tableName, Key: keyOf(limit).key, ConsistentRead: true }),
      );
      return ((Item?.attempts as number | undefined) ?? 0) >= limit.limit;
    },
    async record(limit) {
      await add(limit);
    },
    async giveBack(limit) {
      const { key } = keyOf(limit);
      try {
        // Only within the window that counted it: a window that has just ended is not credited into the next.
        await db.send(
          new UpdateCommand({
            TableName: tableName,
            Key: key,
            UpdateExpression: 'ADD attempts :minusOne',
            ConditionExpression: 'attempts > :zero',
            ExpressionAttributeValues: { ':minusOne': -1, ':zero': 0 },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    },
  };
}

/** Seconds until `limit`'s current window ends and its bucket has room again (for Retry-After). */
export function secondsLeftInWindow(limit: Pick<Limit, 'windowSeconds' | 'period'>, now: Date): number {
  if (limit.period) return limit.windowSeconds;
  const seconds = Math.floor(now.getTime() / 1000);
  return limit.windowSeconds - (seconds % limit.windowSeconds);
}
