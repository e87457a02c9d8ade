// The bounded Nelder–Mead that fits ETS models: it finds minima, stays in its box and steps around refused points.
import { describe, expect, it } from 'vitest';
import { minimiseNelderMead } from '../../../functions/insights/nelder-mead.js';
import { seededNormal, seededUniform } from '../../../functions/platform/seeded-random.js';

describe('minimiseNelderMead', () => {
  it('finds the minimum of Rosenbrock’s valley', () => {
    const rosenbrock = (x: Float64Array) =>
      100 * ((x[1] as number) - (x[0] as number) ** 2) ** 2 + (1 - (x[0] as number)) ** 2;
    const result = minimiseNelderMead(rosenbrock, [-1.2, 1], { steps: [0.5, 0.5], maxEvaluations: 2000 });
    expect(result.point[0]).toBeCloseTo(1, 3);
    expect(result.point[1]).toBeCloseTo(1, 3);
    expect(result.value).toBeLessThan(1e-6);
  });

  it('stops on the bound when the minimum lies outside the box', () => {
    const bowl = (x: Float64Array) => ((x[0] as number) - 2) ** 2 + ((x[1] as number) + 1) ** 2;
    const result = minimiseNelderMead(bowl, [0.5, 0.5], { steps: [0.2, 0.2], lower: [0, 0], upper: [1, 1] });
    expect(result.point[0]).toBeCloseTo(1, 6);
    expect(result.point[1]).toBeCloseTo(0, 6);
  });

  it('walks around points the objective refuses', () => {
    // Refuses the half-plane x + y > 3, where the unconstrained minimum (2, 2) lies.
    const refusing = (x: Float64Array) =>
      (x[0] as number) + (x[1] as number) > 3
        ? Number.POSITIVE_INFINITY
        : ((x[0] as number) - 2) ** 2 + ((x[1] as number) - 2) ** 2;
    const result = minimiseNelderMead(refusing, [0, 0], { steps: [0.5, 0.5], maxEvaluations: 1000 });
    expect(result.point[0]).toBeCloseTo(1.5, 2);
    expect(result.point[1]).toBeCloseTo(1.5, 2);
  });

  it('gives up after the evaluations it is allowed', () => {
    const result = minimiseNelderMead((x) => (x[0] as number) ** 2, [10], { steps: [1], maxEvaluations: 5 });
    expect(result.evaluations).toBeLessThanOrEqual(6);
  });
});

describe('the seeded generators', () => {
  it('repeat themselves for a seed and give standard normals', () => {
    expect(Array.from({ length: 3 }, seededUniform(42))).toEqual(
      Array.from({ length: 3 }, seededUniform(42)),
    );
    const draws = Array.from({ length: 20000 }, seededNormal(7));
    const mean = draws.reduce((sum, value) => sum + value, 0) / draws.length;
    const variance = draws.reduce((sum, value) => sum + (value - mean) ** 2, 0) / draws.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(variance).toBeGreaterThan(0.97);
    expect(variance).toBeLessThan(1.03);
  });
});
