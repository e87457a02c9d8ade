/**
 * /api/boats operators, boats and departures: the public list of companies and the departure search, and
 * for a company's staff (or a manager) its boats and the scheduling of departures.
 */
import * as z from 'zod';
import type { Principal } from '../platform/auth/principal.js';
import type { RequireRole } from '../platform/auth/require-role.js';
import { ProblemError, problemResponses } from '../platform/problem.js';
import type { DocumentedRouter } from '../platform/routing.js';
import { createRoute, jsonResponse as json } from '../platform/routing.js';
import {
  CertificateExpiredError,
  DepartureExistsError,
  DepartureNotFoundError,
  type FleetService,
  ForeignCompanyError,
  InvalidScheduleError,
  OperatorNotFoundError,
} from './departures-service.js';
import {
  BoatList,
  DepartureOffer,
  DepartureSearchQuery,
  DepartureSearchResult,
  OperatorList,
  ScheduleRequest,
  ScheduleResult,
  Slug,
} from './fleet-model.js';
import { TooManyDatesError } from './schedule-dates.js';

const OperatorParams = z.object({
  operatorId: Slug.meta({ param: { name: 'operatorId', in: 'path' }, example: 'demo-bay-cruises' }),
});

const DepartureParams = z.object({
  departureId: z
    .string()
    .max(120)
    .meta({ param: { name: 'departureId', in: 'path' }, example: 'dep-20261124-0800-ha-long-pearl' }),
});

// Seats change as people book: search answers may be reused for half a minute, not longer.
const SEARCH_CACHE = 'public, max-age=30';
const LIST_CACHE = 'public, max-age=60';

/** Adds the fleet and departure routes to the boats router (same Lambda, same /api/boats prefix). */
export function addDepartureRoutes(router: DocumentedRouter, fleet: FleetService, requireRole: RequireRole) {
  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/operators',
        tags: ['Boats'],
        summary: 'Boat companies of the bay with a contact phone',
        responses: { 200: json(OperatorList, 'Every company, in id order') },
      }),
      async (context) => {
        context.header('Cache-Control', LIST_CACHE);
        return context.json({ operators: await fleet.listOperators() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/operators/{operatorId}/boats',
        tags: ['Boats'],
        summary: "A company's boats with capacity, safety certificate and tracking identities",
        description: "Operators see their own company's boats only; managers see every company's.",
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('operator', 'manager')] as const,
        request: { params: OperatorParams },
        responses: { 200: json(BoatList, 'The boats, in id order'), ...problemResponses(400, 401, 403, 404) },
      }),
      async (context) => {
        const { operatorId } = context.req.valid('param');
        const boats = await withProblems(() => fleet.listBoatsOf(operatorId, principalOf(context)));
        return context.json({ boats }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/departures',
        tags: ['Boats'],
        summary: 'Open departures of a day with seats left and the price per passenger category',
        description:
          'Prices are the sightseeing fee after each category’s discount plus the boat fare, from the fee ' +
          'rules in force now. Only departures still ahead with room for `passengers` are listed.',
        request: { query: DepartureSearchQuery },
        responses: {
          200: json(DepartureSearchResult, 'Matching departures in departure order'),
          ...problemResponses(400),
        },
      }),
      async (context) => {
        const query = context.req.valid('query');
        context.header('Cache-Control', SEARCH_CACHE);
        return context.json({ departures: await fleet.searchDepartures(query) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/departures/{departureId}',
        tags: ['Boats'],
        summary: 'One departure with seats left and prices',
        request: { params: DepartureParams },
        responses: { 200: json(DepartureOffer, 'The departure'), ...problemResponses(400, 404) },
      }),
      async (context) => {
        const { departureId } = context.req.valid('param');
        context.header('Cache-Control', SEARCH_CACHE);
        return context.json(await withProblems(() => fleet.getDepartureOffer(departureId)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/departures',
        tags: ['Boats'],
        summary: 'Schedule departures of one boat: one date, or every chosen weekday of a date range',
        description:
          'The local time is Hạ Long time (UTC+7). All dates are checked first (certificate valid, time ' +
          `ahead, boat free at that minute), then all departures are written or none; at most 366 per request.`,
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('operator', 'manager')] as const,
        request: { body: { required: true, content: { 'application/json': { schema: ScheduleRequest } } } },
        responses: {
          201: json(ScheduleResult, 'The departures created'),
          ...problemResponses(400, 401, 403, 409, 413, 415, 422),
        },
      }),
      async (context) => {
        const request = context.req.valid('json');
        const departures = await withProblems(() => fleet.scheduleDepartures(request, principalOf(context)));
        return context.json({ created: departures.length, departures }, 201);
      },
    );
}

/** The role guard has run before every handler that calls this. */
function principalOf(context: { get(key: 'principal'): Principal | undefined }): Principal {
  const principal = context.get('principal');
  if (!principal) throw new Error('A staff route ran without its role guard.');
  return principal;
}

/** Maps the fleet's domain errors to problem answers. */
async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof OperatorNotFoundError || error instanceof DepartureNotFoundError) {
      throw new ProblemError(404, 'not-found', error.message);
    }
    if (error instanceof ForeignCompanyError) throw new ProblemError(403, 'forbidden', error.message);
    if (error instanceof InvalidScheduleError) {
      throw new ProblemError(400, 'validation-error', error.message, [
        { location: 'body', path: error.field, message: error.message },
      ]);
    }
    if (error instanceof TooManyDatesError) {
      throw new ProblemError(400, 'validation-error', error.message, [
        { location: 'body', path: 'dates', message: error.message },
      ]);
    }
    if (error instanceof CertificateExpiredError) {
      throw new ProblemError(422, 'certificate-expired', error.message);
    }
    if (error instanceof DepartureExistsError) throw new ProblemError(409, 'departure-exists', error.message);
    throw error;
  }
}
