/**
 * `npm run seed:demo-counters`: writes the managers' dashboard a year of demo counters (GENERATED DEMO DATA,
 * functions/insights/rollups/demo-counters.ts) to the table the environment names — the opt-in for a deployment,
 * which seeds nothing by itself (npm start writes them locally). Does nothing where the table has them already.
 * Reads DYNAMODB_ENDPOINT and TABLE_NAME, or AWS credentials and the deployed table's name.
 */
import { readBoatsCatalogueSeed } from '../functions/boats/catalogue/seed.js';
import { readDemoFleetSeed } from '../functions/boats/fleet/demo-seed.js';
import { readDemoRange, seedDemoCounters } from '../functions/insights/rollups/demo-counters-store.js';
import { createBulkLoadClient, demoCountersInputOf } from '../functions/local/bootstrap.js';
import { readMuseumSeed } from '../functions/museum/seed.js';
import { loadConfig } from '../functions/platform/config.js';
import { readWifiSeed } from '../functions/wifi/seed.js';

const config = loadConfig();
const db = createBulkLoadClient(config);
const [catalogue, wifi, fleet, museum] = await Promise.all([
  readBoatsCatalogueSeed(),
  readWifiSeed(),
  readDemoFleetSeed(),
  readMuseumSeed(),
]);
const started = performance.now();
const written = await seedDemoCounters(
  db,
  config.tableName,
  demoCountersInputOf(catalogue, wifi, fleet, museum),
);
const range = await readDemoRange(db, config.tableName);
db.destroy();
const seconds = ((performance.now() - started) / 1000).toFixed(1);
const days = `${range?.from} to ${range?.to}`;
process.stdout.write(
  written === 0
    ? `Table ${config.tableName} has its demo counters already (${days}).\n`
    : `${written} demo counters, ${days}, in ${seconds} s (table ${config.tableName}).\n`,
);
