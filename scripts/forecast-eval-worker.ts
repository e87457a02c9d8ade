/** A worker of `forecast:eval`: evaluates its share of the series and posts each one's errors as it finishes. */
import { parentPort, workerData } from 'node:worker_threads';
import { evaluateSeries, type HeldOutSeries } from '../functions/insights/evaluation.js';
import { evaluatedMethods } from '../functions/insights/methods.js';

const { series, period, horizon } = workerData as {
  series: HeldOutSeries[];
  period: number;
  horizon: number;
};
series.forEach((one, index) => {
  parentPort?.postMessage({ index, errors: evaluateSeries(evaluatedMethods, one, period, horizon) });
});
