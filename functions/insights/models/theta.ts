/**
 * The Theta method (Assimakopoulos & Nikolopoulos, 2000) as Hyndman & Billah (2003) showed it to be: simple
 * exponential smoothing with a drift of half the series' linear trend, applied to the seasonally adjusted series
 * (classical multiplicative decomposition, when a 90 % test says the seasonality is there) and reseasonalised.
 * The smoothing parameter and the initial level are chosen by least squares (golden-section search over α ∈ (0, 1),
 * the initial level in closed form). Intervals are those of
 * simple exponential smoothing, σ·√(1 + (h−1)α²), widened for the drift's estimate being ignored — the usual
 * approximation.
 */
import { type Forecast, type ForecastMethod, normalIntervals } from '../forecast.js';

/** Autocorrelation of `series` at `lag`. */
function autocorrelation(series: readonly number[], lag: number): number {
  const n = series.length;
  const mean = series.reduce((sum, value) => sum + value, 0) / n;
  let numerator = 0;
  let denominator = 0;
  for (let t = 0; t < n; t += 1) {
    const deviation = (series[t] as number) - mean;
    denominator += deviation * deviation;
    if (t >= lag) numerator += deviation * ((series[t - lag] as number) - mean);
  }
  return denominator === 0 ? 0 : numerator / denominator;
}

/** The seasonality test of the M3 Theta method: the autocorrelation at the period, against its 90 % bound. */
export function isSeasonal(series: readonly number[], period: number): boolean {
  if (period <= 1 || series.length < 3 * period) return false;
  const acf = Array.from({ length: period }, (_, lag) => autocorrelation(series, lag + 1));
  const sumSquares = acf.slice(0, period - 1).reduce((sum, value) => sum + value * value, 0);
  const bound = 1.645 * Math.sqrt((1 + 2 * sumSquares) / series.length);
  return Math.abs(acf[period - 1] as number) > bound;
}

/**
 * Multiplicative seasonal indices by classical decomposition: a centred moving average of one period is the
 * trend; the ratios of the series to it, averaged per season and normalised to average 1.
 */
export function seasonalIndices(series: readonly number[], period: number): number[] {
  const n = series.length;
  const half = Math.floor(period / 2);
  const ratios: number[][] = Array.from({ length: period }, () => []);
  for (let t = half; t < n - half; t += 1) {
    let trend: number;
    if (period % 2 === 0) {
      let sum = 0.5 * ((series[t - half] as number) + (series[t + half] as number));
      for (let k = -half + 1; k < half; k += 1) sum += series[t + k] as number;
      trend = sum / period;
    } else {
      let sum = 0;
      for (let k = -half; k <= half; k += 1) sum += series[t + k] as number;
      trend = sum / period;
    }
    if (trend !== 0) ratios[t % period]?.push((series[t] as number) / trend);
  }
  const raw = ratios.map((values) =>
    values.length === 0 ? 1 : values.reduce((sum, value) => sum + value, 0) / values.length,
  );
  const average = raw.reduce((sum, value) => sum + value, 0) / period;
  return raw.map((value) => value / average);
}

/**
 * Simple exponential smoothing with smoothing parameter `alpha` and the best initial level for it. The one-step
 * errors are linear in the initial level ℓ₀ (eₜ = aₜ − (1−α)ᵗ·ℓ₀, aₜ being the errors from ℓ₀ = 0), so the
 * least-squares ℓ₀ has a closed form; the final level and the sum of squared errors follow.
 */
function smooth(series: readonly number[], alpha: number): { level: number; squaredError: number } {
  const keep = 1 - alpha;
  let levelFromZero = 0;
  let weight = 1;
  let crossProduct = 0;
  let weightSquares = 0;
  const errorsFromZero: number[] = [];
  for (let t = 0; t < series.length; t += 1) {
    const error = (series[t] as number) - levelFromZero;
    errorsFromZero.push(error);
    crossProduct += error * weight;
    weightSquares += weight * weight;
    levelFromZero += alpha * error;
    weight *= keep;
  }
  const initial = weightSquares === 0 ? 0 : crossProduct / weightSquares;
  let squaredError = 0;
  let power = 1;
  for (const error of errorsFromZero) {
    const adjusted = error - power * initial;
    squaredError += adjusted * adjusted;
    power *= keep;
  }
  // The level after the last observation moves with ℓ₀ by (1−α)ⁿ.
  return { level: levelFromZero + power * initial, squaredError };
}

/** The α in [0.0001, 0.9999] minimising the sum of squared one-step errors (golden-section search). */
function bestAlpha(series: readonly number[]): number {
  const ratio = (Math.sqrt(5) - 1) / 2;
  let low = 0.0001;
  let high = 0.9999;
  let a = high - ratio * (high - low);
  let b = low + ratio * (high - low);
  let fa = smooth(series, a).squaredError;
  let fb = smooth(series, b).squaredError;
  for (let step = 0; step < 60 && high - low > 1e-6; step += 1) {
    if (fa < fb) {
      high = b;
      b = a;
      fb = fa;
      a = high - ratio * (high - low);
      fa = smooth(series, a).squaredError;
    } else {
      low = a;
      a = b;
      fa = fb;
      b = low + ratio * (high - low);
      fb = smooth(series, b).squaredError;
    }
  }
  return (low + high) / 2;
}

export function theta(series: readonly number[], period: number, horizon: number): Forecast {
  const n = series.length;
  // Zeros in the series are fine (months without a count); a season whose index is zero cannot be adjusted.
  const candidateIndices =
    isSeasonal(series, period) && series.every((value) => value >= 0) ? seasonalIndices(series, period) : [];
  const seasonal = candidateIndices.length > 0 && candidateIndices.every((index) => index > 0);
  const indices = seasonal ? candidateIndices : [];
  const adjusted = seasonal ? series.map((value, t) => value / (indices[t % period] as number)) : [...series];

  // The drift: half the slope of the least-squares line through the adjusted series.
  const meanT = (n - 1) / 2;
  const meanY = adjusted.reduce((sum, value) => sum + value, 0) / n;
  let covariance = 0;
  let variance = 0;
  for (let t = 0; t < n; t += 1) {
    covariance += (t - meanT) * ((adjusted[t] as number) - meanY);
    variance += (t - meanT) * (t - meanT);
  }
  const slope = variance === 0 ? 0 : covariance / variance;

  const alpha = bestAlpha(adjusted);
  const { level, squaredError } = smooth(adjusted, alpha);
  const sigma = Math.sqrt(squaredError / Math.max(1, n - 2));
  const mean: number[] = [];
  const spread: number[] = [];
  for (let h = 1; h <= horizon; h += 1) {
    // Hyndman & Billah: the SES forecast plus b/2 · (h − 1 + 1/α − (1 − α)^n / α).
    const drift = (slope / 2) * (h - 1 + 1 / alpha - (1 - alpha) ** n / alpha);
    const index = seasonal ? (indices[(n + h - 1) % period] as number) : 1;
    mean.push((level + drift) * index);
    spread.push(sigma * Math.sqrt(1 + (h - 1) * alpha * alpha) * index);
  }
  return normalIntervals(mean, spread);
}

export const thetaMethod: ForecastMethod = { name: 'Theta', forecast: theta };
