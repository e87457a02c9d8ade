/**
 * How long the platform waits for an AWS service, and how often it asks again: connection and request timeouts
 * and a bounded retry for every AWS SDK client (DynamoDB, SES, SNS, Secrets Manager, KMS, Cognito, CloudFront, API
 * Gateway's WebSocket management API), so a service that stops answering costs a request seconds, never the
 * function's whole timeout. The reasons for the values are in docs/decisions.md ("Timeouts and retries for AWS
 * calls").
 */

export interface CallBudget {
  /** Milliseconds to open the TCP (and TLS) connection. */
  connectionTimeoutMs: number;
  /** Milliseconds one attempt may take from sending the request to the end of its response. */
  requestTimeoutMs: number;
  /** Attempts in all, the first included. */
  maxAttempts: number;
}

/**
 * The data store. DynamoDB answers in single-digit milliseconds, so a second without an answer means it will not
 * answer this one: two attempts of at most 1 s (connecting included), with the SDK's jittered backoff between
 * them (≤ 50 ms, ≤ 1 s after throttling), fail a request in about 2 s and always within 3 s.
 */
export const STORE_CALL_BUDGET: CallBudget = {
  connectionTimeoutMs: 1000,
  requestTimeoutMs: 1000,
  maxAttempts: 2,
};

/** The store's budget with another attempt timeout (DYNAMODB_ATTEMPT_TIMEOUT_MS), connecting included. */
export function storeCallBudget(attemptTimeoutMs = STORE_CALL_BUDGET.requestTimeoutMs): CallBudget {
  return { ...STORE_CALL_BUDGET, connectionTimeoutMs: attemptTimeoutMs, requestTimeoutMs: attemptTimeoutMs };
}

/**
 * The other AWS services (messages, secrets, keys, sign-in, CDN invalidations): slower per call than DynamoDB (SES,
 * Cognito and CloudFront take hundreds of milliseconds), called more rarely, and mostly off the path a visitor
 * waits on.
 */
export const SERVICE_CALL_BUDGET: CallBudget = {
  connectionTimeoutMs: 1000,
  requestTimeoutMs: 3000,
  maxAttempts: 2,
};

/**
 * Posting a live update to one WebSocket connection (API Gateway's management API, tens of milliseconds). The update
 * should reach the browser within a second of the change, and the stream's reader posts to many connections per
 * record: a post that takes a second is abandoned, retried once, and the next update (seconds later) supersedes it.
 */
export const LIVE_POST_CALL_BUDGET: CallBudget = {
  connectionTimeoutMs: 1000,
  requestTimeoutMs: 1000,
  maxAttempts: 2,
};

/**
 * Options for any AWS SDK v3 client's constructor. The request handler is given as its constructor options (the
 * SDK builds its NodeHttpHandler from them), so the platform needs no direct dependency on the handler package.
 */
export function awsClientOptions(budget: CallBudget = SERVICE_CALL_BUDGET) {
  return {
    maxAttempts: budget.maxAttempts,
    // Standard mode: timeouts, connection faults, 5xx and throttling are retried, with full-jitter backoff and a
    // retry quota that stops retrying while a service keeps failing (so an outage does not double the load).
    retryMode: 'standard',
    requestHandler: {
      connectionTimeout: budget.connectionTimeoutMs,
      requestTimeout: budget.requestTimeoutMs,
      // Without it the handler only logs a warning when the request timeout passes and keeps waiting.
      throwOnRequestTimeout: true,
      // A socket idle this long (a server that accepted the connection and then stopped) is given up too.
      socketTimeout: budget.requestTimeoutMs,
    },
  } as const;
}
