/**
 * /api/museum/events (anonymous batches from the 3D page, as navigator.sendBeacon posts them) and
 * /api/museum/statistics (the daily counters, for managers and curators). A batch counts only exhibits and tours
 * the catalogue has, and only so many batches per visit and per client address a minute: the counters are
 * public-facing numbers a script could otherwise inflate at will.
 */
import type { Context } from 'hono';
import type { RequireRole } from '../platform/auth/require-role.js';
import { addressBucket, clientAddress } from '../platform/client-address.js';
import { addDailyStatisticsRoute } from '../platform/daily-statistics.js';
import type { AppEnv } from '../platform/http-app.js';
import { ProblemError, type ProblemField, problemResponses } from '../platform/problem.js';
import type { RateLimiter } from '../platform/rate-limit.js';
import { createRoute, type DocumentedRouter } from '../platform/routing.js';
import {
  DayStatistics,
  EVENT_BATCH_LIMITS,
  type VisitAnalytics,
  type VisitEvent,
  VisitEventBatch,
} from './analytics.js';
import type { MuseumService } from './service.js';

export interface EventCounting {
  analytics: VisitAnalytics;
  /** The catalogue whose exhibits and tours may be counted. */
  museum: Pick<MuseumService, 'listExhibits' | 'listTours'>;
  limiter: RateLimiter;
  /** EVENT_BATCH_LIMITS unless given (tests fill smaller ones). */
  limits?: typeof EVENT_BATCH_LIMITS;
  clock?: () => Date;
}

export function addAnalyticsRoutes(
  router: DocumentedRouter,
  { analytics, museum, limiter, limits = EVENT_BATCH_LIMITS, clock = () => new Date() }: EventCounting,
  requireRole: RequireRole,
) {
  /** Counts the batch against its visit's and its address's allowance; 429 with Retry-After when spent. */
  async function takeAllowance(context: Context<AppEnv>, visitId: string): Promise<void> {
    const { perVisit, perAddress, windowSeconds } = limits;
    const address = addressBucket(clientAddress(context));
    const allowed =
      (await limiter.take({
        bucket: `museum-events-address#${address}`,
        limit: perAddress,
        windowSeconds,
      })) &&
      (await limiter.take({ bucket: `museum-events-visit#${visitId}`, limit: perVisit, windowSeconds }));
    if (allowed) return;
    const now = Math.floor(clock().getTime() / 1000);
    throw new ProblemError(
      429,
      'too-many-requests',
      `At most ${perVisit} batches per visit and ${perAddress} per address a minute.`,
      undefined,
      { 'Retry-After': String(windowSeconds - (now % windowSeconds)) },
    );
  }

  /** The events that name an exhibit or a tour the catalogue does not have. */
  async function unknownReferences(events: readonly VisitEvent[]): Promise<ProblemField[]> {
    const [exhibits, tours] = await Promise.all([museum.listExhibits(), museum.listTours()]);
    const exhibitIds = new Set(exhibits.map((exhibit) => exhibit.id));
    const tourIds = new Set(tours.map((tour) => tour.id));
    return events.flatMap((event, index): ProblemField[] => {
      if (event.type === 'exhibit-viewed' && !exhibitIds.has(event.exhibitId))
        return [{ location: 'body', path: `events.${index}.exhibitId`, message: 'no such exhibit' }];
      if ((event.type === 'tour-started' || event.type === 'tour-completed') && !tourIds.has(event.tourId))
        return [{ location: 'body', path: `events.${index}.tourId`, message: 'no such tour' }];
      return [];
    });
  }

  const withEvents = router.openapi(
    createRoute({
      method: 'post',
      path: '/events',
      tags: ['Museum'],
      summary: 'Record a batch of anonymous visit events (sent with navigator.sendBeacon)',
      description:
        'Accepts `application/json` or `text/plain` (what sendBeacon sends for a string). Events are added to ' +
        'daily counters; nothing identifying the visitor is stored. A batch naming an exhibit or tour the ' +
        `catalogue does not have is refused whole (422); a visit may send ${EVENT_BATCH_LIMITS.perVisit} ` +
        `batches a minute and a client address ${EVENT_BATCH_LIMITS.perAddress} (then 429, with Retry-After).`,
      request: {
        body: {
          required: true,
          content: { 'text/plain': { schema: { type: 'string', description: 'A JSON VisitEventBatch' } } },
        },
      },
      responses: {
        204: { description: 'Recorded' },
        ...problemResponses(400, 413, 422, 429),
      },
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
      await takeAllowance(context, batch.data.visitId);
      const unknown = await unknownReferences(batch.data.events);
      if (unknown.length > 0) throw new ProblemError(422, 'unknown-reference', undefined, unknown);
      await analytics.record(batch.data.events);
      return context.body(null, 204);
    },
  );
  return addDailyStatisticsRoute(withEvents, requireRole, {
    tag: 'Museum',
    summary: 'Visits, exhibit views with dwell time, and tours, per day (managers, curators)',
    roles: ['manager', 'curator'],
    day: DayStatistics,
    readDay: (date) => analytics.day(date),
  });
}
