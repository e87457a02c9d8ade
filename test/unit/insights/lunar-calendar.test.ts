import { describe, expect, it } from 'vitest';
import { LunarCalendarError, lunarDate, solarDate } from '../../../functions/insights/lunar-calendar.js';
import { isoDateOf } from '../../../functions/platform/calendar-days.js';

/**
 * Tết (lunar 1/1) and the leap month of each year 2000–2050 in Vietnam, from Hồ Ngọc Đức's published year
 * table for his online Vietnamese calendar (amlich-hnd.js, array TK21, © 2004 Hồ Ngọc Đức,
 * https://www.informatik.uni-leipzig.de/~duc/amlich/), computed for UTC+7 with a more precise program than
 * the algorithm he describes; each year's code holds Tết as days after 1 January (bits 17 and up) and the
 * leap month (the low four bits), decoded here into dates.
 * Cross-checked: the same 51 dates come out of an independent computation with the astronomy-engine
 * ephemeris under the same rules; and the Chinese New Year (UTC+8, from the widely used 1900–2100 table
 * compiled from the Hong Kong Observatory's) falls on the same day in every one of these years except 2007
 * and 2030, the two Hồ Ngọc Đức names where Vietnam's Tết is a day earlier.
 */
const tetFromPublishedTable: readonly (readonly [number, string])[] = [
  [2000, '2000-02-05'],
  [2001, '2001-01-24'],
  [2002, '2002-02-12'],
  [2003, '2003-02-01'],
  [2004, '2004-01-22'],
  [2005, '2005-02-09'],
  [2006, '2006-01-29'],
  [2007, '2007-02-17'],
  [2008, '2008-02-07'],
  [2009, '2009-01-26'],
  [2010, '2010-02-14'],
  [2011, '2011-02-03'],
  [2012, '2012-01-23'],
  [2013, '2013-02-10'],
  [2014, '2014-01-31'],
  [2015, '2015-02-19'],
  [2016, '2016-02-08'],
  [2017, '2017-01-28'],
  [2018, '2018-02-16'],
  [2019, '2019-02-05'],
  [2020, '2020-01-25'],
  [2021, '2021-02-12'],
  [2022, '2022-02-01'],
  [2023, '2023-01-22'],
  [2024, '2024-02-10'],
  [2025, '2025-01-29'],
  [2026, '2026-02-17'],
  [2027, '2027-02-06'],
  [2028, '2028-01-26'],
  [2029, '2029-02-13'],
  [2030, '2030-02-02'],
  [2031, '2031-01-23'],
  [2032, '2032-02-11'],
  [2033, '2033-01-31'],
  [2034, '2034-02-19'],
  [2035, '2035-02-08'],
  [2036, '2036-01-28'],
  [2037, '2037-02-15'],
  [2038, '2038-02-04'],
  [2039, '2039-01-24'],
  [2040, '2040-02-12'],
  [2041, '2041-02-01'],
  [2042, '2042-01-22'],
  [2043, '2043-02-10'],
  [2044, '2044-01-30'],
  [2045, '2045-02-17'],
  [2046, '2046-02-06'],
  [2047, '2047-01-26'],
  [2048, '2048-02-14'],
  [2049, '2049-02-02'],
  [2050, '2050-01-23'],
];

/** The leap month of each year 2000–2050 that has one, from the same table; the other years have none. */
const leapMonthFromPublishedTable: ReadonlyMap<number, number> = new Map([
  [2001, 4],
  [2004, 2],
  [2006, 7],
  [2009, 5],
  [2012, 4],
  [2014, 9],
  [2017, 6],
  [2020, 4],
  [2023, 2],
  [2025, 6],
  [2028, 5],
  [2031, 3],
  [2033, 11],
  [2036, 6],
  [2039, 5],
  [2042, 2],
  [2044, 7],
  [2047, 5],
  [2050, 3],
]);

function leapMonthOf(year: number): number | undefined {
  const leapMonths = Array.from({ length: 12 }, (_, index) => index + 1).filter((month) => {
    try {
      solarDate(year, month, 1, true);
      return true;
    } catch {
      return false;
    }
  });
  expect(leapMonths.length).toBeLessThanOrEqual(1);
  return leapMonths[0];
}

function everyDayOf(year: number): string[] {
  const first = Date.UTC(year, 0, 1) / 86_400_000;
  const last = Date.UTC(year, 11, 31) / 86_400_000;
  return Array.from({ length: last - first + 1 }, (_, index) => isoDateOf(first + index));
}

describe('Tết', () => {
  it('is on the published date in every year from 2000 to 2050', () => {
    expect(tetFromPublishedTable.map(([year]) => year)).toEqual(
      Array.from({ length: 51 }, (_, i) => 2000 + i),
    );
    for (const [year, tet] of tetFromPublishedTable) {
      expect(solarDate(year, 1, 1), `Tết ${year}`).toBe(tet);
      expect(lunarDate(tet), `lunar date of ${tet}`).toEqual({ year, month: 1, day: 1, leap: false });
    }
  });

  it('follows UTC+7: 21 January 1985, a month before the Chinese New Year of 20 February', () => {
    expect(solarDate(1985, 1, 1)).toBe('1985-01-21');
    // China's 20 February is Vietnam's 1st of month 2: China's leap month fell in late 1984 (a leap 10th),
    // Vietnam's in 1985 (a leap 2nd).
    expect(lunarDate('1985-02-20')).toEqual({ year: 1985, month: 2, day: 1, leap: false });
    expect(solarDate(1985, 2, 1, true)).toBe('1985-03-21');
  });

  it('comes a day before the Chinese New Year in 2007 and 2030, when the new moon fell before 1 a.m. in China', () => {
    expect(solarDate(2007, 1, 1)).toBe('2007-02-17');
    expect(lunarDate('2007-02-18')).toEqual({ year: 2007, month: 1, day: 2, leap: false });
    expect(solarDate(2030, 1, 1)).toBe('2030-02-02');
    expect(lunarDate('2030-02-03')).toEqual({ year: 2030, month: 1, day: 2, leap: false });
  });

  it('is preceded by the last day of the lunar year, the 29th or the 30th of month 12', () => {
    // 2026: month 12 of the year Ất Tỵ has 29 days, so there is no "30 Tết".
    expect(lunarDate('2026-02-16')).toEqual({ year: 2025, month: 12, day: 29, leap: false });
    expect(() => solarDate(2025, 12, 30)).toThrow(LunarCalendarError);
    expect(lunarDate('2024-02-09')).toEqual({ year: 2023, month: 12, day: 30, leap: false });
  });
});

describe('leap months', () => {
  it('are the published ones in every year from 2000 to 2050', () => {
    for (let year = 2000; year <= 2050; year += 1)
      expect(leapMonthOf(year), `leap month of ${year}`).toBe(leapMonthFromPublishedTable.get(year));
  });

  it('repeat the number of the month before: 4 in 2020, 2 in 2023, 6 in 2025', () => {
    expect(lunarDate('2020-05-22')).toEqual({ year: 2020, month: 4, day: 30, leap: false });
    expect(lunarDate('2020-05-23')).toEqual({ year: 2020, month: 4, day: 1, leap: true });
    expect(solarDate(2020, 5, 1)).toBe('2020-06-21');

    expect(solarDate(2023, 2, 1, true)).toBe('2023-03-22');
    expect(lunarDate('2023-04-19')).toEqual({ year: 2023, month: 2, day: 29, leap: true });
    expect(solarDate(2023, 3, 1)).toBe('2023-04-20');

    expect(solarDate(2025, 6, 1)).toBe('2025-06-25');
    expect(solarDate(2025, 6, 1, true)).toBe('2025-07-25');
    expect(lunarDate('2025-08-22')).toEqual({ year: 2025, month: 6, day: 29, leap: true });
  });

  it('can follow month 11 itself, as in 2033, when the month after the solstice month has no major term', () => {
    expect(solarDate(2033, 11, 1, true)).toBe('2033-12-22');
    expect(lunarDate('2034-01-20')).toEqual({ year: 2033, month: 12, day: 1, leap: false });
  });
});

describe('converting back and forth', () => {
  it('gives back every day of 2020, 2023, 2025 and 2033 (leap years) and 2024 (a common year)', () => {
    for (const year of [2020, 2023, 2024, 2025, 2033]) {
      let previous = lunarDate(`${year - 1}-12-31`);
      for (const date of everyDayOf(year)) {
        const lunar = lunarDate(date);
        expect(solarDate(lunar.year, lunar.month, lunar.day, lunar.leap), date).toBe(date);
        // Days count up by one, or start a new month at 1 after its 29th or 30th.
        if (lunar.day === 1) expect([29, 30], `${date} ends a month`).toContain(previous.day);
        else expect(lunar.day, date).toBe(previous.day + 1);
        previous = lunar;
      }
    }
  });

  it('works at both ends of the supported dates, 1900 and 2100', () => {
    for (const date of ['1900-01-01', '1900-01-31', '2100-12-31']) {
      const lunar = lunarDate(date);
      expect(solarDate(lunar.year, lunar.month, lunar.day, lunar.leap)).toBe(date);
    }
    expect(lunarDate('1900-01-31')).toEqual({ year: 1900, month: 1, day: 1, leap: false });
  });
});

describe('refusing what the calendar cannot give', () => {
  it('refuses text that is not a real date', () => {
    for (const text of ['2024-2-10', '10/02/2024', '2023-02-29', '2024-13-01', ''])
      expect(() => lunarDate(text), text).toThrow(LunarCalendarError);
  });

  it('refuses dates outside 1900–2100', () => {
    expect(() => lunarDate('1899-12-31')).toThrow(/outside the supported dates/);
    expect(() => lunarDate('2101-01-01')).toThrow(/outside the supported dates/);
    expect(() => solarDate(1850, 1, 1)).toThrow(/outside the supported years/);
    // Month 12 of lunar year 2100 begins on 31 December 2100; its second day is in 2101.
    expect(solarDate(2100, 12, 1)).toBe('2100-12-31');
    expect(() => solarDate(2100, 12, 2)).toThrow(/outside the supported dates/);
  });

  it('refuses lunar dates that do not exist', () => {
    expect(() => solarDate(2024, 4, 1, true)).toThrow(/has no leap month 4/);
    expect(() => solarDate(2024, 13, 1)).toThrow(/numbered 1 to 12/);
    expect(() => solarDate(2024, 1, 0)).toThrow(/numbered 1 to 30/);
    expect(() => solarDate(2024, 1, 31)).toThrow(/numbered 1 to 30/);
    expect(() => solarDate(2024, 1.5, 1)).toThrow(LunarCalendarError);
    // Month 1 of 2024 began on 10 February and has 29 days.
    expect(() => solarDate(2024, 1, 30)).toThrow(/only 29 days/);
  });
});
