/** AWS Lambda entry point of the boats domain (behind the HTTP API routes /api/boats/*, /api/bookings/* and /api/checkin). */
import { handle } from 'hono/aws-lambda';
import { loadConfig } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { BOATS_BASE_PATH, boatsRouterFor, bookingsRouterFor, checkInRouterFor } from './index.js';

const dependencies = createCloudDependencies(loadConfig());
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: dependencies.config.maxBodyBytes });
app.route(BOATS_BASE_PATH, boatsRouterFor(dependencies));
const bookings = bookingsRouterFor(dependencies);
app.route(bookings.basePath, bookings.router);
const checkIn = checkInRouterFor(dependencies);
app.route(checkIn.basePath, checkIn.router);

export const handler = handle(app);
