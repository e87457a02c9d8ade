/**
 * The signing port in the local process: an ES256 key pair kept in a file (so tickets stay verifiable across
 * restarts of `npm start`), or in memory when no file is given.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CompactSign, calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Signer } from './port.js';

async function loadOrCreateKey(file: string | null): Promise<JWK> {
  if (file) {
    try {
      return JSON.parse(await readFile(file, 'utf8')) as JWK;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    }
  }
  const { privateKey } = await generateKeyPair('ES256', { extractable: true });
  const jwk = await exportJWK(privateKey);
  if (file) {
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  return jwk;
}

export async function createLocalSigner(keyFile: string | null): Promise<Signer> {
  const privateJwk = await loadOrCreateKey(keyFile);
  const { d: _private, ...publicJwk } = privateJwk;
  const keyId = await calculateJwkThumbprint(publicJwk);
  const privateKey = await importJWK(privateJwk, 'ES256');
  return {
    sign: (payload) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify(payload)))
        .setProtectedHeader({ alg: 'ES256', kid: keyId })
        .sign(privateKey),
    publicKeys: async () => ({ keys: [{ ...publicJwk, kid: keyId, alg: 'ES256', use: 'sig' }] }),
  };
}
