/** A start-up failure the user can fix: printed as one sentence saying what to do, never as a stack trace. */
export class StartupError extends Error {
  override readonly name = 'StartupError';
}
