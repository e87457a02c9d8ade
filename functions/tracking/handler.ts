/** AWS Lambda entry point of the tracking domain (behind the HTTP API routes /api/tracking/*). */
import { handle } from 'hono/aws-lambda';
import { loadConfig, requiredVariable } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { createAwsMessages } from '../platform/messages/aws-messages.js';
import { trackingRoutersFor } from './index.js';

const config = loadConfig();
// Alerts go out by SMS and e-mail as they are raised (SES and SNS); live updates leave through the table's stream.
const dependencies = {
  ...createCloudDependencies(config),
  messages: createAwsMessages({ fromAddress: requiredVariable('MESSAGES_FROM_ADDRESS') }),
};
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: dependencies.config.maxBodyBytes });
for (const { basePath, router } of trackingRoutersFor(dependencies)) app.route(basePath, router);

export const handler = handle(app);
