/**
 * A combination: the mean of several methods' forecasts, horizon by horizon — one of the most reliable ways to
 * beat each of its members on tourism data. Its intervals average the members' bounds, which is roughly right
 * when the members' errors are strongly correlated, as they are here (they all extrapolate the same history).
 */
import type { Forecast, ForecastMethod } from '../forecast.js';

/** The forecasts' mean, horizon by horizon — weighted by `weights` (any positive numbers) when they are given. */
export function combine(forecasts: readonly Forecast[], weights?: readonly number[]): Forecast {
  const weightOf = (index: number) => weights?.[index] ?? 1;
  const total = forecasts.reduce((sum, _, index) => sum + weightOf(index), 0);
  const average = (pick: (forecast: Forecast) => number[]) => {
    const first = pick(forecasts[0] as Forecast);
    return first.map(
      (_, h) =>
        forecasts.reduce((sum, forecast, index) => sum + weightOf(index) * (pick(forecast)[h] as number), 0) /
        total,
    );
  };
  return {
    mean: average((forecast) => forecast.mean),
    lower80: average((forecast) => forecast.lower80),
    upper80: average((forecast) => forecast.upper80),
    lower95: average((forecast) => forecast.lower95),
    upper95: average((forecast) => forecast.upper95),
  };
}

export function combinationOf(name: string, members: readonly ForecastMethod[]): ForecastMethod {
  return {
    name,
    forecast: (series, period, horizon) =>
      combine(members.map((member) => member.forecast(series, period, horizon))),
  };
}
