/**
 * Reading stored items back through the schema their writes were checked with. An item that no longer fits
 * (written by older code, or edited by hand in the table) is logged with its key and what is wrong, then left
 * out: one damaged item never takes a whole list or page down, and the writes that replace or delete it
 * still work, because none of them needs to read it first.
 */
import type * as z from 'zod';
import { createLogger, type Logger } from './logger.js';

type StoredItem = Record<string, unknown>;

/** Where a store reports damaged items when its caller gives it no logger (stdout, as every log line). */
export const storedItemsLogger = (): Logger => createLogger('warn');

/** The item as its schema reads it, or null (logged) when it does not fit the schema any more. */
export function parseStoredItem<Output>(
  schema: z.ZodType<Output>,
  item: StoredItem,
  logger: Logger,
): Output | null {
  const parsed = schema.safeParse(item);
  if (parsed.success) return parsed.data;
  // Issue messages name the rule, never the stored value, so no personal data reaches the log.
  logger.error('damaged stored item left out', {
    PK: item.PK,
    SK: item.SK,
    entity: item.entity,
    issues: parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })),
  });
  return null;
}

/** The items that fit their schema, in their order; each one that does not is logged and left out. */
export function parseStoredItems<Output>(
  schema: z.ZodType<Output>,
  items: readonly StoredItem[],
  logger: Logger,
): Output[] {
  return items.flatMap((item) => {
    const parsed = parseStoredItem(schema, item, logger);
    return parsed === null ? [] : [parsed];
  });
}
