/**
 * AWS Lambda entry point of the site's pages rendered per request (behind CloudFront; static files come from
 * S3). Astro's build of the pages is bundled in; the pages read the table through the same domain services as
 * the API.
 */
import { handle } from 'hono/aws-lambda';
import { render } from '../../web/dist/server/entry.mjs';
import { loadConfig } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createHttpApp } from '../platform/http-app.js';
import { createLogger } from '../platform/logger.js';
import { mountSitePages } from './render.js';
import { createSiteServices } from './services.js';

// No token verifier: no page needs a signed-in user yet, so the function carries no JWT code.
const config = loadConfig();
const app = createHttpApp({ logger: createLogger(config.logLevel), maxBodyBytes: config.maxBodyBytes });
mountSitePages(app, render, createSiteServices({ config, db: createDocumentClient(config) }));

export const handler = handle(app);
