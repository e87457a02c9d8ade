/**
 * AWS Lambda entry point of the position intakes (HTTP API routes /api/tracking/osmand and /api/tracking/ais):
 * the tracking domain's hot path — about a hundred positions a second at the bay's peak — in a function that loads
 * no sign-in, only the intake, the safety rules and the alerts they raise.
 */
import { handle } from 'hono/aws-lambda';
import { loadConfig, requiredVariable } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createHttpApp } from '../platform/http-app.js';
import { createLogger } from '../platform/logger.js';
import { createAwsMessages } from '../platform/messages/aws-messages.js';
import { trackingIntakeRouterFor } from './index.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
// A rule broken raises its alert here, told at once by SMS and e-mail; live updates leave through the table's stream.
const messages = createAwsMessages({ fromAddress: requiredVariable('MESSAGES_FROM_ADDRESS') });
const app = createHttpApp({ logger, maxBodyBytes: config.maxBodyBytes });
const { basePath, router } = trackingIntakeRouterFor({
  config,
  db: createDocumentClient(config),
  logger,
  messages,
});
app.route(basePath, router);

export const handler = handle(app);
