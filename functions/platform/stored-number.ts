/**
 * Numbers that are stored as they are sent. DynamoDB keeps numbers of magnitude 1e-130 to 1e126 (and 0) and
 * refuses the rest with an error, so a fraction any closer to zero — 5e-324 is a valid JSON number — would be
 * accepted by the schema and then fail the write with a 500. Every stored non-integer schema starts here.
 */
import * as z from 'zod';

const SMALLEST_STORABLE_MAGNITUDE = 1e-130;

export function storableNumber() {
  return z.number().refine((value) => value === 0 || Math.abs(value) >= SMALLEST_STORABLE_MAGNITUDE, {
    message: `0, or at least ${SMALLEST_STORABLE_MAGNITUDE} in magnitude`,
  });
}
