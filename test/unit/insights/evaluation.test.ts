// The accuracy evaluation itself, on the tourism forecasting competition's monthly data (a copy in
// assets/data/tourism-competition): seasonal naive must reproduce the published MASE 1.54 and MAPE 22.56, or the
// evaluation is wrong; the command prints that row first and the engine's MASE last.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    expect(rows[header + 1]).toMatch(/^seasonal naive\s+22\.56\s+1\.54\d$/); // 1.54 to two decimals
    expect(rows.at(-1)).toMatch(/^MASE \d+\.\d{3}$/);
  }, 240_000);

  it('works for any period and horizon: quarterly (4, 8) and yearly (1, 4) series, held out by a test file or by the training file’s own last horizon', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'forecast-eval-'));
    // Twelve series each: a trend, a quarterly swing for the quarterly files, and fixed noise.
    const write = (name: string, columns: number[][]) => {
      const length = Math.max(...columns.map((column) => column.length));
      const rows = [
        columns.map((_, index) => `s${index + 1}`),
        columns.map((column) => String(column.length)),
        columns.map(() => '2000'),
        columns.map(() => '1'),
        ...Array.from({ length }, (_, row) =>
          columns.map((column) => (row < column.length ? String(column[row]) : '')),
        ),
      ];
      writeFileSync(join(directory, name), `${rows.map((row) => row.join(',')).join('\n')}\n`);
    };
    const wiggle = (t: number, k: number) => ((t * 7919 + k * 104729) % 13) - 6;
    for (const { period, horizon } of [
      { period: 4, horizon: 8 },
      { period: 1, horizon: 4 },
    ]) {
      const full = Array.from({ length: 12 }, (_, k) =>
        Array.from(
          { length: 36 + k },
          (_, t) => 100 + 3 * t + (period === 4 ? 20 * Math.sin((Math.PI * t) / 2) : 0) + wiggle(t, k),
        ),
      );
      write(`full-${period}.csv`, full);
      write(
        `in-${period}.csv`,
        full.map((series) => series.slice(0, -horizon)),
      );
      write(
        `oos-${period}.csv`,
        full.map((series) => series.slice(-horizon)),
      );
      const evaluate = async (files: string[]) =>
        (
          await promisify(execFile)(
            process.execPath,
            [
              '--import',
              'tsx',
              'scripts/forecast-eval.ts',
              ...files,
              '--period',
              String(period),
              '--horizon',
              String(horizon),
              '--workers',
              '1',
            ],
            { cwd: new URL('../../../', import.meta.url).pathname, timeout: 120_000 },
          )
        ).stdout;
      const stdout = await evaluate([
        '--train',
        join(directory, `in-${period}.csv`),
        '--test',
        join(directory, `oos-${period}.csv`),
      ]);
      // Without a test file, the last horizon of each training series is held out: the same forecasts.
      const ownHorizon = await evaluate(['--train', join(directory, `full-${period}.csv`)]);
      expect(ownHorizon).toContain('the last horizon of each training series held out');
      const table = (output: string) => output.slice(output.indexOf('method'));
      expect(table(ownHorizon)).toBe(table(stdout));
      expect(stdout).toContain(`12 series, period ${period}, horizon ${horizon}`);
      const engine = Number(/^MASE (\d+\.\d{3})$/m.exec(stdout)?.[1]);
      const naive = Number(/^seasonal naive\s+[\d.]+\s+([\d.]+)$/m.exec(stdout)?.[1]);
      // A trend the naive forecast cannot follow: the engine must do better than it.
      expect(engine).toBeLessThan(naive);
    }
  }, 240_000);
});
