/** The pier's refusals, the busy store and the payment provider's failures as problem answers (RFC 9457). */
import { PaymentProviderError } from '../../platform/payments/port.js';
import { ProblemError, type ProblemSlug } from '../../platform/problem.js';
import { TransactionBusyError } from '../../platform/transactions.js';
import { fleetProblemOf } from '../fleet/routes.js';
import { PierRefusal } from './pier-rules.js';

export const refusalProblems: Record<PierRefusal['kind'], [number, ProblemSlug]> = {
  'invalid-ticket': [422, 'invalid-ticket'],
  'unknown-ticket': [404, 'unknown-ticket'],
  'wrong-departure': [409, 'wrong-departure'],
  'ticket-not-paid': [409, 'ticket-not-paid'],
  'ticket-expired': [409, 'ticket-expired'],
  'ticket-cancelled': [409, 'ticket-cancelled'],
  'already-checked-in': [409, 'already-checked-in'],
  'boat-full': [409, 'boat-full'],
  'boarding-closed': [409, 'boarding-closed'],
  'departure-not-found': [404, 'not-found'],
  'receipt-used': [409, 'receipt-used'],
  'sold-out': [409, 'sold-out'],
  'invalid-passenger': [422, 'validation-error'],
  'not-cleared': [409, 'not-cleared'],
  'clearance-checks-failed': [422, 'clearance-checks-failed'],
  'departure-changed': [409, 'departure-changed'],
  forbidden: [403, 'forbidden'],
  'invalid-ban': [422, 'validation-error'],
  'ban-lifted': [409, 'ban-lifted'],
  'ban-not-found': [404, 'not-found'],
  'unknown-scope': [422, 'unknown-reference'],
};

/** Maps the pier's refusals, and the fleet's (another company's departure), to problem answers. */
export async function withProblems<T>(action: () => Promise<T>): Promise<T> {
  try {
    return await action();
  } catch (error) {
    if (error instanceof PierRefusal) {
      const [status, slug] = refusalProblems[error.kind];
      throw new ProblemError(status as 404, slug, error.message, undefined, {}, error.details);
    }
    if (error instanceof TransactionBusyError) {
      throw new ProblemError(503, 'busy', 'Please try again in a moment.', undefined, { 'Retry-After': '1' });
    }
    if (error instanceof PaymentProviderError) {
      throw new ProblemError(502, 'payment-provider-error', error.message);
    }
    throw fleetProblemOf(error);
  }
}

/** The problem slug a refused form post is sent back to its page with. */
export function problemSlugOf(error: unknown): string {
  if (error instanceof ProblemError) return error.slug;
  if (error instanceof PierRefusal) return refusalProblems[error.kind][1];
  throw error;
}
