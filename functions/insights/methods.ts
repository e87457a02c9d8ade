/**
 * The methods the engine has, in the order the accuracy table shows them: seasonal naive first (the
 * evaluation's own check), the engine's automatic choice last.
 */
import type { ForecastMethod } from './forecast.js';
import { automaticMethod } from './models/automatic.js';
import { combinationOf } from './models/combination.js';
import { seasonalNaiveMethod } from './models/seasonal-naive.js';
import { thetaMethod } from './models/theta.js';

const combination = combinationOf('combination (Theta, seasonal naive)', [thetaMethod, seasonalNaiveMethod]);

/** What the engine forecasts with: the best of its candidates for each series, by rolling origin. */
export const engineMethod = automaticMethod('engine (automatic choice)', [
  combination,
  thetaMethod,
  seasonalNaiveMethod,
]);

export const evaluatedMethods: readonly ForecastMethod[] = [
  seasonalNaiveMethod,
  thetaMethod,
  combination,
  engineMethod,
];
