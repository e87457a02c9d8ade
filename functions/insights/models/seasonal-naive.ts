/**
 * Seasonal naive: each future period repeats the same period one season earlier (last January for next
 * January). The benchmark every tourism forecast must beat, and the first row of the accuracy table, whose
 * published figures prove the evaluation right. Intervals assume the seasonal differences are independent and
 * normal: at horizon h the error adds up over ⌈h / period⌉ seasons.
 */
import { type Forecast, type ForecastMethod, normalIntervals } from '../forecast.js';

export function seasonalNaive(series: readonly number[], period: number, horizon: number): Forecast {
  const m = Math.max(1, Math.min(period, series.length));
  const last = series.slice(-m);
  const mean = Array.from({ length: horizon }, (_, h) => last[h % m] as number);
  const differences: number[] = [];
  for (let t = m; t < series.length; t += 1)
    differences.push((series[t] as number) - (series[t - m] as number));
  const sigma =
    differences.length > 0
      ? Math.sqrt(differences.reduce((sum, d) => sum + d * d, 0) / differences.length)
      : Number.NaN;
  const spread = Array.from({ length: horizon }, (_, h) => sigma * Math.sqrt(Math.floor(h / m) + 1));
  return normalIntervals(mean, spread);
}

export const seasonalNaiveMethod: ForecastMethod = { name: 'seasonal naive', forecast: seasonalNaive };
