// How the dashboard reads a period from the counters: day by day up to three months, by whole months and edge
// days beyond, so a year is at most 12 month items and two edges of days whatever the history behind it.
import { describe, expect, it } from 'vitest';
import { dayCount, planPeriod, yearBefore } from '../../../functions/insights/dashboard/period.js';

describe('planPeriod', () => {
  it('reads up to 92 days day by day, charted per day', () => {
    expect(planPeriod('2026-09-01', '2026-11-30')).toEqual({
      from: '2026-09-01',
      to: '2026-11-30',
      resolution: 'day',
      dayRanges: [{ from: '2026-09-01', to: '2026-11-30' }],
      months: null,
    });
  });

  it('reads a year by its whole months and the days at either edge, charted per month', () => {
    expect(planPeriod('2025-12-08', '2026-12-07')).toEqual({
      from: '2025-12-08',
      to: '2026-12-07',
      resolution: 'month',
      dayRanges: [
        { from: '2025-12-08', to: '2025-12-31' },
        { from: '2026-12-01', to: '2026-12-07' },
      ],
      months: { from: '2026-01', to: '2026-11' },
    });
  });

  it('needs no days for a period of whole months, February of a leap year included', () => {
    expect(planPeriod('2028-01-01', '2028-06-30')).toMatchObject({
      dayRanges: [],
      months: { from: '2028-01', to: '2028-06' },
    });
    expect(planPeriod('2027-12-15', '2028-02-29').resolution).toBe('day');
    expect(planPeriod('2027-11-01', '2028-02-29')).toMatchObject({
      dayRanges: [],
      months: { from: '2027-11', to: '2028-02' },
    });
  });

  it('counts days and moves a date a year back, 29 February to the 28th', () => {
    expect(dayCount('2026-01-01', '2026-12-31')).toBe(365);
    expect(yearBefore('2026-12-07')).toBe('2025-12-07');
    expect(yearBefore('2028-02-29')).toBe('2027-02-28');
  });
});
