/**
 * AWS Lambda entry point fed by the table's stream, filtered to the tracking domain's latest positions and alerts
 * (cdk/stacks/realtime-stack.ts): each change becomes the live messages the domain makes of it, posted to the
 * WebSocket connections that hear their topics.
 */
import { loadConfig, requiredVariable } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createApiGatewayLiveUpdates } from '../platform/live-updates/api-gateway.js';
import { createLiveConnections } from '../platform/live-updates/connections.js';
import { createStreamPublisher } from '../platform/live-updates/stream-publisher.js';
import { createLogger } from '../platform/logger.js';
import { liveMessagesOfChangeFor } from './index.js';

const config = loadConfig();
const logger = createLogger(config.logLevel);
const db = createDocumentClient(config);
const liveUpdates = createApiGatewayLiveUpdates({
  connections: createLiveConnections(db, config.tableName, logger),
  endpoint: requiredVariable('LIVE_UPDATES_ENDPOINT'),
  region: config.region,
  logger,
});

export const handler = createStreamPublisher(liveMessagesOfChangeFor({ db, config, logger }), {
  liveUpdates,
  logger,
});
