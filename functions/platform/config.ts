/**
 * Typed configuration, read and validated once from the environment at start-up. A missing or malformed
 * variable stops the process with one sentence naming it, instead of failing later on a request.
 */
// zod/mini: the same checks as the rest of the code base's zod, without the methods every classic schema carries,
// so every function's cold start (which reads its configuration first) does not load the classic API.
import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import type { PublicAddress } from './public-origin.js';

// The messages in English, as classic zod sets them (the locale objects are one shared configuration).
z.config(english());

const HOST_NAME = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:\d{1,5})?$/;

/** A whole number in [min, max] read from a variable's text, `fallback` when the variable is absent. */
const wholeNumber = (min: number, max: number, fallback: number) =>
  z._default(z.coerce.number().check(z.int(), z.minimum(min), z.maximum(max)), fallback);

const environmentSchema = z
  .object({
    TABLE_NAME: z._default(z.string().check(z.minLength(3), z.maxLength(255)), 'halong-tourism'),
    AWS_REGION: z._default(z.string().check(z.minLength(1)), 'ap-southeast-1'),
    /** Set locally (DynamoDB Local) or to reach another endpoint; absent on AWS. */
    DYNAMODB_ENDPOINT: z.optional(z.url()),
    /**
     * How long one attempt of a data store call may take (two attempts in all), in milliseconds. The default
     * suits DynamoDB; a DynamoDB Local shared by a parallel test run on a busy machine may need more.
     */
    DYNAMODB_ATTEMPT_TIMEOUT_MS: wholeNumber(100, 60_000, 1000),
    AUTH_MODE: z._default(z.enum(['local', 'cognito']), 'local'),
    /** Issuer (iss claim) of the tokens the API accepts. Derived from the user pool on AWS. */
    AUTH_ISSUER: z.optional(z.string().check(z.minLength(1))),
    COGNITO_USER_POOL_ID: z.optional(z.string().check(z.regex(/^[\w-]+_[0-9A-Za-z]+$/))),
    COGNITO_CLIENT_ID: z.optional(z.string().check(z.minLength(1))),
    /** Largest request body accepted, in bytes. */
    MAX_BODY_BYTES: wholeNumber(1024, 6_000_000, 64 * 1024),
    LOG_LEVEL: z._default(z.enum(['debug', 'info', 'warn', 'error', 'silent']), 'info'),
    /** How long a booking holds its seats while the tourist pays. */
    BOOKING_HOLD_MINUTES: wholeNumber(2, 60, 10),
    /** Online sales of a departure close this long before it leaves. */
    BOOKING_SALES_CLOSE_MINUTES: wholeNumber(0, 24 * 60, 30),
    /** Days after the trip when a booking's personal data is erased (Decree 13/2023). */
    BOOKING_RETENTION_DAYS: wholeNumber(1, 3650, 90),
    /** Stripe: both set, or neither (then the local test checkout is used). */
    STRIPE_SECRET_KEY: z.optional(
      z.string().check(z.regex(/^(sk|rk)_(test|live)_\w+$/, 'a Stripe secret key (sk_test_… or sk_live_…)')),
    ),
    STRIPE_WEBHOOK_SECRET: z.optional(
      z.string().check(z.regex(/^whsec_\w+$/, 'a webhook signing secret (whsec_…)')),
    ),
    /** Another host for the Stripe adapter's API calls, e.g. a local test server: http://127.0.0.1:12111. */
    STRIPE_API_BASE: z.optional(z.url()),
    /** Public address of the site, for links in messages and payment return pages. */
    PUBLIC_BASE_URL: z.optional(z.url()),
    /**
     * Where browsers open the live updates' WebSocket (`wss://…`) when it is not the site's own origin: on AWS the
     * WebSocket API's stage URL, set by the deployment (cdk/stacks/realtime-stack.ts). Unset locally, where the
     * endpoint is the site's own `/api/tracking/live` (functions/platform/live-updates/address.ts).
     */
    LIVE_UPDATES_URL: z.optional(z.url({ protocol: /^wss?$/, error: 'a WebSocket URL (wss://…)' })),
    /**
     * Host names (comma-separated, `host` or `host:port`) that X-Forwarded-Host may name as the site's address,
     * when PUBLIC_BASE_URL is not set: the hosts CloudFront answers for. Any other forwarded host is ignored.
     */
    ALLOWED_HOSTS: z.pipe(
      z.pipe(
        z.optional(z.string()),
        z.transform((list: string | undefined) =>
          (list ?? '')
            .split(',')
            .map((host) => host.trim().toLowerCase())
            .filter((host) => host !== ''),
        ),
      ),
      z.array(z.string().check(z.regex(HOST_NAME, 'host names, comma-separated (d111.cloudfront.net)'))),
    ),
  })
  .check(
    z.superRefine((env, context) => {
      if (env.AUTH_MODE === 'cognito' && (!env.COGNITO_USER_POOL_ID || !env.COGNITO_CLIENT_ID)) {
        context.addIssue({
          code: 'custom',
          path: ['COGNITO_USER_POOL_ID'],
          message: 'AUTH_MODE=cognito needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID',
        });
      }
      if (Boolean(env.STRIPE_SECRET_KEY) !== Boolean(env.STRIPE_WEBHOOK_SECRET)) {
        context.addIssue({
          code: 'custom',
          path: [env.STRIPE_SECRET_KEY ? 'STRIPE_WEBHOOK_SECRET' : 'STRIPE_SECRET_KEY'],
          message: 'STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET are set together',
        });
      }
    }),
  );

export type LogLevel = z.infer<typeof environmentSchema>['LOG_LEVEL'];

export interface PlatformConfig extends PublicAddress {
  tableName: string;
  region: string;
  dynamoEndpoint: string | undefined;
  /** One data store call's attempt timeout (DYNAMODB_ATTEMPT_TIMEOUT_MS); see platform/aws-client-options.ts. */
  storeAttemptTimeoutMs: number;
  maxBodyBytes: number;
  logLevel: LogLevel;
  bookings: { holdMinutes: number; salesCloseMinutes: number; retentionDays: number };
  /** LIVE_UPDATES_URL: the live updates' WebSocket URL when not on the site's own origin (AWS). */
  liveUpdatesUrl: string | undefined;
  /** Null: no Stripe account configured, so payments go to the local test checkout. */
  stripe: { secretKey: string; webhookSecret: string; apiBase: string | undefined } | null;
  auth:
    | { mode: 'local'; issuer: string; audience: string }
    | { mode: 'cognito'; issuer: string; audience: string; jwksUrl: string };
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
}

/** A variable a Lambda function's deployment sets (cdk/stacks); ConfigurationError when it is missing. */
export function requiredVariable(name: string): string {
  const value = process.env[name];
  if (!value) throw new ConfigurationError(`${name} must be set.`);
  return value;
}

export const LOCAL_TOKEN_ISSUER = 'urn:halong-tourism:local-issuer';
export const LOCAL_TOKEN_AUDIENCE = 'halong-tourism-local';

/** Reads the configuration from `environment` (process.env by default); throws ConfigurationError. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): PlatformConfig {
  const parsed = environmentSchema.safeParse(environment);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigurationError(`Invalid configuration — ${problems.join('; ')}`);
  }
  const env = parsed.data;
  const auth: PlatformConfig['auth'] =
    env.AUTH_MODE === 'cognito'
      ? cognitoAuth(env.AWS_REGION, env.COGNITO_USER_POOL_ID ?? '', env.COGNITO_CLIENT_ID ?? '')
      : { mode: 'local', issuer: env.AUTH_ISSUER ?? LOCAL_TOKEN_ISSUER, audience: LOCAL_TOKEN_AUDIENCE };
  return {
    tableName: env.TABLE_NAME,
    region: env.AWS_REGION,
    dynamoEndpoint: env.DYNAMODB_ENDPOINT,
    storeAttemptTimeoutMs: env.DYNAMODB_ATTEMPT_TIMEOUT_MS,
    maxBodyBytes: env.MAX_BODY_BYTES,
    logLevel: env.LOG_LEVEL,
    bookings: {
      holdMinutes: env.BOOKING_HOLD_MINUTES,
      salesCloseMinutes: env.BOOKING_SALES_CLOSE_MINUTES,
      retentionDays: env.BOOKING_RETENTION_DAYS,
    },
    stripe:
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? {
            secretKey: env.STRIPE_SECRET_KEY,
            webhookSecret: env.STRIPE_WEBHOOK_SECRET,
            apiBase: env.STRIPE_API_BASE,
          }
        : null,
    liveUpdatesUrl: env.LIVE_UPDATES_URL,
    publicBaseUrl: env.PUBLIC_BASE_URL,
    allowedHosts: env.ALLOWED_HOSTS,
    auth,
  };
}

function cognitoAuth(region: string, userPoolId: string, clientId: string): PlatformConfig['auth'] {
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return { mode: 'cognito', issuer, audience: clientId, jwksUrl: `${issuer}/.well-known/jwks.json` };
}
