/**
 * Prediction intervals of a fitted ETS model (Hyndman et al. 2008, ch. 6). The forecast variance has a closed form
 * for the models without a multiplicative season: for an additive error (class 1)
 * vₕ = σ²·[1 + Σⱼ₌₁ʰ⁻¹ cⱼ²], and for a multiplicative one (class 2) vₕ = (1 + σ²)·θₕ − μₕ² with
 * θₕ = μₕ² + σ²·Σⱼ₌₁ʰ⁻¹ cⱼ²·θₕ₋ⱼ, where cⱼ = α + β·(φ + … + φʲ) + γ·[j is a multiple of m] and μₕ the point
 * forecast; intervals are then normal around the point forecast. With a multiplicative season (class 3) there is
 * no exact formula past one season, so the intervals are the quantiles of simulated sample paths, drawn from a
 * fixed seed so that the same fit always gives the same intervals.
 */

import { seededNormal } from '../../platform/seeded-random.js';
import { type Forecast, normalIntervals } from '../forecast.js';
import type { EtsFit } from './ets-fit.js';
import { simulateSeries } from './ets-model.js';

/** Sample paths simulated for a class-3 model: the 2.5 % quantile then rests on 75 paths. */
export const SIMULATED_PATHS = 3000;
const SIMULATION_SEED = 2008;

/** cⱼ for j = 1 … horizon − 1: how much an error j periods back still moves the forecast. */
function errorWeights(fit: EtsFit, horizon: number): Float64Array {
  const { alpha, beta, gamma, phi } = fit.parameters;
  const weights = new Float64Array(Math.max(0, horizon));
  let dampedSum = 0;
  let power = 1;
  for (let j = 1; j < horizon; j += 1) {
    power *= phi;
    dampedSum += power;
    weights[j] = alpha + beta * dampedSum + (fit.period > 1 && j % fit.period === 0 ? gamma : 0);
  }
  return weights;
}

/** The forecast's standard deviation per horizon, for the models with a closed form (classes 1 and 2). */
export function analyticSpread(fit: EtsFit, mean: readonly number[]): number[] {
  const horizon = mean.length;
  const weights = errorWeights(fit, horizon);
  const variance = fit.variance;
  if (fit.spec.error === 'A') {
    let sum = 1;
    return mean.map((_, index) => {
      if (index > 0) sum += (weights[index] as number) ** 2;
      return Math.sqrt(variance * sum);
    });
  }
  const theta = new Float64Array(horizon);
  return mean.map((mu, index) => {
    let sum = 0;
    for (let j = 1; j <= index; j += 1) sum += (weights[j] as number) ** 2 * (theta[index - j] as number);
    theta[index] = mu * mu + variance * sum;
    return Math.sqrt(Math.max(0, (1 + variance) * (theta[index] as number) - mu * mu));
  });
}

/**
 * Rearranges `values` so that values[k] is the k-th smallest, with nothing larger before it and nothing smaller
 * after it (Hoare's selection). Four quantiles of each horizon cost four linear passes instead of a sort.
 */
function selectOrderStatistic(values: Float64Array, k: number): number {
  let left = 0;
  let right = values.length - 1;
  while (left < right) {
    const pivot = values[(left + right) >> 1] as number;
    let i = left;
    let j = right;
    while (i <= j) {
      while ((values[i] as number) < pivot) i += 1;
      while ((values[j] as number) > pivot) j -= 1;
      if (i <= j) {
        const swap = values[i] as number;
        values[i] = values[j] as number;
        values[j] = swap;
        i += 1;
        j -= 1;
      }
    }
    if (k <= j) right = j;
    else if (k >= i) left = i;
    else break;
  }
  return values[k] as number;
}

/** The q-quantile of `values` (reordered in place), interpolated between order statistics as R's type 7. */
function quantile(values: Float64Array, q: number): number {
  const position = q * (values.length - 1);
  const below = Math.floor(position);
  const low = selectOrderStatistic(values, below);
  if (position === below) return low;
  let high = Number.POSITIVE_INFINITY;
  for (let i = below + 1; i < values.length; i += 1) high = Math.min(high, values[i] as number);
  return low + (position - below) * (high - low);
}

let sharedDraws = new Float64Array(0);

/**
 * The standard normal draws every simulation uses, the same from one call to the next (common random numbers):
 * drawn once from the fixed seed, and drawn again longer when a call needs more.
 */
function standardNormalDraws(count: number): Float64Array {
  if (sharedDraws.length < count)
    sharedDraws = Float64Array.from({ length: count }, seededNormal(SIMULATION_SEED));
  return sharedDraws;
}

/** Intervals from the quantiles of simulated sample paths around the point forecasts `mean`. */
export function simulatedIntervals(fit: EtsFit, mean: number[], paths = SIMULATED_PATHS): Forecast {
  const horizon = mean.length;
  const sigma = Math.sqrt(fit.variance);
  const draws = standardNormalDraws(paths * horizon);
  const path = new Float64Array(horizon);
  const scratch = new Float64Array(fit.final.seasons.length);
  const byHorizon = Array.from({ length: horizon }, () => new Float64Array(paths));
  for (let p = 0; p < paths; p += 1) {
    const pathDraws = draws.subarray(p * horizon, (p + 1) * horizon);
    simulateSeries(fit.spec, fit.parameters, fit.final, fit.length, pathDraws, sigma, path, scratch);
    for (let h = 0; h < horizon; h += 1) (byHorizon[h] as Float64Array)[p] = path[h] as number;
  }
  const forecast: Forecast = { mean, lower80: [], upper80: [], lower95: [], upper95: [] };
  for (const values of byHorizon) {
    forecast.lower80.push(quantile(values, 0.1));
    forecast.upper80.push(quantile(values, 0.9));
    forecast.lower95.push(quantile(values, 0.025));
    forecast.upper95.push(quantile(values, 0.975));
  }
  return forecast;
}

/** The 80 % and 95 % intervals around `mean`, by formula where there is one and by simulation otherwise. */
export function etsIntervals(fit: EtsFit, mean: number[]): Forecast {
  return fit.spec.season === 'M'
    ? simulatedIntervals(fit, mean)
    : normalIntervals(mean, analyticSpread(fit, mean));
}
