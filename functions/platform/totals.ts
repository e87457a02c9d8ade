/**
 * Totals that are the sum of their parts (a route's fee and its components, a booking and its price lines):
 * one check that every schema holding such a total applies, so that the write that stores it and the read
 * that loads it agree. Its issues are marked, and the API answers them 422 rather than 400: the body is
 * well-formed, its numbers disagree.
 */
import * as z from 'zod';

const INCONSISTENT_TOTAL = 'inconsistent-total';

type Path = (string | number)[];

export interface SumOfParts {
  /** Null: not published yet, consistent only while there are no parts either. */
  total: number | null;
  parts: readonly number[];
  /** True where a total may be given without its breakdown: no parts at all is then consistent. */
  breakdownOptional?: boolean;
  totalPath: Path;
  /** Where the parts are: one list (`components`) or several fields (`held`, `sold`, `seatsFree`). */
  partsPaths: Path[];
}

/**
 * A zod check that `total` is the sum of `parts`, naming both fields when it is not. It runs only on a value
 * whose fields are valid on their own, so a negative amount is reported once, as negative.
 */
export function totalIsSumOfParts<T>(sumOf: (value: T) => SumOfParts) {
  return z.superRefine<T>(
    (value, context) => {
      const { total, parts, totalPath, partsPaths, breakdownOptional } = sumOf(value);
      if (parts.length === 0 && (total === null || breakdownOptional)) return;
      const sum = parts.reduce((running, part) => running + part, 0);
      if (total === sum) return;
      const partNames = partsPaths.map((path) => path.join('.')).join(' + ');
      inconsistentTotal(context, totalPath, `must be the sum of ${partNames} (${sum}), not ${total}`);
      for (const path of partsPaths) {
        inconsistentTotal(
          context,
          path,
          `${partNames} add up to ${sum}, not ${totalPath.join('.')} (${total})`,
        );
      }
    },
    { when: (payload) => payload.issues.length === 0 },
  );
}

/** Reports a total (or an amount derived from others) that disagrees with what it is made of. */
export function inconsistentTotal(context: z.RefinementCtx, path: Path, message: string): void {
  context.addIssue({ code: 'custom', path, message, params: { problem: INCONSISTENT_TOTAL } });
}

/** True for an issue raised through `inconsistentTotal`. */
export function isInconsistentTotal(issue: z.core.$ZodIssue): boolean {
  return issue.code === 'custom' && issue.params?.problem === INCONSISTENT_TOTAL;
}
