/**
 * Numbers the store cannot hold. DynamoDB keeps numbers of magnitude 1E-130 to 9.99…E+125 (and zero); a JSON
 * number outside that range (a denormal such as 5e-324, or 1e300) passes zod's `number()` and any bounds a
 * schema forgot, then makes the write fail with a ValidationException — a 500 for the caller's mistake. Checked
 * once at the edge, for every route, like the unsafe text beside it.
 */

const SMALLEST_MAGNITUDE = 1e-130;
/** Exclusive: DynamoDB's largest is 9.99…9E+125 with 38 digits, just under this. */
const MAGNITUDE_LIMIT = 1e126;

export const UNSTORABLE_NUMBER_MESSAGE = 'must be zero or a number of magnitude between 1e-130 and 1e125';

export function isStorableNumber(value: number): boolean {
  const magnitude = Math.abs(value);
  return (
    Number.isFinite(value) &&
    (magnitude === 0 || (magnitude >= SMALLEST_MAGNITUDE && magnitude < MAGNITUDE_LIMIT))
  );
}

/** The paths (`location.lat`, `(root)`) of every number in `value` the store could not hold. */
export function unstorableNumberPaths(value: unknown, path: readonly string[] = []): string[] {
  if (typeof value === 'number') return isStorableNumber(value) ? [] : [path.join('.') || '(root)'];
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) => unstorableNumberPaths(item, [...path, key]));
}
