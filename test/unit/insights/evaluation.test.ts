// The accuracy evaluation itself, on the tourism forecasting competition's monthly data (a copy in
// assets/data/tourism-competition): seasonal naive must reproduce the published MASE 1.54 and MAPE 22.56, or the
// evaluation is wrong; the command prints that row first and the engine's MASE last.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { seasonalScale, seriesErrors, summarize } from '../../../functions/insights/accuracy.js';
import { readCompetitionCsv } from '../../../functions/insights/competition-data.js';
import { seasonalNaive } from '../../../functions/insights/models/seasonal-naive.js';

const data = new URL('../../../assets/data/tourism-competition/', import.meta.url);
const training = readCompetitionCsv(readFileSync(new URL('monthly_in.csv', data), 'utf8'));
const held = readCompetitionCsv(readFileSync(new URL('monthly_oos.csv', data), 'utf8'));

describe('the competition data and the accuracy measures', () => {
  it('reads 366 series, cut at their own lengths (67 to 309 observations), with 24 held out each', () => {
    expect(training).toHaveLength(366);
    const lengths = training.map((series) => series.values.length);
    expect(Math.min(...lengths)).toBe(67);
    expect(Math.max(...lengths)).toBe(309);
    expect(held.every((series) => series.values.length === 24)).toBe(true);
    expect(training[0]?.id).toBe('m1');
  });

  it('scales MASE over the whole series and leaves zero actuals out of MAPE', () => {
    expect(seasonalScale([1, 2, 3, 5, 8], 2)).toBeCloseTo((2 + 3 + 5) / 3);
    const errors = seriesErrors([1, 2, 3], [0, 4], [1, 5], 1);
    expect(errors.percentage).toEqual([null, 25]);
    expect(summarize([errors]).mape).toBe(25);
  });

  it('reproduces the published seasonal-naive accuracy: MASE 1.54, MAPE 22.56 (1.23 at horizon 1)', () => {
    const errors = training.map((series, index) => {
      const actual = held[index]?.values ?? [];
      return seriesErrors(series.values, actual, seasonalNaive(series.values, 12, 24).mean, 12);
    });
    const { mase, mape } = summarize(errors);
    expect(mase.toFixed(2)).toBe('1.54');
    expect(mape.toFixed(2)).toBe('22.56');
    const firstHorizon = summarize(
      errors.map((error) => ({ scaled: error.scaled.slice(0, 1), percentage: error.percentage.slice(0, 1) })),
    );
    expect(firstHorizon.mase.toFixed(2)).toBe('1.23');
  });

  it('prints the seasonal-naive row first and the engine’s MASE last from the command line', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        '--import',
        'tsx',
        'scripts/forecast-eval.ts',
        '--train',
        'assets/data/tourism-competition/monthly_in.csv',
        '--test',
        'assets/data/tourism-competition/monthly_oos.csv',
        '--period',
        '12',
        '--horizon',
        '24',
      ],
      { cwd: new URL('../../../', import.meta.url).pathname, timeout: 240_000 },
    );
    const rows = stdout.trim().split('\n');
    const header = rows.findIndex((row) => row.startsWith('method'));
    expect(rows[header + 1]).toMatch(/^seasonal naive\s+22\.56\s+1\.54\b/);
    expect(rows.at(-1)).toMatch(/^MASE \d+\.\d{3}$/);
  }, 240_000);
});
