/**
 * The live map's reads: every boat the caller may see, one boat's track, and the alerts. The caller is staff
 * (bearer token or the site's session cookie) or a ticket holder (`?booking=&token=`); each sees what their
 * role allows (access.ts). Where boats are is never put in a shared cache.
 */
import * as z from 'zod';
import type { RequireRole } from '../../platform/auth/require-role.js';
import {
  issueLiveConnectToken,
  LIVE_CONNECT_TOKEN_SECONDS,
  type LiveConnectKey,
} from '../../platform/live-updates/connect-token.js';
import { ProblemError, problemResponses } from '../../platform/problem.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  jsonResponse as json,
} from '../../platform/routing.js';
import { BoatPosition } from '../model.js';
import type { AlertsService } from '../safety/alerts.js';
import { BoatNotVisibleError, MAX_TRACK_HOURS, type TrackingService, TrackRangeError } from '../service.js';
import { type createStaffResolver, type ViewerResolver, viewerOfPrincipal } from './access.js';
import { Alert, LiveMessage, TrackedBoat } from './model.js';

const PRIVATE = 'private, no-store';

const WHO =
  'Staff with a bearer token or the site’s session cookie: the authority (manager) sees every boat, an operator ' +
  'its company’s. A ticket holder gives `booking` and `token` (the booking’s access token) and sees that ' +
  'booking’s boat only, from an hour before departure to an hour after its expected return.';

const TicketQuery = {
  booking: z
    .string()
    .max(64)
    .optional()
    .meta({ param: { name: 'booking', in: 'query' }, description: 'A ticket holder’s booking reference.' }),
  token: z
    .string()
    .max(256)
    .optional()
    .meta({ param: { name: 'token', in: 'query' }, description: 'The booking’s access token.' }),
};

const BoatParams = z.object({
  boatId: z
    .string()
    .min(1)
    .max(60)
    .meta({ param: { name: 'boatId', in: 'path' }, example: 'bay-pearl-01' }),
});

const TrackQuery = z.object({
  ...TicketQuery,
  from: z.iso
    .datetime()
    .optional()
    .meta({
      param: { name: 'from', in: 'query' },
      description: 'Start (ISO-8601 UTC); 2 hours before `to` when absent.',
    }),
  to: z.iso
    .datetime()
    .optional()
    .meta({ param: { name: 'to', in: 'query' }, description: 'End; now when absent.' }),
});

const AlertsQuery = z.object({
  date: z.iso
    .date()
    .optional()
    .meta({
      param: { name: 'date', in: 'query' },
      description:
        'A local day (Asia/Ho_Chi_Minh): every alert raised that day. Without it, the unresolved ones.',
    }),
});

const security: { [scheme: string]: string[] }[] = [{ bearerAuth: [] }, {}];

const LiveConnectToken = z
  .object({
    token: z.string(),
    expiresAt: z.iso.datetime(),
  })
  .meta({ id: 'LiveConnectToken' });

export interface LiveReadAccess {
  viewerOf: ViewerResolver;
  staffOf: ReturnType<typeof createStaffResolver>;
  /** Signs the live-updates tokens; null where this runtime has no key (then no token is issued). */
  liveConnectKey: LiveConnectKey | null;
}

export function createLiveReadRouter(
  tracking: TrackingService,
  alerts: AlertsService,
  { viewerOf, staffOf, liveConnectKey }: LiveReadAccess,
  requireRole: RequireRole,
): DocumentedRouter {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/live',
        tags: ['Tracking'],
        summary: 'The live updates: a WebSocket of boats’ positions and alerts as they happen',
        description:
          `Open a WebSocket here (locally \`ws://<host>/api/tracking/live\` on the platform’s own port; on AWS the URL ` +
          'the site is configured with, `LIVE_UPDATES_URL`, the realtime stack’s WebSocket API). ' +
          `${WHO} Staff may give \`token\` alone instead, from \`POST /api/tracking/live/token\`. ` +
          'The connection hears, as JSON text messages (schema TrackingLiveMessage): first ' +
          '`{ "type": "ready", "topics": [...] }` (on AWS after the client sends `{ "action": "hello" }`), then ' +
          '`{ "type": "boat", "boat": TrackedBoat }` on each new latest position of a boat it may see (a ticket holder: ' +
          'their boat as `/boats` shows it to them, while their trip is on) and ' +
          '`{ "type": "alert", "alert": TrackingAlert }` when an alert is raised, ' +
          'acknowledged, resolved or its condition ends (staff only). A refused handshake is answered with HTTP ' +
          '401/403/404 problem+json. A plain GET here, not a WebSocket handshake, is answered 426.',
        security,
        request: {
          query: z.object({
            ...TicketQuery,
            token: TicketQuery.token.meta({
              param: { name: 'token', in: 'query' },
              description: 'With `booking`, the booking’s access token; alone, a staff live-updates token.',
            }),
          }),
        },
        responses: {
          101: {
            description: 'Switching to the WebSocket protocol; the messages that follow',
            content: { 'application/json': { schema: LiveMessage } },
          },
          ...problemResponses(401, 403, 404, 426),
        },
      }),
      () => {
        throw new ProblemError(
          426,
          'upgrade-required',
          'This is a WebSocket endpoint: open it with a WebSocket handshake (Upgrade: websocket).',
          undefined,
          { Upgrade: 'websocket' },
        );
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/live/token',
        tags: ['Tracking'],
        summary: 'A token that opens the live updates’ WebSocket for a minute (staff)',
        description:
          'The authority or an operator, by bearer token or session cookie. On AWS the WebSocket’s host gets no ' +
          'cookie, so a page asks here and connects with `?token=`. The token names the staff member, roles and ' +
          `company, opens the live updates only, and expires after ${LIVE_CONNECT_TOKEN_SECONDS} s.`,
        security: [{ bearerAuth: [] }],
        responses: {
          200: json(LiveConnectToken, 'The token and when it expires'),
          ...problemResponses(401, 403),
        },
      }),
      async (context) => {
        const principal = await staffOf(context.req.raw);
        // Refuses, as the socket would, a role that sees no boat.
        viewerOfPrincipal(principal);
        if (!liveConnectKey) throw new Error('No live-updates token key is configured in this runtime.');
        context.header('Cache-Control', PRIVATE);
        return context.json(issueLiveConnectToken(await liveConnectKey(), principal, new Date()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/latest',
        tags: ['Tracking'],
        summary: 'Every boat’s latest position as stored, its tracker’s attributes included',
        description: 'Role manager: the raw positions behind `/boats`, for diagnosing a tracker.',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('manager')] as const,
        responses: {
          200: json(z.object({ positions: z.array(BoatPosition) }), 'The newest position of each boat'),
          ...problemResponses(401, 403),
        },
      }),
      async (context) => {
        context.header('Cache-Control', PRIVATE);
        return context.json({ positions: await tracking.listLatest() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/boats',
        tags: ['Tracking'],
        summary: 'The latest position of each boat the caller may see, with its trip and open alerts',
        description: WHO,
        security,
        request: { query: z.object(TicketQuery) },
        responses: {
          200: json(
            z
              .object({ boats: z.array(TrackedBoat), generatedAt: z.iso.datetime() })
              .meta({ id: 'TrackedBoatList' }),
            'The boats, in the fleet’s order',
          ),
          ...problemResponses(401, 403, 404),
        },
      }),
      async (context) => {
        const viewer = await viewerOf(context.req.raw);
        context.header('Cache-Control', PRIVATE);
        return context.json(
          { boats: await tracking.listBoats(viewer), generatedAt: new Date().toISOString() },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/boats/{boatId}/track',
        tags: ['Tracking'],
        summary: 'A boat’s positions over a time range (trails, replay of a past trip)',
        description: `${WHO} At most ${MAX_TRACK_HOURS} hours at once; a ticket holder gets their trip’s positions only.`,
        security,
        request: { params: BoatParams, query: TrackQuery },
        responses: {
          200: json(
            z.object({ boatId: z.string(), positions: z.array(BoatPosition) }).meta({ id: 'BoatTrack' }),
            'The positions in fix-time order',
          ),
          ...problemResponses(400, 401, 403, 404),
        },
      }),
      async (context) => {
        const { boatId } = context.req.valid('param');
        const query = context.req.valid('query');
        const viewer = await viewerOf(context.req.raw);
        const to = query.to ? new Date(query.to) : new Date();
        const from = query.from ? new Date(query.from) : new Date(to.getTime() - 2 * 3_600_000);
        context.header('Cache-Control', PRIVATE);
        try {
          return context.json({ boatId, positions: await tracking.track(viewer, boatId, from, to) }, 200);
        } catch (error) {
          if (error instanceof TrackRangeError) {
            throw new ProblemError(400, 'validation-error', error.message, [
              { location: 'query', path: 'from', message: error.message },
            ]);
          }
          if (error instanceof BoatNotVisibleError) throw new ProblemError(404, 'not-found', error.message);
          throw error;
        }
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/alerts',
        tags: ['Tracking'],
        summary: 'Safety alerts: the unresolved ones, or every one of a day',
        description:
          'Staff only (bearer token or session cookie): the authority sees every boat’s, an operator its company’s. ' +
          'Newest first.',
        security,
        request: { query: AlertsQuery },
        responses: {
          200: json(z.object({ alerts: z.array(Alert) }).meta({ id: 'TrackingAlertList' }), 'The alerts'),
          ...problemResponses(401, 403),
        },
      }),
      async (context) => {
        const { date } = context.req.valid('query');
        const viewer = await viewerOf(context.req.raw);
        if (viewer.kind === 'ticket') throw new ProblemError(403, 'forbidden', 'Alerts are for staff.');
        context.header('Cache-Control', PRIVATE);
        const list = date ? await alerts.listDay(viewer, date) : await alerts.listUnresolved(viewer);
        return context.json({ alerts: list }, 200);
      },
    );
}
