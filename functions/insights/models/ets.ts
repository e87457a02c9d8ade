/**
 * Exponential smoothing chosen automatically, as the `forecast` R package's ets() does: every admissible model of
 * the family (ets-model.ts) is fitted by maximum likelihood (ets-fit.ts) and the one with the lowest AICc
 * forecasts, with its 80 % and 95 % prediction intervals (ets-intervals.ts). Admissible, as ets() restricts it by
 * default: a multiplicative error or season only for data that are all positive, never an additive error with a
 * multiplicative season (those models are numerically unstable), no multiplicative trend.
 * Also the tourism competition's damped-trend benchmark, ETS(A,Ad,A), as a method of its own, and every admissible
 * model's forecast averaged with Akaike weights, which the engine combines.
 */
import type { Forecast, ForecastMethod } from '../forecast.js';
import { combine } from './combination.js';
import { type EtsFit, fitEts } from './ets-fit.js';
import { etsIntervals } from './ets-intervals.js';
import { type EtsSpec, pointForecasts } from './ets-model.js';
import { seasonalNaive } from './seasonal-naive.js';

const errors = ['A', 'M'] as const;
const trends = ['N', 'A', 'Ad'] as const;
const seasons = ['N', 'A', 'M'] as const;

/** The models ets() would consider for `series`: all positive data allow multiplicative errors and seasons. */
export function admissibleSpecs(series: readonly number[], period: number): EtsSpec[] {
  const positive = series.every((value) => value > 0);
  const specs: EtsSpec[] = [];
  for (const error of errors) {
    for (const trend of trends) {
      for (const season of seasons) {
        if (period <= 1 && season !== 'N') continue;
        if (!positive && (error === 'M' || season === 'M')) continue;
        if (error === 'A' && season === 'M') continue;
        specs.push({ error, trend, season });
      }
    }
  }
  return specs;
}

/** The model with the lowest AICc among `specs` (by default all admissible ones); undefined if none can be fitted. */
export function autoEts(
  series: readonly number[],
  period: number,
  specs: readonly EtsSpec[] = admissibleSpecs(series, period),
): EtsFit | undefined {
  let best: EtsFit | undefined;
  for (const spec of specs) {
    const fit = fitEts(series, period, spec);
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) best = fit;
  }
  return best;
}

/** The fitted model's point forecasts and prediction intervals for the next `horizon` periods. */
export function forecastFromFit(fit: EtsFit, horizon: number): Forecast {
  const mean = pointForecasts(fit.spec, fit.parameters.phi, fit.final, fit.length, horizon);
  return etsIntervals(fit, mean);
}

/** The first of `specs` that can be fitted, in order of preference; seasonal naive when the series is too short for any. */
function forecastWithFirst(
  specs: readonly EtsSpec[],
  series: readonly number[],
  period: number,
  horizon: number,
): Forecast {
  for (const spec of specs) {
    const fit = fitEts(series, period, spec);
    if (fit) return forecastFromFit(fit, horizon);
  }
  return seasonalNaive(series, period, horizon);
}

export const etsMethod: ForecastMethod = {
  name: 'ETS (automatic)',
  forecast(series, period, horizon) {
    const fit = autoEts(series, period);
    return fit ? forecastFromFit(fit, horizon) : seasonalNaive(series, period, horizon);
  },
};

/** A model whose Akaike weight is less than this share of the total is left out of the average. */
const NEGLIGIBLE_WEIGHT = 0.01;

/**
 * Every admissible model's forecast and intervals, averaged with its Akaike weight exp(−½·(AICc − lowest AICc)), as
 * Kolassa (IJF 27(2), 2011) combined exponential smoothing: the model of lowest AICc alone is often one of several
 * that fit about as well, and averaging them forecast the training data's own last horizon better at every
 * frequency (docs/decisions.md). Models of negligible weight are skipped, which spares their intervals.
 */
export function akaikeWeightedEts(series: readonly number[], period: number, horizon: number): Forecast {
  const fits = admissibleSpecs(series, period)
    .map((spec) => fitEts(series, period, spec))
    .filter((fit): fit is EtsFit => fit !== undefined && Number.isFinite(fit.aicc));
  if (fits.length === 0) return seasonalNaive(series, period, horizon);
  const lowest = Math.min(...fits.map((fit) => fit.aicc));
  const weights = fits.map((fit) => Math.exp(-0.5 * (fit.aicc - lowest)));
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  const kept = fits.filter((_, index) => (weights[index] as number) >= NEGLIGIBLE_WEIGHT * total);
  return combine(
    kept.map((fit) => forecastFromFit(fit, horizon)),
    weights.filter((weight) => weight >= NEGLIGIBLE_WEIGHT * total),
  );
}

export const akaikeWeightedEtsMethod: ForecastMethod = {
  name: 'ETS (Akaike weights)',
  forecast: akaikeWeightedEts,
};

/** Damped trend with additive seasonality; without enough data for a season, damped trend alone. */
export const dampedEtsMethod: ForecastMethod = {
  name: 'ETS(A,Ad,A)',
  forecast: (series, period, horizon) =>
    forecastWithFirst(
      [
        { error: 'A', trend: 'Ad', season: 'A' },
        { error: 'A', trend: 'Ad', season: 'N' },
        { error: 'A', trend: 'N', season: 'N' },
      ],
      series,
      period,
      horizon,
    ),
};
