/**
 * Forecast accuracy as the tourism forecasting competition (Athanasopoulos, Hyndman, Song & Wu, 2011) computed
 * it, so our figures sit beside the published ones:
 * - MAPE: 100·|actual − forecast| / |actual|, averaged over series and horizons (a zero actual has no
 *   percentage error and is left out of the average);
 * - MASE: |actual − forecast| divided by the mean absolute seasonal difference |y[t] − y[t−m]| of the WHOLE
 *   series (training part and held-out part together — the published tables' scaling; scaled over the
 *   training part only, seasonal naive reads 1.631 instead of 1.54).
 */

/** The mean absolute seasonal difference of `series` (lag `period`, or 1 when the series is too short). */
export function seasonalScale(series: readonly number[], period: number): number {
  const lag = series.length > period ? period : 1;
  let sum = 0;
  for (let t = lag; t < series.length; t += 1)
    sum += Math.abs((series[t] as number) - (series[t - lag] as number));
  return sum / (series.length - lag);
}

export interface SeriesErrors {
  /** |a − f| / scale for each horizon. */
  scaled: number[];
  /** 100·|a − f| / |a| for each horizon; null where the actual is zero. */
  percentage: (number | null)[];
}

export function seriesErrors(
  training: readonly number[],
  actual: readonly number[],
  forecast: readonly number[],
  period: number,
): SeriesErrors {
  const scale = seasonalScale([...training, ...actual], period);
  return {
    scaled: actual.map((value, h) => Math.abs(value - (forecast[h] as number)) / scale),
    percentage: actual.map((value, h) =>
      value === 0 ? null : (100 * Math.abs(value - (forecast[h] as number))) / Math.abs(value),
    ),
  };
}

/** MASE and MAPE over many series: the mean of every series' every horizon. */
export function summarize(errors: readonly SeriesErrors[]): { mase: number; mape: number } {
  const scaled = errors.flatMap((error) => error.scaled).filter(Number.isFinite);
  const percentage = errors
    .flatMap((error) => error.percentage)
    .filter((value): value is number => value !== null && Number.isFinite(value));
  const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
  return { mase: mean(scaled), mape: mean(percentage) };
}
