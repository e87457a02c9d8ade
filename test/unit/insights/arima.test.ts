import { describe, expect, it } from 'vitest';
import { Z95 } from '../../../functions/insights/forecast.js';
import { autoArima, forecastArima, forecastFromArima } from '../../../functions/insights/models/arima.js';
import { chooseDifferencing } from '../../../functions/insights/models/arima-differencing.js';
import { fitArima } from '../../../functions/insights/models/arima-fit.js';
import {
  type ArimaOrder,
  armaPolynomials,
  coefficientsFromPartials,
} from '../../../functions/insights/models/arima-model.js';
import { seasonalNaive } from '../../../functions/insights/models/seasonal-naive.js';
import { seededNormal } from '../../../functions/platform/seeded-random.js';

const nonSeasonal = (p: number, d: number, q: number): ArimaOrder => ({
  p,
  d,
  q,
  seasonalP: 0,
  seasonalD: 0,
  seasonalQ: 0,
  period: 1,
});

/** xₜ = 10 + φ(xₜ₋₁ − 10) + eₜ + θeₜ₋₁ with standard normal eₜ. */
function simulateArma(phi: number, theta: number, length: number, seed: number): number[] {
  const normal = seededNormal(seed);
  const values: number[] = [];
  let previous = 0;
  let previousError = 0;
  for (let t = 0; t < length + 100; t += 1) {
    const error = normal();
    const value = phi * previous + error + theta * previousError;
    if (t >= 100) values.push(10 + value);
    previous = value;
    previousError = error;
  }
  return values;
}

/** A positive monthly series: a seasonal pattern that drifts, a slow trend and noise. */
function touristMonths(years: number, seed: number): number[] {
  const normal = seededNormal(seed);
  const values: number[] = [];
  for (let t = 0; t < 12 * years; t += 1) {
    const season = 0.4 * Math.sin((2 * Math.PI * t) / 12) + 0.2 * Math.cos((4 * Math.PI * t) / 12);
    values.push(Math.exp(7 + 0.002 * t + season + 0.05 * normal()));
  }
  return values;
}

/**
 * Whether all roots of 1 + c₁B + … + cₖBᵏ lie outside the unit circle, by the Schur–Cohn (step-down) test: the
 * reflection coefficients peeled off from the highest power must all lie strictly within (−1, 1).
 */
function rootsOutsideUnitCircle(polynomial: readonly number[]): boolean {
  let phi = polynomial.slice(1).map((value) => -value);
  while (phi.length > 0 && phi[phi.length - 1] === 0) phi.pop();
  while (phi.length > 0) {
    const k = phi.length;
    const reflection = phi[k - 1] as number;
    if (Math.abs(reflection) >= 1) return false;
    phi = phi
      .slice(0, k - 1)
      .map((value, j) => (value + reflection * (phi[k - 2 - j] as number)) / (1 - reflection * reflection));
  }
  return true;
}

describe('ARIMA estimation', () => {
  it('recovers the coefficient of a simulated AR(1)', () => {
    const fit = fitArima(simulateArma(0.6, 0, 800, 11), nonSeasonal(1, 0, 0), true);
    expect(fit?.coefficients.ar[0]).toBeCloseTo(0.6, 1);
    expect(fit?.coefficients.mean).toBeCloseTo(10, 0);
    expect(fit?.variance).toBeCloseTo(1, 0);
  });

  it('recovers the coefficient of a simulated MA(1)', () => {
    const fit = fitArima(simulateArma(0, 0.5, 800, 12), nonSeasonal(0, 0, 1), true);
    expect(fit?.coefficients.ma[0]).toBeCloseTo(0.5, 1);
  });

  it('builds stationary coefficients from partial autocorrelations, however close to ±1', () => {
    expect(rootsOutsideUnitCircle([1, -1.2])).toBe(false);
    expect(rootsOutsideUnitCircle([1, -0.5, -0.6])).toBe(false);
    for (const partials of [
      [0.98, -0.98, 0.98],
      [-0.9, 0.5],
      [0.3, 0.3, 0.3],
    ]) {
      const ar = coefficientsFromPartials(partials);
      expect(rootsOutsideUnitCircle([1, ...ar.map((value) => -value)])).toBe(true);
    }
  });

  it('fits automatically only stationary and invertible models', () => {
    for (const seed of [1, 2, 3]) {
      const series = touristMonths(15, seed).map(Math.log);
      const fit = autoArima(series, 12);
      expect(fit).toBeDefined();
      const { ar, ma } = armaPolynomials(
        fit?.coefficients ?? { ar: [], ma: [], seasonalAr: [], seasonalMa: [], mean: 0 },
        12,
      );
      expect(rootsOutsideUnitCircle(ar)).toBe(true);
      expect(rootsOutsideUnitCircle(ma)).toBe(true);
    }
  });
});

describe('ARIMA differencing', () => {
  it('differences a strongly seasonal series once seasonally', () => {
    expect(chooseDifferencing(touristMonths(12, 5).map(Math.log), 12).seasonalD).toBe(1);
  });

  it('differences a random walk once and leaves white noise alone', () => {
    const normal = seededNormal(7);
    const noise = Array.from({ length: 300 }, () => normal());
    let level = 0;
    const walk = noise.map((step) => {
      level += step;
      return level;
    });
    expect(chooseDifferencing(walk, 1).d).toBe(1);
    expect(chooseDifferencing(noise, 1).d).toBe(0);
  });
});

describe('ARIMA forecasts', () => {
  it('forecasts a seasonal random walk as seasonal naive does', () => {
    const series = touristMonths(10, 9);
    const order: ArimaOrder = { p: 0, d: 0, q: 0, seasonalP: 0, seasonalD: 1, seasonalQ: 0, period: 12 };
    const fit = fitArima(series, order, false);
    if (!fit) throw new Error('no fit');
    const forecast = forecastFromArima(fit, series, 30);
    const naive = seasonalNaive(series, 12, 30);
    forecast.mean.forEach((value, h) => {
      expect(value).toBeCloseTo(naive.mean[h] as number, 8);
    });
  });

  it('gives an AR(1) the closed-form mean and 95 % interval', () => {
    const series = simulateArma(0.7, 0, 500, 21);
    const fit = fitArima(series, nonSeasonal(1, 0, 0), true);
    if (!fit) throw new Error('no fit');
    const phi = fit.coefficients.ar[0] as number;
    const mean = fit.coefficients.mean;
    const last = series[series.length - 1] as number;
    const forecast = forecastFromArima(fit, series, 12);
    for (let h = 1; h <= 12; h += 1) {
      const variance = (fit.variance * (1 - phi ** (2 * h))) / (1 - phi * phi);
      expect(forecast.mean[h - 1]).toBeCloseTo(mean + phi ** h * (last - mean), 8);
      expect(forecast.upper95[h - 1]).toBeCloseTo(
        mean + phi ** h * (last - mean) + Z95 * Math.sqrt(variance),
        8,
      );
    }
  });

  it('forecasts a positive series on the log scale, with ordered positive intervals', () => {
    const series = touristMonths(12, 4);
    const forecast = forecastArima(series, 12, 24);
    for (let h = 0; h < 24; h += 1) {
      expect(forecast.lower95[h]).toBeGreaterThan(0);
      expect(forecast.lower95[h]).toBeLessThan(forecast.lower80[h] as number);
      expect(forecast.lower80[h]).toBeLessThan(forecast.mean[h] as number);
      expect(forecast.mean[h]).toBeLessThan(forecast.upper80[h] as number);
      expect(forecast.upper80[h]).toBeLessThan(forecast.upper95[h] as number);
    }
    // The forecast keeps the season: next July above next January, as in the data.
    expect(forecast.mean[3] as number).toBeGreaterThan(forecast.mean[9] as number);
  });
});
