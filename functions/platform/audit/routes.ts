/**
 * GET /api/audit: a day of the audit log, newest first, for the port authority (managers) and admins. Read
 * only: nothing in the API edits or removes an entry.
 */
import * as z from 'zod';
import type { RequireRole } from '../auth/require-role.js';
import { ProblemError, problemResponses } from '../problem.js';
import { createRoute, createRouter, type DocumentedRouter } from '../routing.js';
import { AuditAction, AuditEntry } from './entry.js';
import { AUDIT_PAGE_DEFAULT_LIMIT, AUDIT_PAGE_MAX_LIMIT, type AuditLog, InvalidCursorError } from './log.js';

const AuditListQuery = z.object({
  date: z.iso
    .date()
    .optional()
    .meta({
      param: { name: 'date', in: 'query' },
      description: 'The UTC day to read; today (UTC) when absent.',
      example: '2026-11-24',
    }),
  action: AuditAction.optional().meta({
    param: { name: 'action', in: 'query' },
    description: 'Only entries of this action.',
  }),
  resource: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .meta({
      param: { name: 'resource', in: 'query' },
      description: 'Only entries about the resource with this id.',
      example: 'dep-20261124-0800-bay-pearl-01',
    }),
  cursor: z
    .string()
    .max(400)
    .optional()
    .meta({
      param: { name: 'cursor', in: 'query' },
      description: 'The `nextCursor` of the previous page, with the same date and filters.',
    }),
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(AUDIT_PAGE_MAX_LIMIT)
    .default(AUDIT_PAGE_DEFAULT_LIMIT)
    .meta({ param: { name: 'limit', in: 'query' } }),
});

const AuditPage = z
  .object({
    date: z.iso.date().meta({ description: 'The UTC day read.' }),
    entries: z.array(AuditEntry),
    nextCursor: z
      .string()
      .nullable()
      .meta({ description: 'Pass as `cursor` for the next page; null when the day has no more.' }),
  })
  .meta({ id: 'AuditPage' });

export function createAuditRouter(
  log: AuditLog,
  requireRole: RequireRole,
  clock: () => Date = () => new Date(),
): DocumentedRouter {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Audit'],
      summary: 'A day of the audit log (who viewed or exported what, when, from where), newest first',
      description:
        'Days are UTC days. With `action` or `resource` the day is filtered as it is read, so a page may hold ' +
        'fewer than `limit` entries while `nextCursor` is not null. A cursor that this list did not give for ' +
        'this date answers 400.',
      security: [{ bearerAuth: [] }],
      middleware: [requireRole('manager')] as const,
      request: { query: AuditListQuery },
      responses: {
        200: {
          description: 'A page of the day’s entries',
          content: { 'application/json': { schema: AuditPage } },
        },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (context) => {
      const query = context.req.valid('query');
      const date = query.date ?? clock().toISOString().slice(0, 10);
      context.header('Cache-Control', 'private, no-store');
      try {
        const page = await log.list({
          date,
          action: query.action,
          resourceId: query.resource,
          cursor: query.cursor,
          limit: query.limit,
        });
        return context.json({ date, ...page }, 200);
      } catch (error) {
        if (!(error instanceof InvalidCursorError)) throw error;
        const field = { location: 'query' as const, path: 'cursor', message: error.message };
        throw new ProblemError(400, 'validation-error', undefined, [field]);
      }
    },
  );
}
