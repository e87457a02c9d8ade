/**
 * Reads the tourism forecasting competition's CSV layout (as kept in the Tcomp R package's source data): one
 * column per series; row 1 the ids, row 2 how many observations the column has (trusted: the columns are
 * blank-padded to the longest), rows 3 and 4 the start year and period, then the values.
 */

export interface CompetitionSeries {
  id: string;
  start: { year: number; period: number };
  values: number[];
}

export function readCompetitionCsv(text: string): CompetitionSeries[] {
  const rows = text
    .split(/\r?\n/)
    .filter((row) => row.trim() !== '')
    .map((row) => row.split(','));
  const [ids, counts, years, periods] = rows;
  if (!ids || !counts || !years || !periods) throw new Error('expected at least four header rows');
  return ids.map((rawId, column) => {
    const id = rawId.trim().replace(/^"|"$/g, '');
    const count = Number(counts[column]);
    if (!Number.isInteger(count) || count < 1)
      throw new Error(`series ${id}: row 2 gives no observation count`);
    const values = rows.slice(4, 4 + count).map((row, index) => {
      const value = Number(row[column]);
      if (row[column] === undefined || row[column]?.trim() === '' || !Number.isFinite(value)) {
        throw new Error(`series ${id}: observation ${index + 1} of ${count} is missing or not a number`);
      }
      return value;
    });
    return { id, start: { year: Number(years[column]), period: Number(periods[column]) }, values };
  });
}

export type Aggregation = 'quarterly' | 'yearly';

/** Months in one period of each aggregation. */
const MONTHS_PER: Record<Aggregation, number> = { quarterly: 3, yearly: 12 };

/**
 * A monthly series summed over complete calendar quarters or years (a part-filled first or last one is dropped),
 * as the competition's own quarterly and yearly series are totals of the same demand. The start is given in the
 * new period: quarter 1–4, or 1 for a year.
 */
export function aggregateMonthly(series: CompetitionSeries, to: Aggregation): CompetitionSeries {
  const months = MONTHS_PER[to];
  const startMonth = series.start.period;
  const skip = (months - ((startMonth - 1) % months)) % months;
  const firstMonth = startMonth - 1 + skip; // 0-based month of the year where the first whole period starts
  const values: number[] = [];
  for (let t = skip; t + months <= series.values.length; t += months) {
    values.push(series.values.slice(t, t + months).reduce((sum, value) => sum + value, 0));
  }
  const year = series.start.year + Math.floor(firstMonth / 12);
  const period = to === 'yearly' ? 1 : Math.floor((firstMonth % 12) / 3) + 1;
  return { id: series.id, start: { year, period }, values };
}
