/**
 * The methods the engine has, in the order the accuracy table shows them: seasonal naive first (the
 * evaluation's own check), the engine's automatic choice last.
 */
import type { ForecastMethod } from './forecast.js';
import { arimaMethod } from './models/arima.js';
import { automaticMethod } from './models/automatic.js';
import { combinationOf } from './models/combination.js';
import { akaikeWeightedEtsMethod, dampedEtsMethod as dampedEts, etsMethod } from './models/ets.js';
import { remembered } from './models/remembered.js';
import { seasonalNaiveMethod } from './models/seasonal-naive.js';
import { thetaMethod as theta } from './models/theta.js';

// Each fitted once per series and origin, however many combinations and rows ask (models/remembered.ts).
const weightedEts = remembered(akaikeWeightedEtsMethod);
const dampedEtsMethod = remembered(dampedEts);
const thetaMethod = remembered(theta);

const combination = combinationOf('combination (weighted ETS, Theta, seasonal naive)', [
  weightedEts,
  thetaMethod,
  seasonalNaiveMethod,
]);

const combinationWithDampedEts = combinationOf(
  'combination (weighted ETS, ETS(A,Ad,A), Theta, seasonal naive)',
  [weightedEts, dampedEtsMethod, thetaMethod, seasonalNaiveMethod],
);

const thetaWithSeasonalNaive = combinationOf('combination (Theta, seasonal naive)', [
  thetaMethod,
  seasonalNaiveMethod,
]);

const combinationWithArima = combinationOf('combination (weighted ETS, Theta, seasonal naive, ARIMA)', [
  weightedEts,
  thetaMethod,
  seasonalNaiveMethod,
  arimaMethod,
]);

/**
 * The engine's candidates: four combinations — of ETS, Theta and seasonal naive; the same with ETS(A,Ad,A); Theta
 * and seasonal naive alone; the first with ARIMA too. Of the designs tried, these forecast best with the last two
 * years of each training series held out, then the two before (docs/decisions.md, "ETS in the engine" and "ARIMA in
 * the engine"); putting ARIMA in the other combinations as well did no better. Their ETS averages every admissible
 * model by Akaike weights rather than taking the one of lowest AICc ("A choice at least as good as the combination").
 */
const engineCandidates: readonly ForecastMethod[] = [
  combination,
  combinationWithDampedEts,
  thetaWithSeasonalNaive,
  combinationWithArima,
];

/** What the engine's choice must do at least as well as, on data of every frequency: the mean of its four candidates. */
export const engineCombination = combinationOf(
  'combination of the engine’s four candidates',
  engineCandidates,
);

/**
 * What the engine forecasts with: for each series, by rolling origin, one of its candidates where it beat their
 * combination in the validation windows, else the combination (models/automatic.ts; docs/decisions.md, "A choice
 * at least as good as the combination").
 */
export const engineMethod = automaticMethod('engine (automatic choice)', engineCandidates);

export const evaluatedMethods: readonly ForecastMethod[] = [
  seasonalNaiveMethod,
  thetaMethod,
  dampedEtsMethod,
  etsMethod,
  weightedEts,
  arimaMethod,
  combination,
  combinationWithDampedEts,
  thetaWithSeasonalNaive,
  combinationWithArima,
  engineCombination,
  engineMethod,
];
