/**
 * GET …/statistics: the daily counters a domain keeps (museum visits, Wi-Fi sessions), declared once for every
 * domain — the same `from`/`to` range (a month at most), the same answer (`{ days: [...] }`, one entry per local
 * day of the range), the same roles' guard, kept a minute in the reader's browser only.
 */
import * as z from 'zod';
import type { Role } from './auth/principal.js';
import type { RequireRole } from './auth/require-role.js';
import { dateRangeQuery, datesBetween } from './date-range.js';
import { problemResponses } from './problem.js';
import { createRoute, type DocumentedRouter, jsonResponse } from './routing.js';

/** A month at most at once. */
const StatisticsQuery = dateRangeQuery(31);

export interface DailyStatistics<Day extends z.ZodType> {
  /** The OpenAPI tag of the domain. */
  tag: string;
  summary: string;
  description?: string;
  /** Who may read them (admins always may). */
  roles: readonly Role[];
  /** One day's counters, as answered. */
  day: Day;
  readDay: (date: string) => Promise<z.output<Day>>;
}

export function addDailyStatisticsRoute<Day extends z.ZodType>(
  router: DocumentedRouter,
  requireRole: RequireRole,
  statistics: DailyStatistics<Day>,
) {
  const { tag, summary, description, roles, day, readDay } = statistics;
  return router.openapi(
    createRoute({
      method: 'get',
      path: '/statistics',
      tags: [tag],
      summary,
      ...(description ? { description } : {}),
      security: [{ bearerAuth: [] }],
      middleware: [requireRole(...roles)] as const,
      request: { query: StatisticsQuery },
      responses: {
        200: jsonResponse(z.object({ days: z.array(day) }), 'One entry per day of the range'),
        ...problemResponses(400, 401, 403),
      },
    }),
    async (context) => {
      const { from, to } = context.req.valid('query');
      // Each day read on its own (a key per day); typed as the schema's output, which Promise.all's type hides.
      const days = (await Promise.all(datesBetween(from, to).map(readDay))) as z.output<Day>[];
      context.header('Cache-Control', 'private, max-age=60');
      return context.json({ days }, 200);
    },
  );
}
