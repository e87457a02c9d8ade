/**
 * AWS Lambda entry point of the platform routes: /api/health, /api/auth/me, /api/openapi.json, /api/docs.
 * It mounts the composed API because the OpenAPI document describes every domain; requests for a domain's
 * own paths never reach it, since the HTTP API routes them to that domain's function.
 */
import { handle } from 'hono/aws-lambda';
import { createApi } from '../api.js';
import { createCognitoSignIn } from './auth/cognito-sign-in.js';
import { loadConfig } from './config.js';
import { createCloudDependencies } from './dependencies.js';

const config = loadConfig();
const dependencies = createCloudDependencies(config);
// Only this function signs staff in (POST /api/auth/session), so only it loads Cognito's client.
const staffSignIn = config.auth.mode === 'cognito' ? createCognitoSignIn(config.auth.audience) : null;

export const handler = handle(createApi({ ...dependencies, staffSignIn }));
