/**
 * Where audit entries are kept — a partition per UTC day, sorted by instant — and the page cursor, which is the
 * last key read, made opaque. A cursor comes back from a client, so it is checked before DynamoDB sees it: one
 * that is not ours, or names another day, would otherwise fail the Query with a 500.
 */
import * as z from 'zod';
import type { ItemKey } from '../table.js';

export const AUDIT_PARTITION_PREFIX = 'AUDIT#';

/** The partition of a UTC day (`YYYY-MM-DD`). */
export function auditPartition(date: string): string {
  return `${AUDIT_PARTITION_PREFIX}${date}`;
}

/** The key of the entry `id` recorded at `at` (a UTC ISO instant, as Date#toISOString writes it). */
export function auditKey(at: string, id: string): ItemKey {
  return { PK: auditPartition(at.slice(0, 10)), SK: `${at}#${id}` };
}

/** A cursor that is not one this log gave out for the day asked for. */
export class InvalidCursorError extends Error {
  constructor() {
    super('The cursor is not one this list gave for this day.');
    this.name = 'InvalidCursorError';
  }
}

const SORT_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z#[0-9a-f-]{36}$/;

export function encodeCursor(key: ItemKey): string {
  return Buffer.from(JSON.stringify({ PK: key.PK, SK: key.SK })).toString('base64url');
}

/** The key a cursor holds, when it is a key of `date`'s partition; InvalidCursorError otherwise. */
export function decodeCursor(cursor: string, date: string): ItemKey {
  // Node's base64url decoder skips characters outside the alphabet; refuse them instead of reading around them.
  if (!/^[A-Za-z0-9_-]{1,400}$/.test(cursor)) throw new InvalidCursorError();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  const key = z
    .strictObject({ PK: z.literal(auditPartition(date)), SK: z.string().regex(SORT_KEY) })
    .safeParse(decoded);
  if (!key.success || !key.data.SK.startsWith(date)) throw new InvalidCursorError();
  return key.data;
}
