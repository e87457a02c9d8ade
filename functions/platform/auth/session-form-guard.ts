/**
 * The guard of a route that a staff page's plain HTML form posts to as well as API clients (issuing a weather ban
 * from the authority's page). Apart from require-role.ts so that functions which only check bearer tokens do not
 * load the session and sign-in modules.
 */
import { getCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../http-app.js';
import { ProblemError } from '../problem.js';
import type { PublicAddress } from '../public-origin.js';
import { isFormPost } from '../routing.js';
import { hasAnyRole, type Role } from './principal.js';
import { authenticate, type RequireRole } from './require-role.js';
import { STAFF_SESSION_COOKIE } from './session-routes.js';
import { assertSameOrigin } from './sign-in-guard.js';
import type { TokenVerifier } from './verifier.js';

/**
 * For a route a staff page's plain HTML form also posts to: a form post is admitted by the staff session cookie
 * (the ID token the site's sign-in set) and only from the site's own pages (Origin, or Sec-Fetch-Site), which is
 * what stops another site from posting it with the visitor's cookie; any other request needs the bearer token,
 * as with `requireRole`.
 */
export function createSessionFormGuard(
  verifier: TokenVerifier,
  requireRole: RequireRole,
  publicAddress: PublicAddress,
) {
  return function requireRoleOrSession(...allowed: Role[]) {
    const bearer = requireRole(...allowed);
    return createMiddleware<AppEnv>(async (context, next) => {
      if (!isFormPost(context.req.header('Content-Type'))) return bearer(context, next);
      assertSameOrigin(context, publicAddress, true);
      const token = getCookie(context, STAFF_SESSION_COOKIE);
      if (!token) throw new ProblemError(401, 'unauthenticated', 'Sign in on the site first.');
      const principal = await authenticate(verifier, `Bearer ${token}`);
      if (!hasAnyRole(principal, allowed)) {
        throw new ProblemError(403, 'forbidden', `This needs the role ${allowed.join(' or ')}.`);
      }
      context.set('principal', principal);
      await next();
    });
  };
}
