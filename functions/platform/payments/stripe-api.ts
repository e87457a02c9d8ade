/**
 * Stripe's REST API over fetch: the few POSTs the payments adapter makes, form-encoded as Stripe's SDK encodes
 * them, pinned to the SDK's API version, each attempt bounded by a timeout and retried at most once under
 * the same Idempotency-Key. Replaces the SDK in the Lambda path, where its 240 KiB were most of the bundle.
 */
import type * as z from 'zod';
import { PaymentProviderError } from './port.js';

/**
 * The API version the `stripe` package in package.json pins (its `Stripe.API_VERSION`); a test keeps the two
 * equal, so our requests and events read exactly as the SDK's would.
 */
export const STRIPE_API_VERSION = '2026-10-28.endive';

const STRIPE_API_BASE = 'https://api.stripe.com';

export interface StripeApiSettings {
  secretKey: string;
  /** Stripe's own host when absent; e.g. http://127.0.0.1:12111 for a local server speaking its API. */
  apiBase?: string | undefined;
  /** How long one attempt (connecting included) may take before it is abandoned. */
  attemptTimeoutMs?: number;
  /** Attempts in all, the first included. */
  attempts?: number;
}

/**
 * Within a Lambda's 10 s: two attempts of 3 s and a pause between them answer in under 7 s even when Stripe
 * hangs, and a checkout or refund takes Stripe well under a second when it is healthy.
 */
export const DEFAULT_ATTEMPT_TIMEOUT_MS = 3000;
export const DEFAULT_ATTEMPTS = 2;
const RETRY_PAUSE_MS = 300;

/** Request parameters as Stripe takes them: nested objects and arrays, undefined meaning "not sent". */
export type StripeParams = { [key: string]: StripeValue };
type StripeValue =
  | string
  | number
  | boolean
  | null
  | undefined
  | StripeValue[]
  | { [key: string]: StripeValue };

/**
 * `a[b][0][c]=v` form encoding, as the SDK's own encoder writes it (brackets left readable, undefined
 * skipped, null sent empty), so Stripe receives byte for byte what the SDK would send.
 */
export function encodeStripeForm(params: StripeParams): string {
  const pairs: string[] = [];
  const encode = (key: string, value: StripeValue): void => {
    if (value === undefined) return;
    if (value === null || typeof value !== 'object') {
      pairs.push(`${encodeFormComponent(key)}=${encodeFormComponent(value === null ? '' : String(value))}`);
    } else if (Array.isArray(value)) {
      for (const [index, item] of value.entries()) encode(`${key}[${index}]`, item);
    } else {
      for (const [name, item] of Object.entries(value)) encode(`${key}[${name}]`, item);
    }
  };
  for (const [key, value] of Object.entries(params)) encode(key, value);
  return pairs.join('&');
}

function encodeFormComponent(text: string): string {
  return encodeURIComponent(text)
    .replace(/[!'()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`)
    .replaceAll('%5B', '[')
    .replaceAll('%5D', ']');
}

/**
 * Stripe's own advice, which its SDK follows: a network failure, a 409 (a concurrent request holding the
 * idempotency key) and a 5xx may be retried, unless its `Stripe-Should-Retry` header says otherwise.
 */
function worthRetrying(response: Response): boolean {
  const advice = response.headers.get('Stripe-Should-Retry');
  if (advice === 'true' || advice === 'false') return advice === 'true';
  return response.status === 409 || response.status >= 500;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Stripe's error answer: only its kind is kept, since its message may quote customer data. */
function providerError(status: number, text: string): PaymentProviderError {
  const body = parseJson(text) as { error?: { type?: unknown; code?: unknown } } | undefined;
  const type = typeof body?.error?.type === 'string' ? body.error.type : 'api_error';
  const code = typeof body?.error?.code === 'string' ? body.error.code : undefined;
  return new PaymentProviderError({ type, code, statusCode: status });
}

export interface StripeApi {
  /** POSTs `params` to `path` (e.g. /v1/refunds) and reads the answer with `schema`; throws PaymentProviderError. */
  post<T>(path: string, params: StripeParams, idempotencyKey: string, schema: z.ZodType<T>): Promise<T>;
}

export function createStripeApi(settings: StripeApiSettings): StripeApi {
  const base = settings.apiBase ?? STRIPE_API_BASE;
  const attemptTimeoutMs = settings.attemptTimeoutMs ?? DEFAULT_ATTEMPT_TIMEOUT_MS;
  const attempts = settings.attempts ?? DEFAULT_ATTEMPTS;

  /** One attempt, its answer read whole: the timeout covers connecting, waiting and reading the body. */
  async function attempt(path: string, body: string, idempotencyKey: string) {
    const response = await fetch(new URL(path, base), {
      method: 'POST',
      headers: {
        Authorization: `Bearer ${settings.secretKey}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        'Stripe-Version': STRIPE_API_VERSION,
        'Idempotency-Key': idempotencyKey,
      },
      body,
      signal: AbortSignal.timeout(attemptTimeoutMs),
    });
    return { response, text: await response.text() };
  }

  return {
    async post(path, params, idempotencyKey, schema) {
      const body = encodeStripeForm(params);
      let failure: PaymentProviderError = new PaymentProviderError({ type: 'connection_error' });
      for (let attemptNumber = 1; attemptNumber <= attempts; attemptNumber += 1) {
        if (attemptNumber > 1) await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
        let answer: Awaited<ReturnType<typeof attempt>>;
        try {
          answer = await attempt(path, body, idempotencyKey);
        } catch (error) {
          // No whole answer came: refused, reset, or abandoned at the timeout.
          const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
          failure = new PaymentProviderError({ type: timedOut ? 'timeout' : 'connection_error' });
          continue;
        }
        const { response, text } = answer;
        if (response.ok) {
          const parsed = schema.safeParse(parseJson(text));
          if (parsed.success) return parsed.data;
          throw new PaymentProviderError({ type: 'unexpected_response', statusCode: response.status });
        }
        failure = providerError(response.status, text);
        if (!worthRetrying(response)) throw failure;
      }
      throw failure;
    },
  };
}
