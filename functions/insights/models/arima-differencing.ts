/**
 * How many differences an automatic ARIMA takes, in the manner of Hyndman & Khandakar's auto.arima(): one seasonal
 * difference when the seasonal strength of a decomposition exceeds a threshold (the forecast package's nsdiffs()
 * uses 0.64), then ordinary differences while a KPSS test at 5 % rejects stationarity, at most two in all.
 */

/** The KPSS statistic for level stationarity, with the long-run variance by Bartlett weights over ⌊4(n/100)^¼⌋ lags. */
export function kpssStatistic(series: readonly number[]): number {
  const n = series.length;
  const mean = series.reduce((sum, value) => sum + value, 0) / n;
  const deviations = series.map((value) => value - mean);
  let partial = 0;
  let sumOfPartials = 0;
  for (const deviation of deviations) {
    partial += deviation;
    sumOfPartials += partial * partial;
  }
  const lags = Math.floor(4 * (n / 100) ** 0.25);
  let longRun = deviations.reduce((sum, value) => sum + value * value, 0) / n;
  for (let lag = 1; lag <= lags; lag += 1) {
    let covariance = 0;
    for (let t = lag; t < n; t += 1)
      covariance += (deviations[t] as number) * (deviations[t - lag] as number);
    longRun += (2 * (1 - lag / (lags + 1)) * covariance) / n;
  }
  return longRun > 0 ? sumOfPartials / (n * n * longRun) : 0;
}

/** The KPSS test's 5 % critical value for level stationarity. */
const KPSS_CRITICAL_5 = 0.463;
/**
 * Seasonal strength above which a seasonal difference is taken. nsdiffs() uses 0.64; on the tourism training
 * data's own held-out years 0.2 forecast clearly better (mean MASE 1.708 against 1.761: docs/decisions.md) —
 * tourism seasons are strong but noisy, and a seasonal AR or MA term left to stand in for the difference
 * forecast worse.
 */
const SEASONAL_STRENGTH_THRESHOLD = 0.2;
/** How many seasons either side the seasonal component is averaged over. */
const SEASON_WINDOW = 3;

/**
 * Seasonal strength max(0, 1 − Var(R)/Var(S + R)) of an additive decomposition: the trend a centred moving
 * average over one period, the season a local mean of the detrended values at each position, R what is left.
 */
export function seasonalStrength(series: readonly number[], period: number): number {
  const n = series.length;
  const half = Math.floor(period / 2);
  const detrended: { position: number; value: number }[] = [];
  for (let t = half; t < n - half; t += 1) {
    let sum = 0;
    if (period % 2 === 0) {
      for (let k = -half; k <= half; k += 1) {
        const weight = Math.abs(k) === half ? 0.5 : 1;
        sum += weight * (series[t + k] as number);
      }
    } else {
      for (let k = -half; k <= half; k += 1) sum += series[t + k] as number;
    }
    detrended.push({ position: t % period, value: (series[t] as number) - sum / period });
  }
  // The season evolves: each value's seasonal part is the mean detrended value at its position within
  // SEASON_WINDOW seasons either side, as the STL decomposition behind nsdiffs() lets it change from year to year.
  const seasonOf = detrended.map(({ position }, index) => {
    let sum = 0;
    let count = 0;
    for (let k = -SEASON_WINDOW; k <= SEASON_WINDOW; k += 1) {
      const other = detrended[index + k * period];
      if (other && other.position === position) {
        sum += other.value;
        count += 1;
      }
    }
    return sum / count;
  });
  const variance = (values: number[]) => {
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    return values.reduce((sum, value) => sum + (value - mean) ** 2, 0) / values.length;
  };
  const detrendedValues = detrended.map(({ value }) => value);
  const remainders = detrended.map(({ value }, index) => value - (seasonOf[index] as number));
  const total = variance(detrendedValues);
  return total > 0 ? Math.max(0, 1 - variance(remainders) / total) : 0;
}

/** d and D for `series`: D by seasonal strength (only with three full seasons), then d by KPSS. */
export function chooseDifferencing(
  series: readonly number[],
  period: number,
): { d: number; seasonalD: number } {
  const seasonalD =
    period > 1 &&
    series.length >= 3 * period &&
    seasonalStrength(series, period) > SEASONAL_STRENGTH_THRESHOLD
      ? 1
      : 0;
  let values = series.slice();
  if (seasonalD === 1) values = values.slice(period).map((value, t) => value - (values[t] as number));
  let d = 0;
  while (d + seasonalD < 2 && values.length > 10 && kpssStatistic(values) > KPSS_CRITICAL_5) {
    values = values.slice(1).map((value, t) => value - (values[t] as number));
    d += 1;
  }
  return { d, seasonalD };
}
