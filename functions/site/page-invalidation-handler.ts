/**
 * AWS Lambda entry point fed by the table's stream (cdk/stacks/web-stack.ts): invalidates on the site's CloudFront
 * distribution the shared pages a batch of changes made stale. It reads nothing of the table but the stream.
 */
import { createCloudFrontInvalidation } from '../platform/cdn/cloudfront-invalidation.js';
import { loadConfig, requiredVariable } from '../platform/config.js';
import { createLogger } from '../platform/logger.js';
import { invalidateStalePages } from './page-invalidation.js';

export const handler = invalidateStalePages({
  cdn: createCloudFrontInvalidation({ distributionId: requiredVariable('DISTRIBUTION_ID') }),
  logger: createLogger(loadConfig().logLevel),
});
