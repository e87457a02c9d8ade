/**
 * The local stand-in for Cognito: signs ID tokens with a key pair made at start-up and publishes the
 * public half as a JWKS. Tokens carry Cognito's claim names so the verifier cannot tell the difference.
 */
import { createLocalJWKSet, exportJWK, generateKeyPair, type JSONWebKeySet, SignJWT } from 'jose';
import type { Account } from './accounts.js';

export const LOCAL_TOKEN_LIFETIME_SECONDS = 3600;

export interface LocalIssuer {
  issuer: string;
  audience: string;
  jwks: JSONWebKeySet;
  keys: ReturnType<typeof createLocalJWKSet>;
  issueIdToken(account: Account): Promise<string>;
}

export async function createLocalIssuer(issuer: string, audience: string): Promise<LocalIssuer> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const keyId = `local-${Date.now().toString(36)}`;
  const jwks: JSONWebKeySet = {
    keys: [{ ...(await exportJWK(publicKey)), kid: keyId, alg: 'ES256', use: 'sig' }],
  };
  return {
    issuer,
    audience,
    jwks,
    keys: createLocalJWKSet(jwks),
    issueIdToken: (account) =>
      new SignJWT({
        email: account.email,
        name: account.displayName,
        'cognito:groups': account.roles,
        ...(account.companyId ? { 'custom:company_id': account.companyId } : {}),
        token_use: 'id',
      })
        .setProtectedHeader({ alg: 'ES256', kid: keyId, typ: 'JWT' })
        .setSubject(account.email)
        .setIssuer(issuer)
        .setAudience(audience)
        .setIssuedAt()
        .setExpirationTime(`${LOCAL_TOKEN_LIFETIME_SECONDS}s`)
        .sign(privateKey),
  };
}
