/** Verifies bearer JWTs with jose against a JWKS: Cognito's on AWS, the local issuer's on a laptop. */
import { createRemoteJWKSet, errors, type JWTVerifyGetKey, jwtVerify } from 'jose';
import { type Principal, principalFromClaims } from './principal.js';

export interface TokenVerifier {
  /** Resolves to the caller, or rejects with InvalidTokenError. */
  verify(token: string): Promise<Principal>;
}

export class InvalidTokenError extends Error {
  override readonly name = 'InvalidTokenError';
}

export interface TokenVerifierOptions {
  issuer: string;
  audience: string;
  keys: JWTVerifyGetKey;
}

export function createTokenVerifier({ issuer, audience, keys }: TokenVerifierOptions): TokenVerifier {
  return {
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, keys, {
          issuer,
          audience,
          algorithms: ['RS256', 'ES256'],
          requiredClaims: ['sub', 'exp'],
        });
        // Cognito access tokens have no audience claim; only ID tokens carry groups and attributes.
        if (payload.token_use !== undefined && payload.token_use !== 'id') {
          throw new InvalidTokenError('an ID token is required');
        }
        return principalFromClaims(payload);
      } catch (error) {
        if (error instanceof InvalidTokenError) throw error;
        if (error instanceof errors.JOSEError) throw new InvalidTokenError(error.code);
        throw error;
      }
    },
  };
}

/** Cognito publishes its signing keys at a well-known URL; jose caches and refreshes them. */
export function cognitoKeys(jwksUrl: string): JWTVerifyGetKey {
  return createRemoteJWKSet(new URL(jwksUrl), { cooldownDuration: 30_000, cacheMaxAge: 600_000 });
}
