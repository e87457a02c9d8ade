/**
 * The cancellation policy: how much of a confirmed booking is refunded when the tourist cancels, by how
 * long before departure, and the refund it grants. Editable data (managers change it through the API; the
 * first one comes with the catalogue seed); once the boat has left there is nothing to cancel.
 */
import * as z from 'zod';
import { storableNumber } from '../../platform/stored-number.js';

export const CancellationPolicy = z
  .object({
    tiers: z
      .array(
        z.object({
          hoursBeforeDeparture: storableNumber()
            .min(0)
            .max(24 * 30),
          refundPercent: z.number().int().min(0).max(100),
        }),
      )
      .min(1)
      .max(10)
      .refine(
        (tiers) =>
          tiers.every(
            (tier, index) =>
              index === 0 || tier.hoursBeforeDeparture < (tiers[index - 1]?.hoursBeforeDeparture ?? 0),
          ),
        'tiers are listed from the earliest cancellation to the latest, each with fewer hours than the one before',
      ),
  })
  .meta({
    id: 'CancellationPolicy',
    description:
      'A cancellation at least `hoursBeforeDeparture` hours before departure is refunded `refundPercent` % ' +
      '(the first tier that applies); later than every tier, nothing is refunded.',
  });

export type CancellationPolicy = z.infer<typeof CancellationPolicy>;

/** The percentage refunded for a cancellation at `now` of a trip leaving at `departsAt`. */
export function refundPercentFor(policy: CancellationPolicy, departsAt: string, now: Date): number {
  const hoursLeft = (Date.parse(departsAt) - now.getTime()) / 3_600_000;
  if (hoursLeft <= 0) return 0;
  return policy.tiers.find((tier) => hoursLeft >= tier.hoursBeforeDeparture)?.refundPercent ?? 0;
}

/** The refund in whole VND, rounded down so that a refund never exceeds what the policy grants. */
export function refundAmountFor(total: number, percent: number): number {
  return Math.floor((total * percent) / 100);
}
