/**
 * The audit log: sensitive reads and exports (a passenger manifest viewed or exported, and what later services
 * record), kept in the platform table and never changed. There is no update and no delete here on purpose; an
 * entry is written with a Put that refuses an existing key, and on AWS the functions' roles are denied every
 * other way of changing an `AUDIT#` item (cdk/constructs/audit-log-protection.ts). No TTL: entries are kept.
 */
import { randomUUID } from 'node:crypto';
import { type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { putWhen } from '../dynamo.js';
import type { Logger } from '../logger.js';
import { parseStoredItems, storedItemsLogger } from '../stored-items.js';
import type { ItemKey } from '../table.js';
import { AuditEntry, type AuditRecord } from './entry.js';
import { auditKey, auditPartition, decodeCursor, encodeCursor } from './keys.js';

export { AuditEntry, type AuditRecord, auditActor, auditOrigin, auditOriginOf } from './entry.js';
export { InvalidCursorError } from './keys.js';

export const AUDIT_PAGE_DEFAULT_LIMIT = 50;
export const AUDIT_PAGE_MAX_LIMIT = 200;

export interface AuditQuery {
  /** The UTC day, `YYYY-MM-DD`. */
  date: string;
  /** Only entries of this action (`manifest.export`). */
  action?: string;
  /** Only entries about the resource with this id. */
  resourceId?: string;
  /** At most this many entries (1–200; 50 when absent). */
  limit?: number;
  /** Where the previous page of the same day ended (its `nextCursor`). */
  cursor?: string;
}

export interface AuditPage {
  /** Newest first. */
  entries: AuditEntry[];
  /** Null when the day has no more entries to read. */
  nextCursor: string | null;
}

export interface AuditLog {
  /** Appends an entry, stamped with a new id and the time now; it can never be written over. */
  record(entry: AuditRecord): Promise<AuditEntry>;
  /** A page of a day's entries, newest first. Throws InvalidCursorError for a cursor it did not give out. */
  list(query: AuditQuery): Promise<AuditPage>;
}

/** An entry was about to be written over: refused, and the stored one kept. */
export class AuditEntryExistsError extends Error {
  constructor(readonly key: ItemKey) {
    super(`An audit entry is stored at ${key.PK} ${key.SK} already; it is never written over.`);
    this.name = 'AuditEntryExistsError';
  }
}

/** Items read by one Query when a filter applies (DynamoDB filters after it reads, so a page reads ahead). */
const FILTERED_READ_SIZE = 250;
/** Queries one page may make; past it the page ends short, and its cursor continues where reading stopped. */
const MAX_READS_PER_PAGE = 8;

export function createAuditLog(
  db: DynamoDBDocumentClient,
  tableName: string,
  clock: () => Date = () => new Date(),
  { newId = randomUUID, logger = storedItemsLogger() }: { newId?: () => string; logger?: Logger } = {},
): AuditLog {
  return {
    async record(entry) {
      // Parsed with the schema that reads it back, so what is written is what a reader will accept.
      const stored = AuditEntry.parse({ ...entry, id: newId(), at: clock().toISOString() });
      const key = auditKey(stored.at, stored.id);
      const written = await putWhen(db, tableName, { ...key, entity: 'AuditEntry', ...stored }, 'absent');
      if (!written) throw new AuditEntryExistsError(key);
      return stored;
    },

    async list({ date, action, resourceId, limit: asked = AUDIT_PAGE_DEFAULT_LIMIT, cursor }) {
      const limit = Math.min(Math.max(Math.trunc(asked), 1), AUDIT_PAGE_MAX_LIMIT);
      const filters = [
        ...(action === undefined ? [] : ['#action = :action']),
        ...(resourceId === undefined ? [] : ['#resource.#id = :resourceId']),
      ];
      const filtered = filters.length > 0;
      const query = {
        TableName: tableName,
        KeyConditionExpression: 'PK = :day',
        ...(filtered && {
          FilterExpression: filters.join(' AND '),
          ExpressionAttributeNames: {
            ...(action !== undefined && { '#action': 'action' }),
            ...(resourceId !== undefined && { '#resource': 'resource', '#id': 'id' }),
          },
        }),
        ExpressionAttributeValues: {
          ':day': auditPartition(date),
          ...(action !== undefined && { ':action': action }),
          ...(resourceId !== undefined && { ':resourceId': resourceId }),
        },
        ScanIndexForward: false,
      };
      const page = (items: Record<string, unknown>[], next: ItemKey | null): AuditPage => ({
        entries: parseStoredItems(AuditEntry, items, logger),
        nextCursor: next && encodeCursor(next),
      });

      let startKey: ItemKey | undefined = cursor === undefined ? undefined : decodeCursor(cursor, date);
      const matched: Record<string, unknown>[] = [];
      for (let reads = 0; reads < MAX_READS_PER_PAGE; reads += 1) {
        const { Items = [], LastEvaluatedKey } = await db.send(
          new QueryCommand({
            ...query,
            // One more than the page needs: when it comes, there is a next page; when not, the day is done,
            // and a client is never sent on to an empty last page.
            Limit: filtered ? FILTERED_READ_SIZE : limit - matched.length + 1,
            ExclusiveStartKey: startKey,
          }),
        );
        matched.push(...Items);
        if (matched.length >= limit) {
          const entries = matched.slice(0, limit);
          const more = matched.length > limit || LastEvaluatedKey !== undefined;
          return page(entries, more ? keyOf(entries[entries.length - 1]) : null);
        }
        if (!LastEvaluatedKey) return page(matched, null);
        startKey = keyOf(LastEvaluatedKey);
      }
      return page(matched, startKey ?? null);
    },
  };
}

function keyOf(item: Record<string, unknown> | undefined): ItemKey {
  return { PK: String(item?.PK), SK: String(item?.SK) };
}
