/**
 * A short-lived, bounded, in-process cache of reads, grouped by topic so that a write can forget what it
 * changed. One read of a key is in flight at a time: a burst of requests for the same page costs one query.
 */

/**
 * The cache of what the site's pages display (functions/site/page-data-cache.ts): how long a page may show data
 * read before a write it did not hear of (one made in another process: another Lambda function, a job ending
 * unpaid holds); writes through this process are seen at once. The bound on entries keeps keys that come from
 * query strings (searches) from growing it.
 */
export const PAGE_DATA_CACHE = { ttlMilliseconds: 5_000, maxEntries: 500 } as const;

export interface ReadCacheOptions {
  /** How long a value read is served before it is read again. */
  ttlMilliseconds: number;
  /** The most values kept; the least recently used goes first (keys can come from query strings). */
  maxEntries: number;
  clock?: () => number;
}

export interface ReadCache {
  /** The value kept under `topic` and `key` while it is fresh; otherwise `load()`'s, kept from now on. */
  read<T>(topic: string, key: string, load: () => Promise<T>): Promise<T>;
  /** Forgets every value of these topics now: the next read of them loads afresh. */
  forget(topics: readonly string[]): void;
}

interface Entry {
  topic: string;
  expiresAt: number;
  value: Promise<unknown>;
}

export function createReadCache({
  ttlMilliseconds,
  maxEntries,
  clock = () => performance.now(),
}: ReadCacheOptions): ReadCache {
  // A Map iterates in insertion order: re-inserting an entry on each hit keeps the least recently used first.
  const entries = new Map<string, Entry>();

  return {
    read<T>(topic: string, key: string, load: () => Promise<T>): Promise<T> {
      const id = `${topic}\u0000${key}`;
      const now = clock();
      const kept = entries.get(id);
      if (kept && kept.expiresAt > now) {
        entries.delete(id);
        entries.set(id, kept);
        return kept.value as Promise<T>;
      }
      const value = load().then(deepFreeze);
      const entry: Entry = { topic, expiresAt: now + ttlMilliseconds, value };
      entries.delete(id);
      entries.set(id, entry);
      // A failed read is not kept: the next request tries again. Only this entry, not a newer one.
      value.catch(() => {
        if (entries.get(id) === entry) entries.delete(id);
      });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value as string;
        entries.delete(oldest);
      }
      return value;
    },

    forget(topics: readonly string[]): void {
      for (const [id, entry] of entries) {
        if (topics.includes(entry.topic)) entries.delete(id);
      }
    },
  };
}

/**
 * A value shared by every request that reads it until it expires, frozen so that a page changing it in place
 * fails loudly instead of changing what the next visitor sees.
 */
function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  Object.freeze(value);
  for (const property of Object.values(value)) deepFreeze(property);
  return value;
}
