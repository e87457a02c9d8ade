/**
 * Seasonal ARIMA chosen automatically, as Hyndman & Khandakar's auto.arima() does: on the log of a positive
 * series (else the series itself), the differences by seasonal strength and KPSS (arima-differencing.ts), then a
 * stepwise search over p, q ≤ MAX_ORDER and P, Q ≤ 1, with or without a mean (only when d ≤ 1 and D = 0; a drift
 * on a seasonally differenced series, which auto.arima() would allow, extrapolates last years' growth and
 * forecast the training data's held-out years much worse — docs/decisions.md), keeping the
 * lowest AICc of conditional-sum-of-squares fits (arima-fit.ts). Forecasts run the recursions; the 80 % and 95 %
 * intervals come from the ψ-weights on the log scale and are transformed back, so the point forecast is the
 * median.
 */
import { type Forecast, type ForecastMethod, Z80, Z95 } from '../forecast.js';
import { chooseDifferencing } from './arima-differencing.js';
import { type ArimaFit, fitArima } from './arima-fit.js';
import { type ArimaOrder, pointForecasts, psiWeights } from './arima-model.js';
import { seasonalNaive } from './seasonal-naive.js';

const MAX_ORDER = 2;
const MAX_SEASONAL_ORDER = 1;
/** The stepwise search stops after this many fits, as auto.arima() does at 94. */
const MAX_FITS = 60;

interface Candidate {
  p: number;
  q: number;
  seasonalP: number;
  seasonalQ: number;
  hasMean: boolean;
}

/** The fitted model with the lowest AICc by stepwise search; undefined when no model can be fitted. */
export function autoArima(series: readonly number[], period: number): ArimaFit | undefined {
  const seasonal = period > 1 && series.length >= 3 * period;
  const m = seasonal ? period : 1;
  const { d, seasonalD } = chooseDifferencing(series, m);
  const canHaveMean = d <= 1 && seasonalD === 0;
  const maxSeasonal = seasonal ? MAX_SEASONAL_ORDER : 0;
  // Every model is scored on the errors after the longest AR part any of them may have.
  const conditioning = MAX_ORDER + maxSeasonal * m;

  const tried = new Map<string, ArimaFit | undefined>();
  let best: ArimaFit | undefined;
  const consider = (candidate: Candidate): boolean => {
    const { p, q, seasonalP, seasonalQ, hasMean } = candidate;
    if (p < 0 || q < 0 || seasonalP < 0 || seasonalQ < 0) return false;
    if (p > MAX_ORDER || q > MAX_ORDER || seasonalP > maxSeasonal || seasonalQ > maxSeasonal) return false;
    if (hasMean && !canHaveMean) return false;
    const key = `${p},${q},${seasonalP},${seasonalQ},${hasMean}`;
    if (tried.has(key) || tried.size >= MAX_FITS) return false;
    const order: ArimaOrder = { p, d, q, seasonalP, seasonalD, seasonalQ, period: m };
    const fit = fitArima(series, order, hasMean, conditioning, best?.partials);
    tried.set(key, fit);
    if (fit && Number.isFinite(fit.aicc) && (!best || fit.aicc < best.aicc)) {
      best = fit;
      return true;
    }
    return false;
  };

  const s = maxSeasonal;
  for (const [p, q, seasonalP, seasonalQ] of [
    [2, 2, s, s],
    [0, 0, 0, 0],
    [1, 0, s, 0],
    [0, 1, 0, s],
  ] as const) {
    consider({ p, q, seasonalP, seasonalQ, hasMean: canHaveMean });
  }
  let improved = best !== undefined;
  while (improved && best) {
    const { p, q, seasonalP, seasonalQ } = best.order;
    const hasMean = best.hasMean;
    const neighbours: Candidate[] = [];
    for (const [dp, dq, dP, dQ] of [
      [1, 0, 0, 0],
      [-1, 0, 0, 0],
      [0, 1, 0, 0],
      [0, -1, 0, 0],
      [1, 1, 0, 0],
      [-1, -1, 0, 0],
      [0, 0, 1, 0],
      [0, 0, -1, 0],
      [0, 0, 0, 1],
      [0, 0, 0, -1],
      [0, 0, 1, 1],
      [0, 0, -1, -1],
    ] as const) {
      neighbours.push({
        p: p + dp,
        q: q + dq,
        seasonalP: seasonalP + dP,
        seasonalQ: seasonalQ + dQ,
        hasMean,
      });
    }
    neighbours.push({ p, q, seasonalP, seasonalQ, hasMean: !hasMean });
    improved = false;
    for (const neighbour of neighbours) {
      if (consider(neighbour)) improved = true;
    }
  }
  return best;
}

/** Forecasts of the fitted model on the scale it was fitted on, with ψ-weight intervals. */
export function forecastFromArima(fit: ArimaFit, series: readonly number[], horizon: number): Forecast {
  const mean = pointForecasts(series, fit.errors, fit.order, fit.coefficients, horizon);
  const psi = psiWeights(fit.order, fit.coefficients, horizon);
  let cumulative = 0;
  const spread = psi.map((weight) => {
    cumulative += weight * weight;
    return Math.sqrt(fit.variance * cumulative);
  });
  const bound = (z: number) => mean.map((value, h) => value + z * (spread[h] as number));
  return {
    mean,
    lower80: bound(-Z80),
    upper80: bound(Z80),
    lower95: bound(-Z95),
    upper95: bound(Z95),
  };
}

/**
 * The last few series fitted, with their fits. The engine asks for the same series' forecast several times — its
 * own row, each combination it is a member of, each candidate's rolling origins — and the stepwise search is
 * most of the cost, so a fit is remembered for the few series most recently seen (compared value by value).
 */
const recentFits: { series: readonly number[]; period: number; fit: ArimaFit | undefined }[] = [];
const REMEMBERED_FITS = 8;

function rememberedFit(scaled: readonly number[], period: number): ArimaFit | undefined {
  const known = recentFits.find(
    (entry) =>
      entry.period === period &&
      entry.series.length === scaled.length &&
      entry.series.every((value, t) => value === scaled[t]),
  );
  if (known) return known.fit;
  const fit = autoArima(scaled, period);
  recentFits.unshift({ series: scaled, period, fit });
  recentFits.length = Math.min(recentFits.length, REMEMBERED_FITS);
  return fit;
}

/** Automatic ARIMA on the log scale for positive series; seasonal naive when no model can be fitted. */
export function forecastArima(series: readonly number[], period: number, horizon: number): Forecast {
  const positive = series.every((value) => value > 0);
  const scaled = positive ? series.map(Math.log) : series.slice();
  const fit = rememberedFit(scaled, period);
  if (!fit) return seasonalNaive(series, period, horizon);
  const forecast = forecastFromArima(fit, scaled, horizon);
  if (!positive) return forecast;
  return {
    mean: forecast.mean.map(Math.exp),
    lower80: forecast.lower80.map(Math.exp),
    upper80: forecast.upper80.map(Math.exp),
    lower95: forecast.lower95.map(Math.exp),
    upper95: forecast.upper95.map(Math.exp),
  };
}

export const arimaMethod: ForecastMethod = { name: 'ARIMA (automatic)', forecast: forecastArima };
