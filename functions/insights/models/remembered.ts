/**
 * A method that remembers its last few forecasts. The engine asks for the same forecast many times over — ETS is
 * a member of three of its four candidates, and their combination and the chosen candidate are forecast again
 * from the same origin — and fitting is nearly all of the cost, so a forecast is kept for the few series most
 * recently seen (compared value by value, with the period and the horizon). Callers must not change a forecast
 * they are given: it may be handed out again.
 */
import type { Forecast, ForecastMethod } from '../forecast.js';

const REMEMBERED_FORECASTS = 8;

export function remembered(method: ForecastMethod): ForecastMethod {
  const recent: { series: readonly number[]; period: number; horizon: number; forecast: Forecast }[] = [];
  return {
    name: method.name,
    forecast(series, period, horizon) {
      const known = recent.find(
        (entry) =>
          entry.period === period &&
          entry.horizon === horizon &&
          entry.series.length === series.length &&
          entry.series.every((value, t) => value === series[t]),
      );
      if (known) return known.forecast;
      const forecast = method.forecast(series, period, horizon);
      recent.unshift({ series: series.slice(), period, horizon, forecast });
      recent.length = Math.min(recent.length, REMEMBERED_FORECASTS);
      return forecast;
    },
  };
}
