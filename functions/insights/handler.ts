/** AWS Lambda entry point of the insights domain (behind the HTTP API routes /api/insights and /api/insights/*). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { INSIGHTS_BASE_PATH, insightsRouterFor } from './index.js';

const dependencies = createCloudDependencies(loadConfig());
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: dependencies.config.maxBodyBytes });
app.route(INSIGHTS_BASE_PATH, insightsRouterFor(dependencies));

export const handler = handle(app);
