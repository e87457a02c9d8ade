/**
 * AWS Lambda entry point of the platform routes: /api/health, /api/auth/*, /api/openapi.json, /api/docs.
 * Requests for a domain's own paths never reach it, since the HTTP API routes them to that domain's
 * function; so it serves only the platform's routers, and loads every domain's route declarations (and the
 * OpenAPI generator) only when the document is first asked for, in a chunk of their own.
 */
import { handle } from 'hono/aws-lambda';
import { mountApiDocs } from './api-docs.js';
import { createCognitoSignIn } from './auth/cognito-sign-in.js';
import { loadConfig } from './config.js';
import { createCloudDependencies } from './dependencies.js';
import { createHttpApp } from './http-app.js';
import { platformRoutersFor } from './platform-routers.js';

const config = loadConfig();
// Only this function signs staff in (POST /api/auth/session), so only it loads Cognito's client.
const staffSignIn = config.auth.mode === 'cognito' ? createCognitoSignIn(config.auth.audience) : null;
const dependencies = { ...createCloudDependencies(config), staffSignIn };

const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: config.maxBodyBytes });
for (const { basePath, router } of platformRoutersFor(dependencies)) app.route(basePath, router);
mountApiDocs(app, async () => (await import('../api.js')).documentedApiRouters(dependencies));

export const handler = handle(app);
