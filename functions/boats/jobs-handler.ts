/** AWS Lambda entry point of the boats domain's scheduled jobs, invoked by EventBridge Scheduler. */
import { loadConfig } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createLogger } from '../platform/logger.js';
import { scheduledJobsHandler } from '../platform/schedules/lambda-jobs.js';
import { boatsJobsFor } from './jobs.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

export const handler = scheduledJobsHandler(
  boatsJobsFor({ config, db: createDocumentClient(config) }),
  logger,
);
