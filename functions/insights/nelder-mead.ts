/**
 * Nelder–Mead minimisation within a box, for fitting models by maximum likelihood (ETS). Derivative-free, so the
 * objective may refuse a point by returning Infinity. The adaptive coefficients of Gao & Han (2012) keep it
 * converging in the 10–18 dimensions of a seasonal model; a trial point outside the box is clamped onto it.
 * Written here rather than taken from npm: see docs/decisions.md ("The ETS optimiser").
 */

export interface NelderMeadOptions {
  /** The initial simplex's edge along each coordinate. */
  steps: readonly number[];
  lower?: readonly number[];
  upper?: readonly number[];
  /** Stop after this many evaluations of the objective. */
  maxEvaluations?: number;
  /** Stop when the simplex's values differ by less than this, relative to the best. */
  tolerance?: number;
}

export interface Minimum {
  point: number[];
  value: number;
  evaluations: number;
}

/**
 * The point within the box where `objective` is least, searched from `start`. The objective gets a buffer it must
 * not keep (it is reused for the next point).
 */
export function minimiseNelderMead(
  objective: (point: Float64Array) => number,
  start: readonly number[],
  options: NelderMeadOptions,
): Minimum {
  const n = start.length;
  const lower = Float64Array.from(start, (_, i) => options.lower?.[i] ?? Number.NEGATIVE_INFINITY);
  const upper = Float64Array.from(start, (_, i) => options.upper?.[i] ?? Number.POSITIVE_INFINITY);
  const maxEvaluations = options.maxEvaluations ?? 200 * n;
  const tolerance = options.tolerance ?? 1e-8;
  const reflection = 1;
  const expansion = 1 + 2 / n;
  const contraction = 0.75 - 1 / (2 * n);
  const shrinkage = 1 - 1 / n;

  // The simplex: n + 1 vertices of n coordinates each, one row per vertex; `order` lists them best first.
  const vertices = new Float64Array((n + 1) * n);
  const values = new Float64Array(n + 1);
  const order = Array.from({ length: n + 1 }, (_, i) => i);
  const centroid = new Float64Array(n);
  const reflected = new Float64Array(n);
  const trial = new Float64Array(n);
  let evaluations = 0;

  const clamp = (point: Float64Array) => {
    for (let i = 0; i < n; i += 1) {
      const value = point[i] as number;
      if (value < (lower[i] as number)) point[i] = lower[i] as number;
      else if (value > (upper[i] as number)) point[i] = upper[i] as number;
    }
  };
  const evaluate = (point: Float64Array): number => {
    evaluations += 1;
    const value = objective(point);
    return Number.isNaN(value) ? Number.POSITIVE_INFINITY : value;
  };
  const store = (vertex: number, point: Float64Array, value: number) => {
    vertices.set(point, vertex * n);
    values[vertex] = value;
  };

  trial.set(start);
  clamp(trial);
  store(0, trial, evaluate(trial));
  for (let i = 0; i < n; i += 1) {
    trial.set(vertices.subarray(0, n));
    const step = options.steps[i] ?? 0.1;
    // Step away from a bound the start sits on.
    trial[i] = (trial[i] as number) + ((trial[i] as number) + step > (upper[i] as number) ? -step : step);
    clamp(trial);
    store(i + 1, trial, evaluate(trial));
  }

  const sortVertices = () => {
    // Insertion sort: the simplex is small and nearly sorted from one iteration to the next.
    for (let i = 1; i <= n; i += 1) {
      const vertex = order[i] as number;
      const value = values[vertex] as number;
      let j = i - 1;
      while (j >= 0 && (values[order[j] as number] as number) > value) {
        order[j + 1] = order[j] as number;
        j -= 1;
      }
      order[j + 1] = vertex;
    }
  };
  // point = centroid + coefficient · (centroid − worst vertex), clamped to the box.
  const along = (point: Float64Array, coefficient: number, worst: number) => {
    for (let i = 0; i < n; i += 1) {
      const middle = centroid[i] as number;
      point[i] = middle + coefficient * (middle - (vertices[worst * n + i] as number));
    }
    clamp(point);
  };

  while (evaluations < maxEvaluations) {
    sortVertices();
    const best = order[0] as number;
    const worst = order[n] as number;
    const bestValue = values[best] as number;
    const worstValue = values[worst] as number;
    if (
      Number.isFinite(worstValue) &&
      worstValue - bestValue <= tolerance * (Math.abs(bestValue) + tolerance)
    )
      break;

    centroid.fill(0);
    for (let k = 0; k < n; k += 1) {
      const vertex = order[k] as number;
      for (let i = 0; i < n; i += 1)
        centroid[i] = (centroid[i] as number) + (vertices[vertex * n + i] as number);
    }
    for (let i = 0; i < n; i += 1) centroid[i] = (centroid[i] as number) / n;

    along(reflected, reflection, worst);
    const reflectedValue = evaluate(reflected);
    const secondWorstValue = values[order[n - 1] as number] as number;
    if (reflectedValue < bestValue) {
      along(trial, expansion, worst);
      const expandedValue = evaluate(trial);
      if (expandedValue < reflectedValue) store(worst, trial, expandedValue);
      else store(worst, reflected, reflectedValue);
      continue;
    }
    if (reflectedValue < secondWorstValue) {
      store(worst, reflected, reflectedValue);
      continue;
    }
    // Contract: outside when the reflection beat the worst vertex, inside otherwise.
    const outside = reflectedValue < worstValue;
    along(trial, outside ? reflection * contraction : -contraction, worst);
    const contractedValue = evaluate(trial);
    if (contractedValue < (outside ? reflectedValue : worstValue)) {
      store(worst, trial, contractedValue);
      continue;
    }
    // Shrink every vertex towards the best.
    for (let k = 1; k <= n; k += 1) {
      const vertex = order[k] as number;
      for (let i = 0; i < n; i += 1) {
        const toward = vertices[best * n + i] as number;
        trial[i] = toward + shrinkage * ((vertices[vertex * n + i] as number) - toward);
      }
      store(vertex, trial, evaluate(trial));
    }
  }

  sortVertices();
  const best = order[0] as number;
  return {
    point: Array.from(vertices.subarray(best * n, best * n + n)),
    value: values[best] as number,
    evaluations,
  };
}
