/**
 * AWS Lambda entry point of the tracking domain's WebSocket API (cdk/stacks/realtime-stack.ts): `$connect` asks the
 * domain who may hear what (staff by a live-updates token, whose key is read from Secrets Manager by the first),
 * `$disconnect` forgets the connection, `$default` answers `hello` with the ready message.
 */
import { loadConfig, requiredVariable } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createApiGatewayLiveUpdates } from '../platform/live-updates/api-gateway.js';
import { createLiveConnections } from '../platform/live-updates/connections.js';
import { createWebSocketHandler } from '../platform/live-updates/websocket-handler.js';
import { secretKeyOnFirstUse } from '../platform/secret-key-on-first-use.js';
import { trackingLiveTopicsFor } from './index.js';

const cloud = createCloudDependencies(loadConfig());
const liveUpdates = createApiGatewayLiveUpdates({
  connections: createLiveConnections(cloud.db, cloud.config.tableName, cloud.logger),
  endpoint: requiredVariable('LIVE_UPDATES_ENDPOINT'),
  region: cloud.config.region,
  logger: cloud.logger,
});
const dependencies = {
  ...cloud,
  liveUpdates,
  liveConnectKey: secretKeyOnFirstUse(requiredVariable('LIVE_CONNECT_SECRET_ARN'), cloud.config.region),
};

export const handler = createWebSocketHandler(trackingLiveTopicsFor(dependencies), dependencies);
