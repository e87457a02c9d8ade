import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { awsClientOptions, STORE_CALL_BUDGET } from '../../../functions/platform/aws-client-options.js';
import { isStoreUnavailabilityError } from '../../../functions/platform/dynamo.js';
import { isStoreUnavailable, StoreUnavailableError } from '../../../functions/platform/store-unavailable.js';

const networkError = (code: string) => Object.assign(new Error(`connect ${code}`), { code });
const $metadata = {};

describe('the data store not answering', () => {
  it('is a timeout, a refused or reset connection, throttling or a failure on the store’s side', () => {
    expect(isStoreUnavailabilityError(Object.assign(new Error('timed out'), { name: 'TimeoutError' }))).toBe(
      true,
    );
    expect(isStoreUnavailabilityError(networkError('ECONNREFUSED'))).toBe(true);
    expect(isStoreUnavailabilityError(networkError('ECONNRESET'))).toBe(true);
    expect(
      isStoreUnavailabilityError(
        new ProvisionedThroughputExceededException({ message: 'slow down', $metadata }),
      ),
    ).toBe(true);
    const internal = Object.assign(new Error('boom'), {
      name: 'InternalServerError',
      $metadata: { httpStatusCode: 500 },
    });
    expect(isStoreUnavailabilityError(internal)).toBe(true);
  });

  it('is not an answer the store gave: a failed condition or a missing table', () => {
    expect(
      isStoreUnavailabilityError(new ConditionalCheckFailedException({ message: 'no', $metadata })),
    ).toBe(false);
    expect(
      isStoreUnavailabilityError(new ResourceNotFoundException({ message: 'no table', $metadata })),
    ).toBe(false);
    expect(isStoreUnavailabilityError(new Error('a bug'))).toBe(false);
  });

  it('is recognised by name, also when thrown by another copy of the module (the site bundle)', () => {
    expect(isStoreUnavailable(new StoreUnavailableError(networkError('ECONNREFUSED')))).toBe(true);
    const fromAnotherBundle = Object.assign(new Error('x'), { name: 'StoreUnavailableError' });
    expect(isStoreUnavailable(fromAnotherBundle)).toBe(true);
    expect(isStoreUnavailable(new Error('x'))).toBe(false);
  });

  it('is decided within 3 s: two attempts of at most 1 s, and request timeouts that throw', () => {
    const options = awsClientOptions(STORE_CALL_BUDGET);
    expect(options.maxAttempts * options.requestHandler.requestTimeout).toBeLessThanOrEqual(2000);
    expect(options.requestHandler.throwOnRequestTimeout).toBe(true);
    expect(options.retryMode).toBe('standard');
  });
});
