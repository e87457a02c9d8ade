/**
 * How a period is read from the counters: a short one (up to three months) day by day, which its chart shows; a
 * longer one by its whole months and its edge days, its chart by month. Either way a year is at most 12 month
 * items and 60 day items per scope, whatever history lies behind it.
 */
import { addDays } from '../../platform/local-time.js';
import { nextMonth } from '../rollups/store.js';

/** Periods up to this many days are charted per day; longer ones per month. */
export const DAILY_CHART_DAYS = 92;

export interface PeriodPlan {
  from: string;
  to: string;
  /** The chart's points: each a day (`YYYY-MM-DD`) or a month (`YYYY-MM`). */
  resolution: 'day' | 'month';
  /** Day ranges read from DAY counters (both ends included). */
  dayRanges: { from: string; to: string }[];
  /** Whole months inside the period, read from MONTH counters. */
  months: { from: string; to: string } | null;
}

const lastDayOf = (month: string) => addDays(`${nextMonth(month)}-01`, -1);

export function dayCount(from: string, to: string): number {
  return Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
}

export function planPeriod(from: string, to: string): PeriodPlan {
  if (dayCount(from, to) <= DAILY_CHART_DAYS) {
    return { from, to, resolution: 'day', dayRanges: [{ from, to }], months: null };
  }
  // The first whole month starts on or after `from`; the last ends on or before `to`.
  const firstMonth = from.endsWith('-01') ? from.slice(0, 7) : nextMonth(from.slice(0, 7));
  let lastMonth = to.slice(0, 7);
  if (lastDayOf(lastMonth) !== to) lastMonth = previousMonth(lastMonth);
  const dayRanges: { from: string; to: string }[] = [];
  if (from < `${firstMonth}-01`) dayRanges.push({ from, to: addDays(`${firstMonth}-01`, -1) });
  if (lastDayOf(lastMonth) < to) dayRanges.push({ from: addDays(lastDayOf(lastMonth), 1), to });
  return { from, to, resolution: 'month', dayRanges, months: { from: firstMonth, to: lastMonth } };
}

export function previousMonth(month: string): string {
  const [year, number] = month.split('-').map(Number) as [number, number];
  return number === 1 ? `${year - 1}-12` : `${year}-${String(number - 1).padStart(2, '0')}`;
}

/** The same dates a year before (29 February becomes the 28th). */
export function yearBefore(date: string): string {
  const shifted = `${Number(date.slice(0, 4)) - 1}${date.slice(4)}`;
  return shifted.endsWith('-02-29') ? shifted.replace('-02-29', '-02-28') : shifted;
}
