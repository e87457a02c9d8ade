/**
 * What stands in front of every password check: the request must come from our own pages (login CSRF), and
 * guessing is slowed per account and per client address with delays that grow — a few tries a minute, then
 * fewer an hour, then a day's ceiling (OWASP's authentication and credential-stuffing guidance).
 */
import { createHash } from 'node:crypto';
import type { Context } from 'hono';
import { clientAddress } from '../client-address.js';
import { ProblemError } from '../problem.js';
import { type PublicAddress, publicOrigin } from '../public-origin.js';
import { type Limit, type RateLimiter, secondsLeftInWindow } from '../rate-limit.js';

/**
 * Failed attempts per window. Each attempt is counted before the password is checked, in the same conditional
 * write that admits it, so parallel guesses cannot overshoot (a count of failures read, then written, would let
 * a burst of a hundred through); a sign-in that succeeds gives its count back.
 */
const perAccount = [
  { limit: 5, windowSeconds: 5 * 60 },
  { limit: 10, windowSeconds: 60 * 60 },
  { limit: 20, windowSeconds: 24 * 60 * 60 },
];
/** An office, a hotel or a carrier's NAT may share one address among many staff: generous, but bounded. */
const perAddress = [
  { limit: 30, windowSeconds: 5 * 60 },
  { limit: 100, windowSeconds: 60 * 60 },
  { limit: 300, windowSeconds: 24 * 60 * 60 },
];

/** A name for the counter that is not the e-mail or address itself (the table keeps no one's address). */
function bucketKey(kind: string, value: string): string {
  return `sign-in-${kind}#${createHash('sha256').update(`halong-sign-in\0${kind}\0${value}`).digest('base64url').slice(0, 22)}`;
}

export interface SignInGuard {
  /**
   * Counts one sign-in attempt for this e-mail from this request's address; throws 429 `too-many-attempts`
   * with Retry-After (the seconds until the window that refused ends) when either has no room left. Call
   * `succeeded` when the password was right, and the attempt no longer counts.
   */
  admit(context: Context, email: string): Promise<{ succeeded(): Promise<void> }>;
}

export function createSignInGuard(limiter: RateLimiter, clock: () => Date = () => new Date()): SignInGuard {
  return {
    async admit(context, email) {
      const account = bucketKey('account', email.trim().toLowerCase());
      const address = bucketKey('address', clientAddress(context));
      const limits: Limit[] = [
        ...perAccount.map((tier) => ({ bucket: account, ...tier })),
        ...perAddress.map((tier) => ({ bucket: address, ...tier })),
      ];
      const taken: Limit[] = [];
      const giveBack = () => Promise.all(taken.map((limit) => limiter.giveBack(limit)));
      for (const limit of limits) {
        if (await limiter.take(limit)) {
          taken.push(limit);
          continue;
        }
        await giveBack();
        const retryAfter = secondsLeftInWindow(limit, clock());
        throw new ProblemError(
          429,
          'too-many-attempts',
          `Too many sign-in attempts. Try again in ${formatWait(retryAfter)}.`,
          undefined,
          { 'Retry-After': String(retryAfter) },
          { retryAfterSeconds: retryAfter },
        );
      }
      return {
        async succeeded() {
          await giveBack();
        },
      };
    },
  };
}

function formatWait(seconds: number): string {
  if (seconds < 120) return `${seconds} seconds`;
  if (seconds < 2 * 60 * 60) return `${Math.ceil(seconds / 60)} minutes`;
  return `${Math.ceil(seconds / 3600)} hours`;
}

/**
 * Login CSRF: a page elsewhere must not be able to sign a visitor in to an account of its choosing. A browser
 * names the page a POST comes from in `Origin` (all current browsers, on every POST) or, failing that, in
 * `Sec-Fetch-Site`; either must say this site. A form post that names neither is refused, since only a
 * browser sends forms; a JSON post that names neither is a program, not a browser (a browser must preflight
 * cross-origin JSON, which this API never allows), and is let through.
 */
export function assertSameOrigin(context: Context, address: PublicAddress, isForm: boolean): void {
  const expected = publicOrigin(context.req.raw, address);
  const origin = context.req.header('Origin');
  const fetchSite = context.req.header('Sec-Fetch-Site');
  if (origin !== undefined) {
    if (origin === expected) return;
    throw new ProblemError(403, 'cross-origin-request', `Sign in from ${expected}, not from ${origin}.`);
  }
  if (fetchSite !== undefined) {
    if (fetchSite === 'same-origin') return;
    throw new ProblemError(
      403,
      'cross-origin-request',
      `Sign in from ${expected} (Sec-Fetch-Site: ${fetchSite}).`,
    );
  }
  if (isForm) {
    throw new ProblemError(
      403,
      'cross-origin-request',
      'A sign-in form must say where it was sent from (Origin).',
    );
  }
}
