/**
 * Wires the adapters chosen by configuration (DynamoDB endpoint, token verifier, logger) into the one
 * object every router receives. Tests build their own with test doubles where they need them.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { type AccountsStore, createAccountsStore } from './auth/accounts.js';
import { createLocalIssuer, type LocalIssuer } from './auth/local-issuer.js';
import { createRoleGuard, type RequireRole } from './auth/require-role.js';
import { cognitoKeys, createTokenVerifier } from './auth/verifier.js';
import { ConfigurationError, type PlatformConfig } from './config.js';
import { createDocumentClient } from './dynamo.js';
import { createLogger, type Logger } from './logger.js';

export interface PlatformDependencies {
  config: PlatformConfig;
  db: DynamoDBDocumentClient;
  logger: Logger;
  requireRole: RequireRole;
  /** Present only with AUTH_MODE=local: the built-in token issuer and its accounts. */
  localAuth: { issuer: LocalIssuer; accounts: AccountsStore } | null;
}

/** For Lambda: tokens come from Cognito, whose keys are fetched from its JWKS URL. */
export function createCloudDependencies(config: PlatformConfig): PlatformDependencies {
  if (config.auth.mode !== 'cognito') {
    throw new ConfigurationError(
      'On AWS Lambda AUTH_MODE must be "cognito": the local issuer keeps its keys in memory.',
    );
  }
  const { issuer, audience, jwksUrl } = config.auth;
  return {
    config,
    db: createDocumentClient(config),
    logger: createLogger(config.logLevel),
    requireRole: createRoleGuard(createTokenVerifier({ issuer, audience, keys: cognitoKeys(jwksUrl) })),
    localAuth: null,
  };
}

/** For the local platform and tests: a fresh signing key and the seeded accounts in the table. */
export async function createLocalDependencies(
  config: PlatformConfig,
  overrides: Partial<Pick<PlatformDependencies, 'db' | 'logger'>> = {},
): Promise<PlatformDependencies> {
  if (config.auth.mode !== 'local') return { ...createCloudDependencies(config), ...overrides };
  const db = overrides.db ?? createDocumentClient(config);
  const issuer = await createLocalIssuer(config.auth.issuer, config.auth.audience);
  return {
    config,
    db,
    logger: overrides.logger ?? createLogger(config.logLevel),
    requireRole: createRoleGuard(
      createTokenVerifier({ issuer: issuer.issuer, audience: issuer.audience, keys: issuer.keys }),
    ),
    localAuth: { issuer, accounts: createAccountsStore(db, config.tableName) },
  };
}
