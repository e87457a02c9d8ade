// The islands' endemic life: cases of potted plants, and the langur and hornbill on their tree.
import { CapsuleGeometry, ConeGeometry, CylinderGeometry } from 'three';
import { paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import { displayCase } from './shared/display-cases';
import type { ModelSize } from './shared/exhibit-builder';
import { clamp, cycle, seededUniform, slots } from './shared/numbers';
import { LEAF, PRINT_WHITE, STONE_DARK, TERRACOTTA, WOOD_DARK } from './shared/palette';
import { rock } from './shared/rocks';
import { ball, beam, blockOn, disc, rod, spindle, type Vec3 } from './shared/shapes';

/**
 * Potting soil, a painted plinth, and the mounted animals: fur and feathers drawn as cloth (soft, with a sheen);
 * the leaves, flowers, eyes and beak are painted.
 */
const SOIL = '#3b2a1e';
const PLINTH = '#3a3a3c';
const STEM = paint('#5b4630', 'wood');
const FUR_DARK = paint('#2b2420', 'cloth');
const FUR_PALE = paint('#e3d3a8', 'cloth');
const FACE = paint('#c9b88c', 'cloth');
const FEATHER_BLACK = paint('#1f1f1f', 'cloth');
const FEATHER_WHITE = paint('#efe9dc', 'cloth');

/** A plant in a pot: a stem with seeded side branches, leaves and (for the golden camellia) yellow flowers. */
function pottedPlant(
  b: ModelBuilder,
  seed: number,
  width: number,
  height: number,
  depth: number,
  base: Vec3,
): void {
  const next = seededUniform(seed);
  const potHeight = height * 0.2;
  const potRadius = Math.min(width, depth) * 0.28;
  b.add(new CylinderGeometry(potRadius, potRadius * 0.75, potHeight, 12), TERRACOTTA, {
    position: [base[0], base[1] + potHeight / 2, base[2]],
  });
  disc(b, SOIL, potRadius * 0.92, potHeight * 0.04, [base[0], base[1] + potHeight * 0.93, base[2]], 12);
  const leaf = Math.min(width, depth, height) * 0.22;
  const top = base[1] + height - leaf * 0.6;
  const stemBase: Vec3 = [base[0], base[1] + potHeight * 0.9, base[2]];
  rod(b, STEM, stemBase, [base[0], top, base[2]], leaf * 0.08, 6);
  const halfX = width / 2 - leaf;
  const halfZ = depth / 2 - leaf * 0.5;
  for (let branch = 0; branch < 8; branch += 1) {
    const y = base[1] + potHeight + (height - potHeight - leaf) * (0.15 + branch * 0.1);
    const angle = branch * 2.4 + next();
    const end: Vec3 = [
      base[0] + Math.cos(angle) * halfX * 0.85,
      Math.min(y + leaf * 0.8, top),
      base[2] + Math.sin(angle) * halfZ * 0.85,
    ];
    rod(b, STEM, [base[0], y, base[2]], end, leaf * 0.05, 5);
    for (const spread of [-0.6, 0, 0.6]) {
      const tip: Vec3 = [
        end[0] + Math.cos(angle + spread) * leaf * 0.9,
        end[1] + leaf * 0.25,
        end[2] + Math.sin(angle + spread) * leaf * 0.4,
      ];
      spindle(b, next() > 0.5 ? LEAF : '#3a5f2c', end, tip, leaf * 0.35, leaf * 0.06, [6, 4]);
    }
    if (seed % 2 === 0 && branch % 2 === 1) {
      ball(b, '#e8b923', leaf * 0.32, [end[0], end[1] + leaf * 0.1, end[2]], undefined, [8, 6]);
      ball(b, '#c9861a', leaf * 0.1, [end[0], end[1] + leaf * 0.3, end[2]], undefined, [6, 4]);
    }
  }
  spindle(
    b,
    LEAF,
    [base[0], top - leaf * 0.3, base[2]],
    [base[0], top + leaf * 0.5, base[2]],
    leaf * 0.3,
    leaf * 0.1,
  );
}

/** A case of plants: three potted specimens in front of a herbarium sheet. */
export function plantCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.4, bed: SOIL, backdrop: PRINT_WHITE });
  const count = clamp(Math.round((inside.right - inside.left) / 0.4), 1, 3);
  const slotWidth = (inside.right - inside.left) / count;
  const depth = inside.front - inside.back;
  for (const [index, x] of slots(inside.left, inside.right, count).entries()) {
    pottedPlant(b, 40 + index, slotWidth * 0.95, (inside.ceiling - inside.floor) * 0.95, depth * 0.9, [
      x,
      inside.floor,
      (inside.back + inside.front) / 2,
    ]);
  }
  // Pressed leaves on the herbarium sheet behind.
  for (const [index, x] of slots(inside.left, inside.right, count * 2).entries()) {
    const y = inside.floor + (inside.ceiling - inside.floor) * (index % 2 === 0 ? 0.7 : 0.5);
    const leaf = Math.min(slotWidth * 0.2, (inside.ceiling - inside.floor) * 0.1);
    spindle(
      b,
      '#6d8a4a',
      [x, y - leaf, inside.back + 0.003],
      [x, y + leaf, inside.back + 0.003],
      leaf * 0.4,
      0.002,
      [6, 4],
    );
  }
}

/**
 * Island wildlife on a plinth: a Cát Bà langur (dark body, golden-white head) sitting on a branch of a small tree,
 * with a long tail hanging down, and a hornbill perched above.
 */
export function animalModel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const plinth = h * 0.12;
  blockOn(b, PLINTH, [w * 0.9, plinth, d * 0.9], [0, 0, 0]);
  rock(b, 9, STONE_DARK, [w * 0.5, h * 0.05, d * 0.5], [-w * 0.2, plinth - h * 0.01, 0]);
  const trunkX = -w * 0.25;
  const trunkZ = -d * 0.15;
  const bark = WOOD_DARK;
  const trunkRadius = Math.min(w, d) * 0.05;
  rod(b, bark, [trunkX, plinth, trunkZ], [trunkX, h * 0.92, trunkZ], trunkRadius, 8, trunkRadius * 0.5);

  // The langur, sized to the room above its branch (u is its unit: it is about 1.5 u tall, tail included).
  const u = Math.min((h - plinth) / 1.9, w * 0.38, d * 0.7);
  const seatY = plinth + 0.7 * u + (h - plinth - 1.6 * u) * 0.3;
  const monkeyX = w * 0.12;
  rod(
    b,
    bark,
    [trunkX, seatY - u * 0.15, trunkZ],
    [Math.min(w * 0.45, monkeyX + u * 0.5), seatY - u * 0.03, trunkZ],
    u * 0.05,
    6,
    u * 0.03,
  );
  b.group({ position: [monkeyX, seatY, trunkZ + u * 0.02] }, (m) => {
    const fur = FUR_DARK;
    const pale = FUR_PALE;
    m.add(new CapsuleGeometry(u * 0.16, u * 0.26, 4, 8), fur, { position: [0, u * 0.33, 0] });
    ball(m, pale, u * 0.13, [0, u * 0.72, u * 0.02]);
    ball(m, FACE, [u * 0.08, u * 0.07, u * 0.05], [0, u * 0.7, u * 0.12]);
    for (const side of [1, -1]) {
      ball(m, '#111111', u * 0.02, [side * u * 0.04, u * 0.74, u * 0.145], undefined, [6, 4]);
      rod(m, fur, [side * u * 0.1, u * 0.12, 0], [side * u * 0.12, u * 0.14, u * 0.2], u * 0.06, 6);
      rod(m, fur, [side * u * 0.12, u * 0.14, u * 0.2], [side * u * 0.12, -u * 0.1, u * 0.22], u * 0.05, 6);
      rod(m, fur, [side * u * 0.16, u * 0.5, 0], [side * u * 0.2, u * 0.2, u * 0.12], u * 0.045, 6);
    }
    // The tail hangs behind the branch.
    rod(m, fur, [0, u * 0.08, -u * 0.12], [0, -u * 0.3, -u * 0.16], u * 0.035, 6);
    rod(m, fur, [0, -u * 0.3, -u * 0.16], [u * 0.06, -u * 0.62, -u * 0.12], u * 0.03, 6, u * 0.02);
  });

  // Foliage at the top of the tree.
  for (const [dx, dy, share] of [
    [0.08, 0.86, 1],
    [-0.04, 0.8, 0.7],
    [0.2, 0.8, 0.6],
  ] as const) {
    ball(
      b,
      cycle([LEAF, '#3a5f2c'], Math.round(dx * 100)),
      [w * 0.16 * share, h * 0.07 * share, d * 0.2 * share],
      [trunkX + dx * w, h * dy, trunkZ],
    );
  }
  // A hornbill on a short branch on the other side, near the top.
  const v = Math.min(u * 0.8, w * 0.2);
  const perchY = Math.min(h * 0.6, h * 0.78 - v * 0.6);
  const birdX = Math.max(-w * 0.42 + v * 0.45, trunkX - v * 0.7);
  rod(b, bark, [trunkX, perchY - v * 0.1, trunkZ], [birdX - v * 0.3, perchY, trunkZ], v * 0.05, 6, v * 0.03);
  b.group({ position: [birdX, perchY, trunkZ] }, (bird) => {
    ball(bird, FEATHER_BLACK, [v * 0.25, v * 0.16, v * 0.14], [0, v * 0.22, 0], [0, 0, 0.5]);
    ball(bird, FEATHER_WHITE, [v * 0.14, v * 0.1, v * 0.1], [v * 0.06, v * 0.14, 0]);
    ball(bird, FEATHER_BLACK, v * 0.09, [v * 0.2, v * 0.42, 0]);
    bird.add(new ConeGeometry(v * 0.06, v * 0.22, 6), '#e0a92a', {
      position: [v * 0.34, v * 0.4, 0],
      rotation: [0, 0, -Math.PI / 2 - 0.3],
    });
    ball(bird, '#e0a92a', [v * 0.06, v * 0.04, v * 0.04], [v * 0.24, v * 0.5, 0]);
    beam(bird, FEATHER_BLACK, [-v * 0.18, v * 0.18, 0], [-v * 0.42, -v * 0.05, 0], v * 0.1, v * 0.03);
  });
}
