/**
 * A connection refused, said the way the rest of the API says it: the resolver's `ProblemError` (401, 403) as it
 * is, the data store not answering as 503 with Retry-After, anything else as a logged 500 that tells the client
 * nothing of the cause. Both adapters answer the WebSocket handshake with this problem document.
 */
import type { Logger } from '../logger.js';
import { PROBLEM_CONTENT_TYPE, ProblemError, problemBody } from '../problem-details.js';
import { isStoreUnavailable, STORE_RETRY_AFTER_SECONDS } from '../store-unavailable.js';
import { MAX_TOPICS_PER_CONNECTION } from './port.js';

/** The problem a failed resolver (or a refusal of the adapter's own) answers the handshake with. */
export function refusalOf(error: unknown, logger: Logger, fields: object = {}): ProblemError {
  if (error instanceof ProblemError) return error;
  if (isStoreUnavailable(error)) {
    logger.warn('live updates: data store not answering at connect', fields);
    return new ProblemError(503, 'store-unavailable', undefined, undefined, {
      'Retry-After': String(STORE_RETRY_AFTER_SECONDS),
    });
  }
  logger.error('live updates: topics resolver failed', {
    ...fields,
    error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
  });
  return new ProblemError(500, 'internal-error');
}

/** The topics a resolver named, checked: a resolver naming none or too many has made a mistake. */
export function checkedTopics(topics: readonly string[]): readonly string[] {
  const distinct = [...new Set(topics)];
  if (distinct.length === 0 || distinct.length > MAX_TOPICS_PER_CONNECTION) {
    throw new Error(`A live topics resolver named ${distinct.length} topics (1 to 50 allowed).`);
  }
  return distinct;
}

/** The refusal as the parts of an HTTP response: status, headers, problem+json body. */
export function refusalResponse(
  problem: ProblemError,
  instance: string,
): { status: number; headers: Record<string, string>; body: string } {
  return {
    status: problem.status,
    headers: { 'Content-Type': PROBLEM_CONTENT_TYPE, 'Cache-Control': 'no-store', ...problem.headers },
    body: JSON.stringify(problemBody(problem, instance)),
  };
}
