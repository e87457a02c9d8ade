/** Dependencies of the local platform and the tests: fresh signing keys and the seeded accounts. */
import { randomBytes } from 'node:crypto';
import { createAccountsStore } from '../platform/auth/accounts.js';
import { createLocalIssuer, LOCAL_TOKEN_LIFETIME_SECONDS } from '../platform/auth/local-issuer.js';
import { createRoleGuard } from '../platform/auth/require-role.js';
import { createLocalSignIn } from '../platform/auth/sign-in.js';
import { createTokenVerifier } from '../platform/auth/verifier.js';
import type { PlatformConfig } from '../platform/config.js';
import { createCloudDependencies, type PlatformDependencies } from '../platform/dependencies.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createLocalLiveUpdates } from '../platform/live-updates/local-websocket.js';
import { createLogger } from '../platform/logger.js';
import { createOutbox } from '../platform/messages/outbox.js';
import { createReadCache, PAGE_DATA_CACHE } from '../platform/read-cache.js';
import { createLocalSigner } from '../platform/signing/local-signer.js';

export async function createLocalDependencies(
  config: PlatformConfig,
  overrides: Partial<
    Pick<PlatformDependencies, 'db' | 'logger' | 'payments' | 'signer' | 'liveUpdates'>
  > = {},
): Promise<PlatformDependencies> {
  if (config.auth.mode !== 'local') return { ...createCloudDependencies(config), ...overrides };
  const db = overrides.db ?? createDocumentClient(config);
  const issuer = await createLocalIssuer(config.auth.issuer, config.auth.audience);
  const verifier = createTokenVerifier({
    issuer: issuer.issuer,
    audience: issuer.audience,
    keys: issuer.keys,
  });
  const accounts = createAccountsStore(db, config.tableName);
  const logger = overrides.logger ?? createLogger(config.logLevel);
  // The live-updates tokens' key, made now: no token outlives a restart (each is good for a minute anyway).
  const connectKey = randomBytes(32);
  return {
    config,
    db,
    logger,
    requireRole: createRoleGuard(verifier),
    verifier,
    staffSignIn: createLocalSignIn(issuer, accounts, LOCAL_TOKEN_LIFETIME_SECONDS),
    localAuth: { issuer, accounts },
    payments: overrides.payments ?? null,
    // Without a file, tickets are signed with a key made now (tests); npm start passes one kept on disk.
    signer: overrides.signer ?? (await createLocalSigner(null)),
    messages: createOutbox(db, config.tableName),
    // Without one given (npm start attaches its own to the HTTP server), a server-less one: publishing reaches
    // nobody until a test attaches it to a server of its own.
    liveUpdates: overrides.liveUpdates ?? createLocalLiveUpdates({ logger }),
    liveConnectKey: async () => connectKey,
    pageDataCache: createReadCache(PAGE_DATA_CACHE),
  };
}
