/**
 * The days a manager plans for: the next weekend and the next holiday (a run of holidays from the computed
 * calendar, holidays.ts: Tết with its eve, 30 April – 1 May, 2 September with its second day…), and every holiday
 * inside a forecast, to mark on its chart.
 */
import { dayNumberOf } from '../../platform/calendar-days.js';
import { addDays, isoWeekday } from '../../platform/local-time.js';
import { type HolidayId, holidaysBetween } from '../holidays.js';

export interface PlanningPeriod {
  from: string;
  to: string;
}

export interface HolidayRun extends PlanningPeriod {
  /** The holidays of the run, in date order (one a day; a day with two keeps both). */
  holidays: { date: string; holiday: HolidayId; dayOff: boolean }[];
}

/** The Saturday and Sunday after `today` (today a Saturday or a Sunday: the weekend after this one). */
export function nextWeekend(today: string): PlanningPeriod {
  const daysToSaturday = (6 - isoWeekday(today) + 7) % 7 || 7;
  const saturday = addDays(today, daysToSaturday);
  return { from: saturday, to: addDays(saturday, 1) };
}

/**
 * The holidays from `from` to `to`, grouped into runs of consecutive days: 30 April and 1 May are one run, Tết's
 * eve and its five days another, Mid-Autumn a run of its own.
 */
export function holidayRuns(from: string, to: string): HolidayRun[] {
  const runs: HolidayRun[] = [];
  for (const { date, holiday, dayOff } of holidaysBetween(from, to)) {
    const last = runs.at(-1);
    const adjacent =
      last !== undefined && (dayNumberOf(date) as number) - (dayNumberOf(last.to) as number) <= 1;
    if (last && adjacent) {
      last.to = date;
      last.holidays.push({ date, holiday, dayOff });
    } else runs.push({ from: date, to: date, holidays: [{ date, holiday, dayOff }] });
  }
  return runs;
}

/** The first holiday run that starts after `today` and ends by `lastDay`; null when none does. */
export function nextHolidayRun(today: string, lastDay: string): HolidayRun | null {
  if (lastDay <= today) return null;
  return holidayRuns(addDays(today, 1), lastDay)[0] ?? null;
}
