// Dioramas: a karst landscape of the bay under glass, or, when very deep, a walk-through mine tunnel.
import { CylinderGeometry } from 'three';
import { paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import { displayCase, type Interior } from './shared/display-cases';
import type { ModelSize } from './shared/exhibit-builder';
import { between, clamp, cycle, seededUniform, slots } from './shared/numbers';
import { ANTHRACITE, ANTHRACITE_SHEEN, LEAF, RUST, SEA, WOOD, WOOD_DARK } from './shared/palette';
import { rock } from './shared/rocks';
import { ball, beam, block, blockOn } from './shared/shapes';

/** A mine lamp alight. The landscape in miniature is a painted model, its rocks and boats matt. */
const LAMP = paint('#ffd27a', 'light');

/**
 * A karst landscape in miniature, as Hạ Long Bay: steep limestone towers, grey-green with rounded wooded tops,
 * rising from blue water, some in clusters, with a few junks between them.
 */
function karstLandscape(b: ModelBuilder, inside: Interior, seed: number): void {
  const next = seededUniform(seed);
  const width = inside.right - inside.left;
  const depth = inside.front - inside.back;
  const room = inside.ceiling - inside.floor;
  const water = room * 0.04;
  const surface = inside.floor + water;
  blockOn(b, SEA, [width, water, depth], [0, inside.floor, (inside.back + inside.front) / 2]);
  const rockColours = ['#7d8a78', '#6f7f6a', '#8a9184', '#687a5c'];
  const towers = 16;
  for (let tower = 0; tower < towers; tower += 1) {
    const radius = Math.min(width, depth) * between(next, 0.035, 0.075);
    const radiusZ = radius * between(next, 0.7, 1);
    const tall = room * between(next, 0.25, 0.7);
    const x = between(next, inside.left + radius, inside.right - radius);
    const z = between(next, inside.back + radius, inside.front - radius);
    b.add(new CylinderGeometry(0.62, 1, 1, 7), cycle(rockColours, tower), {
      position: [x, surface + tall / 2 - water * 0.5, z],
      scale: [radius, tall, radiusZ],
    });
    // The wooded crown.
    ball(
      b,
      cycle([LEAF, '#5d7f46'], tower),
      [radius * 0.66, Math.min(radius * 0.5, tall * 0.15), radiusZ * 0.66],
      [x, surface + tall - water * 0.5, z],
      undefined,
      [7, 4],
    );
    // A smaller tower leaning on some.
    if (tower % 3 === 0) {
      const side = next() > 0.5 ? 1 : -1;
      const small = radius * 0.6;
      const sx = clamp(x + side * radius * 1.1, inside.left + small, inside.right - small);
      b.add(new CylinderGeometry(0.6, 1, 1, 6), cycle(rockColours, tower + 1), {
        position: [sx, surface + tall * 0.3 - water * 0.5, z],
        scale: [small, tall * 0.6, small],
      });
      ball(
        b,
        LEAF,
        [small * 0.62, small * 0.45, small * 0.62],
        [sx, surface + tall * 0.6 - water * 0.5, z],
        undefined,
        [7, 4],
      );
    }
  }
  for (let boat = 0; boat < 4; boat += 1) {
    const size = Math.min(width, depth) * 0.05;
    const x = between(next, inside.left + size, inside.right - size);
    const z = between(next, inside.back + size, inside.front - size);
    blockOn(b, '#6a4a2a', [size, size * 0.2, size * 0.35], [x, surface, z]);
    blockOn(b, '#b5472b', [size * 0.5, size * 0.7, size * 0.02], [x, surface + size * 0.2, z]);
  }
}

/**
 * A mine tunnel reconstructed at full size (a diorama far deeper than wide): timber sets of two posts and a cap
 * along the tunnel, coal in the walls, rails on the floor and a lamp on every other set.
 */
function mineTunnel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  blockOn(b, '#2b2622', [w, h * 0.03, d], [0, 0, 0]);
  const floor = h * 0.03;
  const sets = clamp(Math.round(d / 1.2), 2, 24);
  for (const side of [1, -1]) {
    blockOn(b, RUST, [w * 0.04, h * 0.015, d * 0.98], [side * w * 0.15, floor, 0]);
    // The coal face behind the timbers: lumps of coal stacked in three courses along the tunnel.
    const pieces = sets * 2;
    const length = d / pieces;
    const course = (h * 0.9) / 3;
    for (const [index, z] of slots(-d / 2, d / 2, pieces).entries()) {
      for (let row = 0; row < 3; row += 1) {
        const seed = 600 + index * 6 + row * 2 + side;
        const thick = w * (0.08 + 0.05 * seededUniform(seed)());
        rock(
          b,
          seed,
          ANTHRACITE,
          [thick, course * 1.15, length * 1.2],
          [
            side * (w / 2 - thick / 2),
            floor + row * course * 0.95,
            clamp(z, -d / 2 + length * 0.6, d / 2 - length * 0.6),
          ],
          ANTHRACITE_SHEEN,
          0,
        );
      }
    }
  }
  const timber = Math.min(w * 0.06, h * 0.06, (d / sets) * 0.4);
  for (const [index, z] of slots(-d / 2, d / 2, sets).entries()) {
    for (const side of [1, -1]) {
      beam(b, WOOD, [side * w * 0.36, floor, z], [side * w * 0.32, h * 0.9, z], timber, timber);
    }
    block(b, WOOD, [w * 0.8, timber, timber], [0, h * 0.9 + timber / 2, z]);
    blockOn(b, WOOD_DARK, [w * 0.8, h * 0.03, (d / sets) * 0.9], [0, h * 0.9 + timber, z]);
    if (index % 2 === 0) ball(b, LAMP, timber * 0.6, [0, h * 0.9 - timber, z], undefined, [8, 6]);
  }
}

/** A diorama: a landscape on a table under a glass case; a very deep one is a walk-through mine tunnel. */
export function diorama(b: ModelBuilder, size: ModelSize): void {
  if (size.depth > size.width * 2.5) {
    mineTunnel(b, size);
    return;
  }
  const inside = displayCase(b, size, { base: 0.38, bed: '#3e4a3a', glassTop: true });
  karstLandscape(b, inside, Math.round(size.width * 100 + size.depth * 10));
}
