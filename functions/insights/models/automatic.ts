/**
 * The engine's automatic choice, per series: each candidate method and the equal-weight combination of them all
 * forecast from several origins inside the training data (rolling origin: the last `origins` windows of `horizon`
 * periods, a season apart), and a candidate forecasts the future only if it did strictly better there than the
 * combination; otherwise, and whenever the windows hold too few errors to tell methods apart, the combination
 * does. Chosen on the training data only — the held-out data is never looked at.
 */
import { seasonalScale } from '../accuracy.js';
import type { Forecast, ForecastMethod } from '../forecast.js';
import { combinationOf, combine } from './combination.js';

/**
 * Fewer validation errors than this is too little evidence to choose on, and the combination forecasts. On the
 * competition's yearly totals (at most 3 windows of 4 years: 12 errors) choosing lost to the combination on the
 * training data's last 4 years and on the 4 before them; monthly and quarterly series have 72 and 24.
 */
export const MIN_VALIDATION_ERRORS = 24;

export interface Choice {
  /** The chosen candidate, or the combination of them all. */
  method: ForecastMethod;
  /** Mean scaled error over the validation windows of each candidate, in candidate order, then of the combination. */
  scores: number[];
}

export function chooseByRollingOrigin(
  series: readonly number[],
  period: number,
  horizon: number,
  candidates: readonly ForecastMethod[],
  origins = 3,
): Choice {
  const combination = combinationOf('combination of the candidates', candidates);
  const windowLength = Math.min(horizon, Math.max(1, Math.floor(series.length / 4)));
  const step = Math.max(1, period);
  const firstOrigin = series.length - windowLength - (origins - 1) * step;
  if (firstOrigin < Math.max(2 * period, 8) || origins * windowLength < MIN_VALIDATION_ERRORS) {
    return { method: combination, scores: [...candidates, combination].map(() => Number.NaN) };
  }
  const scale = seasonalScale(series, period) || 1;
  const totals = new Array<number>(candidates.length + 1).fill(0);
  for (let k = 0; k < origins; k += 1) {
    const origin = firstOrigin + k * step;
    const forecasts = candidates.map((candidate) =>
      candidate.forecast(series.slice(0, origin), period, windowLength),
    );
    // The combination's forecast is the mean of the candidates' — computed from them, not fitted again.
    [...forecasts, combine(forecasts)].forEach(({ mean }: Forecast, index) => {
      for (let h = 0; h < windowLength; h += 1) {
        const error = Math.abs((series[origin + h] as number) - (mean[h] as number)) / scale;
        totals[index] =
          (totals[index] as number) + (Number.isFinite(error) ? error : Number.POSITIVE_INFINITY);
      }
    });
  }
  const scores = totals.map((total) => total / (origins * windowLength));
  let best = candidates.length; // the combination, unless a candidate beats it
  scores.forEach((score, index) => {
    if (score < (scores[best] as number)) best = index;
  });
  return { method: best === candidates.length ? combination : (candidates[best] as ForecastMethod), scores };
}

export function automaticMethod(name: string, candidates: readonly ForecastMethod[]): ForecastMethod {
  return {
    name,
    forecast(series, period, horizon): Forecast {
      return chooseByRollingOrigin(series, period, horizon, candidates).method.forecast(
        series,
        period,
        horizon,
      );
    },
  };
}
