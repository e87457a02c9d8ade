/**
 * `npm run forecast:eval -- --train <in.csv> [--test <oos.csv>] [--aggregate quarterly|yearly] --period <m>
 * --horizon <h> [--workers <n>]`: forecasts every series of a tourism-competition file with every method of the
 * engine and prints one row per method with MAPE and MASE averaged over series and horizons, computed as the
 * published tables compute them. Without `--test`, the last `--horizon` values of each training series are held
 * out and forecast from the rest — the data every design is chosen on, since the test file must never choose.
 * `--aggregate` first sums a monthly training file over complete calendar quarters or years.
 * The first row is seasonal naive — on the monthly test file it must read MASE 1.54 (1.543 to three decimals), MAPE
 * 22.56, the proof that the evaluation is right; the last line is `MASE <value>` for the engine's automatic choice.
 * Series are shared out between worker threads (one per core by default); a progress bar shows on a terminal.
 */
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import type { SeriesErrors } from '../functions/insights/accuracy.js';
import { summarize } from '../functions/insights/accuracy.js';
import {
  aggregateMonthly,
  type CompetitionSeries,
  readCompetitionCsv,
} from '../functions/insights/competition-data.js';
import type { HeldOutSeries } from '../functions/insights/evaluation.js';
import { evaluatedMethods } from '../functions/insights/methods.js';

const usage =
  'usage: npm run forecast:eval -- --train <in.csv> [--test <oos.csv>] [--aggregate quarterly|yearly] --period <m> --horizon <h> [--workers <n>]';

function fail(message: string): never {
  process.stderr.write(`${message}\n${usage}\n`);
  process.exit(2);
}

const { values } = parseArgs({
  options: {
    train: { type: 'string' },
    test: { type: 'string' },
    aggregate: { type: 'string' },
    period: { type: 'string' },
    horizon: { type: 'string' },
    workers: { type: 'string' },
  },
});
if (!values.train) fail('--train is required.');
const aggregation = values.aggregate;
if (aggregation !== undefined && aggregation !== 'quarterly' && aggregation !== 'yearly')
  fail('--aggregate must be quarterly or yearly.');
// A test file's months would have to be summed together with the training file's last part-filled period.
if (aggregation && values.test)
  fail('--aggregate holds out the training file’s own last horizon: leave --test out.');
const period = Number(values.period ?? 'NaN');
const horizon = Number(values.horizon ?? 'NaN');
if (!Number.isInteger(period) || period < 1) fail('--period must be a whole number, 1 or more.');
if (!Number.isInteger(horizon) || horizon < 1) fail('--horizon must be a whole number, 1 or more.');

async function readSeries(path: string): Promise<CompetitionSeries[]> {
  return readFile(path, 'utf8')
    .then(readCompetitionCsv)
    .catch((error: Error) => fail(`cannot read the data: ${error.message}`));
}

/** Each training series with its held-out part: the test file's, or its own last `horizon` values. */
async function heldOutSeries(trainPath: string, testPath: string | undefined): Promise<HeldOutSeries[]> {
  const training = (await readSeries(trainPath)).map((one) =>
    aggregation ? aggregateMonthly(one, aggregation) : one,
  );
  if (testPath === undefined) {
    return training.map((train) => {
      if (train.values.length <= horizon)
        fail(
          `series ${train.id} has ${train.values.length} values, too few to hold out --horizon ${horizon}`,
        );
      return {
        id: train.id,
        training: train.values.slice(0, -horizon),
        actual: train.values.slice(-horizon),
      };
    });
  }
  const heldById = new Map((await readSeries(testPath)).map((one) => [one.id, one.values]));
  return training.map((train) => {
    const actual = heldById.get(train.id);
    if (!actual) fail(`series ${train.id} has no held-out part in ${testPath}`);
    if (actual.length < horizon)
      fail(`series ${train.id} has ${actual.length} held-out values, fewer than --horizon ${horizon}`);
    return { id: train.id, training: train.values, actual: actual.slice(0, horizon) };
  });
}

const series = await heldOutSeries(values.train, values.test);

const workerCount = Math.max(1, Math.min(Number(values.workers ?? availableParallelism()), series.length));
const started = performance.now();
const errors: SeriesErrors[][] = new Array(series.length);
let done = 0;

function drawProgress(): void {
  if (!process.stderr.isTTY) return;
  const width = 30;
  const filled = Math.round((done / series.length) * width);
  const seconds = ((performance.now() - started) / 1000).toFixed(0);
  process.stderr.write(
    `\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${done}/${series.length} series, ${seconds} s`,
  );
}

await Promise.all(
  Array.from({ length: workerCount }, (_, index) => {
    const indices = series
      .map((_, position) => position)
      .filter((position) => position % workerCount === index);
    return new Promise<void>((resolve, reject) => {
      // The worker is TypeScript too: it registers tsx, as this process was started with, then loads its module.
      const entry = new URL('./forecast-eval-worker.ts', import.meta.url).href;
      const worker = new Worker(
        `import('tsx/esm/api').then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`,
        { eval: true, workerData: { series: indices.map((position) => series[position]), period, horizon } },
      );
      worker.on('message', (message: { index: number; errors: SeriesErrors[] }) => {
        errors[indices[message.index] as number] = message.errors;
        done += 1;
        drawProgress();
      });
      worker.on('error', reject);
      worker.on('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`a worker stopped with ${code}`)),
      );
    });
  }),
);
if (process.stderr.isTTY) process.stderr.write('\n');

const seconds = (performance.now() - started) / 1000;
const nameWidth = Math.max(...evaluatedMethods.map((method) => method.name.length));
process.stdout.write(
  `${series.length} series${aggregation ? ` (${aggregation} totals)` : ''}, period ${period}, horizon ${horizon}, ${values.test ? 'the test file held out' : 'the last horizon of each training series held out'}, ${seconds.toFixed(1)} s on ${workerCount} worker${workerCount === 1 ? '' : 's'}\n\n`,
);
process.stdout.write(`${'method'.padEnd(nameWidth)}   MAPE %    MASE\n`);
let last = { mase: Number.NaN, mape: Number.NaN };
evaluatedMethods.forEach((method, position) => {
  last = summarize(errors.map((perMethod) => perMethod[position] as SeriesErrors));
  process.stdout.write(
    `${method.name.padEnd(nameWidth)}  ${last.mape.toFixed(2).padStart(7)}  ${last.mase.toFixed(3).padStart(6)}\n`,
  );
});
process.stdout.write(`\nMASE ${last.mase.toFixed(3)}\n`);
