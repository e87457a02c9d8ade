// Exponential smoothing (ETS): the recursions on hand-checked cases, exact forecasts of exact patterns, the choice
// by AICc on simulated series, and prediction intervals that cover what they promise.
import { describe, expect, it } from 'vitest';
import { Z95 } from '../../../functions/insights/forecast.js';
import {
  admissibleSpecs,
  akaikeWeightedEts,
  akaikeWeightedEtsMethod,
  autoEts,
  dampedEtsMethod,
  etsMethod,
  forecastFromFit,
} from '../../../functions/insights/models/ets.js';
import { fitEts, parameterCount } from '../../../functions/insights/models/ets-fit.js';
import { analyticSpread, simulatedIntervals } from '../../../functions/insights/models/ets-intervals.js';
import {
  type EtsSpec,
  passSums,
  runRecursions,
  type SmoothingParameters,
  simulateSeries,
  specName,
} from '../../../functions/insights/models/ets-model.js';
import { seededNormal } from '../../../functions/platform/seeded-random.js';

const pattern = [0.6, 0.7, 0.9, 1.0, 1.2, 1.5, 1.6, 1.5, 1.1, 0.9, 0.6, 0.4];

/** A series of `length` simulated from `spec` with seasonal pattern `pattern` (scaled to the level when additive). */
function simulate(
  spec: EtsSpec,
  parameters: SmoothingParameters,
  start: { level: number; slope: number },
  sigma: number,
  length: number,
  seed: number,
): number[] {
  const seasons =
    spec.season === 'N'
      ? new Float64Array([0])
      : Float64Array.from(pattern, (index) => (spec.season === 'M' ? index : (index - 1) * start.level));
  const draws = Float64Array.from({ length }, seededNormal(seed));
  const out = new Float64Array(length);
  simulateSeries(spec, parameters, { ...start, seasons }, 0, draws, sigma, out);
  return Array.from(out);
}

describe('the ETS recursions', () => {
  it('run ETS(A,N,N) with α = 0.5 as computed by hand', () => {
    // ℓ₀ = 10: ŷ = 10, 10, 11, 11; errors 0, 2, 0, 2; levels 10, 11, 11, 12.
    const states = { level: 10, slope: 0, seasons: new Float64Array([0]) };
    const sums = passSums();
    const errors = new Float64Array(4);
    const spec: EtsSpec = { error: 'A', trend: 'N', season: 'N' };
    const ok = runRecursions(
      [10, 12, 11, 13],
      spec,
      { alpha: 0.5, beta: 0, gamma: 0, phi: 1 },
      states,
      sums,
      errors,
    );
    expect(ok).toBe(true);
    expect(Array.from(errors)).toEqual([0, 2, 0, 2]);
    expect(sums.squaredErrors).toBe(8);
    expect(states.level).toBe(12);
  });

  it('measure a multiplicative error relative to the forecast and add up log ŷ for the likelihood', () => {
    const states = { level: 10, slope: 0, seasons: new Float64Array([0]) };
    const sums = passSums();
    const spec: EtsSpec = { error: 'M', trend: 'N', season: 'N' };
    runRecursions([10, 12, 11, 13], spec, { alpha: 0.5, beta: 0, gamma: 0, phi: 1 }, states, sums);
    expect(sums.squaredErrors).toBeCloseTo((2 / 10) ** 2 + (2 / 11) ** 2, 12);
    expect(sums.logForecasts).toBeCloseTo(2 * Math.log(10) + 2 * Math.log(11), 12);
  });

  it('refuse a multiplicative model whose forecast stops being positive', () => {
    const states = { level: 1, slope: -2, seasons: new Float64Array([0]) };
    const spec: EtsSpec = { error: 'M', trend: 'A', season: 'N' };
    const parameters = { alpha: 0.1, beta: 0.01, gamma: 0, phi: 1 };
    expect(runRecursions([1, 1, 1], spec, parameters, states, passSums())).toBe(false);
  });
});

describe('fitting one model', () => {
  it('forecasts a straight line exactly with ETS(A,A,N)', () => {
    const line = Array.from({ length: 30 }, (_, t) => 5 + 2 * (t + 1));
    const fit = fitEts(line, 1, { error: 'A', trend: 'A', season: 'N' });
    expect(fit).toBeDefined();
    const forecast = forecastFromFit(fit as NonNullable<typeof fit>, 3);
    expect(forecast.mean.map((value) => Number(value.toFixed(6)))).toEqual([67, 69, 71]);
  });

  it('forecasts a pure multiplicative seasonal pattern exactly with ETS(M,N,M)', () => {
    const series = Array.from({ length: 60 }, (_, t) => 250 * (pattern[t % 12] as number));
    const fit = fitEts(series, 12, { error: 'M', trend: 'N', season: 'M' });
    expect(fit).toBeDefined();
    const forecast = forecastFromFit(fit as NonNullable<typeof fit>, 24);
    forecast.mean.forEach((value, h) => {
      expect(value).toBeCloseTo(250 * (pattern[h % 12] as number), 6);
    });
  });

  it('counts the smoothing parameters, the free initial states and the variance', () => {
    expect(parameterCount({ error: 'A', trend: 'N', season: 'N' }, 1)).toBe(3);
    expect(parameterCount({ error: 'A', trend: 'Ad', season: 'A' }, 12)).toBe(4 + 2 + 11 + 1);
    expect(parameterCount({ error: 'M', trend: 'A', season: 'M' }, 4)).toBe(3 + 2 + 3 + 1);
  });

  it('keeps the smoothing parameters in the usual region', () => {
    const series = simulate(
      { error: 'A', trend: 'Ad', season: 'A' },
      { alpha: 0.4, beta: 0.05, gamma: 0.2, phi: 0.9 },
      { level: 100, slope: 1 },
      4,
      120,
      7,
    );
    const fit = fitEts(series, 12, { error: 'A', trend: 'Ad', season: 'A' });
    const { alpha, beta, gamma, phi } = (fit as NonNullable<typeof fit>).parameters;
    expect(alpha).toBeGreaterThan(0);
    expect(alpha).toBeLessThan(1);
    expect(beta).toBeLessThan(alpha);
    expect(gamma).toBeLessThan(1 - alpha);
    expect(phi).toBeGreaterThanOrEqual(0.8);
    expect(phi).toBeLessThanOrEqual(0.98);
  });

  it('does not fit a multiplicative model to data with a zero, nor a seasonal one to less than two seasons', () => {
    const withZero = Array.from({ length: 40 }, (_, t) => (t === 5 ? 0 : 10 + t));
    expect(fitEts(withZero, 12, { error: 'M', trend: 'N', season: 'N' })).toBeUndefined();
    expect(fitEts(withZero.slice(0, 20), 12, { error: 'A', trend: 'N', season: 'A' })).toBeUndefined();
  });
});

describe('choosing a model by AICc', () => {
  it('considers the 15 models of ets() on positive data, 6 with a zero, and no season at period 1', () => {
    const positive = [1, 2, 3];
    expect(admissibleSpecs(positive, 12)).toHaveLength(15);
    expect(admissibleSpecs([0, 1, 2], 12)).toHaveLength(6);
    expect(admissibleSpecs(positive, 1)).toHaveLength(6);
    expect(admissibleSpecs(positive, 12).map(specName)).not.toContain('ETS(A,N,M)');
  });

  const generators: { spec: EtsSpec; parameters: SmoothingParameters; sigma: number }[] = [
    {
      spec: { error: 'A', trend: 'A', season: 'N' },
      parameters: { alpha: 0.5, beta: 0.1, gamma: 0, phi: 1 },
      sigma: 2,
    },
    {
      spec: { error: 'A', trend: 'N', season: 'A' },
      parameters: { alpha: 0.3, beta: 0, gamma: 0.1, phi: 1 },
      sigma: 3,
    },
    {
      spec: { error: 'M', trend: 'N', season: 'M' },
      parameters: { alpha: 0.3, beta: 0, gamma: 0.1, phi: 1 },
      sigma: 0.05,
    },
  ];
  for (const { spec, parameters, sigma } of generators) {
    it(`finds ${specName(spec)} in most of 12 simulated series of 20 years`, () => {
      const chosen = Array.from({ length: 12 }, (_, seed) => {
        const series = simulate(
          spec,
          parameters,
          { level: 100, slope: spec.trend === 'N' ? 0 : 1 },
          sigma,
          240,
          seed + 1,
        );
        return specName((autoEts(series, 12) as NonNullable<ReturnType<typeof autoEts>>).spec);
      });
      expect(chosen.filter((name) => name === specName(spec)).length).toBeGreaterThanOrEqual(8);
    });
  }
});

describe('prediction intervals', () => {
  it('agree with simulation where there is a formula, for an additive and a multiplicative error', () => {
    for (const spec of [
      { error: 'A', trend: 'Ad', season: 'A' },
      { error: 'M', trend: 'A', season: 'N' },
    ] as EtsSpec[]) {
      const series = simulate(
        spec,
        { alpha: 0.3, beta: 0.01, gamma: spec.season === 'N' ? 0 : 0.1, phi: spec.trend === 'Ad' ? 0.9 : 1 },
        { level: 100, slope: 0.5 },
        spec.error === 'A' ? 5 : 0.05,
        120,
        3,
      );
      const fit = fitEts(series, 12, spec) as NonNullable<ReturnType<typeof fitEts>>;
      const forecast = forecastFromFit(fit, 24);
      const simulated = simulatedIntervals(fit, forecast.mean, 20000);
      const spread = analyticSpread(fit, forecast.mean);
      for (const h of [0, 5, 11, 23]) {
        const formulaWidth = 2 * Z95 * (spread[h] as number);
        const simulatedWidth = (simulated.upper95[h] as number) - (simulated.lower95[h] as number);
        expect(simulatedWidth / formulaWidth).toBeGreaterThan(0.95);
        expect(simulatedWidth / formulaWidth).toBeLessThan(1.05);
      }
    }
  });

  const coverageCases: EtsSpec[] = [
    { error: 'A', trend: 'N', season: 'A' },
    { error: 'M', trend: 'N', season: 'N' },
    { error: 'M', trend: 'N', season: 'M' },
  ];
  for (const spec of coverageCases) {
    it(`cover 92–98 % of one-step outcomes at 95 % for ${specName(spec)} (300 simulated series)`, () => {
      let covered80 = 0;
      let covered95 = 0;
      const series = 300;
      for (let seed = 1; seed <= series; seed += 1) {
        const values = simulate(
          spec,
          { alpha: 0.3, beta: 0, gamma: spec.season === 'N' ? 0 : 0.1, phi: 1 },
          { level: 100, slope: 0 },
          spec.error === 'A' ? 5 : 0.05,
          97,
          1000 + seed,
        );
        const fit = fitEts(values.slice(0, 96), 12, spec) as NonNullable<ReturnType<typeof fitEts>>;
        const forecast = forecastFromFit(fit, 1);
        const outcome = values[96] as number;
        if (outcome >= (forecast.lower95[0] as number) && outcome <= (forecast.upper95[0] as number))
          covered95 += 1;
        if (outcome >= (forecast.lower80[0] as number) && outcome <= (forecast.upper80[0] as number))
          covered80 += 1;
      }
      expect(covered95 / series).toBeGreaterThanOrEqual(0.92);
      expect(covered95 / series).toBeLessThanOrEqual(0.98);
      expect(covered80 / series).toBeGreaterThanOrEqual(0.74);
      expect(covered80 / series).toBeLessThanOrEqual(0.86);
    });
  }
});

describe('the ETS methods', () => {
  it('forecast with ordered intervals around the mean, for the automatic choice, the damped benchmark and the weighted average', () => {
    const series = Array.from({ length: 72 }, (_, t) => (100 + t) * (pattern[t % 12] as number));
    for (const method of [etsMethod, dampedEtsMethod, akaikeWeightedEtsMethod]) {
      const forecast = method.forecast(series, 12, 24);
      expect(forecast.mean).toHaveLength(24);
      forecast.mean.forEach((value, h) => {
        expect(forecast.lower95[h]).toBeLessThanOrEqual(forecast.lower80[h] as number);
        expect(forecast.lower80[h]).toBeLessThanOrEqual(value);
        expect(forecast.upper80[h]).toBeGreaterThanOrEqual(value);
        expect(forecast.upper95[h]).toBeGreaterThanOrEqual(forecast.upper80[h] as number);
      });
    }
  });

  it('still forecast a series too short for any model', () => {
    expect(etsMethod.forecast([5, 6, 7], 12, 2).mean).toHaveLength(2);
    expect(dampedEtsMethod.forecast([5, 6, 7], 12, 2).mean).toHaveLength(2);
    expect(akaikeWeightedEtsMethod.forecast([5, 6, 7], 12, 2).mean).toHaveLength(2);
  });

  it('average the models by Akaike weights: between the models’ forecasts, not the lowest AICc’s alone', () => {
    const series = simulate(
      { error: 'A', trend: 'Ad', season: 'A' },
      { alpha: 0.4, beta: 0.05, gamma: 0.2, phi: 0.9 },
      { level: 100, slope: 1 },
      4,
      96,
      11,
    );
    const fits = admissibleSpecs(series, 12).flatMap((spec) => fitEts(series, 12, spec) ?? []);
    const means = fits.map((fit) => forecastFromFit(fit, 12).mean);
    const lowest = Math.min(...fits.map((fit) => fit.aicc));
    // Several models fit about as well (within 4 units of AICc: weight above e⁻² ≈ 0.14 of the best's).
    expect(fits.filter((fit) => fit.aicc - lowest < 4).length).toBeGreaterThan(1);
    const weighted = akaikeWeightedEts(series, 12, 12).mean;
    weighted.forEach((value, h) => {
      expect(value).toBeGreaterThanOrEqual(Math.min(...means.map((mean) => mean[h] as number)));
      expect(value).toBeLessThanOrEqual(Math.max(...means.map((mean) => mean[h] as number)));
    });
    const best = forecastFromFit(autoEts(series, 12) as NonNullable<ReturnType<typeof autoEts>>, 12).mean;
    expect(weighted.some((value, h) => Math.abs(value - (best[h] as number)) > 1e-6)).toBe(true);
  });
});
