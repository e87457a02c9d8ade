// The small arithmetic every model leans on: a seeded generator, so a model's variety (where rocks sit, how
// stakes lean) is the same every time, and even spacing.

/** The seeded generator (mulberry32) of the whole code base: the same sequence for the same seed. */
export { seededUniform } from '../../../../../../functions/platform/seeded-random';

export function between(next: () => number, min: number, max: number): number {
  return min + (max - min) * next();
}

export function cycle<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('cycle over an empty list');
  return item;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Centres of `count` equal slots between left and right. */
export function slots(left: number, right: number, count: number): number[] {
  const step = (right - left) / count;
  return Array.from({ length: count }, (_, index) => left + step * (index + 0.5));
}
