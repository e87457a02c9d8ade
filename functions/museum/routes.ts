/**
 * /api/museum: the museum's rooms, exhibits, tours, search and visiting information for everyone, and the
 * curators' edits (role `curator`), validated and checked against the catalogue before they are stored.
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
import { Exhibit, ExhibitFields, Room, Slug, Tour, TourFields, Visiting } from './model.js';
import {
  ExhibitExistsError,
  InvalidReferenceError,
  MuseumNotFoundError,
  type MuseumService,
} from './service.js';

export const MUSEUM_BASE_PATH = '/api/museum';

// Content changes when a curator edits it: a minute of caching keeps an edit visible on the next visit.
const CONTENT_CACHE = 'public, max-age=60';
const curator = [{ bearerAuth: [] }];

const ExhibitParams = z.object({
  id: Slug.meta({ param: { name: 'id', in: 'path' }, example: 'dau-ram-jar' }),
});
const TourParams = z.object({
  id: Slug.meta({ param: { name: 'id', in: 'path' }, example: 'highlights-20-minutes' }),
});
const ExhibitQuery = z.object({
  room: Slug.optional().meta({ param: { name: 'room', in: 'query' }, example: 'lobby' }),
});
const SearchQuery = z.object({
  q: z
    .string()
    .trim()
    .min(1)
    .max(100)
    .meta({ param: { name: 'q', in: 'query' }, example: 'dau ram' }),
});
const SearchResult = z
  .object({
    query: z.string(),
    results: z.array(
      z.object({
        id: Slug,
        roomId: Slug,
        title: z.object({ vi: z.string(), en: z.string() }),
        score: z.number(),
      }),
    ),
  })
  .meta({ id: 'MuseumSearchResult' });

export function createMuseumRouter(museum: MuseumService, requireRole: RequireRole): DocumentedRouter {
  return createRouter()
    .openapi(
      createRoute({
        method: 'get',
        path: '/rooms',
        tags: ['Museum'],
        summary: 'The rooms of the museum by floor, in visiting order',
        responses: { 200: json(z.object({ rooms: z.array(Room) }), 'Every room') },
      }),
      async (context) => {
        context.header('Cache-Control', CONTENT_CACHE);
        return context.json({ rooms: await museum.listRooms() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/exhibits',
        tags: ['Museum'],
        summary: 'Exhibits in visiting order, all or one room’s',
        request: { query: ExhibitQuery },
        responses: {
          200: json(z.object({ exhibits: z.array(Exhibit) }), 'The exhibits'),
          ...problemResponses(400),
        },
      }),
      async (context) => {
        const { room } = context.req.valid('query');
        context.header('Cache-Control', CONTENT_CACHE);
        return context.json({ exhibits: await museum.listExhibits(room) }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/exhibits/{id}',
        tags: ['Museum'],
        summary: 'One exhibit with its texts in both languages and its 3D representation',
        request: { params: ExhibitParams },
        responses: { 200: json(Exhibit, 'The exhibit'), ...problemResponses(400, 404) },
      }),
      async (context) => {
        const { id } = context.req.valid('param');
        context.header('Cache-Control', CONTENT_CACHE);
        return context.json(await withProblems(() => museum.getExhibit(id)), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/search',
        tags: ['Museum'],
        summary:
          'Search exhibits in Vietnamese or English, with or without diacritics ("dau ram" finds "Đầu Rằm")',
        request: { query: SearchQuery },
        responses: { 200: json(SearchResult, 'Matching exhibits, best first'), ...problemResponses(400) },
      }),
      async (context) => {
        const { q } = context.req.valid('query');
        const hits = await museum.search(q);
        context.header('Cache-Control', CONTENT_CACHE);
        return context.json(
          {
            query: q,
            results: hits.map(({ exhibit, score }) => ({
              id: exhibit.id,
              roomId: exhibit.roomId,
              title: exhibit.title,
              score,
            })),
          },
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/tours',
        tags: ['Museum'],
        summary: 'The guided tours with their stops and narration',
        responses: { 200: json(z.object({ tours: z.array(Tour) }), 'Every tour') },
      }),
      async (context) => {
        context.header('Cache-Control', CONTENT_CACHE);
        return context.json({ tours: await museum.listTours() }, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/visiting',
        tags: ['Museum'],
        summary: 'Opening hours and ticket prices',
        responses: { 200: json(Visiting, 'As the curators last set them'), ...problemResponses(404) },
      }),
      async (context) => {
        context.header('Cache-Control', CONTENT_CACHE);
        return context.json(await withProblems(() => museum.getVisiting()), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/exhibits',
        tags: ['Museum'],
        summary: 'Add an exhibit (curators)',
        security: curator,
        middleware: [requireRole('curator')] as const,
        request: { body: body(Exhibit) },
        responses: { 201: json(Exhibit, 'The exhibit added'), ...problemResponses(400, 401, 403, 409, 415) },
      }),
      async (context) => {
        const exhibit = await withProblems(() => museum.createExhibit(context.req.valid('json')));
        context.header('Location', `${MUSEUM_BASE_PATH}/exhibits/${exhibit.id}`);
        return context.json(exhibit, 201);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/exhibits/{id}',
        tags: ['Museum'],
        summary: 'Replace an exhibit’s content (curators); the site shows it on the next page load',
        security: curator,
        middleware: [requireRole('curator')] as const,
        request: { params: ExhibitParams, body: body(ExhibitFields) },
        responses: {
          200: json(Exhibit, 'The exhibit as stored'),
          ...problemResponses(400, 401, 403, 404, 415),
        },
      }),
      async (context) => {
        const { id } = context.req.valid('param');
        return context.json(
          await withProblems(() => museum.updateExhibit(id, context.req.valid('json'))),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'delete',
        path: '/exhibits/{id}',
        tags: ['Museum'],
        summary: 'Remove an exhibit (curators), also one whose stored item can no longer be read',
        security: curator,
        middleware: [requireRole('curator')] as const,
        request: { params: ExhibitParams },
        responses: { 204: { description: 'Removed' }, ...problemResponses(400, 401, 403, 404) },
      }),
      async (context) => {
        const { id } = context.req.valid('param');
        await withProblems(() => museum.deleteExhibit(id));
        return context.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/tours/{id}',
        tags: ['Museum'],
        summary: 'Create or replace a guided tour (curators); every stop must be an exhibit',
        security: curator,
        middleware: [requireRole('curator')] as const,
        request: { params: TourParams, body: body(TourFields) },
        responses: { 200: json(Tour, 'The tour as stored'), ...problemResponses(400, 401, 403, 415) },
      }),
      async (context) => {
        const { id } = context.req.valid('param');
        return context.json(
          await withProblems(() => museum.putTour({ id, ...context.req.valid('json') })),
          200,
        );
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/visiting',
        tags: ['Museum'],
        summary: 'Replace the opening hours and ticket prices (curators)',
        security: curator,
        middleware: [requireRole('curator')] as const,
        request: { body: body(Visiting) },
        responses: { 200: json(Visiting, 'As stored'), ...problemResponses(400, 401, 403, 415) },
      }),
      async (context) => context.json(await museum.putVisiting(context.req.valid('json')), 200),
    );
}

async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof MuseumNotFoundError) throw new ProblemError(404, 'not-found', error.message);
    if (error instanceof ExhibitExistsError) throw new ProblemError(409, 'exhibit-exists', error.message);
    if (error instanceof InvalidReferenceError) {
      throw new ProblemError(400, 'validation-error', error.message, [
        { location: 'body', path: error.field, message: error.message },
      ]);
    }
    throw error;
  }
}
