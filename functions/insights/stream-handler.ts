/**
 * AWS Lambda entry point fed by the table's stream, filtered to the records the managers' counters read
 * (cdk/stacks/api-stack.ts): each change moves its counters once; a failed change is reported so the batch is
 * delivered again from it (ReportBatchItemFailures).
 */
import { loadConfig } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createLogger } from '../platform/logger.js';
import { rollupStreamHandlerFor } from './rollups/assembly.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

export const handler = rollupStreamHandlerFor({ config, db: createDocumentClient(config), logger });
