/**
 * The exponential smoothing (ETS) models as innovations state-space models (Hyndman, Koehler, Ord & Snyder,
 * "Forecasting with Exponential Smoothing", 2008; Hyndman & Athanasopoulos, "Forecasting: Principles and
 * Practice", 3rd ed., ch. 8): additive or multiplicative error; no, additive or damped trend; no, additive or
 * multiplicative season. This module owns their recursions — one pass through a series from given initial states
 * — and the point forecasts from the final states; fitting is in ets-fit.ts.
 *
 * Written in the error-correction form of the `forecast` R package's C code: with p = y − s (additive season) or
 * y / s (multiplicative) and q = ℓ + φb, the updates are ℓ ← q + α(p − q), b ← φb + β(p − q) and
 * s ← s + γ(y − q − s) or s + γ(y/q − s). They are the same for both error types; the error type changes only
 * the likelihood (a multiplicative error is relative: e = (y − ŷ)/ŷ). No trend is the same pass with b = β = 0 and
 * φ = 1, no season the same with a single seasonal state of 0 and γ = 0 — one loop serves every model.
 */

export type ErrorType = 'A' | 'M';
export type TrendType = 'N' | 'A' | 'Ad';
export type SeasonType = 'N' | 'A' | 'M';

export interface EtsSpec {
  error: ErrorType;
  trend: TrendType;
  season: SeasonType;
}

/** The model's name as the literature writes it, e.g. `ETS(M,Ad,M)`. */
export function specName(spec: EtsSpec): string {
  return `ETS(${spec.error},${spec.trend},${spec.season})`;
}

export interface SmoothingParameters {
  alpha: number;
  /** 0 without a trend. */
  beta: number;
  /** 0 without a season. */
  gamma: number;
  /** 1 unless the trend is damped. */
  phi: number;
}

/**
 * The states at a point in time. `seasons` has one state per season (a single 0 without seasonality): the state of
 * the season of time t sits at index t mod m, so the array is used as a ring, never shifted.
 */
export interface EtsStates {
  level: number;
  slope: number;
  seasons: Float64Array;
}

/** What a pass through a series adds up: the squared one-step errors and, for the likelihood, Σ log ŷₜ. */
export interface PassSums {
  squaredErrors: number;
  logForecasts: number;
}

/** Where `runRecursions` writes the sums it returns, so that the likelihood allocates nothing. */
export const passSums = (): PassSums => ({ squaredErrors: 0, logForecasts: 0 });

/**
 * One pass of the model through `series`. `states` holds the initial states on entry and the final ones on
 * return; `sums` receives the sum of squared one-step errors (relative ones for a multiplicative error) and of
 * log ŷₜ; `errors`, when given, each one-step error. Returns false when the model breaks down on the series: a
 * multiplicative model whose forecast, level or seasonal state stops being positive.
 */
export function runRecursions(
  series: ArrayLike<number>,
  spec: EtsSpec,
  parameters: SmoothingParameters,
  states: EtsStates,
  sums: PassSums,
  errors?: Float64Array,
): boolean {
  const { alpha, beta, gamma, phi } = parameters;
  const seasons = states.seasons;
  const m = seasons.length;
  const multiplicativeError = spec.error === 'M';
  const multiplicativeSeason = spec.season === 'M';
  let level = states.level;
  let slope = states.slope;
  let squaredErrors = 0;
  // Σ log ŷₜ as the log of a running product, taken only when the product grows large: a logarithm per step
  // would cost as much as the rest of the step.
  let logForecasts = 0;
  let product = 1;
  let k = 0;
  for (let t = 0; t < series.length; t += 1) {
    const y = series[t] as number;
    const season = seasons[k] as number;
    const q = level + phi * slope;
    let p: number;
    let forecast: number;
    if (multiplicativeSeason) {
      if (!(q > 0 && season > 0)) return false;
      forecast = q * season;
      p = y / season;
      seasons[k] = season + gamma * (y / q - season);
    } else {
      forecast = q + season;
      p = y - season;
      seasons[k] = season + gamma * (y - q - season);
    }
    let error: number;
    if (multiplicativeError) {
      if (!(forecast > 0)) return false;
      error = (y - forecast) / forecast;
      product *= forecast;
      if (product > 1e150 || product < 1e-150) {
        logForecasts += Math.log(product);
        product = 1;
      }
    } else {
      error = y - forecast;
    }
    if (errors) errors[t] = error;
    squaredErrors += error * error;
    level = q + alpha * (p - q);
    slope = phi * slope + beta * (p - q);
    k = k + 1 === m ? 0 : k + 1;
  }
  states.level = level;
  states.slope = slope;
  sums.squaredErrors = squaredErrors;
  sums.logForecasts = logForecasts + Math.log(product);
  return true;
}

/**
 * The point forecasts for the `horizon` periods after a series of length `length` that ended in `states`:
 * (ℓ + φₕb) combined with the season's last state, φₕ = φ + φ² + … + φʰ.
 */
export function pointForecasts(
  spec: EtsSpec,
  phi: number,
  states: EtsStates,
  length: number,
  horizon: number,
): number[] {
  const m = states.seasons.length;
  const mean: number[] = [];
  let dampedSum = 0;
  let power = 1;
  for (let h = 1; h <= horizon; h += 1) {
    power *= phi;
    dampedSum += power;
    const trendPart = states.level + dampedSum * states.slope;
    const season = states.seasons[(length + h - 1) % m] as number;
    mean.push(spec.season === 'M' ? trendPart * season : trendPart + season);
  }
  return mean;
}

/**
 * Simulates the model forward from `states` (the states after `start` observations, which are left untouched):
 * writes one value into `out` per standard normal draw in `draws`, each ŷ + σz (additive error) or ŷ·(1 + σz)
 * (multiplicative), the states updated by each simulated value as by an observed one.
 */
export function simulateSeries(
  spec: EtsSpec,
  parameters: SmoothingParameters,
  states: EtsStates,
  start: number,
  draws: ArrayLike<number>,
  sigma: number,
  out: Float64Array,
  seasonsScratch: Float64Array = new Float64Array(states.seasons.length),
): void {
  const { alpha, beta, gamma, phi } = parameters;
  const seasons = seasonsScratch;
  seasons.set(states.seasons);
  const m = seasons.length;
  const multiplicativeSeason = spec.season === 'M';
  const multiplicativeError = spec.error === 'M';
  let level = states.level;
  let slope = states.slope;
  let k = start % m;
  for (let t = 0; t < draws.length; t += 1) {
    const season = seasons[k] as number;
    const q = level + phi * slope;
    const forecast = multiplicativeSeason ? q * season : q + season;
    const error = sigma * (draws[t] as number);
    const y = multiplicativeError ? forecast * (1 + error) : forecast + error;
    out[t] = y;
    const p = multiplicativeSeason ? y / season : y - season;
    seasons[k] = multiplicativeSeason ? season + gamma * (y / q - season) : season + gamma * (y - q - season);
    level = q + alpha * (p - q);
    slope = phi * slope + beta * (p - q);
    k = k + 1 === m ? 0 : k + 1;
  }
}
