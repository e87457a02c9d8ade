// The small arithmetic every model leans on: a seeded generator, so a model's variety (where rocks sit, how
// stakes lean) is the same every time, and even spacing.

/** A small seeded generator (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
