/**
 * Evaluates methods on series with a held-out part: each method forecasts each series' training part for
 * `horizon` periods, and the errors are kept per series so that they can be summarised (accuracy.ts) however the
 * series were shared out between workers.
 */
import { type SeriesErrors, seriesErrors } from './accuracy.js';
import type { ForecastMethod } from './forecast.js';

export interface HeldOutSeries {
  id: string;
  training: number[];
  actual: number[];
}

/** One row of errors per method, in `methods` order. */
export function evaluateSeries(
  methods: readonly ForecastMethod[],
  series: HeldOutSeries,
  period: number,
  horizon: number,
): SeriesErrors[] {
  const actual = series.actual.slice(0, horizon);
  return methods.map((method) => {
    const { mean } = method.forecast(series.training, period, actual.length);
    return seriesErrors(series.training, actual, mean, period);
  });
}
