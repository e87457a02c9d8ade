/**
 * The problem document's schema, for the OpenAPI document, and the responses a route declares with it; the
 * problems themselves (ProblemError, problemResponse, the titles) are problem-details.ts's, re-exported here.
 */
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as z from 'zod';
import {
  PROBLEM_CONTENT_TYPE,
  type ProblemBody,
  type ProblemField as ProblemFieldShape,
} from './problem-details.js';

export * from './problem-details.js';

export const ProblemField = z
  .object({
    location: z.enum(['body', 'path', 'query', 'header']).optional(),
    path: z.string().meta({ example: 'sightseeingFee.amountVnd' }),
    message: z.string(),
  })
  .meta({ id: 'ProblemField' });

export const Problem = z
  .object({
    type: z.string().meta({ example: '/problems/validation-error' }),
    title: z.string(),
    status: z.number().int(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    requestId: z.string().optional(),
    errors: z.array(ProblemField).optional(),
    seatsLeft: z
      .number()
      .int()
      .optional()
      .meta({ description: 'With /problems/sold-out: seats still free.' }),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

export type ProblemField = ProblemFieldShape;

// The schemas describe exactly what problem-details.ts sends.
ProblemField satisfies z.ZodType<ProblemFieldShape>;
Problem satisfies z.ZodType<ProblemBody>;

/** OpenAPI response entries for the problems a route can answer with. */
export function problemResponses(...statuses: ContentfulStatusCode[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      { description: 'Problem details', content: { [PROBLEM_CONTENT_TYPE]: { schema: Problem } } },
    ]),
  );
}
