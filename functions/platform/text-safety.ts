/**
 * Text no field may hold: the NUL character and lone UTF-16 surrogates. Either passes JSON and zod's string
 * rules (a JSON "\ud800" escape parses into a lone surrogate), then breaks what reads it later: a lone surrogate
 * cannot be encoded as UTF-8 (DynamoDB refuses the item, or stores U+FFFD in its place) and NUL ends strings in C
 * libraries, logs and PDF or SMS gateways. Checked once at the edge, for every route and every form.
 */

// A high surrogate not followed by a low one, or a low surrogate not preceded by a high one.
const UNSAFE_TEXT = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSAFE_TEXT_MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

export function isUnsafeText(text: string): boolean {
  return UNSAFE_TEXT.test(text);
}

/**
 * The paths (`passengers.0.fullName`, `(root)`) of every string in `value` — a parsed JSON body, query or path
 * parameters — that holds unsafe text, in its keys or its values.
 */
export function unsafeTextPaths(value: unknown, path: readonly string[] = []): string[] {
  const here = path.join('.') || '(root)';
  if (typeof value === 'string') return isUnsafeText(value) ? [here] : [];
  if (typeof value !== 'object' || value === null) return [];
  const entries: [string, unknown][] = Array.isArray(value)
    ? value.map((item, index) => [String(index), item])
    : Object.entries(value);
  return entries.flatMap(([key, item]) =>
    isUnsafeText(key) ? [[...path, key].join('.')] : unsafeTextPaths(item, [...path, key]),
  );
}
