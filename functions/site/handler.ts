/**
 * AWS Lambda entry point of the site's pages rendered per request (behind CloudFront; static files come from
 * S3). Astro's build of the pages is bundled in; the pages read the table through the same domain services as
 * the API.
 */
import { handle } from 'hono/aws-lambda';
import { render } from '../../web/dist/server/entry.mjs';
import { cognitoKeys, createTokenVerifier } from '../platform/auth/verifier.js';
import { ConfigurationError, loadConfig } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createHttpApp } from '../platform/http-app.js';
import { createLogger } from '../platform/logger.js';
import { createReadCache, PAGE_DATA_CACHE } from '../platform/read-cache.js';
import { forgetPageDataChangedByWrites } from './page-data-cache.js';
import { mountSitePages } from './render.js';
import { createSiteServices } from './services.js';

const config = loadConfig();
if (config.auth.mode !== 'cognito')
  throw new ConfigurationError('The site function verifies Cognito ID tokens.');
// Staff pages read the session cookie's ID token, checked against the user pool's keys.
const { issuer, audience, jwksUrl } = config.auth;
const verifier = createTokenVerifier({ issuer, audience, keys: cognitoKeys(jwksUrl) });
const app = createHttpApp({ logger: createLogger(config.logLevel), maxBodyBytes: config.maxBodyBytes });
// The pages' own forms (booking, scheduling) are seen at once here; the API's writes, made in other functions,
// reach this function's cache when it expires (PAGE_DATA_CACHE).
const pageDataCache = createReadCache(PAGE_DATA_CACHE);
app.use('*', forgetPageDataChangedByWrites(pageDataCache));
const db = createDocumentClient(config);
mountSitePages(app, render, createSiteServices({ config, db, verifier, pageDataCache }), config);

export const handler = handle(app);
