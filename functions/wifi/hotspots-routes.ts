/**
 * /api/wifi/hotspots: the registry of the city's hotspots, for admins and managers. Every answer leaves the
 * gateways' secrets out (`secretsSet` says which are stored); a replacement may leave them out to keep them.
 */
import * as z from 'zod';
import type { RequireRole } from '../platform/auth/require-role.js';
import { ProblemError, problemResponses } from '../platform/problem.js';
import {
  jsonBody as body,
  createRoute,
  createRouter,
  type DocumentedRouter,
  jsonResponse as json,
} from '../platform/routing.js';
import { HotspotNotFoundError, type HotspotsService, MissingSecretError } from './hotspots-service.js';
import { HotspotId, HotspotInput, HotspotUpdate, hotspotView } from './model.js';

export const WIFI_BASE_PATH = '/api/wifi';

const staff = [{ bearerAuth: [] }];

const HotspotParams = z.object({
  id: HotspotId.meta({ param: { name: 'id', in: 'path' }, example: 'hl-tuanchau-port-01' }),
});
/** A hotspot as answered: the gateway without its secrets. */
const HotspotView = z
  .object({
    id: HotspotId,
    name: z.object({ vi: z.string(), en: z.string() }),
    location: z.object({ lat: z.number(), lon: z.number() }),
    gateway: z.looseObject({ vendor: z.string(), secretsSet: z.array(z.string()) }),
    loginMethods: z.array(z.string()),
    policy: z.record(z.string(), z.number()),
    branding: z.object({ accent: z.string() }),
    area: z.string().optional(),
    place: z.string().optional(),
    demo: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: 'Hotspot' });

async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof HotspotNotFoundError) throw new ProblemError(404, 'not-found', error.message);
    if (error instanceof MissingSecretError) {
      throw new ProblemError(400, 'validation-error', error.message, [
        { location: 'body', path: `gateway.${error.field}`, message: error.message },
      ]);
    }
    throw error;
  }
}

export function createHotspotsRouter(hotspots: HotspotsService, requireRole: RequireRole): DocumentedRouter {
  const adminsAndManagers = requireRole('admin', 'manager');
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/hotspots',
        tags: ['Wi-Fi'],
        summary: 'Every hotspot of the city, without the gateways’ secrets (admins and managers)',
        security: staff,
        middleware: [adminsAndManagers] as const,
        responses: {
          200: json(z.object({ hotspots: z.array(HotspotView) }), 'Every hotspot'),
          ...problemResponses(401, 403),
        },
      }),
      async (context) => {
        context.header('Cache-Control', 'private, no-store');
        return context.json({ hotspots: (await hotspots.list()).map(hotspotView) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/hotspots',
        tags: ['Wi-Fi'],
        summary: 'Add a hotspot with its gateway settings (admins and managers)',
        security: staff,
        middleware: [adminsAndManagers] as const,
        request: { body: body(HotspotInput) },
        responses: {
          201: json(HotspotView, 'The hotspot added, with its id'),
          ...problemResponses(400, 401, 403, 415),
        },
      }),
      async (context) => {
        const hotspot = await hotspots.create(context.req.valid('json'));
        context.header('Location', `${WIFI_BASE_PATH}/hotspots/${hotspot.id}`);
        return context.json(hotspotView(hotspot), 201);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/hotspots/{id}',
        tags: ['Wi-Fi'],
        summary: 'One hotspot, without its gateway’s secrets (admins and managers)',
        security: staff,
        middleware: [adminsAndManagers] as const,
        request: { params: HotspotParams },
        responses: { 200: json(HotspotView, 'The hotspot'), ...problemResponses(401, 403, 404) },
      }),
      async (context) => {
        context.header('Cache-Control', 'private, no-store');
        const { id } = context.req.valid('param');
        return context.json(hotspotView(await withProblems(() => hotspots.get(id))), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/hotspots/{id}',
        tags: ['Wi-Fi'],
        summary: 'Replace a hotspot; a secret left out keeps the stored one unless the vendor changes',
        security: staff,
        middleware: [adminsAndManagers] as const,
        request: { params: HotspotParams, body: body(HotspotUpdate) },
        responses: {
          200: json(HotspotView, 'The hotspot as stored'),
          ...problemResponses(400, 401, 403, 404, 415),
        },
      }),
      async (context) => {
        const { id } = context.req.valid('param');
        return context.json(
          hotspotView(await withProblems(() => hotspots.replace(id, context.req.valid('json')))),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/hotspots/{id}',
        tags: ['Wi-Fi'],
        summary: 'Remove a hotspot (admins and managers)',
        security: staff,
        middleware: [adminsAndManagers] as const,
        request: { params: HotspotParams },
        responses: { 204: { description: 'Removed' }, ...problemResponses(401, 403, 404) },
      }),
      async (context) => {
        const { id } = context.req.valid('param');
        await withProblems(() => hotspots.remove(id));
        return context.body(null, 204);
      },
    );
}
