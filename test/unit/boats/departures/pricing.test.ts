import { describe, expect, it } from 'vitest';
import type { FeePolicy } from '../../../../functions/boats/catalogue/model.js';
import { readBoatsCatalogueSeed } from '../../../../functions/boats/catalogue/seed.js';
import type { Fares } from '../../../../functions/boats/departures/model.js';
import { departurePrices, sightseeingFeeFor } from '../../../../functions/boats/departures/pricing.js';

const text = { vi: 'x', en: 'x' };
const policy = (percentOff: Record<string, number>): FeePolicy => ({
  discounts: Object.entries(percentOff).map(([id, percent]) => ({
    id,
    percentOff: percent,
    appliesTo: text,
  })),
  proof: text,
});

const fares: Fares = {
  adult: 100000,
  'child-7-to-12': 70000,
  'child-under-7': 50000,
  'vietnamese-senior-60': 80000,
  'severe-disability': 40000,
};

describe('departure prices', () => {
  it('adds each category’s discounted sightseeing fee (the published policy) to its boat fare', async () => {
    const { feePolicy } = await readBoatsCatalogueSeed();
    expect(departurePrices(fares, 290000, feePolicy)).toEqual({
      prices: {
        adult: 100000 + 290000,
        'child-7-to-12': 70000 + 232000, // 20 % off
        'child-under-7': 50000 + 0, // free
        'vietnamese-senior-60': 80000 + 145000, // 50 % off
        'severe-disability': 40000 + 0, // free
      },
      sightseeingFeeIncluded: true,
    });
  });

  it('uses the percentages of the stored policy, so an edited discount changes the price', () => {
    const edited = policy({ 'child-7-to-12': 25, 'vietnamese-senior-60': 40 });
    expect(sightseeingFeeFor('child-7-to-12', 200000, edited)).toBe(150000);
    expect(sightseeingFeeFor('vietnamese-senior-60', 200000, edited)).toBe(120000);
  });

  it('charges the full fee to a category whose discount the policy no longer lists', () => {
    expect(sightseeingFeeFor('child-under-7', 290000, policy({}))).toBe(290000);
  });

  it('never discounts adults, even if a discount happened to be named "adult"', () => {
    expect(sightseeingFeeFor('adult', 290000, policy({ adult: 50 }))).toBe(290000);
  });

  it('rounds a discounted fee to the nearest whole dong', () => {
    const thirdOff = policy({ 'child-7-to-12': 33, 'vietnamese-senior-60': 50 });
    expect(sightseeingFeeFor('child-7-to-12', 1001, thirdOff)).toBe(671); // 670.67
    expect(sightseeingFeeFor('vietnamese-senior-60', 1001, thirdOff)).toBe(501); // 500.5 rounds up
    expect(sightseeingFeeFor('vietnamese-senior-60', 999, thirdOff)).toBe(500); // 499.5 rounds up
  });

  it('prices an unpublished route fee as boat fares alone and says so', () => {
    const { prices, sightseeingFeeIncluded } = departurePrices(fares, null, policy({}));
    expect(prices).toEqual(fares);
    expect(sightseeingFeeIncluded).toBe(false);
  });
});
