/**
 * Errors as `application/problem+json` (RFC 9457). Every error a client can cause leaves the API through
 * here with a stable `type`, a human `title`, the HTTP `status` and, for validation, the failing fields.
 * No schema library here: what every function loads at its cold start stays small (problem.ts adds the schemas
 * for the OpenAPI document).
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

/** Stable problem types; the `type` member is `/problems/<slug>`, documented in docs/api-errors.md. */
export const problemTitles = {
  'validation-error': 'The request is not valid',
  'malformed-body': 'The request body could not be read',
  'unsupported-media-type': 'The request body must be JSON',
  'payload-too-large': 'The request body is too large',
  'not-found': 'Nothing exists at this address',
  'method-not-allowed': 'This address does not accept this method',
  unauthenticated: 'Sign-in is required',
  'invalid-token': 'The access token is not valid',
  forbidden: 'Your role does not allow this',
  'invalid-credentials': 'The e-mail or password is wrong',
  'sign-in-challenge': 'The account must complete another sign-in step first',
  'certificate-expired': "The boat's safety certificate has expired",
  'departure-exists': 'The boat is already scheduled at that time',
  'exhibit-exists': 'An exhibit with this id exists already',
  'sold-out': 'Not enough seats are left on this departure',
  'departure-closed': 'This departure is not on sale',
  'idempotency-key-reused': 'This Idempotency-Key belongs to a different request',
  'not-payable': 'This booking cannot be paid',
  'not-cancellable': 'This booking cannot be cancelled',
  'refund-changed': 'Cancelling now refunds a different amount than the one confirmed',
  'invalid-signature': 'The webhook signature is not valid',
  busy: 'Too many requests for the same departure at once',
  'payment-provider-error': 'The payment provider could not be reached',
  'internal-error': 'Something went wrong on our side',
  'too-many-attempts': 'Too many attempts: wait before trying again',
  'cross-origin-request': 'This request must come from the site’s own pages',
  'store-unavailable': 'The data store is not answering',
  'wifi-gateway-request-invalid':
    'The hotspot gateway’s parameters are missing, unsigned or not this hotspot’s',
  'wifi-login-expired': 'The Wi-Fi login page has expired',
  'wifi-login-used': 'This Wi-Fi login has been used already',
  'wifi-device-quota': 'The device has used today’s sessions at this hotspot',
  'wifi-message-failed': 'The login code could not be sent',
  'wifi-not-a-guest-here':
    'The hotspot’s controller does not see this device as a guest at this access point',
  'wifi-already-online': 'The hotspot’s controller has authorised this device already',
  'wifi-controller-unavailable': 'The hotspot’s controller did not answer in time',
  'wifi-controller-error': 'The hotspot’s controller answered with an error',
  'not-a-form': 'The request body must be an HTML form',
  'unknown-reference': 'The request names something that does not exist',
  'too-many-requests': 'Too many requests; try again after Retry-After seconds',
  'invalid-ticket': 'This is not a ticket the booking service issued',
  'unknown-ticket': 'No booking has this reference',
  'wrong-departure': 'This ticket is for another departure',
  'ticket-not-paid': 'This booking has not been paid',
  'ticket-expired': 'This booking expired unpaid',
  'ticket-cancelled': 'This booking has been cancelled',
  'already-checked-in': 'This ticket has been checked in already',
  'boat-full': 'The boat has as many people aboard as it is certified for',
  'boarding-closed': 'Nobody may board this departure now',
  'receipt-used': 'This receipt number belongs to another sale',
  'not-cleared': 'The port authority has not cleared this departure',
  'clearance-checks-failed': 'A clearance check fails',
  'departure-changed': 'The departure changed meanwhile; look again',
  'ban-lifted': 'This ban has been lifted',
  'unknown-tracker': 'No boat is registered with this tracker id',
  'alert-state-changed': 'The alert is no longer in a state that allows this',
  'rules-changed': 'The safety rules were changed meanwhile; read them again',
  'upgrade-required': 'This address speaks WebSocket: open it with a WebSocket handshake',
  'live-updates-full': 'The live updates serve as many connections as they can; try again later',
} as const;

export type ProblemSlug = keyof typeof problemTitles;

/** One failing field of a request (problem.ts holds its schema for the OpenAPI document). */
export interface ProblemField {
  location?: 'body' | 'path' | 'query' | 'header';
  path: string;
  message: string;
}

/** The problem document as sent. */
export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: ProblemField[];
  seatsLeft?: number;
  [extension: string]: unknown;
}

/** Thrown anywhere in a request; the app's error handler turns it into a problem response. */
export class ProblemError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly slug: ProblemSlug,
    readonly detail?: string,
    readonly errors?: ProblemField[],
    readonly headers: Record<string, string> = {},
    /** Extension members of this problem type (RFC 9457 §3.2), such as `seatsLeft`. */
    readonly extensions: Record<string, unknown> = {},
  ) {
    super(detail ?? problemTitles[slug]);
    this.name = 'ProblemError';
  }
}

/** The problem document of `error`, answered for the request at `instance` (its path). */
export function problemBody(error: ProblemError, instance: string, requestId?: string): ProblemBody {
  return {
    type: `/problems/${error.slug}`,
    title: problemTitles[error.slug],
    status: error.status,
    ...(error.detail ? { detail: error.detail } : {}),
    instance,
    ...(requestId !== undefined && { requestId }),
    ...(error.errors ? { errors: error.errors } : {}),
    ...error.extensions,
  };
}

/** Writes a problem response, carrying the request id so a user can quote it to support. */
export function problemResponse(context: Context, error: ProblemError): Response {
  const body = problemBody(error, new URL(context.req.url).pathname, context.get('requestId'));
  for (const [name, value] of Object.entries(error.headers)) context.header(name, value);
  return context.body(JSON.stringify(body), error.status, { 'Content-Type': PROBLEM_CONTENT_TYPE });
}
