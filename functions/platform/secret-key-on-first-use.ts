/**
 * A Secrets Manager key (secret-key.ts) read by its first use rather than at cold start, for a function where few
 * requests need it: read once, and a failure is tried again by the next use.
 */
import { once } from './loaded-on-first-use.js';
import { readSecretKey } from './secret-key.js';

export function secretKeyOnFirstUse(secretId: string, region: string): () => Promise<Uint8Array> {
  return once(() => readSecretKey(secretId, region));
}
