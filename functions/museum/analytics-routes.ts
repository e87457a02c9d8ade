/**
 * /api/museum/events (anonymous batches from the 3D page, as navigator.sendBeacon posts them) and
 * /api/museum/statistics (the daily counters, for managers and curators).
 */
import * as z from 'zod';
import type { RequireRole } from '../platform/auth/require-role.js';
import { dateRangeQuery, datesBetween } from '../platform/date-range.js';
import { ProblemError, problemResponses } from '../platform/problem.js';
import { createRoute, type DocumentedRouter } from '../platform/routing.js';
import { DayStatistics, type VisitAnalytics, VisitEventBatch } from './analytics.js';

/** A month at most at once. */
const StatisticsQuery = dateRangeQuery(31);

export function addAnalyticsRoutes(
  router: DocumentedRouter,
  analytics: VisitAnalytics,
  requireRole: RequireRole,
) {
  return router
    .openapi(
      createRoute({
        method: 'post',
        path: '/events',
        tags: ['Museum'],
        summary: 'Record a batch of anonymous visit events (sent with navigator.sendBeacon)',
        description:
          'Accepts `application/json` or `text/plain` (what sendBeacon sends for a string). Events are added to ' +
          'daily counters; nothing identifying the visitor is stored.',
        request: {
          body: {
            required: true,
            content: { 'text/plain': { schema: { type: 'string', description: 'A JSON VisitEventBatch' } } },
          },
        },
        responses: { 204: { description: 'Recorded' }, ...problemResponses(400, 413) },
      }),
      async (context) => {
        let raw: unknown;
        try {
          raw = JSON.parse(await context.req.text());
        } catch {
          throw new ProblemError(400, 'malformed-body', 'The body must be a JSON VisitEventBatch.');
        }
        const batch = VisitEventBatch.safeParse(raw);
        if (!batch.success) {
          throw new ProblemError(
            400,
            'validation-error',
            undefined,
            batch.error.issues.map((issue) => ({
              location: 'body' as const,
              path: issue.path.map(String).join('.') || '(root)',
              message: issue.message,
            })),
          );
        }
        await analytics.record(batch.data.events);
        return context.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/statistics',
        tags: ['Museum'],
        summary: 'Visits, exhibit views with dwell time, and tours, per day (managers, curators)',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('manager', 'curator')] as const,
        request: { query: StatisticsQuery },
        responses: {
          200: {
            description: 'One entry per day of the range',
            content: { 'application/json': { schema: z.object({ days: z.array(DayStatistics) }) } },
          },
          ...problemResponses(400, 401, 403),
        },
      }),
      async (context) => {
        const { from, to } = context.req.valid('query');
        const dates = datesBetween(from, to);
        context.header('Cache-Control', 'private, max-age=60');
        return context.json({ days: await Promise.all(dates.map((date) => analytics.day(date))) }, 200);
      },
    );
}
