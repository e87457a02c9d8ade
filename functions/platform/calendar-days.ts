/**
 * Calendar days as whole numbers, so that date arithmetic is integer arithmetic: day 0 is 1970-01-01, and a
 * day here is a civil date in Vietnam (Asia/Ho_Chi_Minh, UTC+7 all year), written as ISO `YYYY-MM-DD`.
 */

const MILLISECONDS_PER_DAY = 86_400_000;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The day number of an ISO date, or undefined when the text is not a real `YYYY-MM-DD` date. */
export function dayNumberOf(isoDate: string): number | undefined {
  const parts = ISO_DATE.exec(isoDate);
  if (!parts) return undefined;
  const [year, month, day] = [Number(parts[1]), Number(parts[2]), Number(parts[3])];
  const dayNumber = dayNumberFromParts(year, month, day);
  // Date.UTC rolls 2023-02-29 over to 1 March; a date that does not come back unchanged does not exist.
  return isoDateOf(dayNumber) === isoDate ? dayNumber : undefined;
}

/** The day number of a Gregorian year, month (1–12) and day. */
export function dayNumberFromParts(year: number, month: number, day: number): number {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return Math.round(date.getTime() / MILLISECONDS_PER_DAY);
}

/** The ISO date (`YYYY-MM-DD`) of a day number. */
export function isoDateOf(dayNumber: number): string {
  return new Date(dayNumber * MILLISECONDS_PER_DAY).toISOString().slice(0, 10);
}

/** ISO weekday of a day number: 1 = Monday … 7 = Sunday. */
export function isoWeekdayOf(dayNumber: number): number {
  // Day 0, 1970-01-01, was a Thursday.
  return ((((dayNumber + 3) % 7) + 7) % 7) + 1;
}
