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
