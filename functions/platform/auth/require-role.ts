/**
 * Route guard: 401 when the caller is not signed in or the token is bad (with a WWW-Authenticate
 * challenge), 403 when a signed-in caller's role does not allow the action.
 */
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http-app.js';
import { ProblemError } from '../problem.js';

import { hasAnyRole, type Principal, type Role } from './principal.js';
import { InvalidTokenError, type TokenVerifier } from './verifier.js';

export function createRoleGuard(verifier: TokenVerifier) {
  /** Admits callers holding one of `allowed` (admins always); sets `principal` on the context. */
  return function requireRole(...allowed: Role[]) {
    return createMiddleware<AppEnv>(async (context, next) => {
      const principal = await authenticate(verifier, context.req.header('Authorization'));
      if (!hasAnyRole(principal, allowed)) {
        throw new ProblemError(403, 'forbidden', `This needs the role ${allowed.join(' or ')}.`);
      }
      context.set('principal', principal);
      await next();
    });
  };
}

export type RequireRole = ReturnType<typeof createRoleGuard>;

/** The principal of a bearer `authorization` header; ProblemError 401 when absent or refused. */
export async function authenticate(
  verifier: TokenVerifier,
  authorization: string | undefined,
): Promise<Principal> {
  const token = /^Bearer ([\w-]+\.[\w-]+\.[\w-]+)$/i.exec(authorization ?? '')?.[1];
  if (!authorization) {
    throw new ProblemError(401, 'unauthenticated', undefined, undefined, { 'WWW-Authenticate': 'Bearer' });
  }
  if (!token) {
    throw invalidToken('The Authorization header must be "Bearer <JWT>".');
  }
  try {
    return await verifier.verify(token);
  } catch (error) {
    if (error instanceof InvalidTokenError) throw invalidToken(`The token was refused (${error.message}).`);
    throw error;
  }
}

function invalidToken(detail: string): ProblemError {
  return new ProblemError(401, 'invalid-token', detail, undefined, {
    'WWW-Authenticate': 'Bearer error="invalid_token"',
  });
}
