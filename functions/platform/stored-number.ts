/**
 * Numbers that are stored as they are sent. DynamoDB keeps numbers of magnitude 1e-130 to 1e126 (and 0) and
 * refuses the rest with an error, so a fraction any closer to zero — 5e-324 is a valid JSON number — would be
 * accepted by the schema and then fail the write with a 500. Every stored non-integer schema starts here.
 */
import * as z from 'zod';
import { isStorableNumber, UNSTORABLE_NUMBER_MESSAGE } from './storable-numbers.js';

export function storableNumber() {
  return z.number().refine(isStorableNumber, { message: UNSTORABLE_NUMBER_MESSAGE });
}
