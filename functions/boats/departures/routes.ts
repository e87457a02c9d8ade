/**
 * /api/boats departures: the public departure search, and for a company's staff (or a manager) the
 * scheduling of departures.
 */
import * as z from 'zod';
import { principalOf } from '../../platform/auth/principal-of.js';
import type { RequireRole } from '../../platform/auth/require-role.js';
import { ProblemError, problemResponses } from '../../platform/problem.js';
import { createRoute, type DocumentedRouter, jsonResponse as json } from '../../platform/routing.js';
import { fleetProblemOf } from '../fleet/routes.js';
import {
  DepartureOffer,
  DepartureSearchQuery,
  DepartureSearchResult,
  ScheduleRequest,
  ScheduleResult,
} from './model.js';
import { TooManyDatesError } from './scheduled-dates.js';
import {
  CertificateExpiredError,
  DepartureExistsError,
  DepartureNotFoundError,
  type DeparturesService,
  InvalidScheduleError,
} from './service.js';

const DepartureParams = z.object({
  departureId: z
    .string()
    .max(120)
    .meta({ param: { name: 'departureId', in: 'path' }, example: 'dep-20261124-0800-ha-long-pearl' }),
});

// Seats change as people book: search answers may be reused for half a minute, not longer.
const SEARCH_CACHE = 'public, max-age=30';

/** Adds the departure routes to the boats router (same Lambda, same /api/boats prefix). */
export function addDepartureRoutes(
  router: DocumentedRouter,
  departures: DeparturesService,
  requireRole: RequireRole,
) {
  return router
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
        return context.json({ departures: await departures.searchDepartures(query) }, 200);
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
        return context.json(await withProblems(() => departures.getDepartureOffer(departureId)), 200);
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
        const scheduled = await withProblems(() =>
          departures.scheduleDepartures(request, principalOf(context)),
        );
        return context.json({ created: scheduled.length, departures: scheduled }, 201);
      },
    );
}

/** Maps the departures' domain errors, and the fleet's that scheduling meets, to problem answers. */
async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof DepartureNotFoundError) throw new ProblemError(404, 'not-found', error.message);
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
    throw fleetProblemOf(error);
  }
}
