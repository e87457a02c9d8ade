/**
 * The data store not answering (timed out, refused the connection, throttled, failed on its side), as one error
 * the HTTP shell answers with 503 and Retry-After and the site with its "try again" page. It carries no SDK
 * type, so the site's pages (a separate bundle) can recognise it too.
 */

/** What a client is told to wait before trying again: long enough for a restart or a throttle to pass. */
export const STORE_RETRY_AFTER_SECONDS = 5;

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
  constructor(cause: unknown) {
    super(`The data store did not answer (${describeCause(cause)}).`, { cause });
  }
}

/**
 * True for a StoreUnavailableError, also one made by another copy of this module (the site's pages are bundled
 * apart from the services that throw it), so the check is by name rather than by class.
 */
export function isStoreUnavailable(error: unknown): boolean {
  return error instanceof Error && error.name === 'StoreUnavailableError';
}

function describeCause(cause: unknown): string {
  if (!(cause instanceof Error)) return String(cause);
  const code = (cause as { code?: unknown }).code;
  return typeof code === 'string' && code !== cause.name ? `${cause.name} ${code}` : cause.name;
}
