/**
 * `npm run insights:backfill [-- --since YYYY-MM-01] [--check]`: rebuilds the managers' counters from the records
 * they count (functions/insights/rollups/backfill.ts) — after a fault the stream's dead-letter queue kept, or to
 * check that the roll-ups agree with the records (`--check` writes nothing and exits 1 on a difference). Reads the
 * table the environment names (DYNAMODB_ENDPOINT and TABLE_NAME as `npm start` prints them, or AWS credentials and
 * the deployed table's name). Run it while no stream consumer writes (see backfill.ts).
 */
import { parseArgs } from 'node:util';
import { rollupBackfillFor } from '../functions/insights/rollups/assembly.js';
import { defaultBackfillSince } from '../functions/insights/rollups/model.js';
import { loadConfig } from '../functions/platform/config.js';
import { createDocumentClient } from '../functions/platform/dynamo.js';
import { localDateAt } from '../functions/platform/local-time.js';

const { values } = parseArgs({ options: { since: { type: 'string' }, check: { type: 'boolean' } } });
const since = values.since ?? defaultBackfillSince(localDateAt(new Date()));
if (!/^\d{4}-\d{2}-01$/.test(since)) {
  process.stderr.write('--since must be the first day of a month, as YYYY-MM-01.\n');
  process.exit(2);
}
const config = loadConfig();
// A scan of the whole table, not a visitor's request: a minute per call rather than a request's budget.
const db = createDocumentClient({ ...config, storeAttemptTimeoutMs: 60_000 });
const started = performance.now();
const report = await rollupBackfillFor({ db, config }).run({ since, check: values.check === true });
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const difference of report.differences.slice(0, 50)) {
  process.stdout.write(
    `${difference.counter} ${difference.measure}: stored ${difference.stored}, records say ${difference.recomputed}\n`,
  );
}
if (report.differences.length > 50) process.stdout.write(`… and ${report.differences.length - 50} more\n`);
process.stdout.write(
  `${report.records} records, ${report.counters} counters since ${since}, ${report.differences.length} differences` +
    `${report.written ? ' (counters replaced)' : ''} in ${seconds} s\n`,
);
db.destroy();
if (values.check && report.differences.length > 0) process.exit(1);
