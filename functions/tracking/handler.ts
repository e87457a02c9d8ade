/** AWS Lambda entry point of the tracking domain (behind the HTTP API route /api/tracking/*). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { TRACKING_BASE_PATH, trackingRouterFor } from './index.js';

const dependencies = createCloudDependencies(loadConfig());
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: dependencies.config.maxBodyBytes });
app.route(TRACKING_BASE_PATH, trackingRouterFor(dependencies));

export const handler = handle(app);
