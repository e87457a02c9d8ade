/**
 * The cancellation policy as people write it: "Up to 24 hours before departure: 100 % refunded", "Less than
 * 24 hours before departure: 50 % refunded" — each tier a window between the previous tier's hours and its own,
 * and what is left after the last tier said too, rather than "at least 0 hours".
 */
import type { CancellationPolicy } from '../../../functions/boats/index';
import { fillTemplate } from './format';

export interface PolicyWords {
  /** The first tier: from when booking until `hours` before. */
  upTo: string;
  /** A tier between `previous` hours and its own `hours`. */
  between: string;
  /** A tier down to departure, after `previous` hours. */
  lessThan: string;
  /** A single tier reaching departure. */
  untilDeparture: string;
  /** After the last tier, when it stops before departure. */
  nothingAfter: string;
  /** "1 hour" / "{count} hours" (Vietnamese has one form). */
  hours: (count: number) => string;
}

/** One line per window, from the earliest cancellation to the latest; `percent` formats a refund percentage. */
export function cancellationPolicyLines(
  policy: CancellationPolicy,
  words: PolicyWords,
  percent: (value: number) => string,
): string[] {
  const lines = policy.tiers.map((tier, index) => {
    const previous = policy.tiers[index - 1]?.hoursBeforeDeparture;
    const values = {
      hours: words.hours(tier.hoursBeforeDeparture),
      previous: previous === undefined ? '' : words.hours(previous),
      percent: percent(tier.refundPercent),
    };
    if (previous === undefined) {
      return fillTemplate(tier.hoursBeforeDeparture > 0 ? words.upTo : words.untilDeparture, values);
    }
    return fillTemplate(tier.hoursBeforeDeparture > 0 ? words.between : words.lessThan, values);
  });
  const last = policy.tiers.at(-1)?.hoursBeforeDeparture ?? 0;
  if (last > 0) lines.push(fillTemplate(words.nothingAfter, { hours: words.hours(last) }));
  return lines;
}
