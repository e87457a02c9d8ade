/**
 * What every forecasting method gives: the point forecasts for the next `horizon` periods and their 80 % and
 * 95 % prediction intervals. Series are plain arrays of numbers, oldest first, at a fixed period (12 for
 * monthly data with yearly seasonality, 7 for daily data with weekly seasonality, 1 for none).
 */

export interface Forecast {
  mean: number[];
  lower80: number[];
  upper80: number[];
  lower95: number[];
  upper95: number[];
}

export interface ForecastMethod {
  /** How the method is named in tables, e.g. `seasonal naive`, `ETS (automatic)`. */
  name: string;
  forecast(series: readonly number[], period: number, horizon: number): Forecast;
}

/** The standard normal quantiles of the two intervals. */
export const Z80 = 1.2815515655446004;
export const Z95 = 1.959963984540054;

/** A forecast with intervals `mean ± z·spread[h]`, where `spread` is the forecast's standard deviation per horizon. */
export function normalIntervals(mean: number[], spread: number[]): Forecast {
  return {
    mean,
    lower80: mean.map((value, h) => value - Z80 * (spread[h] ?? Number.NaN)),
    upper80: mean.map((value, h) => value + Z80 * (spread[h] ?? Number.NaN)),
    lower95: mean.map((value, h) => value - Z95 * (spread[h] ?? Number.NaN)),
    upper95: mean.map((value, h) => value + Z95 * (spread[h] ?? Number.NaN)),
  };
}
