/**
 * A key kept in Secrets Manager as a random string the deployment generated (the Wi-Fi portal's), read once per
 * cold start. The key is the SHA-256 of the string's UTF-8 bytes: 32 bytes whatever the string's length or
 * alphabet, the size HMAC-SHA-256 works best with, and the same size as the key made locally.
 */
import { createHash } from 'node:crypto';
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { awsClientOptions } from './aws-client-options.js';
import { ConfigurationError } from './config.js';

/** Fewer characters than this cannot hold the 32 bytes of entropy the key should have. */
const MIN_SECRET_LENGTH = 32;

/**
 * Refusals that no retry would change: the deployment or the secret is wrong. Anything else (throttling, a
 * network fault) is thrown as it is, so the Lambda runtime starts the function afresh on the next request
 * instead of keeping an instance that never got its key.
 */
const MISCONFIGURED = new Set([
  'ResourceNotFoundException',
  'AccessDeniedException',
  'DecryptionFailure',
  'InvalidRequestException',
]);

/**
 * The key derived from the secret `secretId`; ConfigurationError when the secret cannot be had or holds no
 * usable string. A client may be passed in (tests); one made here is closed after the read.
 */
export async function readSecretKey(
  secretId: string,
  region: string,
  client?: SecretsManagerClient,
): Promise<Uint8Array> {
  const secrets = client ?? new SecretsManagerClient({ region, ...awsClientOptions() });
  let secret: string | undefined;
  try {
    ({ SecretString: secret } = await secrets.send(new GetSecretValueCommand({ SecretId: secretId })));
  } catch (error) {
    if (error instanceof Error && MISCONFIGURED.has(error.name)) {
      throw new ConfigurationError(`The secret ${secretId} cannot be read: ${error.name}.`);
    }
    throw error;
  } finally {
    if (!client) secrets.destroy();
  }
  if (!secret || secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigurationError(
      `The secret ${secretId} holds no key: put a random string of at least ${MIN_SECRET_LENGTH} characters in it.`,
    );
  }
  return new Uint8Array(createHash('sha256').update(secret, 'utf8').digest());
}
