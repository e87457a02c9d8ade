import * as z from 'zod';
import { auditOriginOf } from '../../platform/audit/origin.js';
import { principalOf } from '../../platform/auth/principal-of.js';
import type { RequireRole } from '../../platform/auth/require-role.js';
import { problemResponses } from '../../platform/problem.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  jsonResponse as json,
} from '../../platform/routing.js';
import { Departure } from '../departures/model.js';
import type { BansService } from './bans.js';
import { manifestCsv } from './manifest-csv.js';
import {
  type Ban,
  BanList,
  CheckInRequest,
  CheckInResult,
  ClearanceRequest,
  ClearanceView,
  CrewRequest,
  Manifest,
  WalkUpRequest,
  WalkUpResult,
} from './model.js';
import { withProblems } from './problems.js';
import type { PierService } from './service.js';

export const CHECKIN_BASE_PATH = '/api/checkin';

const PRIVATE = 'private, no-store';

const DepartureParams = z.object({
  departureId: z
    .string()
    .max(120)
    .meta({ param: { name: 'departureId', in: 'path' }, example: 'dep-20261124-0800-ha-long-pearl' }),
});

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
