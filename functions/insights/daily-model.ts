/**
 * Forecasting a daily demand series — bay passengers, Wi-Fi sessions, museum visits — whose shape is a week (the
 * weekend), a year (the summer peak) and holidays (Tết, 30 April – 1 May, 2 September…, the lunar ones computed):
 * a dynamic harmonic regression on log(1 + y). The regression has the yearly cycle as Fourier terms, a dummy per
 * weekday and per holiday, and is fitted by least squares on the last years (days of closure — zeros where the
 * pattern says thousands — are left out: they are events, not demand) with a linear trend; its residuals keep a
 * level that moves, by
 * simple exponential smoothing, so a year that runs above or below the pattern carries on. Intervals come from
 * how far the smoothed level missed h days later over the training days, horizon by horizon; they are taken back
 * through exp, so they are skewed as demand is.
 */
import { dayNumberOf, isoDateOf, isoWeekdayOf } from '../platform/calendar-days.js';
import { type Forecast, Z80, Z95 } from './forecast.js';
import { holidaysBetween } from './holidays.js';

/** Fourier pairs of the yearly cycle: enough for a summer peak and a Tết dip without following the noise. */
const YEARLY_HARMONICS = 6;
/** How much history the regression learns from (the newest days). */
const TRAINING_DAYS = 3 * 365;

export interface DailyForecast extends Forecast {
  /** The first forecast day. */
  start: string;
  model: string;
}

/** Solves the least-squares problem X·b ≈ y by the normal equations with a touch of ridge (Cholesky). */
function leastSquares(rows: readonly Float64Array[], targets: readonly number[], ridge = 1e-6): Float64Array {
  const width = rows[0]?.length ?? 0;
  const gram = new Float64Array(width * width);
  const right = new Float64Array(width);
  rows.forEach((row, index) => {
    const target = targets[index] as number;
    for (let i = 0; i < width; i += 1) {
      const value = row[i] as number;
      if (value === 0) continue;
      right[i] = (right[i] as number) + value * target;
      for (let j = 0; j <= i; j += 1)
        gram[i * width + j] = (gram[i * width + j] as number) + value * (row[j] as number);
    }
  });
  for (let i = 0; i < width; i += 1) gram[i * width + i] = (gram[i * width + i] as number) + ridge;
  // Cholesky: gram = L·Lᵀ (lower triangle in place).
  for (let i = 0; i < width; i += 1) {
    for (let j = 0; j <= i; j += 1) {
      let sum = gram[i * width + j] as number;
      for (let k = 0; k < j; k += 1) sum -= (gram[i * width + k] as number) * (gram[j * width + k] as number);
      gram[i * width + j] = i === j ? Math.sqrt(Math.max(sum, 1e-12)) : sum / (gram[j * width + j] as number);
    }
  }
  const solution = new Float64Array(width);
  for (let i = 0; i < width; i += 1) {
    let sum = right[i] as number;
    for (let k = 0; k < i; k += 1) sum -= (gram[i * width + k] as number) * (solution[k] as number);
    solution[i] = sum / (gram[i * width + i] as number);
  }
  for (let i = width - 1; i >= 0; i -= 1) {
    let sum = solution[i] as number;
    for (let k = i + 1; k < width; k += 1) sum -= (gram[k * width + i] as number) * (solution[k] as number);
    solution[i] = sum / (gram[i * width + i] as number);
  }
  return solution;
}

/** The regressors of one day: intercept, yearly harmonics, weekdays (Monday is the base), holidays, trend. */
function regressorsFor(
  day: number,
  trendOrigin: number,
  holidayIds: readonly string[],
  holidaysOn: ReadonlyMap<string, string[]>,
): Float64Array {
  const row = new Float64Array(2 + 2 * YEARLY_HARMONICS + 6 + holidayIds.length);
  row[0] = 1;
  // The trend, in years from the first training day: demand grows (or shrinks) from one year to the next.
  row[row.length - 1] = (day - trendOrigin) / 365.25;
  const angle = (2 * Math.PI * day) / 365.25;
  for (let k = 1; k <= YEARLY_HARMONICS; k += 1) {
    row[2 * k - 1] = Math.sin(k * angle);
    row[2 * k] = Math.cos(k * angle);
  }
  const weekday = isoWeekdayOf(day);
  if (weekday > 1) row[2 * YEARLY_HARMONICS + weekday - 1] = 1;
  for (const holiday of holidaysOn.get(isoDateOf(day)) ?? []) {
    const index = holidayIds.indexOf(holiday);
    if (index >= 0) row[1 + 2 * YEARLY_HARMONICS + 6 + index] = 1;
  }
  return row;
}

/**
 * Forecasts `horizon` days after the last of `values` (one per day from `start`). Days whose value is null are
 * unknown and skipped.
 */
export function forecastDaily(
  start: string,
  values: readonly (number | null)[],
  horizon: number,
): DailyForecast {
  const firstDay = dayNumberOf(start) as number;
  const lastDay = firstDay + values.length - 1;
  const fromDay = Math.max(firstDay, lastDay - TRAINING_DAYS + 1);
  const holidaysOn = new Map<string, string[]>();
  for (const { date, holiday } of holidaysBetween(isoDateOf(fromDay), isoDateOf(lastDay + horizon))) {
    holidaysOn.set(date, [...(holidaysOn.get(date) ?? []), holiday]);
  }
  const holidayIds = [...new Set([...holidaysOn.values()].flat())].sort();

  const days: number[] = [];
  const logs: number[] = [];
  for (let day = fromDay; day <= lastDay; day += 1) {
    const value = values[day - firstDay];
    if (value === null || value === undefined || !Number.isFinite(value)) continue;
    days.push(day);
    logs.push(Math.log1p(Math.max(0, value)));
  }
  const forecastStart = isoDateOf(lastDay + 1);
  if (days.length < 60) {
    // Too little to learn a week and a year: the last four weeks' mean by weekday.
    return naiveWeekly(values, forecastStart, lastDay, horizon);
  }
  // Closures: a day far below its neighbours' level is an event (a storm, an outbreak), not demand.
  const median = [...logs].sort((a, b) => a - b)[Math.floor(logs.length / 2)] as number;
  const kept = logs.map((value) => value > median - Math.log(20));
  const rows = days.map((day) => regressorsFor(day, fromDay, holidayIds, holidaysOn));
  const fitRegression = () =>
    leastSquares(
      rows.filter((_, index) => kept[index]),
      logs.filter((_, index) => kept[index]),
    );
  const predict = (coefficients: Float64Array) =>
    rows.map((row) => row.reduce((sum, value, index) => sum + value * (coefficients[index] as number), 0));
  // Robustly: days far from the first fit (a month of an outbreak at half its usual level) are left out of
  // the second, as the closures were: more than 3.5 robust standard deviations (1.4826 × the median
  // deviation) away.
  const firstFit = predict(fitRegression());
  const deviations = logs.map((value, index) => Math.abs(value - (firstFit[index] as number)));
  const keptDeviations = deviations.filter((_, index) => kept[index]).sort((a, b) => a - b);
  const robustSigma = 1.4826 * (keptDeviations[Math.floor(keptDeviations.length / 2)] as number);
  deviations.forEach((deviation, index) => {
    if (deviation > 3.5 * robustSigma) kept[index] = false;
  });
  const coefficients = fitRegression();
  const fitted = predict(coefficients);

  // The level of the residuals, smoothed; α by least squares over a coarse grid (cheap and stable).
  const residuals = logs
    .map((value, index) => value - (fitted[index] as number))
    .filter((_, index) => kept[index]);
  let best = { alpha: 0.1, squaredError: Number.POSITIVE_INFINITY, level: 0 };
  for (const alpha of [0.02, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.7]) {
    let level = 0;
    let squaredError = 0;
    for (const residual of residuals) {
      const error = residual - level;
      squaredError += error * error;
      level += alpha * error;
    }
    if (squaredError < best.squaredError) best = { alpha, squaredError, level };
  }
  // How far the smoothed level missed h days later, over the training days: the spread of each horizon, measured
  // rather than assumed (the residuals are neither independent nor a random walk, so neither formula fits).
  const levels: number[] = [];
  {
    let level = 0;
    for (const residual of residuals) {
      level += best.alpha * (residual - level);
      levels.push(level);
    }
  }
  const spreads = Array.from({ length: horizon }, (_, index) => {
    const h = index + 1;
    let squares = 0;
    let count = 0;
    for (let t = 0; t + h < residuals.length; t += 1) {
      squares += ((residuals[t + h] as number) - (levels[t] as number)) ** 2;
      count += 1;
    }
    return Math.sqrt(squares / Math.max(1, count - coefficients.length));
  });

  // A weekday with (almost) no demand in the last twelve weeks is a closing day (the museum's Mondays): zero.
  const closedWeekdays = closingWeekdays(values, lastDay);
  const mean: number[] = [];
  const bounds = {
    lower80: [] as number[],
    upper80: [] as number[],
    lower95: [] as number[],
    upper95: [] as number[],
  };
  for (let h = 1; h <= horizon; h += 1) {
    if (closedWeekdays.has(isoWeekdayOf(lastDay + h))) {
      for (const list of [mean, bounds.lower80, bounds.upper80, bounds.lower95, bounds.upper95]) list.push(0);
      continue;
    }
    const row = regressorsFor(lastDay + h, fromDay, holidayIds, holidaysOn);
    const centre =
      row.reduce((sum, value, index) => sum + value * (coefficients[index] as number), 0) + best.level;
    const spread = spreads[h - 1] as number;
    const back = (log: number) => Math.max(0, Math.expm1(log));
    // The mean of a log-normal day, not its median: exp(μ + σ²/2).
    mean.push(back(centre + (spread * spread) / 2));
    bounds.lower80.push(back(centre - Z80 * spread));
    bounds.upper80.push(back(centre + Z80 * spread));
    bounds.lower95.push(back(centre - Z95 * spread));
    bounds.upper95.push(back(centre + Z95 * spread));
  }
  return {
    start: forecastStart,
    model: `harmonic regression on log(1+y): ${YEARLY_HARMONICS} yearly harmonics, weekdays, ${holidayIds.length} holidays; level α=${best.alpha}`,
    mean,
    ...bounds,
  };
}

/** Weekdays on which nine in ten of the last twelve weeks' values are zero. */
function closingWeekdays(values: readonly (number | null)[], lastDay: number): Set<number> {
  const zeros = new Array<number>(8).fill(0);
  const known = new Array<number>(8).fill(0);
  const recent = values.slice(-84);
  recent.forEach((value, index) => {
    if (value === null) return;
    const weekday = isoWeekdayOf(lastDay - (recent.length - 1 - index));
    known[weekday] = (known[weekday] as number) + 1;
    if (value === 0) zeros[weekday] = (zeros[weekday] as number) + 1;
  });
  const closed = new Set<number>();
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    if ((known[weekday] as number) >= 8 && (zeros[weekday] as number) >= 0.9 * (known[weekday] as number)) {
      closed.add(weekday);
    }
  }
  return closed;
}

/** Too little history for the regression: each weekday's mean over the last four weeks, without intervals. */
function naiveWeekly(
  values: readonly (number | null)[],
  start: string,
  lastDay: number,
  horizon: number,
): DailyForecast {
  const sums = new Array<number>(8).fill(0);
  const counts = new Array<number>(8).fill(0);
  const recent = values.slice(-28);
  recent.forEach((value, index) => {
    if (value === null) return;
    const weekday = isoWeekdayOf(lastDay - (recent.length - 1 - index));
    sums[weekday] = (sums[weekday] as number) + value;
    counts[weekday] = (counts[weekday] as number) + 1;
  });
  const mean = Array.from({ length: horizon }, (_, h) => {
    const weekday = isoWeekdayOf(lastDay + h + 1);
    return (counts[weekday] as number) === 0 ? 0 : (sums[weekday] as number) / (counts[weekday] as number);
  });
  return {
    start,
    model: 'weekday means of the last four weeks (too little history for more)',
    mean,
    lower80: [...mean],
    upper80: [...mean],
    lower95: [...mean],
    upper95: [...mean],
  };
}
