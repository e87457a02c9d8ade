import { describe, expect, it } from 'vitest';
import {
  addDays,
  expandScheduledDates,
  isoWeekday,
  localDateAt,
  localToUtc,
  TooManyDatesError,
} from '../../../functions/boats/schedule-dates.js';

describe('Hạ Long local time', () => {
  it('converts a local date and time to UTC, seven hours earlier', () => {
    expect(localToUtc('2026-11-24', '08:00')).toBe('2026-11-24T01:00:00.000Z');
    expect(localToUtc('2026-07-01', '12:30')).toBe('2026-07-01T05:30:00.000Z');
  });

  it('crosses to the previous UTC day for departures before 07:00 local', () => {
    expect(localToUtc('2026-01-01', '06:15')).toBe('2025-12-31T23:15:00.000Z');
  });

  it('gives the local date of an instant, which is the next day from 17:00 UTC', () => {
    expect(localDateAt(new Date('2026-11-23T16:59:00Z'))).toBe('2026-11-23');
    expect(localDateAt(new Date('2026-11-23T17:00:00Z'))).toBe('2026-11-24');
  });
});

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

  it('counts days and weekdays in local dates', () => {
    expect(addDays('2026-02-28', 1)).toBe('2026-03-01');
    expect(addDays('2026-03-01', -1)).toBe('2026-02-28');
    expect(isoWeekday('2026-11-29')).toBe(7);
    expect(isoWeekday('2026-11-30')).toBe(1);
  });
});
