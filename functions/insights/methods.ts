/**
 * The methods the engine has, in the order the accuracy table shows them: seasonal naive first (the
 * evaluation's own check), the engine's automatic choice last.
 */
import type { ForecastMethod } from './forecast.js';
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

/**
 * What the engine forecasts with: for each series, by rolling origin, one of three combinations — with ETS, with
 * ETS and the damped trend too, or of Theta and seasonal naive alone. Of the designs tried, this one forecast best
 * with the last two years of each training series held out (docs/decisions.md, "ETS in the engine");
 * choosing a single method per series did worse than combining them.
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
]);

export const evaluatedMethods: readonly ForecastMethod[] = [
  seasonalNaiveMethod,
  thetaMethod,
  dampedEtsMethod,
  etsMethod,
  combination,
  engineMethod,
];
