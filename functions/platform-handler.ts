/**
 * AWS Lambda entry point of the platform routes: /api/health, /api/auth/*, /api/openapi.json, /api/docs.
 * Requests for a domain's own paths never reach it, since the HTTP API routes them to that domain's
 * function; so it serves only the platform's routers, and loads every domain's route declarations (and the
 * OpenAPI generator) only when the document is first asked for, in a chunk of their own. It lives beside
 * api.ts, not in platform/, because the document assembles every domain and platform/ imports none.
 */
import { handle } from 'hono/aws-lambda';
import { mountApiDocs } from './platform/api-docs.js';
import { createCognitoSignIn } from './platform/auth/cognito-sign-in.js';
import { loadConfig } from './platform/config.js';
import { createCloudDependencies } from './platform/dependencies.js';
import { createHttpApp } from './platform/http-app.js';
import { platformRoutersFor } from './platform/platform-routers.js';

const config = loadConfig();
// Only this function signs staff in (POST /api/auth/session), so only it loads Cognito's client.
const staffSignIn = config.auth.mode === 'cognito' ? createCognitoSignIn(config.auth.audience) : null;
const dependencies = { ...createCloudDependencies(config), staffSignIn };

const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: config.maxBodyBytes });
for (const { basePath, router } of platformRoutersFor(dependencies)) app.route(basePath, router);
mountApiDocs(app, async () => (await import('./api.js')).documentedApiRouters(dependencies));

export const handler = handle(app);
