/**
 * The methods the engine has, in the order the accuracy table shows them: seasonal naive first (the
 * evaluation's own check), the engine's automatic choice last.
 */
import type { ForecastMethod } from './forecast.js';
import { arimaMethod } from './models/arima.js';
import { automaticMethod } from './models/automatic.js';
import { combinationOf } from './models/combination.js';
import { dampedEtsMethod, etsMethod } from './models/ets.js';
import { seasonalNaiveMethod } from './models/seasonal-naive.js';
import { thetaMethod } from './models/theta.js';

const combination = combinationOf('combination (ETS, Theta, seasonal naive)', [
  etsMethod,
  thetaMethod,
  seasonalNaiveMethod,
]);

const combinationWithArima = combinationOf('combination (ETS, Theta, seasonal naive, ARIMA)', [
  etsMethod,
  thetaMethod,
  seasonalNaiveMethod,
  arimaMethod,
]);

/**
 * What the engine forecasts with: for each series, by rolling origin, one of four combinations — of ETS, Theta and
 * seasonal naive; the same with ETS(A,Ad,A); Theta and seasonal naive alone; the first with ARIMA too. Of the
 * designs tried, this one forecast best with the last two years of each training series held out, then the two
 * before (docs/decisions.md, "ETS in the engine" and "ARIMA in the engine"); choosing a single method per series
 * did worse than combining them, and putting ARIMA in the other combinations as well did no better.
 */
export const engineMethod = automaticMethod('engine (automatic choice)', [
  combination,
  combinationOf('combination (ETS, ETS(A,Ad,A), Theta, seasonal naive)', [
    etsMethod,
    dampedEtsMethod,
    thetaMethod,
    seasonalNaiveMethod,
  ]),
  combinationOf('combination (Theta, seasonal naive)', [thetaMethod, seasonalNaiveMethod]),
  combinationWithArima,
]);

export const evaluatedMethods: readonly ForecastMethod[] = [
  seasonalNaiveMethod,
  thetaMethod,
  dampedEtsMethod,
  etsMethod,
  arimaMethod,
  combination,
  combinationWithArima,
  engineMethod,
];
