/**
 * Wires the adapters chosen by configuration (DynamoDB endpoint, token verifier, logger) into the one
 * object every router receives. The local variant lives in functions/local so that Lambda bundles never
 * carry the local issuer's password hashing (a native module).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AccountsStore } from './auth/accounts.js';
import type { LocalIssuer } from './auth/local-issuer.js';
import { createRoleGuard, type RequireRole } from './auth/require-role.js';
import type { StaffSignIn } from './auth/sign-in.js';
import { cognitoKeys, createTokenVerifier, type TokenVerifier } from './auth/verifier.js';
import { ConfigurationError, type PlatformConfig } from './config.js';
import { createDocumentClient } from './dynamo.js';
import type { LiveConnectKey } from './live-updates/connect-token.js';
import type { LiveUpdatesPort } from './live-updates/port.js';
import { createLogger, type Logger } from './logger.js';
import type { MessagesPort } from './messages/port.js';
import type { PaymentsPort } from './payments/port.js';
import { createReadCache, PAGE_DATA_CACHE, type ReadCache } from './read-cache.js';
import type { Signer } from './signing/port.js';

export interface PlatformDependencies {
  config: PlatformConfig;
  db: DynamoDBDocumentClient;
  logger: Logger;
  requireRole: RequireRole;
  /** Checks staff ID tokens (the bearer header, the site's session cookie). */
  verifier: TokenVerifier;
  /** Signs staff in with e-mail and password; where the session route is served (locally, the platform function). */
  staffSignIn: StaffSignIn | null;
  /** Present only with AUTH_MODE=local: the built-in token issuer and its accounts. */
  localAuth: { issuer: LocalIssuer; accounts: AccountsStore } | null;
  /**
   * Ports to the outside world, where this runtime serves routes that need them (locally all of them; on AWS
   * the payments function); null elsewhere, and those routes are then only documented, not served.
   */
  payments: PaymentsPort | null;
  signer: Signer | null;
  messages: MessagesPort | null;
  /**
   * Pushes live updates to browsers: locally the WebSocket endpoint of the process; on AWS only in the functions
   * that publish (the table stream's reader, the WebSocket API's own function), which set it themselves.
   */
  liveUpdates: LiveUpdatesPort | null;
  /**
   * The key of the short-lived tokens staff pages open the live updates with (live-updates/connect-token.ts):
   * locally made at start; on AWS read from Secrets Manager, when first needed, by the functions that issue or
   * check them (the tracking API's and its WebSocket's), which set it themselves; null elsewhere.
   */
  liveConnectKey: LiveConnectKey | null;
  /** What the site's pages display, kept a few seconds; the API's writes in this process forget what they change. */
  pageDataCache: ReadCache;
}

/** For Lambda: tokens come from Cognito, whose keys are fetched from its JWKS URL. */
export function createCloudDependencies(config: PlatformConfig): PlatformDependencies {
  if (config.auth.mode !== 'cognito') {
    throw new ConfigurationError(
      'On AWS Lambda AUTH_MODE must be "cognito": the local issuer keeps its keys in memory.',
    );
  }
  const { issuer, audience, jwksUrl } = config.auth;
  const verifier = createTokenVerifier({ issuer, audience, keys: cognitoKeys(jwksUrl) });
  return {
    config,
    db: createDocumentClient(config),
    logger: createLogger(config.logLevel),
    requireRole: createRoleGuard(verifier),
    verifier,
    staffSignIn: null,
    localAuth: null,
    payments: null,
    signer: null,
    messages: null,
    liveUpdates: null,
    liveConnectKey: null,
    pageDataCache: createReadCache(PAGE_DATA_CACHE),
  };
}
