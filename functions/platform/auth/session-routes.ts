/**
 * /api/auth/session: staff sign in on the site once; the ID token then travels in a Secure, HttpOnly cookie
 * to the server-rendered staff pages (which verify it like any bearer token). Both a JSON API and the site's
 * plain sign-in form (answered with redirects) are served.
 */
import type { Context } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import * as z from 'zod';
import type { AppEnv } from '../http-app.js';
import { ProblemError, problemResponses } from '../problem.js';
import { createRoute, createRouter } from '../routing.js';
import type { StaffSignIn } from './sign-in.js';

/** The cookie the staff pages read the signed-in staff member's ID token from. */
export const STAFF_SESSION_COOKIE = 'hl_staff';

/** Only a path of this site: never an open redirect to somewhere else. */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])[\w\-./?=&%]*$/.test(next)) return fallback;
  return next;
}

const SessionForm = z.object({
  email: z.string(),
  password: z.string(),
  next: z.string().optional(),
  language: z.enum(['vi', 'en']).optional(),
});

function writeSessionCookie(context: Context<AppEnv>, idToken: string, expiresIn: number) {
  setCookie(context, STAFF_SESSION_COOKIE, idToken, {
    path: '/',
    httpOnly: true,
    sameSite: 'Lax',
    secure:
      new URL(context.req.url).protocol === 'https:' || context.req.header('X-Forwarded-Host') !== undefined,
    maxAge: expiresIn,
  });
}

export function createSessionRouter(staffSignIn: StaffSignIn) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/session',
        tags: ['Identity'],
        summary: 'Sign in on the site: sets the staff session cookie',
        description:
          'From the site’s sign-in form (`application/x-www-form-urlencoded`, answered with a 303 to `next` ' +
          'or back to the form with `?error=`) or as JSON (answered 204). The cookie is HttpOnly, SameSite=Lax.',
        request: {
          body: {
            required: true,
            content: {
              'application/x-www-form-urlencoded': { schema: SessionForm },
              // A plain schema, not zod: this route reads either body itself, so no JSON-only validator may run.
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { email: { type: 'string' }, password: { type: 'string' } },
                  required: ['email', 'password'],
                },
              },
            },
          },
        },
        responses: {
          204: { description: 'Signed in (JSON)' },
          303: { description: 'Signed in, or refused (form): to `next`, or back to the form' },
          ...problemResponses(400, 401, 409),
        },
      }),
      async (context) => {
        const isForm = (context.req.header('Content-Type') ?? '').startsWith(
          'application/x-www-form-urlencoded',
        );
        const raw = isForm ? await context.req.parseBody() : await context.req.json().catch(() => ({}));
        const parsed = SessionForm.safeParse(raw);
        const language = parsed.success && parsed.data.language === 'en' ? 'en' : 'vi';
        const signInPage = `/${language}/staff/sign-in/`;
        const next = safeNextPath(parsed.success ? parsed.data.next : undefined, `/${language}/operator/`);
        const back = (error: string) =>
          context.redirect(`${signInPage}?error=${error}&next=${encodeURIComponent(next)}`, 303);
        if (!parsed.success || !parsed.data.email || !parsed.data.password) {
          if (isForm) return back('missing');
          throw new ProblemError(400, 'validation-error', 'Send email and password.');
        }
        const outcome = await staffSignIn.signIn(parsed.data.email.trim(), parsed.data.password);
        if (outcome.kind === 'refused') {
          if (isForm) return back('invalid-credentials');
          throw new ProblemError(401, 'invalid-credentials');
        }
        if (outcome.kind === 'challenge') {
          if (isForm) return back('challenge');
          throw new ProblemError(409, 'sign-in-challenge', `Cognito asks for ${outcome.challenge} first.`);
        }
        writeSessionCookie(context, outcome.idToken, outcome.expiresIn);
        context.header('Cache-Control', 'private, no-store');
        return isForm ? context.redirect(next, 303) : context.body(null, 204);
      },
    )
    .openapi(
      createRoute({
        method: 'post',
        path: '/session/end',
        tags: ['Identity'],
        summary: 'Sign out of the site: clears the staff session cookie',
        responses: { 303: { description: 'To the home page' } },
      }),
      async (context) => {
        deleteCookie(context, STAFF_SESSION_COOKIE, { path: '/' });
        const form = (context.req.header('Content-Type') ?? '').startsWith(
          'application/x-www-form-urlencoded',
        )
          ? await context.req.parseBody()
          : {};
        return context.redirect(`/${form.language === 'en' ? 'en' : 'vi'}/`, 303);
      },
    );
}
