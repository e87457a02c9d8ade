/** AWS Lambda entry point of the Wi-Fi domain (behind the HTTP API route /api/wifi/*). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { WIFI_BASE_PATH, wifiRouterFor } from './index.js';

const dependencies = createCloudDependencies(loadConfig());
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: dependencies.config.maxBodyBytes });
app.route(WIFI_BASE_PATH, wifiRouterFor(dependencies));

export const handler = handle(app);
