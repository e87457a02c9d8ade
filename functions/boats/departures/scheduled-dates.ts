/** The local dates a departure schedule covers: one date, or the chosen weekdays of a range. */
import { addDays, isoWeekday } from '../../platform/local-time.js';
import type { ScheduledDates } from './model.js';

export class TooManyDatesError extends Error {
  override readonly name = 'TooManyDatesError';
  constructor(readonly limit: number) {
    super(`One request may schedule at most ${limit} departures; split the range.`);
  }
}

/**
 * Every local date a schedule covers, in order: one date, or each date of a range (inclusive) falling on one
 * of its weekdays. Stops as soon as the list would pass `limit`, so even an endless range ends quickly.
 */
export function expandScheduledDates(dates: ScheduledDates, limit: number): string[] {
  if (typeof dates === 'string') return [dates];
  const weekdays = new Set(dates.weekdays ?? [1, 2, 3, 4, 5, 6, 7]);
  const expanded: string[] = [];
  for (let date = dates.from; date <= dates.to; date = addDays(date, 1)) {
    if (!weekdays.has(isoWeekday(date))) continue;
    if (expanded.length === limit) throw new TooManyDatesError(limit);
    expanded.push(date);
  }
  return expanded;
}
