/**
 * AWS Lambda entry point of the Wi-Fi domain: the hotspots API (HTTP API route /api/wifi/*) and the guests'
 * portal (/portal/*), whose key is read from Secrets Manager at cold start and whose one-time codes go out by
 * SES and SNS. Until the portal's settings are right it answers 503 there; the hotspots API is served anyway.
 */
import { handle } from 'hono/aws-lambda';
import { ConfigurationError, loadConfig, requiredVariable } from '../platform/config.js';
import { createCloudDependencies } from '../platform/dependencies.js';
import { createHttpApp } from '../platform/http-app.js';
import { createAwsMessages } from '../platform/messages/aws-messages.js';
import { readSecretKey } from '../platform/secret-key.js';
import { PORTAL_BASE_PATH, portalRouterFor, WIFI_BASE_PATH, wifiRouterFor } from './index.js';

const config = loadConfig();
const dependencies = createCloudDependencies(config);
const app = createHttpApp({ logger: dependencies.logger, maxBodyBytes: config.maxBodyBytes });
app.route(WIFI_BASE_PATH, wifiRouterFor(dependencies));

try {
  const portal = portalRouterFor(
    {
      ...dependencies,
      messages: createAwsMessages({ fromAddress: requiredVariable('MESSAGES_FROM_ADDRESS') }),
    },
    await readSecretKey(requiredVariable('WIFI_PORTAL_SECRET_ARN'), config.region),
  );
  if (portal) app.route(PORTAL_BASE_PATH, portal);
} catch (error) {
  if (!(error instanceof ConfigurationError)) throw error;
  dependencies.logger.error('the Wi-Fi portal is not configured', { reason: error.message });
  // A plain page, as the portal's answers are pages: a captive-portal browser shows it as it is.
  app.all(`${PORTAL_BASE_PATH}/*`, (context) =>
    context.text(
      'Đăng nhập Wi-Fi tạm thời chưa sẵn sàng, vui lòng thử lại sau.\n' +
        'Wi-Fi sign-in is not available right now; please try again later.\n',
      503,
      { 'Cache-Control': 'no-store' },
    ),
  );
}

export const handler = handle(app);
