/**
 * Starting values for an ETS model's initial states, as the `forecast` R package's ets() takes them before
 * optimising: the seasonal states from a classical decomposition of the first three years (two when the series
 * is shorter), then the level and slope from the first 2m (at least ten) seasonally adjusted values — their mean
 * without a trend, the least-squares line's intercept and slope with one.
 */
import type { EtsSpec } from './ets-model.js';

export interface InitialStates {
  level: number;
  slope: number;
  /** The state of the season of time t at index t mod m; [0] (additive) or [1] (multiplicative) without a season. */
  seasons: number[];
}

/**
 * Classical decomposition's seasonal figure of `series` (a whole number of periods, at least two): the series
 * minus (additive) or divided by (multiplicative) its centred moving average of one period, averaged per season and
 * centred on 0 or 1.
 */
export function decompositionSeasons(
  series: readonly number[],
  period: number,
  multiplicative: boolean,
): number[] {
  const n = series.length;
  const half = Math.floor(period / 2);
  const sums = new Array<number>(period).fill(0);
  const counts = new Array<number>(period).fill(0);
  for (let t = half; t < n - half; t += 1) {
    let sum = 0;
    if (period % 2 === 0) {
      sum = 0.5 * ((series[t - half] as number) + (series[t + half] as number));
      for (let k = -half + 1; k < half; k += 1) sum += series[t + k] as number;
    } else {
      for (let k = -half; k <= half; k += 1) sum += series[t + k] as number;
    }
    const trend = sum / period;
    const season = t % period;
    sums[season] =
      (sums[season] as number) +
      (multiplicative ? (series[t] as number) / trend : (series[t] as number) - trend);
    counts[season] = (counts[season] as number) + 1;
  }
  const figure = sums.map((sum, season) => sum / (counts[season] as number));
  const centre = figure.reduce((total, value) => total + value, 0) / period;
  return figure.map((value) => (multiplicative ? value / centre : value - centre));
}

/** The heuristic initial states of `spec` for `series` (which must hold at least two periods when seasonal). */
export function initialStates(series: readonly number[], period: number, spec: EtsSpec): InitialStates {
  const n = series.length;
  let seasons = [spec.season === 'M' ? 1 : 0];
  let adjusted: readonly number[] = series;
  if (spec.season !== 'N') {
    const years = n >= 3 * period ? 3 : 2;
    const figure = decompositionSeasons(series.slice(0, years * period), period, spec.season === 'M');
    if (spec.season === 'M') {
      // A seasonal index must stay positive; renormalised after the floor.
      const floored = figure.map((value) => Math.max(value, 1e-2));
      const mean = floored.reduce((total, value) => total + value, 0) / period;
      seasons = floored.map((value) => value / mean);
      adjusted = series.map((value, t) => value / (seasons[t % period] as number));
    } else {
      seasons = figure;
      adjusted = series.map((value, t) => value - (seasons[t % period] as number));
    }
  }

  const m = spec.season === 'N' ? 1 : period;
  const count = Math.min(Math.max(10, 2 * m), n);
  if (spec.trend === 'N') {
    let sum = 0;
    for (let t = 0; t < count; t += 1) sum += adjusted[t] as number;
    return { level: sum / count, slope: 0, seasons };
  }
  // The line through (1, a₁) … (count, a_count): its value at time 0 is the level before the first observation.
  const meanTime = (count + 1) / 2;
  let meanValue = 0;
  for (let t = 0; t < count; t += 1) meanValue += adjusted[t] as number;
  meanValue /= count;
  let covariance = 0;
  let variance = 0;
  for (let t = 0; t < count; t += 1) {
    covariance += (t + 1 - meanTime) * ((adjusted[t] as number) - meanValue);
    variance += (t + 1 - meanTime) ** 2;
  }
  const slope = variance === 0 ? 0 : covariance / variance;
  return { level: meanValue - slope * meanTime, slope, seasons };
}
