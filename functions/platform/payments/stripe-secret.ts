/**
 * Stripe's keys on AWS: one Secrets Manager secret holding `{ "secretKey": "sk_…", "webhookSecret": "whsec_…" }`,
 * read once per cold start. The deployment creates the secret empty; the operator puts the keys in it.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as z from 'zod';
import { awsClientOptions } from '../aws-client-options.js';
import { ConfigurationError } from '../config.js';
import type { StripeSettings } from './stripe.js';

const StripeKeys = z.object({
  secretKey: z.string().regex(/^(sk|rk)_(test|live)_\w+$/),
  webhookSecret: z.string().regex(/^whsec_\w+$/),
});

export async function readStripeSecret(secretId: string, region: string): Promise<StripeSettings> {
  const client = new SecretsManagerClient({ region, ...awsClientOptions() });
  const { SecretString } = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
  let parsed: z.infer<typeof StripeKeys> | undefined;
  try {
    parsed = StripeKeys.parse(JSON.parse(SecretString ?? ''));
  } catch {
    throw new ConfigurationError(
      `The secret ${secretId} does not hold the Stripe keys yet: put {"secretKey":"sk_…","webhookSecret":"whsec_…"} in it.`,
    );
  } finally {
    client.destroy();
  }
  return parsed;
}
