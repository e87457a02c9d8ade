/**
 * Acting on alerts and editing the rules. Acknowledging and resolving are for the authority and the boat's
 * company (an operator acts on its own boats' alerts), from the API with a bearer token or from the console's
 * plain HTML form with the staff session; each is audited. The rules are the authority's: read and replaced
 * whole, with the version read, so two managers editing at once cannot silently undo each other.
 */
import type { Context, MiddlewareHandler } from 'hono';
import * as z from 'zod';
import { auditActor } from '../../platform/audit/actor.js';
import type { AuditLog } from '../../platform/audit/log.js';
import { auditOriginOf } from '../../platform/audit/origin.js';
import type { Role } from '../../platform/auth/principal.js';
import { principalOf } from '../../platform/auth/principal-of.js';
import type { RequireRole } from '../../platform/auth/require-role.js';
import type { AppEnv } from '../../platform/http-app.js';
import { ProblemError, problemResponses } from '../../platform/problem.js';
import {
  createRoute,
  createRouter,
  type DocumentedRouter,
  isFormPost,
  jsonResponse as json,
} from '../../platform/routing.js';
import { viewerOfPrincipal } from '../live/access.js';
import { Alert } from '../live/model.js';
import { AlertNotFoundError, AlertStateError, type AlertsService } from './alerts.js';
import { SafetyRules, SafetyRulesInput } from './model.js';
import type { RulesStore } from './rules-store.js';

const PRIVATE = 'private, no-store';

const AlertParams = z.object({
  alertId: z
    .string()
    .min(1)
    .max(60)
    .meta({ param: { name: 'alertId', in: 'path' }, example: 'AL-20260719-1a2b3c4d5e' }),
});

const Note = z.string().trim().max(500);
const AcknowledgeBody = z.object({ note: Note.default('') }).meta({ id: 'AlertAcknowledgement' });
const ResolveBody = z.object({ note: Note.min(1, 'say what was done') }).meta({ id: 'AlertResolution' });
const ConsoleForm = (note: z.ZodType) => z.object({ note, language: z.enum(['vi', 'en']).optional() });

/** Where the console's form goes back to, with what happened. */
const consolePath = (language: 'vi' | 'en' | undefined) => `/${language ?? 'vi'}/authority/alerts/`;

const actionRoute = (action: 'acknowledge' | 'resolve') =>
  createRoute({
    method: 'post',
    path: `/alerts/{alertId}/${action}`,
    tags: ['Tracking'],
    summary:
      action === 'acknowledge'
        ? 'Acknowledge an alert (someone is on it)'
        : 'Resolve an alert, saying what was done',
    description:
      'Role manager, or operator for its own company’s boats. From the API with a bearer token (JSON), or from ' +
      'the console’s form with the staff session (redirected back with `?done=` or `?error=`). Audited. ' +
      (action === 'acknowledge'
        ? 'Only an open alert.'
        : 'An open or acknowledged alert; the note is required.'),
    security: [{ bearerAuth: [] }],
    request: {
      params: AlertParams,
      body: {
        required: action === 'resolve',
        content: {
          'application/json': { schema: action === 'acknowledge' ? AcknowledgeBody : ResolveBody },
          'application/x-www-form-urlencoded': {
            schema: ConsoleForm(
              action === 'acknowledge' ? Note.default('') : Note.min(1, 'say what was done'),
            ),
          },
        },
      },
    },
    responses: {
      200: json(Alert, 'The alert in its new state'),
      303: { description: 'For a form post: back to the console' },
      ...problemResponses(400, 401, 403, 404, 409),
    },
  });

export function createSafetyRouter(
  alerts: AlertsService,
  rules: { store: RulesStore; current: () => Promise<SafetyRules>; forget: () => void },
  audit: AuditLog,
  requireRole: RequireRole,
  requireRoleOrSession: (...roles: Role[]) => MiddlewareHandler<AppEnv>,
): DocumentedRouter {
  async function act(
    context: Context<AppEnv>,
    action: 'acknowledge' | 'resolve',
    alertId: string,
    body: { note: string; language?: 'vi' | 'en' },
  ) {
    const form = isFormPost(context.req.header('Content-Type'));
    const principal = principalOf(context);
    context.header('Cache-Control', PRIVATE);
    try {
      const alert = await alerts[action](alertId, viewerOfPrincipal(principal), body.note, {
        actor: auditActor(principal),
        from: auditOriginOf(context),
      });
      if (form)
        return context.redirect(`${consolePath(body.language)}?done=${encodeURIComponent(alert.id)}`, 303);
      return context.json(alert, 200);
    } catch (error) {
      const problem =
        error instanceof AlertNotFoundError
          ? new ProblemError(404, 'not-found', error.message)
          : error instanceof AlertStateError
            ? new ProblemError(409, 'alert-state-changed', error.message)
            : error;
      if (form && problem instanceof ProblemError) {
        return context.redirect(`${consolePath(body.language)}?error=${problem.slug}`, 303);
      }
      throw problem;
    }
  }
  /** The note (and the console form's language), from whichever body the route's validators checked. */
  const bodyOf = (context: Context<AppEnv>) =>
    (
      context.req as unknown as { valid(target: 'form' | 'json'): { note: string; language?: 'vi' | 'en' } }
    ).valid(isFormPost(context.req.header('Content-Type')) ? 'form' : 'json');

  return createRouter()
    .openapi(
      { ...actionRoute('acknowledge'), middleware: [requireRoleOrSession('manager', 'operator')] as const },
      (context) => act(context, 'acknowledge', context.req.valid('param').alertId, bodyOf(context)),
    )
    .openapi(
      { ...actionRoute('resolve'), middleware: [requireRoleOrSession('manager', 'operator')] as const },
      (context) => act(context, 'resolve', context.req.valid('param').alertId, bodyOf(context)),
    )
    .openapi(
      createRoute({
        method: 'get',
        path: '/rules',
        tags: ['Tracking'],
        summary: 'The safety rules: zones, limits, corridors, delays and duty contacts',
        description: 'Role manager. Version 0 means the defaults drawn from the bay’s map, never saved.',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('manager')] as const,
        responses: { 200: json(SafetyRules, 'The rules as they apply now'), ...problemResponses(401, 403) },
      }),
      async (context) => {
        context.header('Cache-Control', PRIVATE);
        return context.json(await rules.current(), 200);
      },
    )
    .openapi(
      createRoute({
        method: 'put',
        path: '/rules',
        tags: ['Tracking'],
        summary: 'Replace the safety rules (they apply to the next positions reported, within 10 seconds)',
        description:
          'Role manager. `version` is the version read; 409 rules-changed when someone saved since. Audited.',
        security: [{ bearerAuth: [] }],
        middleware: [requireRole('manager')] as const,
        request: {
          body: {
            required: true,
            content: {
              'application/json': {
                schema: SafetyRulesInput.extend({ version: z.number().int().min(0) }).meta({
                  id: 'SafetyRulesUpdate',
                }),
              },
            },
          },
        },
        responses: {
          200: json(SafetyRules, 'The rules as saved'),
          ...problemResponses(400, 401, 403, 409, 415),
        },
      }),
      async (context) => {
        const { version, ...input } = context.req.valid('json');
        const principal = principalOf(context);
        const saved: SafetyRules = {
          ...input,
          version: version + 1,
          updatedAt: new Date().toISOString(),
          updatedBy: principal.email ?? principal.subject,
        };
        if (!(await rules.store.put(saved))) {
          throw new ProblemError(409, 'rules-changed', `The rules are no longer at version ${version}.`);
        }
        rules.forget();
        await audit.record({
          actor: auditActor(principal),
          action: 'tracking-rules.update',
          resource: { type: 'safety-rules', id: 'current' },
          detail: { version: saved.version },
          from: auditOriginOf(context),
        });
        context.header('Cache-Control', PRIVATE);
        return context.json(saved, 200);
      },
    );
}
