// Quarterly and yearly series made from the competition's monthly file: totals of complete calendar periods only.
import { describe, expect, it } from 'vitest';
import { aggregateMonthly, type CompetitionSeries } from '../../../functions/insights/competition-data.js';

// Month t (from 0) holds t + 1, starting in November 2000: Nov, Dec, then Jan 2001 … Feb 2003.
const monthly: CompetitionSeries = {
  id: 'm1',
  start: { year: 2000, period: 11 },
  values: Array.from({ length: 28 }, (_, t) => t + 1),
};

describe('aggregating a monthly series', () => {
  it('sums complete calendar quarters, dropping the part-filled first and last ones', () => {
    const quarterly = aggregateMonthly(monthly, 'quarterly');
    // Nov–Dec 2000 is half a quarter; Jan–Mar 2001 is months 3, 4, 5; Jan–Feb 2003 is left over.
    expect(quarterly.start).toEqual({ year: 2001, period: 1 });
    expect(quarterly.values).toHaveLength(8);
    expect(quarterly.values[0]).toBe(3 + 4 + 5);
    expect(quarterly.values[7]).toBe(24 + 25 + 26);
  });

  it('sums complete calendar years, and starts a quarter that begins mid-year in its own quarter', () => {
    const yearly = aggregateMonthly(monthly, 'yearly');
    expect(yearly.start).toEqual({ year: 2001, period: 1 });
    expect(yearly.values).toEqual([78 + 12 * 2, 78 + 12 * 14]);
    const fromApril = aggregateMonthly({ ...monthly, start: { year: 2000, period: 4 } }, 'quarterly');
    expect(fromApril.start).toEqual({ year: 2000, period: 2 });
    expect(fromApril.values[0]).toBe(1 + 2 + 3);
  });
});
