/**
 * AWS Lambda entry point of the tracking domain's reads and actions (HTTP API route /api/tracking/*): the live
 * map's boats and tracks, the alerts (acknowledge, resolve) and the safety rules. The intakes have their own
 * function (intake-handler.ts). The live-updates tokens' key is read from Secrets Manager by the first token asked for.
 */
import { handle } from 'hono/aws-lambda';
import { loadConfig, requiredVariable } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { createAwsMessages } from '../platform/messages/aws-messages.js';
import { secretKeyOnFirstUse } from '../platform/secret-key-on-first-use.js';
import { trackingReadRoutersFor } from './index.js';

const config = loadConfig();
const dependencies = {
  ...createCloudDependencies(config),
  messages: createAwsMessages({ fromAddress: requiredVariable('MESSAGES_FROM_ADDRESS') }),
  liveConnectKey: secretKeyOnFirstUse(requiredVariable('LIVE_CONNECT_SECRET_ARN'), config.region),
};
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: dependencies.config.maxBodyBytes });
for (const { basePath, router } of trackingReadRoutersFor(dependencies)) app.route(basePath, router);

export const handler = handle(app);
