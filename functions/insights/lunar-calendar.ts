/**
 * The Vietnamese lunisolar calendar (âm lịch), computed from the sky for the time zone UTC+7, the rules of
 * Hồ Ngọc Đức's "Thuật toán tính âm lịch" (which follow the state calendar, Decision 121-CP of 1967):
 * - a lunar month begins on the day (UTC+7) that holds the new moon, and lasts until the next one;
 * - the month holding the December solstice is month 11;
 * - when 13 months begin between one month 11 and the next, the first of them after month 11 in which the sun
 *   reaches no major solar term (a multiple of 30° of longitude) is a leap month (tháng nhuận), numbered as
 *   the month before it;
 * - the lunar year begins with month 1, so months 11 and 12 belong to the year whose Tết came before them.
 * UTC+7 rather than China's UTC+8 moves a new moon falling between midnight and 1 a.m. in China to the day
 * before: Tết 2007 is 17 February in Vietnam, 18 February in China, and 2030 and 2053 differ the same way;
 * in 1985 it moved a month: Tết on 21 January against 20 February. Vietnam has kept UTC+7 for the calendar
 * since 1968 (the North from August 1967); this module applies it to earlier years too, so some months
 * before 1968 differ from the calendars printed then, which followed UTC+8.
 */
import { dayNumberFromParts, dayNumberOf, isoDateOf } from '../platform/calendar-days.js';
import { newMoonJulianDay, newMoonNumberBefore, sunLongitude } from './lunar-astronomy.js';

export interface LunarDate {
  year: number;
  /** 1–12; a leap month repeats the number of the month before it. */
  month: number;
  day: number;
  leap: boolean;
}

/** A date the calendar cannot give: malformed, outside the supported years, or not in the lunar calendar. */
export class LunarCalendarError extends RangeError {
  override readonly name = 'LunarCalendarError';
}

/** The Gregorian dates this module converts, both ends included. */
export const SUPPORTED_RANGE = { from: '1900-01-01', to: '2100-12-31' } as const;

const UTC_OFFSET_DAYS = 7 / 24;
/** Julian Day of 1970-01-01 00:00 UT, day number 0. */
const JULIAN_DAY_OF_DAY_ZERO = 2440587.5;
const firstSupportedDay = dayNumberFromParts(1900, 1, 1);
const lastSupportedDay = dayNumberFromParts(2100, 12, 31);

interface LunarMonth extends Omit<LunarDate, 'day'> {
  /** Day number of the month's first day. */
  firstDay: number;
  /** 29 or 30. */
  length: number;
}

/** The day (UTC+7) on which new moon number k falls. */
function newMoonDay(k: number): number {
  return Math.floor(newMoonJulianDay(k) + UTC_OFFSET_DAYS - JULIAN_DAY_OF_DAY_ZERO);
}

/**
 * Which 30° sector of longitude the sun is in at the midnight (UTC+7) that begins a day: 0 from the March
 * equinox, 9 from the December solstice. A month reaches a major solar term when its first day and the
 * next month's first day begin in different sectors.
 */
function sunSectorAtStartOf(dayNumber: number): number {
  return Math.floor(sunLongitude(dayNumber + JULIAN_DAY_OF_DAY_ZERO - UTC_OFFSET_DAYS) / 30);
}

/** The new moon number that begins month 11, the month holding the December solstice of `year`. */
function monthElevenNewMoon(year: number): number {
  const december31 = dayNumberFromParts(year, 12, 31);
  let k = newMoonNumberBefore(december31 + JULIAN_DAY_OF_DAY_ZERO);
  while (newMoonDay(k + 1) <= december31) k += 1;
  while (newMoonDay(k) > december31) k -= 1;
  // The last month begun in December holds the solstice unless the sun had passed 270° when it began.
  return sunSectorAtStartOf(newMoonDay(k)) >= 9 ? k - 1 : k;
}

const monthsCache = new Map<number, readonly LunarMonth[]>();

/**
 * The lunar months from month 11 before the December solstice of `solsticeYear − 1` up to (without) month
 * 11 of `solsticeYear`: months 11 and 12 of lunar year `solsticeYear − 1`, then months 1 to 10 of lunar year
 * `solsticeYear`, with the leap month where there is one.
 */
function monthsUntilSolsticeOf(solsticeYear: number): readonly LunarMonth[] {
  const cached = monthsCache.get(solsticeYear);
  if (cached) return cached;
  const firstNewMoon = monthElevenNewMoon(solsticeYear - 1);
  const count = monthElevenNewMoon(solsticeYear) - firstNewMoon;
  const firstDays = Array.from({ length: count + 1 }, (_, index) => newMoonDay(firstNewMoon + index));
  const sectors = firstDays.map(sunSectorAtStartOf);
  const leapIndex =
    count === 13 ? sectors.findIndex((sector, index) => index >= 1 && sector === sectors[index + 1]) : -1;
  if (count === 13 && leapIndex === -1)
    throw new Error(`no month without a major term before ${solsticeYear}`);

  const months = firstDays.slice(0, count).map((firstDay, index): LunarMonth => {
    const position = leapIndex !== -1 && index >= leapIndex ? index - 1 : index;
    const month = ((10 + position) % 12) + 1;
    return {
      year: month >= 11 ? solsticeYear - 1 : solsticeYear,
      month,
      leap: index === leapIndex,
      firstDay,
      length: (firstDays[index + 1] as number) - firstDay,
    };
  });
  monthsCache.set(solsticeYear, months);
  return months;
}

function supportedDayNumber(isoDate: string): number {
  const dayNumber = dayNumberOf(isoDate);
  if (dayNumber === undefined) throw new LunarCalendarError(`"${isoDate}" is not a date written YYYY-MM-DD`);
  if (dayNumber < firstSupportedDay || dayNumber > lastSupportedDay)
    throw new LunarCalendarError(
      `${isoDate} is outside the supported dates, ${SUPPORTED_RANGE.from} to ${SUPPORTED_RANGE.to}`,
    );
  return dayNumber;
}

/** The lunar date of a Gregorian date (ISO `YYYY-MM-DD`, a civil date in Vietnam). */
export function lunarDate(isoDate: string): LunarDate {
  const dayNumber = supportedDayNumber(isoDate);
  const year = Number(isoDate.slice(0, 4));
  for (const solsticeYear of [year, year + 1]) {
    for (const month of monthsUntilSolsticeOf(solsticeYear)) {
      if (dayNumber >= month.firstDay && dayNumber < month.firstDay + month.length)
        return {
          year: month.year,
          month: month.month,
          day: dayNumber - month.firstDay + 1,
          leap: month.leap,
        };
    }
  }
  throw new Error(`no lunar month holds ${isoDate}`);
}

/** The Gregorian date (ISO `YYYY-MM-DD`) of a lunar date; `leap` asks for the leap month of that number. */
export function solarDate(lunarYear: number, lunarMonth: number, lunarDay: number, leap = false): string {
  const written = `${lunarDay}/${lunarMonth}${leap ? ' (leap)' : ''}/${lunarYear}`;
  if (!Number.isInteger(lunarYear) || lunarYear < 1899 || lunarYear > 2100)
    throw new LunarCalendarError(`lunar year ${lunarYear} is outside the supported years, 1899 to 2100`);
  if (!Number.isInteger(lunarMonth) || lunarMonth < 1 || lunarMonth > 12)
    throw new LunarCalendarError(`${written}: a lunar month is numbered 1 to 12`);
  if (!Number.isInteger(lunarDay) || lunarDay < 1 || lunarDay > 30)
    throw new LunarCalendarError(`${written}: a lunar day is numbered 1 to 30`);

  const solsticeYear = lunarMonth >= 11 ? lunarYear + 1 : lunarYear;
  const month = monthsUntilSolsticeOf(solsticeYear).find(
    (candidate) => candidate.month === lunarMonth && candidate.leap === leap,
  );
  if (!month)
    throw new LunarCalendarError(`${written}: lunar year ${lunarYear} has no leap month ${lunarMonth}`);
  if (lunarDay > month.length)
    throw new LunarCalendarError(`${written}: that month has only ${month.length} days`);
  const dayNumber = month.firstDay + lunarDay - 1;
  if (dayNumber < firstSupportedDay || dayNumber > lastSupportedDay)
    throw new LunarCalendarError(
      `${written} falls on ${isoDateOf(dayNumber)}, outside the supported dates, ${SUPPORTED_RANGE.from} to ${SUPPORTED_RANGE.to}`,
    );
  return isoDateOf(dayNumber);
}
