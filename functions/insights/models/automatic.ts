/**
 * The engine's automatic choice, per series: each candidate method forecasts from several origins inside the
 * training data (rolling origin: the last `origins` windows of `horizon` periods, a season apart), and the one
 * with the lowest mean scaled error there forecasts the future. Chosen on the training data only — the
 * held-out data is never looked at.
 */
import { seasonalScale } from '../accuracy.js';
import type { Forecast, ForecastMethod } from '../forecast.js';

export interface Choice {
  method: ForecastMethod;
  /** Mean scaled error of each candidate over the validation windows, in candidate order. */
  scores: number[];
}

export function chooseByRollingOrigin(
  series: readonly number[],
  period: number,
  horizon: number,
  candidates: readonly ForecastMethod[],
  origins = 3,
): Choice {
  const windowLength = Math.min(horizon, Math.max(1, Math.floor(series.length / 4)));
  const step = Math.max(1, period);
  const firstOrigin = series.length - windowLength - (origins - 1) * step;
  // Too short to validate: the first candidate, the most robust by convention.
  if (firstOrigin < Math.max(2 * period, 8)) {
    return { method: candidates[0] as ForecastMethod, scores: candidates.map(() => Number.NaN) };
  }
  const scale = seasonalScale(series, period) || 1;
  const scores = candidates.map((candidate) => {
    let total = 0;
    let count = 0;
    for (let k = 0; k < origins; k += 1) {
      const origin = firstOrigin + k * step;
      const { mean } = candidate.forecast(series.slice(0, origin), period, windowLength);
      for (let h = 0; h < windowLength; h += 1) {
        const error = Math.abs((series[origin + h] as number) - (mean[h] as number)) / scale;
        if (Number.isFinite(error)) {
          total += error;
          count += 1;
        } else {
          total += Number.POSITIVE_INFINITY;
        }
      }
    }
    return count === 0 ? Number.POSITIVE_INFINITY : total / count;
  });
  let best = 0;
  for (let index = 1; index < scores.length; index += 1) {
    if ((scores[index] as number) < (scores[best] as number)) best = index;
  }
  return { method: candidates[best] as ForecastMethod, scores };
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
