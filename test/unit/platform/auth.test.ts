import { generateKeyPair, SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createLocalIssuer } from '../../../functions/platform/auth/local-issuer.js';
import { hasAnyRole, principalFromClaims } from '../../../functions/platform/auth/principal.js';
import { createTokenVerifier, InvalidTokenError } from '../../../functions/platform/auth/verifier.js';

const account = {
  email: 'operator@halong.test',
  displayName: 'Op',
  roles: ['operator' as const],
  companyId: 'demo-bay-cruises',
};

describe('token verification', () => {
  it('accepts a token of the trusted issuer and reads roles and company from Cognito-style claims', async () => {
    const issuer = await createLocalIssuer('urn:test', 'aud');
    const verifier = createTokenVerifier({ issuer: 'urn:test', audience: 'aud', keys: issuer.keys });
    expect(await verifier.verify(await issuer.issueIdToken(account))).toEqual({
      subject: 'operator@halong.test',
      email: 'operator@halong.test',
      roles: ['operator'],
      companyId: 'demo-bay-cruises',
    });
  });

  it('refuses tokens for another audience, from another issuer, or signed by another key', async () => {
    const trusted = await createLocalIssuer('urn:test', 'aud');
    const verifier = createTokenVerifier({ issuer: 'urn:test', audience: 'aud', keys: trusted.keys });
    const otherAudience = await createLocalIssuer('urn:test', 'someone-else');
    const otherIssuer = await createLocalIssuer('urn:elsewhere', 'aud');
    const otherKey = await createLocalIssuer('urn:test', 'aud');
    for (const issuer of [otherAudience, otherIssuer, otherKey]) {
      await expect(verifier.verify(await issuer.issueIdToken(account))).rejects.toBeInstanceOf(
        InvalidTokenError,
      );
    }
  });

  it('refuses an expired token and a Cognito access token', async () => {
    const { privateKey, publicKey } = await generateKeyPair('ES256');
    const verifier = createTokenVerifier({
      issuer: 'urn:test',
      audience: 'aud',
      keys: async () => publicKey,
    });
    const sign = (claims: object, expires: number) =>
      new SignJWT({ ...claims })
        .setProtectedHeader({ alg: 'ES256' })
        .setSubject('u1')
        .setIssuer('urn:test')
        .setAudience('aud')
        .setExpirationTime(expires)
        .sign(privateKey);
    const past = Math.floor(Date.now() / 1000) - 600;
    const future = Math.floor(Date.now() / 1000) + 600;
    await expect(verifier.verify(await sign({}, past))).rejects.toThrow('ERR_JWT_EXPIRED');
    await expect(verifier.verify(await sign({ token_use: 'access' }, future))).rejects.toThrow(
      'an ID token is required',
    );
  });
});

describe('roles', () => {
  it('ignores groups that are not platform roles', () => {
    expect(principalFromClaims({ sub: 'a', 'cognito:groups': ['manager', 'root', 7] }).roles).toEqual([
      'manager',
    ]);
  });

  it('lets an admin pass every role check and nobody else pass a check for another role', () => {
    const as = (roles: ('admin' | 'manager' | 'operator')[]) => ({
      subject: 's',
      email: null,
      roles,
      companyId: null,
    });
    expect(hasAnyRole(as(['admin']), ['manager'])).toBe(true);
    expect(hasAnyRole(as(['operator']), ['manager'])).toBe(false);
    expect(hasAnyRole(as([]), ['operator', 'manager'])).toBe(false);
  });
});
