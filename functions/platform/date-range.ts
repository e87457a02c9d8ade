/**
 * The `from` and `to` query parameters of the routes that answer per day (statistics, forecasts): ISO dates, in
 * order, at most `maxDays` apart — validated the same way everywhere, and the dates between them listed.
 */
import * as z from 'zod';

const DAY_MS = 86_400_000;

const datesOf = (range: unknown) => range as { from: string; to: string };

/** A query of `from`/`to` (and `extra` parameters), refusing a backwards range or one longer than `maxDays`. */
export function dateRangeQuery<Extra extends z.ZodRawShape = Record<never, never>>(
  maxDays: number,
  extra?: Extra,
) {
  return (
    z
      .object({
        ...(extra ?? ({} as Extra)),
        from: z.iso.date().meta({ param: { name: 'from', in: 'query' }, example: '2026-11-01' }),
        to: z.iso.date().meta({ param: { name: 'to', in: 'query' }, example: '2026-11-23' }),
      })
      // The generic shape hides from and to from the type checker; they are there, as declared above.
      .refine((range) => datesOf(range).from <= datesOf(range).to, {
        message: 'from must not be after to',
        path: ['to'],
      })
      .refine((range) => Date.parse(datesOf(range).to) - Date.parse(datesOf(range).from) < maxDays * DAY_MS, {
        message: `at most ${maxDays} days at once`,
        path: ['to'],
      })
  );
}

/** Every ISO date from `from` to `to`, both included. */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let time = Date.parse(from); time <= Date.parse(to); time += DAY_MS) {
    dates.push(new Date(time).toISOString().slice(0, 10));
  }
  return dates;
}
