/**
 * Local dates and times in Hạ Long: departures, Wi-Fi days, demand series. Hạ Long keeps Asia/Ho_Chi_Minh
 * time, UTC+7 all year (Vietnam has no daylight saving), so a fixed offset converts exactly without a
 * time-zone database.
 */
import { dayNumberOf, isoWeekdayOf } from './calendar-days.js';

const HO_CHI_MINH_OFFSET_MS = 7 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/** The UTC instant (ISO-8601) of a local date and "HH:MM" time in Hạ Long. */
export function localToUtc(localDate: string, localTime: string): string {
  const [year, month, day] = localDate.split('-').map(Number) as [number, number, number];
  const [hours, minutes] = localTime.split(':').map(Number) as [number, number];
  return new Date(Date.UTC(year, month - 1, day, hours, minutes) - HO_CHI_MINH_OFFSET_MS).toISOString();
}

/** The local date (YYYY-MM-DD) in Hạ Long at a given instant. */
export function localDateAt(instant: Date): string {
  return new Date(instant.getTime() + HO_CHI_MINH_OFFSET_MS).toISOString().slice(0, 10);
}

/** The local date `days` after `localDate` (negative goes back). */
export function addDays(localDate: string, days: number): string {
  return new Date(Date.parse(`${localDate}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a local date: 1 = Monday … 7 = Sunday (calendar-days.ts's rule, for an ISO date). */
export function isoWeekday(localDate: string): number {
  const day = dayNumberOf(localDate);
  if (day === undefined) throw new RangeError(`"${localDate}" is not a date.`);
  return isoWeekdayOf(day);
}
