/**
 * Typed configuration, read and validated once from the environment at start-up. A missing or malformed
 * variable stops the process with one sentence naming it, instead of failing later on a request.
 */
import * as z from 'zod';

const environmentSchema = z
  .object({
    TABLE_NAME: z.string().min(3).max(255).default('halong-tourism'),
    AWS_REGION: z.string().min(1).default('ap-southeast-1'),
    /** Set locally (DynamoDB Local) or to reach another endpoint; absent on AWS. */
    DYNAMODB_ENDPOINT: z.url().optional(),
    AUTH_MODE: z.enum(['local', 'cognito']).default('local'),
    /** Issuer (iss claim) of the tokens the API accepts. Derived from the user pool on AWS. */
    AUTH_ISSUER: z.string().min(1).optional(),
    COGNITO_USER_POOL_ID: z
      .string()
      .regex(/^[\w-]+_[0-9A-Za-z]+$/)
      .optional(),
    COGNITO_CLIENT_ID: z.string().min(1).optional(),
    /** Largest request body accepted, in bytes. */
    MAX_BODY_BYTES: z.coerce
      .number()
      .int()
      .min(1024)
      .max(6_000_000)
      .default(64 * 1024),
    LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  })
  .superRefine((env, context) => {
    if (env.AUTH_MODE === 'cognito' && (!env.COGNITO_USER_POOL_ID || !env.COGNITO_CLIENT_ID)) {
      context.addIssue({
        code: 'custom',
        path: ['COGNITO_USER_POOL_ID'],
        message: 'AUTH_MODE=cognito needs COGNITO_USER_POOL_ID and COGNITO_CLIENT_ID',
      });
    }
  });

export type LogLevel = z.infer<typeof environmentSchema>['LOG_LEVEL'];

export interface PlatformConfig {
  tableName: string;
  region: string;
  dynamoEndpoint: string | undefined;
  maxBodyBytes: number;
  logLevel: LogLevel;
  auth:
    | { mode: 'local'; issuer: string; audience: string }
    | { mode: 'cognito'; issuer: string; audience: string; jwksUrl: string };
}

export class ConfigurationError extends Error {
  override readonly name = 'ConfigurationError';
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
    maxBodyBytes: env.MAX_BODY_BYTES,
    logLevel: env.LOG_LEVEL,
    auth,
  };
}

function cognitoAuth(region: string, userPoolId: string, clientId: string): PlatformConfig['auth'] {
  const issuer = `https://cognito-idp.${region}.amazonaws.com/${userPoolId}`;
  return { mode: 'cognito', issuer, audience: clientId, jwksUrl: `${issuer}/.well-known/jwks.json` };
}
