/**
 * Issuing and lifting weather bans (`POST /api/boats/bans`, `POST /api/boats/bans/{banId}/lift`), for API clients
 * and for the authority page's plain form. They cancel and refund, so they are served by the payments function,
 * which loads only these of the pier's routes.
 */
import type { MiddlewareHandler } from 'hono';
import * as z from 'zod';
import type { Role } from '../../platform/auth/principal.js';
import { principalOf } from '../../platform/auth/principal-of.js';
import type { AppEnv } from '../../platform/http-app.js';
import { problemResponses } from '../../platform/problem.js';
import { type PublicAddress, publicOrigin } from '../../platform/public-origin.js';
import { createRoute, createRouter, isFormPost, jsonResponse as json } from '../../platform/routing.js';
import { BanForm, banRequestOfForm, bansPagePath, confirmationQuery, LiftForm } from './ban-form.js';
import { Ban, BanRequest } from './ban-model.js';
import type { BansService } from './bans.js';
import { problemSlugOf, withProblems } from './problems.js';

const PRIVATE = 'private, no-store';

const BanParams = z.object({
  banId: z
    .string()
    .max(80)
    .meta({ param: { name: 'banId', in: 'path' } }),
});

const issueBanRoute = createRoute({
  method: 'post',
  path: '/bans',
  tags: ['Pier'],
  summary: 'Suspend departures (all, a port’s or a route’s) for a period: a weather ban',
  description:
    'Every departure covered that has not left is suspended; its bookings are cancelled, paid ones refunded ' +
    'in full, and their visitors told in their language with a link to rebook. The same ban saved twice is ' +
    'one ban, and nobody is refunded twice. Role manager: a bearer token, or the staff session cookie for the ' +
    'authority page’s form (same origin only; answered with a 303 back to the page).',
  security: [{ bearerAuth: [] }],
  request: {
    body: {
      required: true,
      content: {
        'application/json': { schema: BanRequest },
        'application/x-www-form-urlencoded': { schema: BanForm },
      },
    },
  },
  responses: {
    201: json(Ban, 'The ban, applied'),
    200: json(Ban, 'The same ban, saved before, applied again'),
    303: { description: 'For a form post: back to the bans page, with `?issued=<id>` or `?error=<problem>`' },
    ...problemResponses(400, 401, 403, 409, 413, 415, 422),
  },
});

const liftBanRoute = createRoute({
  method: 'post',
  path: '/bans/{banId}/lift',
  tags: ['Pier'],
  summary:
    'Lift a ban: its departures still ahead reopen. Role manager (token, or the session for the page’s form).',
  security: [{ bearerAuth: [] }],
  request: {
    params: BanParams,
    body: {
      required: false,
      content: { 'application/x-www-form-urlencoded': { schema: LiftForm } },
    },
  },
  responses: {
    200: json(Ban, 'The ban, lifted'),
    303: { description: 'For a form post: back to the bans page, with `?lifted=<id>` or `?error=<problem>`' },
    ...problemResponses(400, 401, 403, 404),
  },
});

/** The ban routes as the OpenAPI document lists them, for functions that do not serve them. */
export const banRouteDeclarations = [
  { basePath: '/api/boats', router: { documentedRoutes: [issueBanRoute, liftBanRoute] } },
];

/** Issuing and lifting bans: they cancel and refund, so they are served where the payments port is. */
export function createBanRoutes(
  bans: BansService,
  requireRoleOrSession: (...roles: Role[]) => MiddlewareHandler<AppEnv>,
  options: { publicAddress: PublicAddress },
) {
  return createRouter()
    .openapi(
      { ...issueBanRoute, middleware: [requireRoleOrSession('manager')] as const },
      async (context) => {
        const origin = publicOrigin(context.req.raw, options.publicAddress);
        context.header('Cache-Control', PRIVATE);
        if (isFormPost(context.req.header('Content-Type'))) {
          const form = context.req.valid('form') as z.infer<typeof BanForm>;
          const page = bansPagePath(form.language);
          // It cancels and refunds: the form's first post shows the authority what it would do, to confirm.
          if (form.confirmed !== '1') return context.redirect(`${page}?${confirmationQuery(form)}`, 303);
          try {
            const parsed = BanRequest.safeParse(banRequestOfForm(form));
            if (!parsed.success) return context.redirect(`${page}?error=validation-error`, 303);
            const { ban } = await withProblems(() => bans.issue(parsed.data, principalOf(context), origin));
            return context.redirect(`${page}?issued=${encodeURIComponent(ban.id)}`, 303);
          } catch (error) {
            return context.redirect(`${page}?error=${problemSlugOf(error)}`, 303);
          }
        }
        const request = context.req.valid('json') as BanRequest;
        const { ban, created } = await withProblems(() => bans.issue(request, principalOf(context), origin));
        return context.json(ban, created ? 201 : 200);
      },
    )
    .openapi({ ...liftBanRoute, middleware: [requireRoleOrSession('manager')] as const }, async (context) => {
      const { banId } = context.req.valid('param');
      context.header('Cache-Control', PRIVATE);
      if (isFormPost(context.req.header('Content-Type'))) {
        const page = bansPagePath((context.req.valid('form') as z.infer<typeof LiftForm>).language);
        try {
          await withProblems(() => bans.lift(banId, principalOf(context)));
          return context.redirect(`${page}?lifted=${encodeURIComponent(banId)}`, 303);
        } catch (error) {
          return context.redirect(`${page}?error=${problemSlugOf(error)}`, 303);
        }
      }
      const { ban } = await withProblems(() => bans.lift(banId, principalOf(context)));
      return context.json(ban, 200);
    });
}
