/**
 * The signing port: compact JWS (ES256) over small payloads, and the public keys that verify them, so a
 * pier scanner with no network checks a ticket with the published key alone. Locally a key pair on disk
 * (local-signer.ts); on AWS an asymmetric KMS key whose private half never leaves KMS (kms-signer.ts).
 */
import type { JSONWebKeySet } from 'jose';

export interface Signer {
  /** A compact JWS (`header.payload.signature`, ES256) of the payload, its header naming the key (`kid`). */
  sign(payload: Record<string, unknown>): Promise<string>;
  /** The public keys verifying what this signer signs, as a JWKS. */
  publicKeys(): Promise<JSONWebKeySet>;
}
