/**
 * Fitting one seasonal ARIMA by conditional sum of squares: the one-step errors of the differenced series after
 * its first `conditioning` values (arima-model.ts), their sum of squares minimised by our bounded Nelder–Mead over
 * the partial autocorrelations of each polynomial (kept within ±0.98, so every fit is stationary and invertible)
 * and the mean. Models compared by AICc must share the conditioning, so that they are scored on the same errors.
 */
import { minimiseNelderMead } from '../nelder-mead.js';
import {
  type ArimaCoefficients,
  type ArimaOrder,
  coefficientsFromPartials,
  conditionalErrors,
  difference,
} from './arima-model.js';

export interface ArimaFit {
  order: ArimaOrder;
  coefficients: ArimaCoefficients;
  hasMean: boolean;
  /** The one-step errors aligned with the undifferenced series (0 where there are none). */
  errors: number[];
  /** Σe² / (number of errors). */
  variance: number;
  /** The partial autocorrelations the coefficients were built from, per polynomial, to warm-start a neighbour. */
  partials: Partials;
  /** Akaike's criterion corrected for small samples, with k = p + q + P + Q + the mean + the variance. */
  aicc: number;
}

/** Partial autocorrelations of φ, θ, Φ and Θ (θ and Θ negated: see coefficientsFromPartials). */
export interface Partials {
  ar: number[];
  ma: number[];
  seasonalAr: number[];
  seasonalMa: number[];
}

const LARGEST_PARTIAL = 0.98;
const TOLERANCE = 1e-4;
const EVALUATIONS_PER_DIMENSION = 100;

/** The coefficients a search vector stands for: partials of φ, θ, Φ, Θ in that order, then the mean. */
function unpack(vector: ArrayLike<number>, order: ArimaOrder, hasMean: boolean): ArimaCoefficients {
  let index = 0;
  const take = (count: number) => {
    const values = Array.from({ length: count }, (_, i) => vector[index + i] as number);
    index += count;
    return values;
  };
  const ar = coefficientsFromPartials(take(order.p));
  const ma = coefficientsFromPartials(take(order.q)).map((value) => -value);
  const seasonalAr = coefficientsFromPartials(take(order.seasonalP));
  const seasonalMa = coefficientsFromPartials(take(order.seasonalQ)).map((value) => -value);
  return { ar, ma, seasonalAr, seasonalMa, mean: hasMean ? (vector[index] as number) : 0 };
}

/**
 * Fits `order` to `series` (already log-transformed if it is to be); undefined when too few errors are left for
 * its parameters. `conditioning` (at least p + P·m) is how many differenced values start the recursions. The
 * search starts from `start` (a neighbouring model's partials, missing ones 0): a stepwise search changes one
 * order at a time, so the neighbour's fit is the same model with a zero more or a coefficient less.
 */
export function fitArima(
  series: readonly number[],
  order: ArimaOrder,
  hasMean: boolean,
  conditioning = order.p + order.seasonalP * order.period,
  start: Partials = { ar: [], ma: [], seasonalAr: [], seasonalMa: [] },
): ArimaFit | undefined {
  const differenced = Float64Array.from(difference(series, order));
  const first = Math.max(conditioning, order.p + order.seasonalP * order.period);
  const count = differenced.length - first;
  const parameters = order.p + order.q + order.seasonalP + order.seasonalQ + (hasMean ? 1 : 0);
  const k = parameters + 1;
  if (count < k + 3) return undefined;

  const errors = new Float64Array(differenced.length);
  let mean = 0;
  for (let t = first; t < differenced.length; t += 1) mean += differenced[t] as number;
  mean /= count;
  let spread = 0;
  for (let t = first; t < differenced.length; t += 1) spread += ((differenced[t] as number) - mean) ** 2;
  spread = Math.sqrt(spread / count) || 1;

  const startAt = (values: readonly number[], count: number) =>
    Array.from({ length: count }, (_, i) => values[i] ?? 0);
  const point = [
    ...startAt(start.ar, order.p),
    ...startAt(start.ma, order.q),
    ...startAt(start.seasonalAr, order.seasonalP),
    ...startAt(start.seasonalMa, order.seasonalQ),
    ...(hasMean ? [0] : []),
  ];
  const steps = new Array<number>(parameters).fill(0.1);
  const lower = new Array<number>(parameters).fill(-LARGEST_PARTIAL);
  const upper = new Array<number>(parameters).fill(LARGEST_PARTIAL);
  if (hasMean) {
    point[parameters - 1] = mean;
    steps[parameters - 1] = 0.1 * spread;
    lower[parameters - 1] = Number.NEGATIVE_INFINITY;
    upper[parameters - 1] = Number.POSITIVE_INFINITY;
  }
  const sumOfSquares = (vector: ArrayLike<number>) =>
    conditionalErrors(differenced, unpack(vector, order, hasMean), order.period, first, errors);

  let best = { point, value: sumOfSquares(point) };
  if (parameters > 0) {
    best = minimiseNelderMead(sumOfSquares, point, {
      steps,
      lower,
      upper,
      maxEvaluations: EVALUATIONS_PER_DIMENSION * parameters,
      tolerance: TOLERANCE,
    });
  }
  if (!Number.isFinite(best.value) || best.value <= 0) return undefined;

  const coefficients = unpack(best.point, order, hasMean);
  const found = best.point;
  let index = 0;
  const takeFound = (count: number) => {
    index += count;
    return found.slice(index - count, index);
  };
  const partials: Partials = {
    ar: takeFound(order.p),
    ma: takeFound(order.q),
    seasonalAr: takeFound(order.seasonalP),
    seasonalMa: takeFound(order.seasonalQ),
  };
  conditionalErrors(differenced, coefficients, order.period, first, errors);
  const variance = best.value / count;
  const minusTwiceLogLikelihood = count * (Math.log(2 * Math.PI * variance) + 1);
  const offset = series.length - differenced.length;
  const aligned = new Array<number>(series.length).fill(0);
  errors.forEach((error, t) => {
    aligned[t + offset] = error;
  });
  return {
    order,
    coefficients,
    hasMean,
    errors: aligned,
    variance,
    partials,
    aicc: minusTwiceLogLikelihood + 2 * k + (2 * k * (k + 1)) / (count - k - 1),
  };
}
