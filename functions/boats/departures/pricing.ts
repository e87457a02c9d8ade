/**
 * What a passenger pays for a departure: the route's sightseeing fee after their category's discount, plus
 * the boat fare. The discount percentages are read from the stored fee policy (they change by provincial
 * decision); only which discount belongs to which category is fixed here.
 */

import type { FeePolicy } from '../catalogue/model.js';
import { type Fares, type PassengerCategory, type Prices, passengerCategories } from './model.js';

/** The fee policy's discount id for each category; adults pay the full fee. */
export const discountIdOfCategory: Record<PassengerCategory, string | null> = {
  adult: null,
  'child-7-to-12': 'child-7-to-12',
  'child-under-7': 'child-under-7-or-1-2m',
  'vietnamese-senior-60': 'vietnamese-senior-60',
  'severe-disability': 'severe-disability',
};

/** The category's sightseeing fee in whole VND; 0 % off when the policy no longer lists its discount. */
export function sightseeingFeeFor(category: PassengerCategory, feeVnd: number, policy: FeePolicy): number {
  const discountId = discountIdOfCategory[category];
  const percentOff = policy.discounts.find((discount) => discount.id === discountId)?.percentOff ?? 0;
  return Math.round((feeVnd * (100 - percentOff)) / 100);
}

export interface DeparturePrices {
  prices: Prices;
  /** False when the route's fee is unpublished (null): the prices are then boat fares alone. */
  sightseeingFeeIncluded: boolean;
}

export function departurePrices(
  fares: Fares,
  routeFeeVnd: number | null,
  policy: FeePolicy,
): DeparturePrices {
  const prices = Object.fromEntries(
    passengerCategories.map((category) => [
      category,
      fares[category] + (routeFeeVnd === null ? 0 : sightseeingFeeFor(category, routeFeeVnd, policy)),
    ]),
  ) as Prices;
  return { prices, sightseeingFeeIncluded: routeFeeVnd !== null };
}
