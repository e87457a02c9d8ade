// The engine's simplest methods on hand-checked cases: seasonal naive, Theta, the combination and the choice by
// rolling origin.
import { describe, expect, it } from 'vitest';
import type { ForecastMethod } from '../../../functions/insights/forecast.js';
import {
  chooseByRollingOrigin,
  MIN_VALIDATION_ERRORS,
} from '../../../functions/insights/models/automatic.js';
import { combine } from '../../../functions/insights/models/combination.js';
import { remembered } from '../../../functions/insights/models/remembered.js';
import { seasonalNaive } from '../../../functions/insights/models/seasonal-naive.js';
import { isSeasonal, seasonalIndices, theta } from '../../../functions/insights/models/theta.js';

const pattern = [0.6, 0.7, 0.9, 1.0, 1.2, 1.5, 1.6, 1.5, 1.1, 0.9, 0.6, 0.4];
const seasonalSeries = (years: number, level = 100) =>
  Array.from({ length: years * 12 }, (_, t) => level * (pattern[t % 12] as number));

describe('seasonal naive', () => {
  it('repeats the last season, with intervals that widen each season from the seasonal differences', () => {
    const series = [1, 2, 3, 2, 3, 4, 3, 4, 5];
    const forecast = seasonalNaive(series, 3, 5);
    expect(forecast.mean).toEqual([3, 4, 5, 3, 4]);
    // Every seasonal difference is 1, so σ = 1: 95 % half-width 1.96, then 1.96·√2 in the second season.
    expect((forecast.upper95[0] as number) - (forecast.mean[0] as number)).toBeCloseTo(1.96, 2);
    expect((forecast.upper95[3] as number) - (forecast.mean[3] as number)).toBeCloseTo(1.96 * Math.SQRT2, 2);
    expect((forecast.upper80[0] as number) - (forecast.mean[0] as number)).toBeCloseTo(1.2816, 3);
  });
});

describe('Theta', () => {
  it('finds the seasonality and its multiplicative indices, and forecasts a stable seasonal series exactly', () => {
    const series = seasonalSeries(6);
    expect(isSeasonal(series, 12)).toBe(true);
    seasonalIndices(series, 12).forEach((index, month) => {
      expect(index).toBeCloseTo((pattern[month] as number) / (pattern.reduce((a, b) => a + b) / 12), 6);
    });
    const forecast = theta(series, 12, 12);
    forecast.mean.forEach((value, h) => {
      expect(value).toBeCloseTo(100 * (pattern[h] as number), 3);
    });
  });

  it('follows half the trend of a noisy line (the Theta line of slope b/2 added to SES)', () => {
    let seed = 7;
    const noise = () => {
      seed = (seed * 16807) % 2147483647;
      return seed / 2147483647 - 0.5;
    };
    const series = Array.from({ length: 60 }, (_, t) => 50 + 2 * t + noise());
    const { mean } = theta(series, 1, 10);
    const step = ((mean[9] as number) - (mean[0] as number)) / 9;
    expect(step).toBeCloseTo(1, 1);
    expect(mean[0]).toBeGreaterThan(165);
  });
});

describe('combining and choosing', () => {
  const flat: ForecastMethod = {
    name: 'mean',
    forecast: (series, _period, horizon) => {
      const average = series.reduce((a, b) => a + b, 0) / series.length;
      const mean = Array.from({ length: horizon }, () => average);
      return { mean, lower80: mean, upper80: mean, lower95: mean, upper95: mean };
    },
  };
  const naive: ForecastMethod = { name: 'seasonal naive', forecast: seasonalNaive };

  it('averages the members horizon by horizon, with weights when they are given', () => {
    const series = seasonalSeries(3);
    const combined = combine([flat.forecast(series, 12, 12), naive.forecast(series, 12, 12)]);
    expect(combined.mean[5]).toBeCloseTo((100 + 150) / 2);
    const weighted = combine([flat.forecast(series, 12, 12), naive.forecast(series, 12, 12)], [3, 1]);
    expect(weighted.mean[5]).toBeCloseTo((3 * 100 + 150) / 4);
  });

  it('chooses by rolling origin inside the training data the method that forecasts it best', () => {
    const series = seasonalSeries(8);
    const choice = chooseByRollingOrigin(series, 12, 12, [flat, naive]);
    expect(choice.method.name).toBe('seasonal naive');
    expect(choice.scores[1]).toBe(0);
    // The combination is scored too, after the candidates: half of the flat forecast's error.
    expect(choice.scores[2]).toBeCloseTo((choice.scores[0] as number) / 2);
  });

  it('forecasts with the combination when no candidate beats it in the validation windows', () => {
    // One candidate forecasts 10 too high, the other 10 too low: only their mean is right.
    const shifted = (name: string, by: number): ForecastMethod => ({
      name,
      forecast: (series, period, horizon) => {
        const { mean } = seasonalNaive(series, period, horizon);
        const moved = mean.map((value) => value + by);
        return { mean: moved, lower80: moved, upper80: moved, lower95: moved, upper95: moved };
      },
    });
    const series = seasonalSeries(8);
    const choice = chooseByRollingOrigin(series, 12, 12, [shifted('high', 10), shifted('low', -10)]);
    expect(choice.method.name).toBe('combination of the candidates');
    expect(choice.scores[2]).toBe(0);
    expect(choice.method.forecast(series, 12, 12).mean).toEqual(seasonalNaive(series, 12, 12).mean);
  });

  it('forecasts with the combination when the series is too short to validate or the windows hold too few errors', () => {
    const series = seasonalSeries(8);
    expect(chooseByRollingOrigin(series.slice(0, 20), 12, 12, [flat, naive]).method.name).toBe(
      'combination of the candidates',
    );
    // Yearly data, four years ahead: 3 windows of 4 errors, fewer than MIN_VALIDATION_ERRORS, however long.
    const yearly = Array.from({ length: 40 }, (_, t) => 100 + 5 * t);
    const trend: ForecastMethod = {
      name: 'trend',
      forecast: (past, _period, horizon) => {
        const mean = Array.from({ length: horizon }, (_, h) => (past.at(-1) as number) + 5 * (h + 1));
        return { mean, lower80: mean, upper80: mean, lower95: mean, upper95: mean };
      },
    };
    expect(chooseByRollingOrigin(yearly, 1, 4, [trend, flat]).method.name).toBe(
      'combination of the candidates',
    );
    // Asked for eight years ahead, the windows hold 3 × 8 errors: enough to choose.
    expect(3 * 8).toBe(MIN_VALIDATION_ERRORS);
    expect(chooseByRollingOrigin(yearly, 1, 8, [trend, flat]).method.name).toBe('trend');
  });
});

describe('remembering forecasts', () => {
  it('fits a series once however often it is asked, and again for another series, period or horizon', () => {
    let fits = 0;
    const counted = remembered({
      name: 'counted',
      forecast: (series, period, horizon) => {
        fits += 1;
        return seasonalNaive(series, period, horizon);
      },
    });
    const series = seasonalSeries(3);
    const first = counted.forecast(series, 12, 12);
    expect(counted.forecast(series.slice(), 12, 12)).toBe(first);
    expect(fits).toBe(1);
    counted.forecast(series.slice(0, -1), 12, 12);
    counted.forecast(series, 4, 12);
    counted.forecast(series, 12, 6);
    expect(fits).toBe(4);
    expect(counted.name).toBe('counted');
  });
});
