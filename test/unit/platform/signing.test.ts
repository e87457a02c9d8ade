import { generateKeyPairSync, sign as signWithNode } from 'node:crypto';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KMSClient } from '@aws-sdk/client-kms';
import { compactVerify, createLocalJWKSet } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createKmsSigner, derToJoseSignature } from '../../../functions/platform/signing/kms-signer.js';
import { createLocalSigner } from '../../../functions/platform/signing/local-signer.js';
import type { Signer } from '../../../functions/platform/signing/port.js';
import { type FakeAws, startFakeAws } from '../../support/fake-aws.js';

async function verify(signer: Signer, jws: string) {
  const { payload, protectedHeader } = await compactVerify(jws, createLocalJWKSet(await signer.publicKeys()));
  return { payload: JSON.parse(new TextDecoder().decode(payload)), protectedHeader };
}

describe('the local signer', () => {
  const directory = mkdtempSync(join(tmpdir(), 'halong-signer-'));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('signs ES256 JWS that its public keys verify, and keeps its key across restarts', async () => {
    const file = join(directory, 'key.json');
    const first = await createLocalSigner(file);
    const jws = await first.sign({ b: 'HL7K2QX9MD', n: 2 });
    expect(await verify(first, jws)).toMatchObject({
      payload: { b: 'HL7K2QX9MD', n: 2 },
      protectedHeader: { alg: 'ES256', kid: expect.any(String) },
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const restarted = await createLocalSigner(file);
    expect((await verify(restarted, jws)).payload.b).toBe('HL7K2QX9MD');
    expect(JSON.stringify(await restarted.publicKeys())).not.toContain('"d"');
  });

  it('refuses a signature from another key, and a payload changed after signing', async () => {
    const signer = await createLocalSigner(null);
    const stranger = await createLocalSigner(null);
    await expect(verify(signer, await stranger.sign({ b: 'HL7K2QX9MD' }))).rejects.toThrow();
    const [header, , signature] = (await signer.sign({ n: 1 })).split('.');
    const tampered = `${header}.${Buffer.from('{"n":9}').toString('base64url')}.${signature}`;
    await expect(verify(signer, tampered)).rejects.toThrow();
  });
});

describe('DER to JOSE signatures', () => {
  it('turns every DER ECDSA signature Node makes into the r‖s that verifies as ES256', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const jwk = publicKey.export({ format: 'jwk' });
    // Many signatures, so r and s with a leading zero byte (shorter integers, or DER's sign byte) occur.
    for (let round = 0; round < 200; round++) {
      const input = `eyJhbGciOiJFUzI1NiJ9.${Buffer.from(`{"round":${round}}`).toString('base64url')}`;
      const der = signWithNode('sha256', Buffer.from(input), { key: privateKey, dsaEncoding: 'der' });
      const jws = `${input}.${Buffer.from(derToJoseSignature(der)).toString('base64url')}`;
      await expect(
        compactVerify(jws, createLocalJWKSet({ keys: [{ ...jwk, alg: 'ES256' }] })),
      ).resolves.toBeTruthy();
    }
  });

  it('rejects bytes that are not a DER signature', () => {
    expect(() => derToJoseSignature(new Uint8Array([1, 2, 3]))).toThrow('Not a DER-encoded ECDSA signature');
  });
});

describe('the KMS signer, with the real KMS client against a local server speaking KMS’s JSON protocol', () => {
  let aws: FakeAws;
  let client: KMSClient;

  beforeAll(async () => {
    aws = await startFakeAws();
    client = new KMSClient({
      region: 'ap-southeast-1',
      endpoint: aws.endpoint,
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
  });
  afterAll(async () => {
    client.destroy();
    await aws.stop();
  });

  it('signs through KMS (ECDSA_SHA_256 over the raw signing input) and publishes the KMS public key', async () => {
    const signer = createKmsSigner('alias/ticket-signing', client);
    const jws = await signer.sign({ b: 'HL7K2QX9MD' });
    expect((await verify(signer, jws)).payload).toEqual({ b: 'HL7K2QX9MD' });
    const signCall = aws.calls.find((call) => call.operation === 'TrentService.Sign');
    expect(signCall?.body).toMatchObject({
      KeyId: 'alias/ticket-signing',
      MessageType: 'RAW',
      SigningAlgorithm: 'ECDSA_SHA_256',
    });
    expect(Buffer.from(signCall?.body.Message as string, 'base64').toString()).toBe(
      jws.split('.').slice(0, 2).join('.'),
    );
    // The public key is fetched once, not per signature.
    await signer.sign({ b: 'HL00000000' });
    expect(aws.calls.filter((call) => call.operation === 'TrentService.GetPublicKey')).toHaveLength(1);
  });
});
