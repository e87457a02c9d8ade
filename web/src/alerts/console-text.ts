// Words and numbers the alerts console shows both when the page is rendered and while its island keeps it current:
// how long ago an alert was raised, the title with the count of unresolved alerts, and an alert's revision.
import { fillTemplate } from '../lib/format';

export interface AgeWords {
  justNow: string;
  minutesAgo: string;
  hoursAgo: string;
}

/** "just now", "12 min ago", "2 h 5 min ago" between `raisedAt` and `now`. */
export function alertAge(raisedAt: string, now: number, words: AgeWords): string {
  const minutes = Math.max(0, Math.floor((now - Date.parse(raisedAt)) / 60_000));
  if (minutes < 1) return words.justNow;
  if (minutes < 60) return fillTemplate(words.minutesAgo, { minutes: String(minutes) });
  return fillTemplate(words.hoursAgo, {
    hours: String(Math.floor(minutes / 60)),
    minutes: String(minutes % 60),
  });
}

/** The page's title led by the count of unresolved alerts ("(3) Safety alerts"), or bare when there are none. */
export function titleWithCount(title: string, count: number, template: string): string {
  const bare = title.replace(/^\(\d+\) /, '');
  return count > 0 ? fillTemplate(template, { count: String(count), title: bare }) : bare;
}

/**
 * What changes an alert's row: its state, who acted and when, and whether its condition ended. Two renderings of
 * the same revision are the same row, so the island leaves it alone (and the note someone is typing in it).
 */
export function alertRevision(alert: {
  state: string;
  acknowledged: { at: string } | null;
  resolved: { at: string } | null;
  conditionEndedAt: string | null;
}): string {
  return [
    alert.state,
    alert.acknowledged?.at ?? '',
    alert.resolved?.at ?? '',
    alert.conditionEndedAt ?? '',
  ].join('|');
}

export interface RowKey {
  id: string;
  revision: string;
}

export type RowStep = { id: string; action: 'keep' | 'replace' | 'insert' };

/**
 * How to turn the rows shown into the rows just read, in the new order: keep a row whose revision is unchanged,
 * replace one that changed, insert a new one; `removed` are the rows no longer listed (resolved, or gone).
 */
export function planRows(
  shown: readonly RowKey[],
  read: readonly RowKey[],
): { steps: RowStep[]; removed: string[] } {
  const before = new Map(shown.map((row) => [row.id, row.revision]));
  const after = new Set(read.map((row) => row.id));
  return {
    steps: read.map((row) => ({
      id: row.id,
      action: !before.has(row.id) ? 'insert' : before.get(row.id) === row.revision ? 'keep' : 'replace',
    })),
    removed: shown.filter((row) => !after.has(row.id)).map((row) => row.id),
  };
}
