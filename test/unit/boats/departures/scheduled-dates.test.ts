import { describe, expect, it } from 'vitest';
import {
  expandScheduledDates,
  TooManyDatesError,
} from '../../../../functions/boats/departures/scheduled-dates.js';

describe('scheduled dates', () => {
  it('is one date when one date is asked for', () => {
    expect(expandScheduledDates('2026-12-01', 366)).toEqual(['2026-12-01']);
  });

  it('covers every day of a range, both ends included, across a month and a leap day', () => {
    expect(expandScheduledDates({ from: '2028-02-27', to: '2028-03-02' }, 366)).toEqual([
      '2028-02-27',
      '2028-02-28',
      '2028-02-29',
      '2028-03-01',
      '2028-03-02',
    ]);
  });

  it('keeps only the chosen ISO weekdays (1 = Monday, 7 = Sunday), across a year end', () => {
    // 28 December 2026 is a Monday.
    expect(expandScheduledDates({ from: '2026-12-28', to: '2027-01-10', weekdays: [1, 7] }, 366)).toEqual([
      '2026-12-28',
      '2027-01-03',
      '2027-01-04',
      '2027-01-10',
    ]);
  });

  it('gives daily April–October departures as 214 dates', () => {
    const dates = expandScheduledDates({ from: '2027-04-01', to: '2027-10-31' }, 366);
    expect(dates).toHaveLength(214);
    expect(dates.at(-1)).toBe('2027-10-31');
  });

  it('refuses a range with more dates than the limit', () => {
    expect(() => expandScheduledDates({ from: '2027-01-01', to: '2028-12-31' }, 366)).toThrow(
      TooManyDatesError,
    );
    expect(() => expandScheduledDates({ from: '2027-01-01', to: '9999-12-31', weekdays: [3] }, 366)).toThrow(
      TooManyDatesError,
    );
  });
});
