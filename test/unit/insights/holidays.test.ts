import { describe, expect, it } from 'vitest';
import {
  holidayDescriptions,
  holidayIds,
  holidaysBetween,
  holidaysOfYear,
  secondNationalDay,
} from '../../../functions/insights/holidays.js';

function dateOf(year: number, holiday: string): string | undefined {
  return holidaysOfYear(year).find((entry) => entry.holiday === holiday)?.date;
}

describe('lunar holidays', () => {
  it('puts the Hùng Kings’ day on the 10th of lunar month 3, as the published calendars do', () => {
    expect(dateOf(2023, 'hung-kings')).toBe('2023-04-29');
    expect(dateOf(2024, 'hung-kings')).toBe('2024-04-18');
    expect(dateOf(2025, 'hung-kings')).toBe('2025-04-07');
  });

  it('puts Mid-Autumn on the 15th of lunar month 8, a festival and not a day off', () => {
    expect(dateOf(2023, 'mid-autumn')).toBe('2023-09-29');
    expect(dateOf(2024, 'mid-autumn')).toBe('2024-09-17');
    expect(dateOf(2025, 'mid-autumn')).toBe('2025-10-06');
    expect(holidaysOfYear(2024).find((entry) => entry.holiday === 'mid-autumn')?.dayOff).toBe(false);
  });

  it('makes the Hùng Kings’ day a day off only from 2007', () => {
    expect(holidaysOfYear(2006).find((entry) => entry.holiday === 'hung-kings')?.dayOff).toBe(false);
    expect(holidaysOfYear(2007).find((entry) => entry.holiday === 'hung-kings')?.dayOff).toBe(true);
  });
});

describe('the Tết run', () => {
  it('runs from the last day of the lunar year through day 5, each day under its own name', () => {
    const tet = holidaysOfYear(2024).filter((entry) => entry.holiday.startsWith('tet-'));
    expect(tet).toEqual([
      { date: '2024-02-09', holiday: 'tet-eve', dayOff: true },
      { date: '2024-02-10', holiday: 'tet-1', dayOff: true },
      { date: '2024-02-11', holiday: 'tet-2', dayOff: true },
      { date: '2024-02-12', holiday: 'tet-3', dayOff: true },
      { date: '2024-02-13', holiday: 'tet-4', dayOff: false },
      { date: '2024-02-14', holiday: 'tet-5', dayOff: false },
    ]);
  });

  it('starts its eve on the 29th when month 12 has no 30th, as in 2026', () => {
    expect(dateOf(2026, 'tet-eve')).toBe('2026-02-16');
    expect(dateOf(2026, 'tet-1')).toBe('2026-02-17');
    expect(dateOf(2025, 'tet-eve')).toBe('2025-01-28');
  });
});

describe('solar holidays', () => {
  it('keeps 1 January, 30 April, 1 May and 2 September every year', () => {
    for (const year of [2010, 2024, 2030]) {
      expect(dateOf(year, 'new-year')).toBe(`${year}-01-01`);
      expect(dateOf(year, 'reunification')).toBe(`${year}-04-30`);
      expect(dateOf(year, 'labour-day')).toBe(`${year}-05-01`);
      expect(dateOf(year, 'national-day')).toBe(`${year}-09-02`);
    }
  });

  it('gives National Day a second day from 2021, the neighbour that joins the weekend', () => {
    // The days the government chose: 2021 Fri 3rd, 2022 Thu 1st, 2023 Fri 1st, 2024 Tue 3rd, 2025 Mon 1st.
    expect([2021, 2022, 2023, 2024, 2025].map(secondNationalDay)).toEqual([
      '2021-09-03',
      '2022-09-01',
      '2023-09-01',
      '2024-09-03',
      '2025-09-01',
    ]);
    // 2 September 2029 is a Sunday: the Monday after makes the longer break.
    expect(secondNationalDay(2029)).toBe('2029-09-03');
    expect(dateOf(2020, 'national-day-second')).toBeUndefined();
    expect(dateOf(2021, 'national-day-second')).toBe('2021-09-03');
  });

  it('takes the day before when both neighbours make the same break (2 September on a Wednesday)', () => {
    expect(secondNationalDay(2026)).toBe('2026-09-01');
  });
});

describe('a year’s holidays', () => {
  it('lists 13 dated days from 2021 in date order, 12 before', () => {
    const holidays2025 = holidaysOfYear(2025);
    expect(holidays2025).toHaveLength(13);
    expect(holidays2025.map((entry) => entry.date)).toEqual(holidays2025.map((entry) => entry.date).sort());
    expect(new Set(holidays2025.map((entry) => entry.holiday))).toEqual(new Set(holidayIds));
    expect(holidaysOfYear(2019)).toHaveLength(12);
  });

  it('names every holiday in Vietnamese and English', () => {
    for (const id of holidayIds) {
      expect(holidayDescriptions[id].vi.length, id).toBeGreaterThan(0);
      expect(holidayDescriptions[id].en.length, id).toBeGreaterThan(0);
    }
  });

  it('refuses years the lunar calendar does not cover', () => {
    expect(() => holidaysOfYear(1899)).toThrow(RangeError);
    expect(() => holidaysOfYear(2101)).toThrow(RangeError);
  });
});

describe('holidays between two dates', () => {
  it('includes both ends and crosses the year', () => {
    expect(holidaysBetween('2024-12-31', '2025-01-29')).toEqual([
      { date: '2025-01-01', holiday: 'new-year', dayOff: true },
      { date: '2025-01-28', holiday: 'tet-eve', dayOff: true },
      { date: '2025-01-29', holiday: 'tet-1', dayOff: true },
    ]);
    expect(holidaysBetween('2024-04-30', '2024-04-30')).toEqual([
      { date: '2024-04-30', holiday: 'reunification', dayOff: true },
    ]);
  });

  it('is empty when the range holds no holiday or runs backwards', () => {
    expect(holidaysBetween('2024-06-01', '2024-08-31')).toEqual([]);
    expect(holidaysBetween('2024-12-31', '2024-01-01')).toEqual([]);
  });

  it('refuses text that is not a date', () => {
    expect(() => holidaysBetween('2024-01-01', 'tomorrow')).toThrow(RangeError);
  });
});
