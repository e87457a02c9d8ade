/** AWS Lambda entry point of the insights domain's scheduled jobs (the nightly forecasts), by EventBridge Scheduler. */
import { loadConfig } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createLogger } from '../platform/logger.js';
import { scheduledJobsHandler } from '../platform/schedules/lambda-jobs.js';
import { insightsJobsFor } from './index.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);

export const handler = scheduledJobsHandler(
  insightsJobsFor({ config, db: createDocumentClient(config) }),
  logger,
);
