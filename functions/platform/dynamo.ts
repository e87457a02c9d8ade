/**
 * The DynamoDB document client, built once from configuration (DynamoDB Local or AWS), with timeouts and a
 * bounded retry on every call, and the store's not answering turned into one error the HTTP shell maps to 503.
 */
import { ConditionalCheckFailedException, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  PutCommand,
  paginateQuery,
  type QueryCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { awsClientOptions, storeCallBudget } from './aws-client-options.js';
import type { PlatformConfig } from './config.js';
import { StoreUnavailableError } from './store-unavailable.js';

/**
 * Errors that say the store did not answer rather than refused the request: the SDK's own transient and
 * throttling classes (@smithy/service-error-classification), once its retries are spent.
 */
const UNAVAILABLE_ERROR_NAMES = new Set([
  'TimeoutError',
  'RequestTimeout',
  'RequestTimeoutException',
  'ThrottlingException',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
]);
const UNAVAILABLE_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

export function isStoreUnavailabilityError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const { code, $metadata } = error as { code?: unknown; $metadata?: { httpStatusCode?: number } };
  return (
    UNAVAILABLE_ERROR_NAMES.has(error.name) ||
    (typeof code === 'string' && UNAVAILABLE_ERROR_CODES.has(code)) ||
    ($metadata?.httpStatusCode ?? 0) >= 500
  );
}

/** `maxSockets`: connections to the store at once (the SDK's HTTP agent keeps 50 unless told). */
export function createDocumentClient(
  config: Pick<PlatformConfig, 'region' | 'dynamoEndpoint'> &
    Partial<Pick<PlatformConfig, 'storeAttemptTimeoutMs'>>,
  connections: { maxSockets?: number } = {},
): DynamoDBDocumentClient {
  const options = awsClientOptions(storeCallBudget(config.storeAttemptTimeoutMs));
  const client = new DynamoDBClient({
    region: config.region,
    ...options,
    requestHandler: {
      ...options.requestHandler,
      ...(connections.maxSockets ? { httpAgent: { maxSockets: connections.maxSockets } } : {}),
    },
    ...(config.dynamoEndpoint
      ? {
          endpoint: config.dynamoEndpoint,
          // DynamoDB Local accepts any credentials; fixed ones keep a laptop without AWS profiles working.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
  });
  // Outermost, so it sees an error only after the SDK's retries; the client keeps no state from a failure, so
  // the next call after an outage simply goes through.
  client.middlewareStack.add(
    (next) => async (args) => {
      try {
        return await next(args);
      } catch (error) {
        throw isStoreUnavailabilityError(error) ? new StoreUnavailableError(error) : error;
      }
    },
    { step: 'initialize', priority: 'high', name: 'storeUnavailableMiddleware' },
  );
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertEmptyValues: false },
  });
}

/** Every item a Query matches, following LastEvaluatedKey through all pages (the SDK's own paginator). */
export async function queryAll(
  db: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  for await (const page of paginateQuery({ client: db }, input)) items.push(...(page.Items ?? []));
  return items;
}

/**
 * Writes `item` only when an item with its key is `absent` (a creation that must not overwrite) or `present`
 * (a replacement that must not create); false, and nothing written, when that does not hold.
 */
export async function putWhen(
  db: DynamoDBDocumentClient,
  tableName: string,
  item: Record<string, unknown>,
  condition: 'absent' | 'present',
): Promise<boolean> {
  try {
    await db.send(
      new PutCommand({
        TableName: tableName,
        Item: item,
        ConditionExpression: condition === 'absent' ? 'attribute_not_exists(PK)' : 'attribute_exists(PK)',
      }),
    );
    return true;
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return false;
    throw error;
  }
}
