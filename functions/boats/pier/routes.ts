/**
 * The pier's HTTP routes: `POST /api/checkin` for the scanners; under /api/boats/departures/{id} the counter's
 * walk-ups, the manifest (JSON, or CSV for `Accept: text/csv`), the crew, the clearance and the departure;
 * /api/boats/bans for the weather bans (the public list here; issuing and lifting, which refund, where the
 * payments port is: createBanRoutes). Each refusal has its own problem type.
 */
import type { MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { auditOriginOf } from '../../platform/audit/log.js';
import type { Role } from '../../platform/auth/principal.js';
import { principalOf } from '../../platform/auth/principal-of.js';
import type { RequireRole } from '../../platform/auth/require-role.js';
import type { AppEnv } from '../../platform/http-app.js';
import { localToUtc } from '../../platform/local-time.js';
import { PaymentProviderError } from '../../platform/payments/port.js';
import { ProblemError, type ProblemSlug, problemResponses } from '../../platform/problem.js';
import { type PublicAddress, publicOrigin } from '../../platform/public-origin.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  isFormPost,
  jsonResponse as json,
} from '../../platform/routing.js';
import { TransactionBusyError } from '../../platform/transactions.js';
import { Departure } from '../departures/model.js';
import { fleetProblemOf } from '../fleet/routes.js';
import type { BansService } from './bans.js';
import { manifestCsv } from './manifest-csv.js';
import {
  Ban,
  BanList,
  BanRequest,
  CheckInRequest,
  CheckInResult,
  ClearanceRequest,
  ClearanceView,
  CrewRequest,
  Manifest,
  WalkUpRequest,
  WalkUpResult,
} from './model.js';
import { PierRefusal } from './pier-rules.js';
import type { PierService } from './service.js';

export const CHECKIN_BASE_PATH = '/api/checkin';

const PRIVATE = 'private, no-store';

const DepartureParams = z.object({
  departureId: z
    .string()
    .max(120)
    .meta({ param: { name: 'departureId', in: 'path' }, example: 'dep-20261124-0800-ha-long-pearl' }),
});
const BanParams = z.object({
  banId: z
    .string()
    .max(80)
    .meta({ param: { name: 'banId', in: 'path' } }),
});

const refusalProblems: Record<PierRefusal['kind'], [number, ProblemSlug]> = {
  'invalid-ticket': [422, 'invalid-ticket'],
  'unknown-ticket': [404, 'unknown-ticket'],
  'wrong-departure': [409, 'wrong-departure'],
  'ticket-not-paid': [409, 'ticket-not-paid'],
  'ticket-expired': [409, 'ticket-expired'],
  'ticket-cancelled': [409, 'ticket-cancelled'],
  'already-checked-in': [409, 'already-checked-in'],
  'boat-full': [409, 'boat-full'],
  'boarding-closed': [409, 'boarding-closed'],
  'departure-not-found': [404, 'not-found'],
  'receipt-used': [409, 'receipt-used'],
  'sold-out': [409, 'sold-out'],
  'invalid-passenger': [422, 'validation-error'],
  'not-cleared': [409, 'not-cleared'],
  'clearance-checks-failed': [422, 'clearance-checks-failed'],
  'departure-changed': [409, 'departure-changed'],
  forbidden: [403, 'forbidden'],
  'invalid-ban': [422, 'validation-error'],
  'ban-lifted': [409, 'ban-lifted'],
  'ban-not-found': [404, 'not-found'],
  'unknown-scope': [422, 'unknown-reference'],
};

/** Maps the pier's refusals, and the fleet's (another company's departure), to problem answers. */
async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof PierRefusal) {
      const [status, slug] = refusalProblems[error.kind];
      throw new ProblemError(status as 404, slug, error.message, undefined, {}, error.details);
    }
    if (error instanceof TransactionBusyError) {
      throw new ProblemError(503, 'busy', 'Please try again in a moment.', undefined, { 'Retry-After': '1' });
    }
    if (error instanceof PaymentProviderError) {
      throw new ProblemError(502, 'payment-provider-error', error.message);
    }
    throw fleetProblemOf(error);
  }
}

const staff = ['operator', 'manager'] as const;

/** POST /api/checkin: one scan at the gangway. */
export function createCheckInRouter(pier: PierService, requireRole: RequireRole) {
  return createRouter().openapi(
    createRoute({
      method: 'post',
      path: '/',
      tags: ['Pier'],
      summary: "Board a ticket's passengers (check-in), or mark no-shows",
      description:
        'Operators check in on their own company’s departures, managers on all. The people boarded and the ' +
        'departure’s aboard count move in one conditional transaction: never more aboard than the certified ' +
        'capacity, whatever the number of scanners. Every refusal has its own problem type.',
      security: [{ bearerAuth: [] }],
      middleware: [requireRole(...staff)] as const,
      request: { body: { required: true, content: { 'application/json': { schema: CheckInRequest } } } },
      responses: {
        200: json(CheckInResult, 'Boarded: the booking, its passengers and the count aboard'),
        ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
      },
    }),
    async (context) => {
      const request = context.req.valid('json');
      const result = await withProblems(() => pier.checkIn(request, principalOf(context)));
      context.header('Cache-Control', PRIVATE);
      return context.json(result, 200);
    },
  );
}

/** The pier's routes under /api/boats (the boats function). */
export function addPierRoutes(
  router: DocumentedRouter,
  pier: PierService,
  bans: Pick<BansService, 'inForce'>,
  requireRole: RequireRole,
) {
  return router
    .openapi(
      createRoute({
        method: 'post',
        path: '/departures/{departureId}/walk-ups',
        tags: ['Pier'],
        summary: 'Sell seats at the pier counter (walk-ups), into the same manifest and capacity',
        description:
          'Recorded with how it was paid and the counter’s receipt number; the same receipt again answers the ' +
          'same sale. Refused when the boat is full.',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole(...staff)] as const,
        request: {
          params: DepartureParams,
          body: { required: true, content: { 'application/json': { schema: WalkUpRequest } } },
        },
        responses: {
          201: json(WalkUpResult, 'Sold (and boarded when asked)'),
          ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
        },
      }),
      async (context) => {
        const { departureId } = context.req.valid('param');
        const request = context.req.valid('json');
        const result = await withProblems(() =>
          pier.sellAtCounter(departureId, request, principalOf(context)),
        );
        context.header('Cache-Control', PRIVATE);
        return context.json(result, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/departures/{departureId}/manifest',
        tags: ['Pier'],
        summary: 'The passenger manifest: every person booked or aboard, with identity documents',
        description:
          'JSON, or CSV with `Accept: text/csv`. Operators see their company’s, the port authority every ' +
          'company’s. Every view and export is written to the audit log first.',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole(...staff)] as const,
        request: { params: DepartureParams },
        responses: {
          200: {
            description: 'The manifest',
            content: {
              'application/json': { schema: Manifest },
              'text/csv': { schema: z.string().meta({ description: 'One row per passenger, RFC 4180.' }) },
            },
          },
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (context) => {
        const { departureId } = context.req.valid('param');
        const csv = /\btext\/csv\b/i.test(context.req.header('Accept') ?? '');
        const manifest = await withProblems(() =>
          pier.manifest(departureId, principalOf(context), {
            format: csv ? 'csv' : 'json',
            from: auditOriginOf(context),
          }),
        );
        context.header('Cache-Control', PRIVATE);
        if (!csv) return context.json(manifest, 200);
        return context.body(manifestCsv(manifest), 200, {
          'Content-Type': 'text/csv; charset=utf-8',
          'Content-Disposition': `attachment; filename="manifest-${manifest.departure.id}.csv"`,
        }) as never;
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/departures/{departureId}/crew',
        tags: ['Pier'],
        summary: 'Record the crew of a trip (captain and members), before clearance',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole(...staff)] as const,
        request: {
          params: DepartureParams,
          body: { required: true, content: { 'application/json': { schema: CrewRequest } } },
        },
        responses: {
          200: json(Departure, 'The departure with its crew'),
          ...problemResponses(400, 401, 403, 404, 409, 413, 415),
        },
      }),
      async (context) => {
        const { departureId } = context.req.valid('param');
        const request = context.req.valid('json');
        const departure = await withProblems(() =>
          pier.recordCrew(departureId, request, principalOf(context)),
        );
        context.header('Cache-Control', PRIVATE);
        return context.json(departure, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/departures/{departureId}/clearance',
        tags: ['Pier'],
        summary: 'The clearance checks of a departure as they stand, and the decision so far',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole(...staff)] as const,
        request: { params: DepartureParams },
        responses: {
          200: json(ClearanceView, 'Checks and decision'),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (context) => {
        const { departureId } = context.req.valid('param');
        const view = await withProblems(() => pier.clearance(departureId, principalOf(context)));
        context.header('Cache-Control', PRIVATE);
        return context.json(view, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/departures/{departureId}/clearance',
        tags: ['Pier'],
        summary: 'The port authority clears a departure (every check passing) or refuses it, with a reason',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('manager')] as const,
        request: {
          params: DepartureParams,
          body: { required: true, content: { 'application/json': { schema: ClearanceRequest } } },
        },
        responses: {
          200: json(ClearanceView, 'The decision recorded'),
          ...problemResponses(400, 401, 403, 404, 409, 413, 415, 422),
        },
      }),
      async (context) => {
        const { departureId } = context.req.valid('param');
        const request = context.req.valid('json');
        const view = await withProblems(() =>
          pier.decideClearance(departureId, request, principalOf(context)),
        );
        context.header('Cache-Control', PRIVATE);
        return context.json(view, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/departures/{departureId}/departed',
        tags: ['Pier'],
        summary: 'Mark a cleared departure as left',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole(...staff)] as const,
        request: { params: DepartureParams },
        responses: {
          200: json(Departure, 'The departure, left'),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      }),
      async (context) => {
        const { departureId } = context.req.valid('param');
        const departure = await withProblems(() => pier.markDeparted(departureId, principalOf(context)));
        context.header('Cache-Control', PRIVATE);
        return context.json(departure, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/bans',
        tags: ['Pier'],
        summary: 'Weather bans in force now or later (departures they cover are suspended)',
        responses: { 200: json(BanList.meta({ id: 'PublicBanList' }), 'Bans in force') },
      }),
      async (context) => {
        const inForce = await bans.inForce();
        context.header('Cache-Control', 'public, max-age=30');
        // Who issued a ban is staff's business, not the public's.
        const visible = inForce.map(({ createdBy: _by, liftedBy: _lifted, ...ban }) => ban);
        return context.json({ bans: visible as z.infer<typeof Ban>[] }, 200);
      },
    );
}

/**
 * The authority's bans page posts a plain HTML form here (no JavaScript needed): local Hạ Long dates and times,
 * the scope as `all`, `port:<id>` or `route:<number>`; answered with a 303 back to the page.
 */
const BanForm = z.object({
  language: z.enum(['vi', 'en']).default('vi'),
  scope: z.string().max(40).default(''),
  fromDate: z.string().max(10).default(''),
  fromTime: z.string().max(5).default(''),
  untilDate: z.string().max(10).default(''),
  untilTime: z.string().max(5).default(''),
  reason: z.string().max(300).default(''),
});
const LiftForm = z.object({ language: z.enum(['vi', 'en']).default('vi') });

/** Where the bans page is, in the form's language. */
export const bansPagePath = (language: 'vi' | 'en') => `/${language}/authority/bans/`;

/** The BanRequest a bans page form says, for BanRequest to check. */
function banRequestOfForm(form: z.infer<typeof BanForm>): unknown {
  const [kind, value] = form.scope.split(':');
  const scope =
    kind === 'port'
      ? { kind, portId: value }
      : kind === 'route'
        ? { kind, routeId: Number(value) }
        : { kind };
  const at = (date: string, time: string) =>
    /^\d{4}-\d{2}-\d{2}$/.test(date) && /^\d{2}:\d{2}$/.test(time) ? localToUtc(date, time) : '';
  return {
    scope,
    from: at(form.fromDate, form.fromTime),
    until: at(form.untilDate, form.untilTime),
    reason: form.reason,
  };
}

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

/** The problem slug a refused form post is sent back to its page with. */
function problemSlugOf(error: unknown): string {
  if (error instanceof ProblemError) return error.slug;
  if (error instanceof PierRefusal) return refusalProblems[error.kind][1];
  throw error;
}

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
