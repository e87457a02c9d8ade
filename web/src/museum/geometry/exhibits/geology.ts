// Rocks and minerals: the block of anthracite, rock specimens on plinths and cases of minerals.
import { paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import { caseLevels, displayCase, labelCard } from './shared/display-cases';
import type { ModelSize } from './shared/exhibit-builder';
import { clamp, cycle, seededUniform, slots } from './shared/numbers';
import {
  ANTHRACITE,
  ANTHRACITE_SHEEN,
  CONCRETE,
  LABEL,
  METAL_DARK,
  PRINT_WHITE,
  STONE,
  STONE_DARK,
} from './shared/palette';
import { brokenBlock, rock } from './shared/rocks';
import { block, blockOn } from './shared/shapes';

/**
 * The 28-tonne block of anthracite cut at −176 m: a broken block of glossy black coal with large flat fracture
 * faces, its upper faces catching the sky, two fragments split from it at its foot, on a low concrete plinth.
 */
export function anthraciteBlock(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const plinth = h * 0.06;
  blockOn(b, CONCRETE, [w, plinth, d], [0, 0, 0]);
  brokenBlock(
    b,
    7,
    ANTHRACITE,
    [w * 0.86, h - plinth, d * 0.8],
    [-w * 0.04, plinth, -d * 0.06],
    ANTHRACITE_SHEEN,
  );
  brokenBlock(
    b,
    11,
    ANTHRACITE,
    [w * 0.16, h * 0.14, d * 0.14],
    [w * 0.38, plinth, d * 0.36],
    ANTHRACITE_SHEEN,
  );
  brokenBlock(b, 12, ANTHRACITE, [w * 0.1, h * 0.08, d * 0.1], [w * 0.2, plinth, d * 0.42], ANTHRACITE_SHEEN);
}

/** A rock specimen on a plinth with its label. */
export function rockSpecimen(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const plinth = h * 0.4;
  blockOn(b, '#e8e4dc', [w * 0.7, plinth, d * 0.7], [0, 0, 0]);
  blockOn(b, METAL_DARK, [w * 0.72, h * 0.015, d * 0.72], [0, plinth, 0]);
  block(b, METAL_DARK, [w * 0.3, plinth * 0.15, 0.004], [0, plinth * 0.75, d * 0.35 + 0.002]);
  rock(b, 21, STONE_DARK, [w * 0.9, (h - plinth) * 0.97, d * 0.9], [0, plinth + h * 0.01, 0], STONE);
}

/** Coal, quartz, pyrite, iron ore, clay, limestone, kaolin and slate. */
const MINERAL_COLOURS = [
  ANTHRACITE,
  paint('#e8e6e0', 'stone'),
  paint('#b8a04a', 'stone'),
  paint('#6b3b2a', 'stone'),
  paint('#c77b4a', 'stone'),
  paint('#a39e92', 'stone'),
  paint('#f0e2c4', 'stone'),
  paint('#4f5d6b', 'stone'),
];

/** A tall case of minerals: rock samples of many colours on little stands, on the floor and on a glass shelf. */
export function mineralCase(b: ModelBuilder, size: ModelSize): void {
  // The bed and the back are printed boards (paper), which keeps the case to five materials.
  const inside = displayCase(b, size, { base: 0.45, bed: LABEL, backdrop: PRINT_WHITE });
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
      blockOn(b, METAL_DARK, [slotWidth * 0.5, stand, depth * 0.4], [x, floor, centreZ]);
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
