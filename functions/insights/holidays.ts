/**
 * Vietnam's public holidays and the festivals that move Hạ Long's visitor numbers, as dated days a demand
 * forecast can give effects to. The lunar ones (Tết, the Hùng Kings' day, Mid-Autumn) come from the lunar
 * calendar computed in lunar-calendar.ts, never from a typed list of dates.
 *
 * Days off follow the Labour Code 2019, art. 112: 1 January; five days for Tết; the Hùng Kings' day (10th
 * day of the 3rd lunar month, a day off since 2007); 30 April; 1 May; and 2 September with, since 2021, one
 * day next to it. For Tết and that second National Day the Code gives the number of days and the Prime
 * Minister places them each year. Every placement from 2013 (when Tết became five days) to 2026 covered the
 * last day of the lunar year and days 1 to 3 of the new one, so those are marked as days off; the rest moved
 * from year to year and is not. The second National Day is the one secondNationalDay picks by the weekend.
 * Substitute days for a holiday falling on a weekend (nghỉ bù) and the bridge days the government announces
 * each year (swapping a working Saturday) are decided year by year and are left out: a forecaster learns them
 * from the data or is told them.
 */
import { dayNumberFromParts, dayNumberOf, isoDateOf, isoWeekdayOf } from '../platform/calendar-days.js';
import { solarDate } from './lunar-calendar.js';

export const holidayIds = [
  'new-year',
  'tet-eve',
  'tet-1',
  'tet-2',
  'tet-3',
  'tet-4',
  'tet-5',
  'hung-kings',
  'reunification',
  'labour-day',
  'mid-autumn',
  'national-day',
  'national-day-second',
] as const;

export type HolidayId = (typeof holidayIds)[number];

export interface HolidayDescription {
  vi: string;
  en: string;
  /** A paid day off under the Labour Code 2019, art. 112 (see the note above for Tết). */
  dayOff: boolean;
}

/** What each holiday is called and whether it is a day off; a festival such as Mid-Autumn is not. */
export const holidayDescriptions: Readonly<Record<HolidayId, HolidayDescription>> = {
  'new-year': { vi: 'Tết Dương lịch', en: "New Year's Day", dayOff: true },
  'tet-eve': {
    vi: 'Tất niên (ngày cuối năm âm lịch)',
    en: 'Tết eve (last day of the lunar year)',
    dayOff: true,
  },
  'tet-1': { vi: 'Mùng 1 Tết', en: 'Tết, day 1', dayOff: true },
  'tet-2': { vi: 'Mùng 2 Tết', en: 'Tết, day 2', dayOff: true },
  'tet-3': { vi: 'Mùng 3 Tết', en: 'Tết, day 3', dayOff: true },
  'tet-4': { vi: 'Mùng 4 Tết', en: 'Tết, day 4', dayOff: false },
  'tet-5': { vi: 'Mùng 5 Tết', en: 'Tết, day 5', dayOff: false },
  'hung-kings': { vi: 'Giỗ Tổ Hùng Vương', en: "Hùng Kings' Commemoration", dayOff: true },
  reunification: { vi: 'Ngày Chiến thắng 30/4', en: 'Reunification Day', dayOff: true },
  'labour-day': { vi: 'Quốc tế Lao động', en: "International Workers' Day", dayOff: true },
  'mid-autumn': { vi: 'Tết Trung Thu', en: 'Mid-Autumn Festival', dayOff: false },
  'national-day': { vi: 'Quốc khánh', en: 'National Day', dayOff: true },
  'national-day-second': {
    vi: 'Nghỉ Quốc khánh (ngày thứ hai)',
    en: 'National Day (second day off)',
    dayOff: true,
  },
};

export interface Holiday {
  /** ISO `YYYY-MM-DD`. */
  date: string;
  holiday: HolidayId;
  /** Whether it was a day off that year (the Hùng Kings' day became one in 2007). */
  dayOff: boolean;
}

const TET_DAYS = ['tet-1', 'tet-2', 'tet-3', 'tet-4', 'tet-5'] as const;
const HUNG_KINGS_DAY_OFF_SINCE = 2007;
const SECOND_NATIONAL_DAY_SINCE = 2021;

function isWeekend(dayNumber: number): boolean {
  return isoWeekdayOf(dayNumber) >= 6;
}

/** How many days off in a row `days` (all off) make with the weekends around them. */
function breakLength(days: readonly number[]): number {
  const off = new Set(days);
  const isOff = (dayNumber: number) => off.has(dayNumber) || isWeekend(dayNumber);
  let first = Math.min(...days);
  let last = Math.max(...days);
  while (isOff(first - 1)) first -= 1;
  while (isOff(last + 1)) last += 1;
  return last - first + 1;
}

/**
 * The day next to 2 September that the government gives with it: of 1 and 3 September, the one making the
 * longer break with the weekend — as chosen in 2021 (3rd, a Friday), 2022 (1st, a Thursday), 2023 (1st, a
 * Friday), 2024 (3rd, a Tuesday) and 2025 (1st, a Monday). When both make the same break (2 September on a
 * Wednesday) it takes the day before, which the Code names first.
 */
export function secondNationalDay(year: number): string {
  const nationalDay = dayNumberFromParts(year, 9, 2);
  const [before, after] = [nationalDay - 1, nationalDay + 1];
  const chosen = breakLength([nationalDay, after]) > breakLength([nationalDay, before]) ? after : before;
  return isoDateOf(chosen);
}

/** The holidays and festivals of a Gregorian year (1900–2100), in date order. */
export function holidaysOfYear(year: number): Holiday[] {
  if (!Number.isInteger(year) || year < 1900 || year > 2100)
    throw new RangeError(`holidays are computed for the years 1900 to 2100, not ${year}`);
  const dated = (
    date: string,
    holiday: HolidayId,
    dayOff = holidayDescriptions[holiday].dayOff,
  ): Holiday => ({
    date,
    holiday,
    dayOff,
  });
  const solar = (month: number, day: number) => isoDateOf(dayNumberFromParts(year, month, day));
  const tet = dayNumberOf(solarDate(year, 1, 1)) as number;

  const holidays: Holiday[] = [
    dated(solar(1, 1), 'new-year'),
    dated(isoDateOf(tet - 1), 'tet-eve'),
    ...TET_DAYS.map((holiday, index) => dated(isoDateOf(tet + index), holiday)),
    dated(solarDate(year, 3, 10), 'hung-kings', year >= HUNG_KINGS_DAY_OFF_SINCE),
    dated(solar(4, 30), 'reunification'),
    dated(solar(5, 1), 'labour-day'),
    dated(solarDate(year, 8, 15), 'mid-autumn'),
    dated(solar(9, 2), 'national-day'),
  ];
  if (year >= SECOND_NATIONAL_DAY_SINCE) holidays.push(dated(secondNationalDay(year), 'national-day-second'));
  return holidays.sort((first, second) => first.date.localeCompare(second.date));
}

/** The holidays from one ISO date to another, both included, in date order. */
export function holidaysBetween(fromIso: string, toIso: string): Holiday[] {
  if (dayNumberOf(fromIso) === undefined || dayNumberOf(toIso) === undefined)
    throw new RangeError(
      `holidaysBetween takes two dates written YYYY-MM-DD, not "${fromIso}" and "${toIso}"`,
    );
  const holidays: Holiday[] = [];
  for (let year = Number(fromIso.slice(0, 4)); year <= Number(toIso.slice(0, 4)); year += 1)
    holidays.push(...holidaysOfYear(year).filter(({ date }) => date >= fromIso && date <= toIso));
  return holidays;
}
