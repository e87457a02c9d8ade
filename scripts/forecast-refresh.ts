/**
 * `npm run forecast:refresh`: what the nightly job does, by hand — forecasts every demand series 90 days ahead
 * from its stored history (and what the services recorded since) and stores the forecasts. Reads the table the
 * environment names (DYNAMODB_ENDPOINT and TABLE_NAME, as `npm start` prints them, or AWS credentials and the
 * deployed table's name).
 */
import { forecastsFor } from '../functions/insights/index.js';
import { createInsightsStore } from '../functions/insights/store.js';
import { loadConfig } from '../functions/platform/config.js';
import { createDocumentClient } from '../functions/platform/dynamo.js';

const config = loadConfig();
const db = createDocumentClient(config);
const store = createInsightsStore(db, config.tableName);
const forecasts = forecastsFor({ db, config });
const series = await store.listSeries();
if (series.length === 0) {
  process.stderr.write(
    `Table ${config.tableName} has no demand series: is npm start running, or TABLE_NAME right?\n`,
  );
  process.exit(1);
}
const started = performance.now();
for (const one of series) {
  const forecast = await forecasts.refreshOne(one);
  process.stdout.write(`${one.id.padEnd(40)} ${forecast.start} +90 days  ${forecast.model}\n`);
}
process.stdout.write(`\n${series.length} series in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
