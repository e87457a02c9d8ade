/**
 * AWS Lambda entry point of the insights domain's scheduled jobs (the nightly forecasts, the 06:30 morning
 * report), invoked by EventBridge Scheduler.
 */
import { loadConfig } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createLogger } from '../platform/logger.js';
import { createAwsMessages } from '../platform/messages/aws-messages.js';
import { scheduledJobsHandler } from '../platform/schedules/lambda-jobs.js';
import { insightsJobsFor } from './index.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const fromAddress = process.env.MESSAGES_FROM_ADDRESS;
// Without a sender address (cdk deploy -c messagesFromAddress=…) the morning report is not scheduled to send.
const messages = fromAddress ? createAwsMessages({ fromAddress }) : null;

export const handler = scheduledJobsHandler(
  insightsJobsFor({ config, db: createDocumentClient(config), messages }),
  logger,
);
