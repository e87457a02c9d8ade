/**
 * Fitting one ETS model by maximum likelihood (Hyndman et al. 2008, ch. 5). With the error variance concentrated
 * out, −2 log L = n·log(Σeₜ²) + 2·Σ log ŷₜ (the second term for a multiplicative error only) plus a constant.
 * It is minimised by a bounded Nelder–Mead from the ets() starting values, jointly over the smoothing parameters
 * and the initial level and slope. The initial seasonal states stay where the classical decomposition puts them
 * (ets-initial-states.ts): searching them too (m − 1 more dimensions) took three to seven times as long and
 * forecast no better on held-out years of the training data (docs/decisions.md). They still count as estimated
 * parameters in the AICc, as in ets(). The parameters stay in the "usual" region — 0 < α < 1, 0 < β < α,
 * 0 < γ < 1 − α, 0.8 ≤ φ ≤ 0.98 — searched as α, β/α, γ/(1 − α) and φ, each in a plain interval.
 */
import { minimiseNelderMead } from '../nelder-mead.js';
import { type InitialStates, initialStates } from './ets-initial-states.js';
import {
  type EtsSpec,
  type EtsStates,
  passSums,
  runRecursions,
  type SmoothingParameters,
} from './ets-model.js';

export interface EtsFit {
  spec: EtsSpec;
  /** The seasonal period the model was fitted with (1 without a season). */
  period: number;
  parameters: SmoothingParameters;
  initial: InitialStates;
  /** The states after the last observation. */
  final: EtsStates;
  /** How many observations it was fitted to. */
  length: number;
  /** Variance of the one-step errors (relative errors for a multiplicative error), Σe² / (n − k). */
  variance: number;
  logLikelihood: number;
  /** How many parameters were estimated, k: smoothing parameters, free initial states and the variance. */
  parameterCount: number;
  /** Akaike's criterion corrected for small samples: −2 log L + 2k + 2k(k + 1)/(n − k − 1). */
  aicc: number;
}

const SMALLEST = 1e-4;
const LARGEST = 0.9999;
const PHI_LOWEST = 0.8;
const PHI_HIGHEST = 0.98;
/**
 * When the optimiser stops: the simplex's −2 log L within a millionth of each other (about 0.005 for a monthly
 * series of 20 years — nothing next to the AICc differences that choose a model), or 120 evaluations per
 * dimension. It settles after about 150 evaluations on this data; each is one pass through the series.
 */
const TOLERANCE = 1e-6;
const EVALUATIONS_PER_DIMENSION = 120;

/** How many parameters `spec` estimates for a series of seasonal period `period`. */
export function parameterCount(spec: EtsSpec, period: number): number {
  const smoothing =
    1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'N' ? 0 : 1) + (spec.trend === 'Ad' ? 1 : 0);
  const states = 1 + (spec.trend === 'N' ? 0 : 1) + (spec.season === 'N' ? 0 : period - 1);
  return smoothing + states + 1;
}

/**
 * Fits `spec` to `series` by maximum likelihood; undefined when the model does not apply (a multiplicative
 * model on data that are not all positive, a seasonal one on less than two periods or too few observations for
 * its parameters) or breaks down wherever it is tried.
 */
export function fitEts(series: readonly number[], period: number, spec: EtsSpec): EtsFit | undefined {
  const n = series.length;
  const seasonal = spec.season !== 'N';
  const m = seasonal ? period : 1;
  const k = parameterCount(spec, m);
  if ((seasonal && (period < 2 || n < 2 * period)) || n < k + 2) return undefined;
  if ((spec.error === 'M' || spec.season === 'M') && !series.every((value) => value > 0)) return undefined;

  const data = Float64Array.from(series);
  const start = initialStates(series, m, spec);
  const trended = spec.trend !== 'N';
  const damped = spec.trend === 'Ad';

  // The search vector: α, β/α, γ/(1 − α), φ (those the model has), then ℓ₀ and b₀.
  const point: number[] = [];
  const steps: number[] = [];
  const lower: number[] = [];
  const upper: number[] = [];
  const search = (
    value: number,
    step: number,
    low = Number.NEGATIVE_INFINITY,
    high = Number.POSITIVE_INFINITY,
  ) => {
    point.push(value);
    steps.push(step);
    lower.push(low);
    upper.push(high);
  };
  search(SMALLEST + (0.2 * (LARGEST - SMALLEST)) / m, 0.1, SMALLEST, LARGEST);
  if (trended) search(0.1, 0.1, SMALLEST, LARGEST);
  if (seasonal) search(0.05, 0.1, SMALLEST, LARGEST);
  if (damped) search(0.978, 0.05, PHI_LOWEST, PHI_HIGHEST);
  const scale = stateScale(series, m);
  search(start.level, scale);
  if (trended) search(start.slope, scale / Math.max(10, 2 * m));

  const parameters: SmoothingParameters = { alpha: 0, beta: 0, gamma: 0, phi: 1 };
  const states: EtsStates = { level: 0, slope: 0, seasons: new Float64Array(m) };
  const sums = passSums();
  // Reads a search vector into `parameters` and `states` (the initial ones).
  const unpack = (vector: ArrayLike<number>) => {
    let index = 0;
    const alpha = vector[index++] as number;
    parameters.alpha = alpha;
    parameters.beta = trended ? (vector[index++] as number) * alpha : 0;
    parameters.gamma = seasonal ? (vector[index++] as number) * (1 - alpha) : 0;
    parameters.phi = damped ? (vector[index++] as number) : 1;
    states.level = vector[index++] as number;
    states.slope = trended ? (vector[index++] as number) : 0;
    states.seasons.set(start.seasons);
  };
  const objective = (vector: ArrayLike<number>): number => {
    unpack(vector);
    if (!runRecursions(data, spec, parameters, states, sums)) return Number.POSITIVE_INFINITY;
    return n * Math.log(Math.max(sums.squaredErrors, 1e-300)) + 2 * sums.logForecasts;
  };

  const best = minimiseNelderMead(objective, point, {
    steps,
    lower,
    upper,
    maxEvaluations: EVALUATIONS_PER_DIMENSION * point.length,
    tolerance: TOLERANCE,
  });
  if (!Number.isFinite(best.value)) return undefined;

  unpack(best.point);
  const initial: InitialStates = {
    level: states.level,
    slope: states.slope,
    seasons: Array.from(states.seasons),
  };
  runRecursions(data, spec, parameters, states, sums);
  const minusTwiceLogLikelihood = best.value + n * (Math.log((2 * Math.PI) / n) + 1);
  return {
    spec,
    period: m,
    parameters: { ...parameters },
    initial,
    final: states,
    length: n,
    variance: sums.squaredErrors / Math.max(1, n - k),
    logLikelihood: -minusTwiceLogLikelihood / 2,
    parameterCount: k,
    aicc: minusTwiceLogLikelihood + 2 * k + (2 * k * (k + 1)) / (n - k - 1),
  };
}

/** A step for the states' search: a tenth of the series' typical size over its first years. */
function stateScale(series: readonly number[], period: number): number {
  const count = Math.min(series.length, 3 * Math.max(period, 4));
  let sum = 0;
  for (let t = 0; t < count; t += 1) sum += Math.abs(series[t] as number);
  const mean = sum / count;
  return mean > 0 ? 0.1 * mean : 1;
}
