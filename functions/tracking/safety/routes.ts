/**
 * Acting on alerts and editing the rules. Acknowledging and resolving are for the authority and the boat's
 * company (an operator acts on its own boats' alerts), from the API with a bearer token or from the console's
 * plain HTML form with the staff session; each is audited. The rules are the authority's: read and replaced
 * whole, with the version read, so two managers editing at once cannot silently undo each other; the rules page's
 * plain form posts the same change (rules-form.ts reads it).
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
import { SafetyRules, SafetyRulesForm, SafetyRulesInput } from './model.js';
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
/**
 * The console's form. Its note is checked by the route rather than the schema, so that a resolution without one
 * comes back to the console as `?error=note-required` instead of a problem document in place of the page.
 */
const ConsoleForm = z.object({
  note: Note.default(''),
  language: z.enum(['vi', 'en']).optional(),
  console: z.enum(['authority', 'operator']).optional().meta({
    description: 'Which console posted it (the authority’s by default): where the answer goes back.',
  }),
});
type ConsoleForm = z.infer<typeof ConsoleForm>;

/** Where the console's form goes back to, with what happened. */
const consolePath = ({ language, console }: Pick<ConsoleForm, 'language' | 'console'>) =>
  `/${language ?? 'vi'}/${console ?? 'authority'}/alerts/`;

/** Where the rules page's form goes back to. */
const rulesPagePath = (language: 'vi' | 'en') => `/${language}/authority/rules/`;

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
          'application/x-www-form-urlencoded': { schema: ConsoleForm },
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
    body: { note: string } & Partial<ConsoleForm>,
  ) {
    const form = isFormPost(context.req.header('Content-Type'));
    const principal = principalOf(context);
    context.header('Cache-Control', PRIVATE);
    if (form && action === 'resolve' && body.note === '') {
      return context.redirect(`${consolePath(body)}?error=note-required`, 303);
    }
    try {
      const alert = await alerts[action](alertId, viewerOfPrincipal(principal), body.note, {
        actor: auditActor(principal),
        from: auditOriginOf(context),
      });
      if (form) return context.redirect(`${consolePath(body)}?done=${encodeURIComponent(alert.id)}`, 303);
      return context.json(alert, 200);
    } catch (error) {
      const problem =
        error instanceof AlertNotFoundError
          ? new ProblemError(404, 'not-found', error.message)
          : error instanceof AlertStateError
            ? new ProblemError(409, 'alert-state-changed', error.message)
            : error;
      if (form && problem instanceof ProblemError) {
        return context.redirect(`${consolePath(body)}?error=${problem.slug}`, 303);
      }
      throw problem;
    }
  }
  /** The note (and the console form's language), from whichever body the route's validators checked. */
  const bodyOf = (context: Context<AppEnv>) =>
    (
      context.req as unknown as { valid(target: 'form' | 'json'): { note: string } & Partial<ConsoleForm> }
    ).valid(isFormPost(context.req.header('Content-Type')) ? 'form' : 'json');

  /** Saves `input` over `version` and records it; null when the rules moved past `version` meanwhile. */
  async function save(
    context: Context<AppEnv>,
    input: SafetyRulesInput,
    version: number,
  ): Promise<SafetyRules | null> {
    const principal = principalOf(context);
    const saved: SafetyRules = {
      ...input,
      version: version + 1,
      updatedAt: new Date().toISOString(),
      updatedBy: principal.email ?? principal.subject,
    };
    if (!(await rules.store.put(saved))) return null;
    rules.forget();
    await audit.record({
      actor: auditActor(principal),
      action: 'tracking-rules.update',
      resource: { type: 'safety-rules', id: 'current' },
      detail: { version: saved.version },
      from: auditOriginOf(context),
    });
    return saved;
  }

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
        const saved = await save(context, input, version);
        if (!saved) {
          throw new ProblemError(409, 'rules-changed', `The rules are no longer at version ${version}.`);
        }
        context.header('Cache-Control', PRIVATE);
        return context.json(saved, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/rules',
        tags: ['Tracking'],
        summary: 'Change the safety rules from the rules page’s form (no JavaScript needed)',
        description:
          'Role manager, with the staff session cookie from the site’s own page (API clients PUT JSON with a ' +
          'bearer token instead). The form carries the version read and the edited numbers and duty contacts; ' +
          'the zones’, corridors’, stops’ and ports’ geometry stays as it was. Answered with a 303 back to the ' +
          'page: `?saved=<version>`, or `?error=rules-changed` when someone saved since, or ' +
          '`?error=validation-error&fields=<names>` naming the refused fields. Audited like the PUT.',
        security: [{ bearerAuth: [] }],
        middleware: [requireRoleOrSession('manager')] as const,
        request: {
          body: {
            required: true,
            content: { 'application/x-www-form-urlencoded': { schema: SafetyRulesForm } },
          },
        },
        responses: {
          303: { description: 'Back to the rules page, saying what happened' },
          ...problemResponses(400, 401, 403, 415),
        },
      }),
      async (context) => {
        if (!isFormPost(context.req.header('Content-Type'))) {
          throw new ProblemError(
            415,
            'unsupported-media-type',
            'This takes the rules page’s form; send JSON with PUT /api/tracking/rules.',
          );
        }
        const form = (context.req as unknown as { valid(target: 'form'): SafetyRulesForm }).valid('form');
        const page = rulesPagePath(form.language);
        context.header('Cache-Control', PRIVATE);
        // The form's reading loads with the first form posted: the rules page is saved now and then.
        const [{ rulesInputOfForm }, current] = await Promise.all([
          import('./rules-form.js'),
          rules.current(),
        ]);
        const outcome = rulesInputOfForm(form as Record<string, string>, current);
        if (!outcome.ok) {
          const fields = encodeURIComponent(outcome.fields.slice(0, 20).join(','));
          return context.redirect(`${page}?error=validation-error&fields=${fields}`, 303);
        }
        const saved = await save(context, outcome.input, outcome.version);
        if (!saved) return context.redirect(`${page}?error=rules-changed`, 303);
        return context.redirect(`${page}?saved=${saved.version}`, 303);
      },
    );
}
