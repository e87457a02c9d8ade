/**
 * How the portal's pages and refusals leave it: the headers every guest page carries, and a refusal as a page in
 * the guest's language — or, for a client that asks for JSON and not HTML, as problem+json with a stable type.
 */
import type { Context } from 'hono';
import type { AppEnv } from '../../platform/http-app.js';
import { ProblemError, type ProblemSlug, problemResponse } from '../../platform/problem.js';
import type { UnifiError } from '../gateways/unifi.js';
import { type Refusal, refusedPage } from './page.js';
import type { PortalLanguage } from './page-text.js';

/**
 * Guests' pages are never cached or framed (their addresses carry gateway data); they run no script, and their
 * forms and redirects may go to the gateway's own address, on the hotspot's network (often plain http).
 */
export const PAGE_HEADERS = {
  'Cache-Control': 'no-store',
  'Content-Security-Policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self' http: https:; frame-ancestors 'none'; base-uri 'none'",
};

/** Refusals as problem types, for API clients. */
const REFUSAL_PROBLEMS: Record<Refusal, ProblemSlug> = {
  expired: 'wifi-login-expired',
  used: 'wifi-login-used',
  badGateway: 'wifi-gateway-request-invalid',
  unknownHotspot: 'not-found',
  quota: 'wifi-device-quota',
  tooMany: 'too-many-attempts',
  messageFailed: 'wifi-message-failed',
  notHere: 'wifi-not-a-guest-here',
  alreadyOnline: 'wifi-already-online',
  controllerDown: 'wifi-controller-unavailable',
  controllerError: 'wifi-controller-error',
};

/** A controller that failed is asked again after this long: long enough for a restart or a blip to pass. */
const CONTROLLER_RETRY_AFTER_SECONDS = 30;

/**
 * A refusal: the page in the guest's language, or problem+json for a client that asks for JSON and not HTML.
 * `retryAfterSeconds` (an hour for a 429 when not said) goes out as Retry-After.
 */
export function refusal(
  context: Context<AppEnv>,
  language: PortalLanguage,
  reason: Refusal,
  status: 400 | 403 | 404 | 409 | 410 | 429 | 502 | 503,
  accent?: string,
  retryAfterSeconds?: number,
): Response | Promise<Response> {
  const retryAfter = retryAfterSeconds ?? (status === 429 ? 3600 : undefined);
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'Retry-After': String(retryAfter) };
  const accept = context.req.header('Accept') ?? '';
  if (/application\/(problem\+)?json/.test(accept) && !accept.includes('text/html')) {
    return problemResponse(
      context,
      new ProblemError(status, REFUSAL_PROBLEMS[reason], undefined, undefined, {
        ...headers,
        'Cache-Control': 'no-store',
      }),
    );
  }
  return context.html(refusedPage(language, reason, accent, retryAfter), status, {
    ...PAGE_HEADERS,
    ...headers,
  });
}

/** A UniFi controller out of reach is 503, one that answered with an error 502; both worth another try soon. */
export function controllerRefusal(
  context: Context<AppEnv>,
  language: PortalLanguage,
  error: UnifiError,
  accent: string,
): Response | Promise<Response> {
  return error.reason === 'unreachable'
    ? refusal(context, language, 'controllerDown', 503, accent, CONTROLLER_RETRY_AFTER_SECONDS)
    : refusal(context, language, 'controllerError', 502, accent, CONTROLLER_RETRY_AFTER_SECONDS);
}
