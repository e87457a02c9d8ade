// The accuracy stored with each forecast: the model refitted without the last four weeks, scored on them.
import { describe, expect, it } from 'vitest';
import { HELD_OUT_DAYS, heldOutAccuracy } from '../../../functions/insights/held-out-accuracy.js';
import { seededNormal } from '../../../functions/platform/seeded-random.js';

const START = '2024-01-01'; // a Monday
/** A weekly pattern (busy weekends) with independent day-to-day noise (seeded, so the same on every run). */
function weekly(days: number, level = 1000): number[] {
  const shape = [0.8, 0.8, 0.85, 0.9, 1.0, 1.5, 1.3];
  const noise = seededNormal(7);
  return Array.from({ length: days }, (_, day) =>
    Math.round(level * (shape[day % 7] as number) * Math.exp(0.08 * noise())),
  );
}

describe('held-out accuracy', () => {
  it('scores a series that keeps its pattern about as well as repeating last week, a few per cent off', () => {
    const accuracy = heldOutAccuracy(START, weekly(400));
    expect(accuracy).not.toBeNull();
    expect(accuracy?.heldOutDays).toBe(HELD_OUT_DAYS);
    expect(accuracy?.heldOutFrom).toBe('2025-01-07'); // day 372 of 400 (2024 has 366 days)
    expect(accuracy?.mase).toBeLessThan(1.3);
    expect(accuracy?.mape).toBeLessThan(15);
  });

  it('scores badly when the held-out weeks break from the history (demand doubled)', () => {
    const values = weekly(400);
    const broken = values.map((value, day) => (day >= 400 - HELD_OUT_DAYS ? value * 2 : value));
    const accuracy = heldOutAccuracy(START, broken);
    const kept = heldOutAccuracy(START, values);
    expect(accuracy?.mase).toBeGreaterThan(5 * (kept?.mase as number));
    expect(accuracy?.mape).toBeGreaterThan(30);
  });

  it('leaves zero actuals out of the percentage error and unknown days out of both', () => {
    const values: (number | null)[] = weekly(400).map((value, day) => (day % 7 === 0 ? 0 : value));
    values[values.length - 1] = null;
    const accuracy = heldOutAccuracy(START, values);
    expect(accuracy?.mape).not.toBeNull();
    expect(Number.isFinite(accuracy?.mase)).toBe(true);
  });

  it('measures nothing on a series too short to hold four weeks out', () => {
    expect(heldOutAccuracy(START, weekly(90))).toBeNull();
  });
});
