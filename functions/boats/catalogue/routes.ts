/**
 * /api/boats routes, ports and cancellation policy: the bay's sightseeing routes and ports and the refund
 * tiers, read by everyone, edited by the tourism authority.
 */
import * as z from 'zod';
import type { RequireRole } from '../../platform/auth/require-role.js';
import { ProblemError, problemResponses } from '../../platform/problem.js';
import { createRoute, createRouter, jsonResponse as json } from '../../platform/routing.js';
import { CancellationPolicy } from './cancellation-policy.js';
import { PortList, RouteDetails, RouteList, RouteNumber, RouteWithDiscounts } from './model.js';
import { type CatalogueService, RouteNotFoundError, UnknownPortError } from './service.js';

const RouteParams = z.object({
  id: RouteNumber.meta({
    param: { name: 'id', in: 'path' },
    example: 1,
    description: 'Route number (1–99)',
  }),
});

// Public catalogue answers (the cancellation policy too) may be cached briefly by browsers and CloudFront; edits show within a minute.
const PUBLIC_CACHE = 'public, max-age=60';

export function createCatalogueRouter(catalogue: CatalogueService, requireRole: RequireRole) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/routes',
        tags: ['Boats'],
        summary: 'Sightseeing routes of Hạ Long Bay with stops, duration, fees and discounts',
        responses: { 200: json(RouteList, 'Every route, in route-number order') },
      }),
      async (context) => {
        context.header('Cache-Control', PUBLIC_CACHE);
        return context.json(await catalogue.listRoutes(), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/routes/{id}',
        tags: ['Boats'],
        summary: 'One sightseeing route',
        request: { params: RouteParams },
        responses: { 200: json(RouteWithDiscounts, 'The route'), ...problemResponses(400, 404) },
      }),
      async (context) => {
        const { id } = context.req.valid('param');
        context.header('Cache-Control', PUBLIC_CACHE);
        return context.json(await withProblems(() => catalogue.getRoute(id)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/routes/{id}',
        tags: ['Boats'],
        summary: "Replace a route's details (tourism authority)",
        description: 'Fees and stops change by provincial decision; managers keep them current here.',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('manager')] as const,
        request: {
          params: RouteParams,
          body: { required: true, content: { 'application/json': { schema: RouteDetails } } },
        },
        responses: {
          200: json(RouteWithDiscounts, 'The route as stored'),
          ...problemResponses(400, 401, 403, 404, 413, 415),
        },
      }),
      async (context) => {
        const { id } = context.req.valid('param');
        const details = context.req.valid('json');
        return context.json(await withProblems(() => catalogue.updateRoute(id, details)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/ports',
        tags: ['Boats'],
        summary: 'Passenger ports of the bay with coordinates',
        responses: { 200: json(PortList, 'Every port') },
      }),
      async (context) => {
        context.header('Cache-Control', PUBLIC_CACHE);
        return context.json({ ports: await catalogue.listPorts() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/cancellation-policy',
        tags: ['Boats'],
        summary: 'How much of a paid booking is refunded, by how long before departure it is cancelled',
        responses: { 200: json(CancellationPolicy, 'The policy in force'), ...problemResponses(404) },
      }),
      async (context) => {
        const policy = await catalogue.getCancellationPolicy();
        if (!policy) throw new ProblemError(404, 'not-found', 'No cancellation policy has been set.');
        context.header('Cache-Control', PUBLIC_CACHE);
        return context.json(policy, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/cancellation-policy',
        tags: ['Boats'],
        summary: 'Replace the cancellation policy (tourism managers)',
        description: 'Applies to cancellations from now on, including those of bookings already paid.',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('manager')] as const,
        request: {
          body: { required: true, content: { 'application/json': { schema: CancellationPolicy } } },
        },
        responses: {
          200: json(CancellationPolicy, 'The policy now in force'),
          ...problemResponses(400, 401, 403, 415),
        },
      }),
      async (context) => {
        const policy = context.req.valid('json');
        await catalogue.replaceCancellationPolicy(policy);
        return context.json(policy, 200);
      },
    );
}

/** Maps the catalogue's domain errors to problem answers. */
async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof RouteNotFoundError) throw new ProblemError(404, 'not-found', error.message);
    if (error instanceof UnknownPortError) {
      throw new ProblemError(400, 'validation-error', error.message, [
        { location: 'body', path: 'departurePortId', message: error.message },
      ]);
    }
    throw error;
  }
}
