/** GET /api/outbox: the messages the local platform would have sent, for staff and developers to read. */
import * as z from 'zod';
import type { RequireRole } from '../auth/require-role.js';
import { problemResponses } from '../problem.js';
import { createRoute, createRouter, type DocumentedRouter } from '../routing.js';
import type { Outbox } from './outbox.js';

const OutboxMessage = z
  .object({
    id: z.string(),
    sentAt: z.iso.datetime(),
    kind: z.string(),
    to: z.union([z.object({ email: z.string() }), z.object({ phone: z.string() })]),
    subject: z.string().optional(),
    text: z.string(),
    html: z.string().optional(),
    reference: z.string().optional(),
  })
  .meta({ id: 'OutboxMessage' });

const OutboxQuery = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(50)
    .meta({ param: { name: 'limit', in: 'query' } }),
});

export function createOutboxRouter(outbox: Outbox, requireRole: RequireRole): DocumentedRouter {
  return createRouter().openapi(
    createRoute({
      method: 'get',
      path: '/',
      tags: ['Platform'],
      summary: 'Messages the local platform would have sent by e-mail or SMS, newest first (local runs only)',
      description: 'Only where messages go to the outbox instead of SES and SNS: `npm start` and tests.',
      security: [{ bearerAuth: [] }],
      middleware: [requireRole('manager', 'operator')] as const,
      request: { query: OutboxQuery },
      responses: {
        200: {
          description: 'The newest messages',
          content: { 'application/json': { schema: z.object({ messages: z.array(OutboxMessage) }) } },
        },
        ...problemResponses(400, 401, 403),
      },
    }),
    async (context) => {
      const { limit } = context.req.valid('query');
      context.header('Cache-Control', 'private, no-store');
      return context.json({ messages: await outbox.list(limit) }, 200);
    },
  );
}
