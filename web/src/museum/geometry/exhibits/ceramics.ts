// Glazed ceramics: jars, vases and bowls turned from their profiles, alone or several in a case.
import { type PaintLike, paint } from '../finishes';
import type { ModelBuilder, Placement } from '../parts';
import { caseLevels, displayCase } from './shared/display-cases';
import type { ModelSize } from './shared/exhibit-builder';
import { clamp, cycle, slots } from './shared/numbers';
import { BISCUIT, BROWN_GLAZE, BROWN_GLAZE_DARK, CELADON, COBALT, GLAZE_WHITE } from './shared/palette';
import { ball, type Profile, ring, turned, type Vec3 } from './shared/shapes';

/** Glazes of a piece's shoulder, inside and neck, and the Lê overglaze enamels. */
const BROWN_GLAZE_DEEP = paint('#5a3217', 'ceramic-glazed');
const BROWN_GLAZE_INSIDE = paint('#2a180c', 'ceramic-glazed');
const COBALT_PALE = paint('#6f86b0', 'ceramic-glazed');
const COBALT_INSIDE = paint('#3d4a60', 'ceramic-glazed');
const ENAMEL_RED = paint('#b5402f', 'ceramic-glazed');
const ENAMEL_GREEN = paint('#4f8a5a', 'ceramic-glazed');
/** The unglazed inside of a basin's rim. */
const BISCUIT_INSIDE = paint('#8a6a48', 'ceramic-unglazed');

/** A blue-and-white vase (a baluster with a flared mouth), banded in cobalt, with petals painted round the belly. */
const VASE_PROFILE: Profile = [
  [0, 0],
  [0.5, 0],
  [0.52, 0.04],
  [0.7, 0.15],
  [0.8, 0.21],
  [0.95, 0.36],
  [1, 0.5],
  [0.92, 0.62],
  [0.7, 0.74],
  [0.5, 0.8],
  [0.34, 0.86],
  [0.3, 0.93],
  [0.42, 1],
  [0.36, 1],
  [0.26, 0.93],
  [0, 0.9],
];

const VASE_COLOURS = [
  BISCUIT,
  GLAZE_WHITE,
  COBALT,
  GLAZE_WHITE,
  GLAZE_WHITE,
  GLAZE_WHITE,
  GLAZE_WHITE,
  COBALT,
  GLAZE_WHITE,
  GLAZE_WHITE,
  GLAZE_WHITE,
  COBALT,
  COBALT,
  COBALT_PALE,
  COBALT_INSIDE,
];

/** The brown-glazed jar of Đầu Rằm: an ovoid body with a short neck, unglazed at the foot, incised bands. */
const JAR_PROFILE: Profile = [
  [0, 0],
  [0.55, 0],
  [0.6, 0.04],
  [0.8, 0.18],
  [0.97, 0.42],
  [1, 0.55],
  [0.9, 0.74],
  [0.65, 0.86],
  [0.5, 0.9],
  [0.48, 0.96],
  [0.56, 1],
  [0.5, 1],
  [0.44, 0.95],
  [0.4, 0.85],
  [0, 0.8],
];

const JAR_COLOURS = [
  BISCUIT,
  BISCUIT,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE_DEEP,
  BROWN_GLAZE_DEEP,
  BROWN_GLAZE_DEEP,
  BROWN_GLAZE_DARK,
  BROWN_GLAZE_DARK,
  BROWN_GLAZE_INSIDE,
];

/** A wide basin (a jar wider than tall, as the brown-glazed basin of An Sinh). */
const BASIN_PROFILE: Profile = [
  [0, 0],
  [0.6, 0],
  [0.64, 0.05],
  [0.85, 0.3],
  [0.97, 0.7],
  [1, 0.92],
  [0.97, 1],
  [0.92, 0.98],
  [0.9, 0.9],
  [0.8, 0.6],
  [0.55, 0.3],
  [0, 0.24],
];

const BASIN_COLOURS = [
  BISCUIT,
  BISCUIT,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE_DEEP,
  BROWN_GLAZE_DEEP,
  BROWN_GLAZE_DEEP,
  BROWN_GLAZE_DARK,
  BROWN_GLAZE_DARK,
  BISCUIT_INSIDE,
];

/** A footed dish on a short stem, as the Lê polychrome tray: white with bands of cobalt, red and green. */
const BOWL_PROFILE: Profile = [
  [0, 0.03],
  [0.42, 0],
  [0.45, 0.02],
  [0.36, 0.1],
  [0.3, 0.22],
  [0.45, 0.3],
  [0.8, 0.5],
  [0.98, 0.8],
  [1, 0.95],
  [0.96, 1],
  [0.92, 0.96],
  [0.75, 0.72],
  [0.4, 0.48],
  [0, 0.45],
];

const BOWL_COLOURS = [
  BISCUIT,
  GLAZE_WHITE,
  COBALT,
  GLAZE_WHITE,
  ENAMEL_RED,
  GLAZE_WHITE,
  ENAMEL_GREEN,
  COBALT,
  COBALT,
  GLAZE_WHITE,
  GLAZE_WHITE,
  COBALT_PALE,
  COBALT_PALE,
];

/** One piece of ceramics standing on `base`, within the given radius (x and z) and height. */
function ceramicPiece(
  b: ModelBuilder,
  kind: 'jar' | 'vase' | 'bowl',
  radius: [number, number],
  height: number,
  base: Vec3,
  glaze: 'native' | 'celadon' = 'native',
  segments = 16,
): void {
  const placement: Placement = { position: base, scale: [radius[0], height, radius[1]] };
  const celadon = (colours: readonly PaintLike[]) =>
    colours.map((colour, index) => (index < 1 ? BISCUIT : colour === BISCUIT ? BISCUIT : CELADON));
  if (kind === 'jar') {
    const basin = radius[0] > height * 0.6;
    turned(b, basin ? BASIN_PROFILE : JAR_PROFILE, basin ? BASIN_COLOURS : JAR_COLOURS, placement, segments);
    // Incised bands round the shoulder.
    for (const [share, at] of basin
      ? ([[0.985, 0.8]] as const)
      : ([
          [0.9, 0.74],
          [0.99, 0.5],
        ] as const)) {
      b.group({ position: base }, (g) =>
        ring(g, BROWN_GLAZE_DARK, radius[0] * share, height * at, radius[0] * 0.015, radius[1] * share),
      );
    }
    return;
  }
  if (kind === 'vase') {
    turned(b, VASE_PROFILE, glaze === 'celadon' ? celadon(VASE_COLOURS) : VASE_COLOURS, placement, segments);
    if (glaze !== 'celadon' && segments >= 16) {
      // Painted petals round the belly, just proud of the glaze.
      for (let petal = 0; petal < 8; petal += 1) {
        const angle = (petal / 8) * Math.PI * 2;
        const bulge = 0.985;
        b.group({ position: base, scale: [radius[0], height, radius[1]] }, (g) =>
          ball(
            g,
            COBALT,
            [0.012, 0.07, 0.1],
            [Math.cos(angle) * bulge, 0.45, -Math.sin(angle) * bulge],
            [0, angle, 0],
            [8, 6],
          ),
        );
      }
    }
    return;
  }
  turned(b, BOWL_PROFILE, glaze === 'celadon' ? celadon(BOWL_COLOURS) : BOWL_COLOURS, placement, segments);
}

/** Ceramics: one piece filling its box, or, when the box is a tall narrow cabinet, a case of several pieces. */
export function ceramics(b: ModelBuilder, kind: 'jar' | 'vase' | 'bowl', size: ModelSize): void {
  const { width: w, height: h, depth: d } = size;
  const collection = h > 0.9 && Math.max(w, d) / Math.min(w, d) > 1.6;
  if (!collection) {
    ceramicPiece(b, kind, [w / 2, d / 2], h, [0, 0, 0]);
    return;
  }
  // A cabinet of trade ceramics: bowls, vases and jars on two levels, mixed glazes.
  const inside = displayCase(b, size, { base: 0.3, bed: '#d8d0c0', backdrop: '#e9e3d6' });
  const levels = caseLevels(b, inside, true);
  const order: ('jar' | 'vase' | 'bowl')[] =
    kind === 'bowl'
      ? ['bowl', 'vase', 'bowl', 'jar']
      : kind === 'vase'
        ? ['vase', 'jar', 'vase', 'bowl']
        : ['jar', 'bowl', 'jar', 'vase'];
  const glazes = ['native', 'celadon', 'native', 'celadon'] as const;
  for (const [level, { floor, room }] of levels.entries()) {
    const count = clamp(Math.round((inside.right - inside.left) / Math.max(room * 0.9, 0.15)), 2, 4);
    const xs = slots(inside.left, inside.right, count);
    const slotWidth = (inside.right - inside.left) / count;
    const centreZ = (inside.back + inside.front) / 2;
    const radiusZ = (inside.front - inside.back) * 0.32;
    for (const [index, x] of xs.entries()) {
      const piece = cycle(order, index + level);
      const tall = piece === 'bowl' ? 0.45 : 0.8;
      const radiusX = Math.min(slotWidth * 0.4, room * (piece === 'bowl' ? 0.6 : 0.3));
      ceramicPiece(
        b,
        piece,
        [radiusX, Math.min(radiusZ, radiusX)],
        room * tall,
        [x, floor, centreZ],
        cycle(glazes, index + level),
        12,
      );
    }
  }
}
