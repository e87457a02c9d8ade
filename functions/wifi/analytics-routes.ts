/** GET /api/wifi/statistics: the Wi-Fi's daily counters, city-wide and per hotspot, for managers and admins. */
import * as z from 'zod';
import type { RequireRole } from '../platform/auth/require-role.js';
import { dateRangeQuery, datesBetween } from '../platform/date-range.js';
import { problemResponses } from '../platform/problem.js';
import { createRoute, type DocumentedRouter, jsonResponse as json } from '../platform/routing.js';
import { type WifiAnalytics, WifiDayStatistics } from './analytics.js';

/** A month at most at once. */
const StatisticsQuery = dateRangeQuery(31);

export function addStatisticsRoutes(
  router: DocumentedRouter,
  analytics: WifiAnalytics,
  requireRole: RequireRole,
) {
  return router.openapi(
    createRoute({
      method: 'get',
      path: '/statistics',
      tags: ['Wi-Fi'],
      summary:
        'Sessions per hour, unique devices, login methods, dwell time and traffic, per local day (managers, admins)',
      description:
        'Days are local days in Hạ Long (Asia/Ho_Chi_Minh). Dwell time and traffic are over the sessions whose end the ' +
        'gateway reported (openNDS authmon); the other gateways report ends to RADIUS accounting, not to a portal. ' +
        'Nothing in the answer identifies a guest.',
      security: [{ bearerAuth: [] }],
      middleware: [requireRole('manager', 'admin')] as const,
      request: { query: StatisticsQuery },
      responses: {
        200: json(z.object({ days: z.array(WifiDayStatistics) }), 'One entry per day of the range'),
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
