// Rocks and minerals: the block of anthracite, rock specimens on plinths and cases of minerals.
import type { ModelBuilder } from '../parts';
import { caseLevels, displayCase, labelCard } from './shared/display-cases';
import type { ModelSize } from './shared/exhibit-builder';
import { clamp, cycle, seededUniform, slots } from './shared/numbers';
import { ANTHRACITE, ANTHRACITE_SHEEN } from './shared/palette';
import { rock } from './shared/rocks';
import { block, blockOn } from './shared/shapes';

/**
 * A block of anthracite: a low-poly rock, near black, its upward facets catching a faint sheen, on a low
 * concrete plinth.
 */
export function anthraciteBlock(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const plinth = h * 0.06;
  blockOn(b, '#9a968e', [w, plinth, d], [0, 0, 0]);
  rock(b, 7, ANTHRACITE, [w * 0.96, h - plinth, d * 0.96], [0, plinth, 0], ANTHRACITE_SHEEN);
}

/** A rock specimen on a plinth with its label. */
export function rockSpecimen(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const plinth = h * 0.4;
  blockOn(b, '#e8e4dc', [w * 0.7, plinth, d * 0.7], [0, 0, 0]);
  blockOn(b, '#3a3a3c', [w * 0.72, h * 0.015, d * 0.72], [0, plinth, 0]);
  block(b, '#3a3a3c', [w * 0.3, plinth * 0.15, 0.004], [0, plinth * 0.75, d * 0.35 + 0.002]);
  rock(b, 21, '#a39e92', [w * 0.9, (h - plinth) * 0.97, d * 0.9], [0, plinth + h * 0.01, 0], '#b9b3a5');
}

const MINERAL_COLOURS = [
  ANTHRACITE,
  '#e8e6e0',
  '#b8a04a',
  '#6b3b2a',
  '#c77b4a',
  '#a39e92',
  '#f0e2c4',
  '#4f5d6b',
];

/** A tall case of minerals: rock samples of many colours on little stands, on the floor and on a glass shelf. */
export function mineralCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.45, bed: '#d9d2c3', backdrop: '#e8e2d4' });
  const levels = caseLevels(b, inside, inside.ceiling - inside.floor > 0.35);
  const centreZ = (inside.back + inside.front) / 2;
  const depth = inside.front - inside.back;
  let seed = 100;
  for (const { floor, room } of levels) {
    const count = clamp(Math.round((inside.right - inside.left) / 0.3), 2, 5);
    const slotWidth = (inside.right - inside.left) / count;
    for (const x of slots(inside.left, inside.right, count)) {
      seed += 1;
      const colour = cycle(MINERAL_COLOURS, seed);
      const stand = room * 0.08;
      blockOn(b, '#2f2f31', [slotWidth * 0.5, stand, depth * 0.4], [x, floor, centreZ]);
      const tall = room * (0.35 + 0.25 * seededUniform(seed)());
      rock(
        b,
        seed,
        colour,
        [slotWidth * 0.7, tall, depth * 0.5],
        [x, floor + stand, centreZ],
        colour === ANTHRACITE ? ANTHRACITE_SHEEN : undefined,
      );
      labelCard(b, x, floor, inside.front - depth * 0.12, Math.min(slotWidth * 0.4, depth * 0.2));
    }
  }
}
