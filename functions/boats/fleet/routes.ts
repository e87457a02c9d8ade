/**
 * /api/boats operators and boats: the public list of companies, and for a company's staff (or a manager)
 * its boats.
 */
import * as z from 'zod';
import { principalOf } from '../../platform/auth/principal-of.js';
import type { RequireRole } from '../../platform/auth/require-role.js';
import { ProblemError, problemResponses } from '../../platform/problem.js';
import { createRoute, type DocumentedRouter, jsonResponse as json } from '../../platform/routing.js';
import { BoatList, OperatorList, Slug } from './model.js';
import { type FleetService, ForeignCompanyError, OperatorNotFoundError } from './service.js';

const OperatorParams = z.object({
  operatorId: Slug.meta({ param: { name: 'operatorId', in: 'path' }, example: 'demo-bay-cruises' }),
});

const LIST_CACHE = 'public, max-age=60';

/** Adds the fleet routes to the boats router (same Lambda, same /api/boats prefix). */
export function addFleetRoutes(router: DocumentedRouter, fleet: FleetService, requireRole: RequireRole) {
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
    );
}

/** The fleet's domain errors as problem answers (scheduling departures meets them too); others as they are. */
export function fleetProblemOf(error: unknown): unknown {
  if (error instanceof OperatorNotFoundError) return new ProblemError(404, 'not-found', error.message);
  if (error instanceof ForeignCompanyError) return new ProblemError(403, 'forbidden', error.message);
  return error;
}

async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw fleetProblemOf(error);
  }
}
