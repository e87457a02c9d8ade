/** AWS Lambda entry point of the tracking domain's scheduled jobs (the signal check), invoked by EventBridge Scheduler. */
import { loadConfig, requiredVariable } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createLogger } from '../platform/logger.js';
import { createAwsMessages } from '../platform/messages/aws-messages.js';
import { scheduledJobsHandler } from '../platform/schedules/lambda-jobs.js';
import { trackingJobsFor, trackingServiceFor } from './index.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
// A boat gone silent is told to the duty contacts and its company by SMS and e-mail, as the intake's alerts are.
const messages = createAwsMessages({ fromAddress: requiredVariable('MESSAGES_FROM_ADDRESS') });

export const handler = scheduledJobsHandler(
  trackingJobsFor(trackingServiceFor({ config, db: createDocumentClient(config), logger, messages })),
  logger,
);
