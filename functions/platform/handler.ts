/**
 * AWS Lambda entry point of the platform routes: /api/health, /api/auth/me, /api/openapi.json, /api/docs.
 * It mounts the composed API because the OpenAPI document describes every domain; requests for a domain's
 * own paths never reach it, since the HTTP API routes them to that domain's function.
 */
import { handle } from 'hono/aws-lambda';
import { createApi } from '../api.js';
import { loadConfig } from './config.js';
import { createCloudDependencies } from './dependencies.js';

export const handler = handle(createApi(createCloudDependencies(loadConfig())));
