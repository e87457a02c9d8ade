/**
 * The roll-ups assembled: the stream's handler (the Lambda function's, and the local reader's) and the backfill.
 * Apart from the domain's index, which the managers' API loads: the counted records' schemas (contributions.ts)
 * weigh on the functions that read records, not on the API's cold start.
 */
import type { PlatformDependencies } from '../../platform/dependencies.js';
import {
  createStreamConsumer,
  type StreamConsumerHandler,
} from '../../platform/table-changes/stream-consumer.js';
import { createBackfill } from './backfill.js';
import { createRollups } from './rollups.js';
import { createRollupStore } from './store.js';

type Data = Pick<PlatformDependencies, 'db' | 'config'>;

/** The roll-ups of the table's changes into the managers' counters: the stream's handler, on AWS and locally. */
export function rollupStreamHandlerFor(
  dependencies: Pick<PlatformDependencies, 'db' | 'config' | 'logger'>,
): StreamConsumerHandler {
  const rollups = createRollups(createRollupStore(dependencies.db, dependencies.config.tableName));
  return createStreamConsumer('insights roll-ups', (change) => rollups.apply(change), dependencies.logger);
}

/** The counters rebuilt from the records (`npm run insights:backfill`, the local start). */
export function rollupBackfillFor(dependencies: Data) {
  const { db, config } = dependencies;
  return createBackfill(db, config.tableName, createRollupStore(db, config.tableName));
}
