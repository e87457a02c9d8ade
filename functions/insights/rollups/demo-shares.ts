/** Splitting whole counts into shares, for the demo counters (GENERATED DEMO DATA: demo-counters.ts). */

/** A number drawn evenly between the range's ends. */
export const between = (random: () => number, range: { least: number; most: number }) =>
  range.least + (range.most - range.least) * random();

/** Whole `total` split by `weights`, largest remainders first, so the parts add up to it exactly. */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0 || total <= 0) return weights.map(() => 0);
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }));
  order.sort((a, b) => b.rest - a.rest || a.index - b.index);
  for (let index = 0; index < total - parts.reduce((a, b) => a + b, 0); index += 1) {
    const part = order[index % order.length]?.index as number;
    parts[part] = (parts[part] as number) + 1;
  }
  return parts;
}
