/**
 * The signing port on AWS: an ECC_NIST_P256 KMS key signs the JWS signing input (ECDSA with SHA-256; KMS
 * hashes inputs up to 4 KB itself), so the private key never leaves KMS. KMS answers ECDSA signatures DER-encoded; JWS wants r‖s, 32 bytes each
 * (RFC 7518 §3.4), converted below.
 */
import { GetPublicKeyCommand, KMSClient, SignCommand } from '@aws-sdk/client-kms';
import { base64url, calculateJwkThumbprint, exportJWK, importSPKI, type JSONWebKeySet } from 'jose';
import { awsClientOptions } from '../aws-client-options.js';
import type { Signer } from './port.js';

/** DER `SEQUENCE { INTEGER r, INTEGER s }` → the 64-byte r‖s of ES256. */
export function derToJoseSignature(der: Uint8Array): Uint8Array {
  let offset = 0;
  const expect = (tag: number) => {
    if (der[offset] !== tag) throw new Error('Not a DER-encoded ECDSA signature.');
    offset++;
    let length = der[offset++] as number;
    if (length & 0x80) {
      const bytes = length & 0x7f;
      length = 0;
      for (let index = 0; index < bytes; index++) length = (length << 8) | (der[offset++] as number);
    }
    return length;
  };
  expect(0x30);
  const integer = () => {
    const length = expect(0x02);
    let value = der.subarray(offset, offset + length);
    offset += length;
    while (value.length > 32 && value[0] === 0) value = value.subarray(1); // DER's sign byte
    if (value.length > 32) throw new Error('ECDSA integer longer than 32 bytes.');
    const padded = new Uint8Array(32);
    padded.set(value, 32 - value.length);
    return padded;
  };
  const r = integer();
  const s = integer();
  const signature = new Uint8Array(64);
  signature.set(r, 0);
  signature.set(s, 32);
  return signature;
}

export function createKmsSigner(
  keyId: string,
  client: KMSClient = new KMSClient(awsClientOptions()),
): Signer {
  let publicKey: Promise<{ jwks: JSONWebKeySet; kid: string }> | undefined;
  // Fetched once per cold start; a failed fetch is forgotten, so the next call tries again.
  const cachedPublicKey = () => {
    publicKey ??= loadPublicKey().catch((error: unknown) => {
      publicKey = undefined;
      throw error;
    });
    return publicKey;
  };
  const loadPublicKey = async () => {
    const answer = await client.send(new GetPublicKeyCommand({ KeyId: keyId }));
    if (!answer.PublicKey) throw new Error(`KMS key ${keyId} returned no public key.`);
    const pem = `-----BEGIN PUBLIC KEY-----\n${Buffer.from(answer.PublicKey).toString('base64')}\n-----END PUBLIC KEY-----`;
    const jwk = await exportJWK(await importSPKI(pem, 'ES256', { extractable: true }));
    const kid = await calculateJwkThumbprint(jwk);
    return { jwks: { keys: [{ ...jwk, kid, alg: 'ES256', use: 'sig' }] }, kid };
  };

  return {
    async sign(payload) {
      const { kid } = await cachedPublicKey();
      const header = base64url.encode(JSON.stringify({ alg: 'ES256', kid }));
      const input = `${header}.${base64url.encode(JSON.stringify(payload))}`;
      const answer = await client.send(
        new SignCommand({
          KeyId: keyId,
          Message: new TextEncoder().encode(input),
          MessageType: 'RAW',
          SigningAlgorithm: 'ECDSA_SHA_256',
        }),
      );
      if (!answer.Signature) throw new Error(`KMS key ${keyId} returned no signature.`);
      return `${input}.${base64url.encode(derToJoseSignature(answer.Signature))}`;
    },
    async publicKeys() {
      return (await cachedPublicKey()).jwks;
    },
  };
}
