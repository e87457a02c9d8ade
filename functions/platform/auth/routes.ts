/**
 * /api/auth: who am I (everywhere) and, for the local issuer only, sign-in with e-mail and password and the
 * JWKS the tokens are checked against. On AWS staff sign in through Cognito's hosted flows instead.
 */
import * as z from 'zod';
import { ProblemError, problemResponses } from '../problem.js';
import { createRoute, createRouter } from '../routing.js';
import type { AccountsStore } from './accounts.js';
import type { LocalIssuer } from './local-issuer.js';
import { roles } from './principal.js';
import type { RequireRole } from './require-role.js';
import type { SignInGuard } from './sign-in-guard.js';

const PrincipalSchema = z
  .object({
    subject: z.string(),
    email: z.string().nullable(),
    roles: z.array(z.enum(roles)),
    companyId: z.string().nullable(),
  })
  .meta({ id: 'Principal' });

const LoginRequest = z
  .object({
    email: z.email().max(254).meta({ example: 'manager@halong.test' }),
    password: z.string().min(1).max(200),
  })
  .meta({ id: 'LoginRequest' });

const LoginResponse = z
  .object({
    idToken: z.string(),
    tokenType: z.literal('Bearer'),
    expiresIn: z.number().int().meta({ description: 'Seconds until the token expires.' }),
    principal: PrincipalSchema,
  })
  .meta({ id: 'LoginResponse' });

/** The security scheme named `bearerAuth` in routes' `security`: a Cognito (or local) ID token. */
export const bearerAuthScheme = { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } as const;

const bearer = [{ bearerAuth: [] }];

export function createAuthRouter(requireRole: RequireRole) {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['Identity'],
      summary: 'The signed-in staff member and their roles',
      security: bearer,
      middleware: [requireRole(...roles)] as const,
      responses: {
        200: { description: 'The caller', content: { 'application/json': { schema: PrincipalSchema } } },
        ...problemResponses(401, 403),
      },
    }),
    (context) => {
      const principal = context.get('principal');
      if (!principal) throw new ProblemError(401, 'unauthenticated');
      return context.json(principal, 200);
    },
  );
}

/** Sign-in and JWKS of the local token issuer (AUTH_MODE=local). */
export function createLocalIssuerRouter(
  issuer: LocalIssuer,
  accounts: AccountsStore,
  expiresIn: number,
  guard: SignInGuard,
) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/login',
        tags: ['Identity'],
        summary: 'Sign in with a local demo account (local platform only)',
        description:
          'Attempts are limited per account and per client address, with waits that grow from minutes to a ' +
          'day (429 with `Retry-After`).',
        request: { body: { required: true, content: { 'application/json': { schema: LoginRequest } } } },
        responses: {
          200: { description: 'Signed in', content: { 'application/json': { schema: LoginResponse } } },
          ...problemResponses(400, 401, 413, 415, 429),
        },
      }),
      async (context) => {
        const { email, password } = context.req.valid('json');
        const attempt = await guard.admit(context, email);
        const account = await accounts.authenticate(email, password);
        if (!account) throw new ProblemError(401, 'invalid-credentials');
        await attempt.succeeded();
        const idToken = await issuer.issueIdToken(account);
        const principal = {
          subject: account.email,
          email: account.email,
          roles: account.roles,
          companyId: account.companyId,
        };
        return context.json({ idToken, tokenType: 'Bearer' as const, expiresIn, principal }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/.well-known/jwks.json',
        tags: ['Identity'],
        summary: 'Public keys of the local token issuer',
        responses: {
          200: {
            description: 'JSON Web Key Set',
            content: {
              'application/json': { schema: z.object({ keys: z.array(z.record(z.string(), z.unknown())) }) },
            },
          },
        },
      }),
      (context) => context.json({ keys: issuer.jwks.keys.map((key) => ({ ...key })) }, 200),
    );
}
