import { describe, expect, it } from 'vitest';
import { isStorableNumber, unstorableNumberPaths } from '../../../functions/platform/storable-numbers.js';

describe('numbers the store can hold', () => {
  it('accepts zero, ordinary values and the edges of DynamoDB’s range', () => {
    for (const value of [0, -0, 1, -1, 20.95, 107.05, 1e-130, -1e-130, 9.99e125, Number.MAX_SAFE_INTEGER]) {
      expect(isStorableNumber(value), String(value)).toBe(true);
    }
  });

  it('refuses denormals, tiny and huge magnitudes', () => {
    for (const value of [5e-324, -7.4e-323, 1e-131, 1e126, -1e200, Number.MAX_VALUE]) {
      expect(isStorableNumber(value), String(value)).toBe(false);
    }
  });

  it('names every field that holds one, at any depth', () => {
    const body = { location: { lat: -7.4e-323, lon: 107 }, stops: [{ position: { lat: 1e300 } }], count: 3 };
    expect(unstorableNumberPaths(body)).toEqual(['location.lat', 'stops.0.position.lat']);
    expect(unstorableNumberPaths(1e-200)).toEqual(['(root)']);
  });
});
