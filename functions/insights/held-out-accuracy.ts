/**
 * How accurate a series' forecast has been, measured the way the engine's rolling origin measures a candidate: the
 * model is fitted again without the series' last four weeks, forecasts them, and its errors are compared with what
 * happened. Once a night per series, beside the forecast, so the managers' pages show a measured figure, not a claim.
 */
import { addDays } from '../platform/local-time.js';
import { forecastDaily } from './daily-model.js';

/** Four weeks: every weekday four times, short enough to stay one refit a night. */
export const HELD_OUT_DAYS = 28;
/** The seasonal naive forecast the MASE is scaled by repeats last week. */
const WEEK = 7;
/** The scale is read over the days the model learns from (daily-model.ts: three years). */
const SCALE_DAYS = 3 * 365;

export interface ForecastAccuracy {
  /**
   * Mean absolute scaled error over the held-out days: the mean absolute error divided by the mean absolute error
   * of repeating the previous week over the training days. Below 1: better than "same as last week".
   */
  mase: number;
  /** Mean absolute percentage error over the held-out days whose actual is not zero; null when all are zero. */
  mape: number | null;
  /** How many days were held out, and the first of them. */
  heldOutDays: number;
  heldOutFrom: string;
}

/**
 * The accuracy of forecastDaily on the last HELD_OUT_DAYS of `values` (one per day from `start`, null where
 * unknown), forecast from the day before them; null when the series is too short or the held-out days unknown.
 */
export function heldOutAccuracy(start: string, values: readonly (number | null)[]): ForecastAccuracy | null {
  if (values.length < HELD_OUT_DAYS + 2 * WEEK + 60) return null;
  const training = values.slice(0, values.length - HELD_OUT_DAYS);
  const actual = values.slice(values.length - HELD_OUT_DAYS);
  const forecast = forecastDaily(start, training, HELD_OUT_DAYS).mean;

  const recent = training.slice(-SCALE_DAYS);
  let naiveError = 0;
  let naiveCount = 0;
  for (let t = WEEK; t < recent.length; t += 1) {
    const [now, weekBefore] = [recent[t], recent[t - WEEK]];
    if (now === null || now === undefined || weekBefore === null || weekBefore === undefined) continue;
    naiveError += Math.abs(now - weekBefore);
    naiveCount += 1;
  }
  const scale = naiveCount === 0 ? 0 : naiveError / naiveCount;

  const absolute: number[] = [];
  const percentage: number[] = [];
  actual.forEach((value, h) => {
    if (value === null || value === undefined) return;
    const error = Math.abs(value - (forecast[h] as number));
    absolute.push(error);
    if (value !== 0) percentage.push((100 * error) / Math.abs(value));
  });
  if (absolute.length === 0 || scale === 0) return null;
  const mean = (list: number[]) => list.reduce((sum, value) => sum + value, 0) / list.length;
  return {
    mase: round(mean(absolute) / scale, 3),
    mape: percentage.length === 0 ? null : round(mean(percentage), 1),
    heldOutDays: HELD_OUT_DAYS,
    heldOutFrom: addDays(start, values.length - HELD_OUT_DAYS),
  };
}

function round(value: number, digits: number): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
