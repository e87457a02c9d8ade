/** AWS Lambda entry point of the museum domain (behind the HTTP API route /api/museum/*). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { MUSEUM_BASE_PATH, museumRouterFor } from './index.js';

const dependencies = createCloudDependencies(loadConfig());
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: dependencies.config.maxBodyBytes });
app.route(MUSEUM_BASE_PATH, museumRouterFor(dependencies));

export const handler = handle(app);
