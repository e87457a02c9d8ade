// readSecretKey with the real Secrets Manager client, against a local server speaking its JSON protocol.
import { createHash } from 'node:crypto';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigurationError } from '../../../functions/platform/config.js';
import { readSecretKey } from '../../../functions/platform/secret-key.js';
import { type FakeAws, startFakeAws } from '../../support/fake-aws.js';

const secretArn = 'arn:aws:secretsmanager:ap-southeast-1:123456789012:secret:WifiPortalSecret-AbCdEf';
const generated = 'q7Zk2Lw9Xc4Vb8Nm1As5Df3Gh6Jk0Pl2Oi9Uy7Tr4Ew1Qa8Sd5Fg3Hj6Kl0Zx2Cv';

function clientAt(endpoint: string): SecretsManagerClient {
  return new SecretsManagerClient({
    region: 'ap-southeast-1',
    endpoint,
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    // A failure shows at once, rather than after the SDK's retries.
    maxAttempts: 1,
  });
}

describe('reading a key from Secrets Manager', () => {
  let aws: FakeAws;
  let client: SecretsManagerClient;

  beforeAll(async () => {
    aws = await startFakeAws();
    client = clientAt(aws.endpoint);
  });
  afterAll(async () => {
    client.destroy();
    await aws.stop();
  });

  it('asks for the named secret and derives the 32-byte SHA-256 of its string as the key', async () => {
    aws.secrets.set(secretArn, generated);
    const key = await readSecretKey(secretArn, 'ap-southeast-1', client);
    expect(Buffer.from(key)).toEqual(createHash('sha256').update(generated, 'utf8').digest());
    expect(key).toHaveLength(32);
    expect(aws.calls.at(-1)).toEqual({
      operation: 'secretsmanager.GetSecretValue',
      body: { SecretId: secretArn },
    });
  });

  it('gives a different key for a different secret, so rotating the secret changes the key', async () => {
    aws.secrets.set(secretArn, generated);
    const before = await readSecretKey(secretArn, 'ap-southeast-1', client);
    aws.secrets.set(secretArn, `${generated.slice(1)}x`);
    const after = await readSecretKey(secretArn, 'ap-southeast-1', client);
    expect(Buffer.from(after)).not.toEqual(Buffer.from(before));
  });

  it('refuses a secret too short to hold 32 bytes of entropy, as a configuration error', async () => {
    aws.secrets.set(secretArn, 'x'.repeat(31));
    await expect(readSecretKey(secretArn, 'ap-southeast-1', client)).rejects.toThrow(ConfigurationError);
    aws.secrets.set(secretArn, '');
    await expect(readSecretKey(secretArn, 'ap-southeast-1', client)).rejects.toThrow(/holds no key/);
  });

  it('reports a secret that does not exist as a configuration error naming it', async () => {
    const missing = readSecretKey(
      'arn:aws:secretsmanager:ap-southeast-1:1:secret:gone',
      'ap-southeast-1',
      client,
    );
    await expect(missing).rejects.toThrow(ConfigurationError);
    await expect(missing).rejects.toThrow('secret:gone cannot be read: ResourceNotFoundException');
  });

  it('lets a failure to reach Secrets Manager through as it is, so the next cold start tries again', async () => {
    const unreachable = clientAt('http://127.0.0.1:1');
    try {
      const failed = readSecretKey(secretArn, 'ap-southeast-1', unreachable);
      await expect(failed).rejects.toThrow();
      await expect(failed).rejects.not.toBeInstanceOf(ConfigurationError);
    } finally {
      unreachable.destroy();
    }
  });
});
