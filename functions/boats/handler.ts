/** AWS Lambda entry point of the boats domain (behind the HTTP API route /api/boats/*). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { BOATS_BASE_PATH, boatsRouterFor } from './index.js';

const dependencies = createCloudDependencies(loadConfig());
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: dependencies.config.maxBodyBytes });
app.route(BOATS_BASE_PATH, boatsRouterFor(dependencies));

export const handler = handle(app);
