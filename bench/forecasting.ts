/**
 * The forecasting engine (issue 10): its accuracy on the tourism forecasting competition's 366 monthly series
 * beside the published results, the time to fit and forecast them all (the evaluation command, one worker per
 * core), and the nightly refresh of every stored forecast against DynamoDB Local with the demo history.
 */
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { forecastsFor } from '../functions/insights/index.js';
import { createBulkLoadClient, ensureTable, seedDemoData } from '../functions/local/bootstrap.js';
import type { RunningDynamoDb } from '../functions/local/dynamodb-local.js';
import { loadConfig } from '../functions/platform/config.js';
import { createDocumentClient } from '../functions/platform/dynamo.js';

const ROOT = new URL('..', import.meta.url).pathname;

/** Published accuracy, monthly data, horizons 1–24 (the data's README gives the sources). */
export const PUBLISHED = [
  { method: 'auto ARIMA (Hyndman–Khandakar)', mape: 21.13, mase: 1.38 },
  { method: 'Forecast Pro (expert selection)', mape: 19.91, mase: 1.4 },
  { method: 'ETS (automatic)', mape: 21.15, mase: 1.49 },
  { method: 'seasonal naive', mape: 22.56, mase: 1.54 },
  { method: 'Theta', mape: 22.11, mase: 1.55 },
  { method: 'damped trend ETS(A,Ad,A)', mape: 23.47, mase: 1.66 },
  { method: 'best Kaggle follow-up entry (Lee C Baker)', mape: 20.19, mase: 1.293 },
];

export interface EvaluationRun {
  seconds: number;
  workers: number;
  rows: { method: string; mape: number; mase: number }[];
  engineMase: number;
}

/** Runs `npm run forecast:eval` on the monthly data and reads its table. */
export async function measureAccuracy(): Promise<EvaluationRun> {
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
    { cwd: ROOT, maxBuffer: 1 << 20 },
  );
  const lines = stdout.trim().split('\n');
  const timing = /, ([\d.]+) s on (\d+) worker/.exec(lines[0] ?? '');
  const header = lines.findIndex((line) => line.startsWith('method'));
  const rows = lines
    .slice(header + 1)
    .filter((line) => /\s[\d.]+\s+[\d.]+$/.test(line))
    .map((line) => {
      const match = /^(.*?)\s+([\d.]+)\s+([\d.]+)$/.exec(line) as RegExpExecArray;
      return { method: match[1] as string, mape: Number(match[2]), mase: Number(match[3]) };
    });
  return {
    seconds: Number(timing?.[1]),
    workers: Number(timing?.[2]),
    rows,
    engineMase: Number(/^MASE ([\d.]+)$/.exec(lines.at(-1) ?? '')?.[1]),
  };
}

/** The nightly job on a fresh table seeded as npm start seeds it: every series forecast and stored. */
export async function measureNightlyRefresh(dynamo: RunningDynamoDb) {
  const tableName = `bench-forecasts-${randomUUID()}`;
  const config = loadConfig({
    DYNAMODB_ENDPOINT: dynamo.endpoint,
    TABLE_NAME: tableName,
    AWS_REGION: 'local',
  });
  const db = createDocumentClient(config);
  const bulkLoad = createBulkLoadClient(config);
  await ensureTable(bulkLoad, tableName);
  await seedDemoData(bulkLoad, tableName, null);
  bulkLoad.destroy();
  const forecasts = forecastsFor({ db, config });
  await forecasts.refreshAll(); // warm-up: JIT and DynamoDB Local
  const runs: number[] = [];
  let series = 0;
  for (let run = 0; run < 3; run += 1) {
    const result = await forecasts.refreshAll();
    runs.push(result.milliseconds);
    series = result.series;
  }
  return { series, milliseconds: runs.sort((a, b) => a - b)[1] as number };
}

export function accuracyRows(run: EvaluationRun): string[] {
  const ours = run.rows.map(
    (row) => `| ours: ${row.method} | ${row.mape.toFixed(2)} | ${row.mase.toFixed(2)} |`,
  );
  // As the sources print them: two decimals, three for the Kaggle entry.
  const published = PUBLISHED.map(
    (row) =>
      `| published: ${row.method} | ${row.mape.toFixed(2)} | ${row.mase.toFixed(Number.isInteger(Math.round(row.mase * 1000) / 10) ? 2 : 3)} |`,
  );
  return ['| method | MAPE % | MASE |', '|---|---|---|', ...ours, ...published];
}
