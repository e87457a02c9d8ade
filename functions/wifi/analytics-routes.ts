/** GET /api/wifi/statistics: the Wi-Fi's daily counters, city-wide and per hotspot, for managers and admins. */
import * as z from 'zod';
import { addDays } from '../boats/schedule-dates.js';
import type { RequireRole } from '../platform/auth/require-role.js';
import { problemResponses } from '../platform/problem.js';
import { createRoute, type DocumentedRouter, jsonResponse as json } from '../platform/routing.js';
import { type WifiAnalytics, WifiDayStatistics } from './analytics.js';

const MAX_DAYS = 31;
const DAY_MS = 86_400_000;

const StatisticsQuery = z
  .object({
    from: z.iso.date().meta({ param: { name: 'from', in: 'query' }, example: '2026-11-01' }),
    to: z.iso.date().meta({ param: { name: 'to', in: 'query' }, example: '2026-11-23' }),
  })
  .refine((range) => range.from <= range.to, { message: 'from must not be after to', path: ['to'] })
  .refine((range) => Date.parse(range.to) - Date.parse(range.from) < MAX_DAYS * DAY_MS, {
    message: `at most ${MAX_DAYS} days at once`,
    path: ['to'],
  });

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
      const dates: string[] = [];
      for (let date = from; date <= to; date = addDays(date, 1)) dates.push(date);
      context.header('Cache-Control', 'private, max-age=60');
      return context.json({ days: await Promise.all(dates.map((date) => analytics.day(date))) }, 200);
    },
  );
}
