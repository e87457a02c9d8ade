/** /api/boats/cancellation-policy: the refund tiers, public to read, edited by tourism managers. */
import type { RequireRole } from '../platform/auth/require-role.js';
import { ProblemError, problemResponses } from '../platform/problem.js';
import { createRoute, type DocumentedRouter, jsonResponse as json } from '../platform/routing.js';
import { CancellationPolicy } from './cancellation-policy.js';
import type { BoatsStore } from './store.js';

export function addCancellationPolicyRoutes(
  router: DocumentedRouter,
  catalog: BoatsStore,
  requireRole: RequireRole,
) {
  return router
    .openapi(
      createRoute({
        method: 'get',
        path: '/cancellation-policy',
        tags: ['Boats'],
        summary: 'How much of a paid booking is refunded, by how long before departure it is cancelled',
        responses: { 200: json(CancellationPolicy, 'The policy in force'), ...problemResponses(404) },
      }),
      async (context) => {
        const policy = await catalog.getCancellationPolicy();
        if (!policy) throw new ProblemError(404, 'not-found', 'No cancellation policy has been set.');
        context.header('Cache-Control', 'public, max-age=60');
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
        await catalog.replaceCancellationPolicy(policy);
        return context.json(policy, 200);
      },
    );
}
