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
import type { PublicAddress } from '../public-origin.js';
import { createRoute, createRouter } from '../routing.js';
import type { StaffSignIn } from './sign-in.js';
import { assertSameOrigin, type SignInGuard } from './sign-in-guard.js';

/** The cookie the staff pages read the signed-in staff member's ID token from. */
export const STAFF_SESSION_COOKIE = 'hl_staff';

/** Only a path of this site: never an open redirect to somewhere else. */
export function safeNextPath(next: unknown, fallback: string): string {
  if (typeof next !== 'string' || !/^\/(?![/\\])[\w\-./?=&%]*$/.test(next)) return fallback;
  return next;
}

const SessionForm = z.object({
  email: z.string().max(254),
  password: z.string().max(200),
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

const FORM_MEDIA_TYPE = 'application/x-www-form-urlencoded';
const JSON_MEDIA_TYPE = 'application/json';

/** The body's media type, if it is one this route reads; 415 otherwise (a missing one included). */
function sessionMediaType(context: Context<AppEnv>): 'form' | 'json' {
  const mediaType = (context.req.header('Content-Type') ?? '').split(';')[0]?.trim().toLowerCase();
  if (mediaType === FORM_MEDIA_TYPE) return 'form';
  if (mediaType === JSON_MEDIA_TYPE) return 'json';
  throw new ProblemError(415, 'unsupported-media-type', `Send ${FORM_MEDIA_TYPE} or ${JSON_MEDIA_TYPE}.`);
}

export interface SessionRouterOptions {
  /** The site's public address: the only origin sign-in forms may come from. */
  publicAddress: PublicAddress;
  guard: SignInGuard;
}

export function createSessionRouter(
  staffSignIn: StaffSignIn,
  { publicAddress, guard }: SessionRouterOptions,
) {
  return createRouter()
    .openapi(
      createRoute({
        method: 'post',
        path: '/session',
        tags: ['Identity'],
        summary: 'Sign in on the site: sets the staff session cookie',
        description:
          'From the site’s sign-in form (`application/x-www-form-urlencoded`, answered with a 303 to `next` ' +
          'or back to the form with `?error=`) or as JSON (answered 204). The cookie is HttpOnly, SameSite=Lax. ' +
          'The request must come from the site (`Origin`, or `Sec-Fetch-Site: same-origin`; a JSON client that ' +
          'sends neither is not a browser and may sign in). Attempts are limited per account and per client ' +
          'address, with waits that grow from minutes to a day (429 with `Retry-After`).',
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
          ...problemResponses(400, 401, 403, 409, 415, 429),
        },
      }),
      async (context) => {
        const isForm = sessionMediaType(context) === 'form';
        assertSameOrigin(context, publicAddress, isForm);
        const raw = isForm ? await context.req.parseBody() : await context.req.json().catch(() => ({}));
        const parsed = SessionForm.safeParse(raw);
        const language = parsed.success && parsed.data.language === 'en' ? 'en' : 'vi';
        const signInPage = `/${language}/staff/sign-in/`;
        const next = safeNextPath(parsed.success ? parsed.data.next : undefined, `/${language}/staff/`);
        const back = (error: string) =>
          context.redirect(`${signInPage}?error=${error}&next=${encodeURIComponent(next)}`, 303);
        if (!parsed.success || !parsed.data.email || !parsed.data.password) {
          if (isForm) return back('missing');
          throw new ProblemError(400, 'validation-error', 'Send email and password.');
        }
        let attempt: Awaited<ReturnType<SignInGuard['admit']>>;
        try {
          attempt = await guard.admit(context, parsed.data.email);
        } catch (error) {
          if (!isForm || !(error instanceof ProblemError) || error.status !== 429) throw error;
          return back(`too-many-attempts&retry=${error.headers['Retry-After']}`);
        }
        const outcome = await staffSignIn.signIn(parsed.data.email.trim(), parsed.data.password);
        if (outcome.kind === 'refused') {
          if (isForm) return back('invalid-credentials');
          throw new ProblemError(401, 'invalid-credentials');
        }
        // The password was right, whatever step the account must take next.
        await attempt.succeeded();
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
