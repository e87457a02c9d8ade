// The sea: a coral reef, cases of shells and of preserved fish.

import { ConeGeometry, CylinderGeometry, SphereGeometry, TorusGeometry, Vector3 } from 'three';
import { type PaintLike, paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import { caseLevels, displayCase } from './shared/display-cases';
import type { ModelSize } from './shared/exhibit-builder';
import { clamp, cycle, seededUniform, slots } from './shared/numbers';
import { METAL_DARK, SAND } from './shared/palette';
import { rock } from './shared/rocks';
import { ball, beam, blockOn, ring, rod, type Vec3 } from './shared/shapes';

/**
 * Shells and corals are lime, porous and dry like bone; a cowrie and a shell's mouth are glossy as porcelain (the
 * word comes from the cowrie). The preserved fish are painted.
 */
const SHELL_WHITE = paint('#f4efe6', 'bone');
const SHELL_RIDGE = paint('#d8c7a8', 'bone');
const NACRE = paint('#e3a9a0', 'ceramic-glazed');
const COWRIE = paint('#7a4a2a', 'ceramic-glazed');
const COWRIE_SPOT = paint('#efe2c6', 'ceramic-glazed');
const BRAIN_CORAL = paint('#c9a25a', 'bone');
const BRAIN_CORAL_GROOVE = paint('#a8843f', 'bone');

/** A spiral sea shell (a whelk) lying on its side along x: the body whorl, the pointed spire, a pink aperture. */
function conch(b: ModelBuilder, colour: PaintLike, length: number, base: Vec3): void {
  const r = length * 0.28;
  b.group({ position: [base[0], base[1] + r, base[2]], rotation: [0, 0, 0.15] }, (g) => {
    ball(g, colour, [length * 0.3, r, r], [-length * 0.05, 0, 0]);
    g.add(new ConeGeometry(r * 0.75, length * 0.35, 10), colour, {
      position: [length * 0.325, 0, 0],
      rotation: [0, 0, -Math.PI / 2],
    });
    for (const [x, size] of [
      [0.22, 0.62],
      [0.33, 0.4],
    ] as const) {
      g.add(new TorusGeometry(r * size, r * 0.08, 4, 12), SHELL_RIDGE, {
        position: [length * x, 0, 0],
        rotation: [0, Math.PI / 2, 0],
      });
    }
    g.add(new ConeGeometry(r * 0.3, length * 0.2, 8), colour, {
      position: [-length * 0.4, 0, 0],
      rotation: [0, 0, Math.PI / 2],
    });
    ball(g, NACRE, [length * 0.2, r * 0.55, r * 0.12], [-length * 0.05, -r * 0.1, r * 0.86]);
  });
}

/** A bivalve lying open side down: a ribbed dome. */
function clam(b: ModelBuilder, colour: PaintLike, radius: number, height: number, base: Vec3): void {
  b.add(new SphereGeometry(1, 12, 5, 0, Math.PI * 2, 0, Math.PI / 2), colour, {
    position: base,
    scale: [radius, height, radius * 0.85],
  });
  for (let rib = 0; rib < 5; rib += 1) {
    const angle = ((rib - 2) / 5) * 1.6;
    beam(
      b,
      SHELL_RIDGE,
      [base[0], base[1] + height * 0.95, base[2]],
      [
        base[0] + Math.sin(angle) * radius * 0.92,
        base[1] + height * 0.15,
        base[2] + Math.cos(angle) * radius * 0.78,
      ],
      radius * 0.05,
      radius * 0.05,
    );
  }
}

/** A scallop standing up, facing the visitor: a fan with ribs. */
function scallop(b: ModelBuilder, colour: PaintLike, radius: number, base: Vec3): void {
  const thickness = radius * 0.15;
  b.add(new CylinderGeometry(radius, radius, thickness, 12, 1, false, Math.PI / 2, Math.PI), colour, {
    position: [base[0], base[1], base[2]],
    rotation: [Math.PI / 2, 0, 0],
  });
  for (let rib = 0; rib < 5; rib += 1) {
    const angle = ((rib + 0.5) / 5) * Math.PI;
    beam(
      b,
      SHELL_WHITE,
      [base[0], base[1], base[2] + thickness / 2],
      [
        base[0] + Math.cos(angle) * radius * 0.92,
        base[1] + Math.sin(angle) * radius * 0.92,
        base[2] + thickness / 2,
      ],
      radius * 0.05,
      radius * 0.04,
    );
  }
}

/** A case of sea molluscs: conches, clams, cowries and scallops on two levels. */
export function shellCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.42, bed: '#e6dcc4', backdrop: '#35627e' });
  const levels = caseLevels(b, inside, inside.ceiling - inside.floor > 0.35);
  const centreZ = (inside.back + inside.front) / 2;
  const depth = inside.front - inside.back;
  const colours = [
    paint('#efe2c6', 'bone'),
    paint('#d98c4a', 'bone'),
    paint('#8a5a3a', 'bone'),
    paint('#e3a9a0', 'bone'),
    SHELL_WHITE,
  ];
  let index = 0;
  for (const { floor, room } of levels) {
    const count = clamp(Math.round((inside.right - inside.left) / 0.22), 3, 6);
    const slotWidth = (inside.right - inside.left) / count;
    for (const x of slots(inside.left, inside.right, count)) {
      const colour = cycle(colours, index);
      const radius = Math.min(slotWidth * 0.4, depth * 0.35, room * 0.4);
      switch (index % 4) {
        case 0:
          conch(b, colour, radius * 2.2, [x, floor, centreZ]);
          break;
        case 1:
          clam(b, colour, radius, radius * 0.4, [x, floor, centreZ]);
          break;
        case 2: {
          // A cowrie: a glossy dome with pale spots.
          ball(b, COWRIE, [radius * 0.8, radius * 0.45, radius * 0.55], [x, floor, centreZ]);
          for (const dx of [-0.3, 0, 0.3]) {
            ball(
              b,
              COWRIE_SPOT,
              [radius * 0.12, radius * 0.03, radius * 0.12],
              [x + dx * radius, floor + radius * 0.45 * Math.sqrt(1 - (dx / 0.8) ** 2), centreZ],
              undefined,
              [8, 4],
            );
          }
          break;
        }
        default:
          scallop(b, colour, radius, [x, floor, centreZ]);
      }
      index += 1;
    }
  }
}

/** A fish along x, head at +x, centred on `centre`, of the given length, height and thickness. */
function fish(
  b: ModelBuilder,
  colour: PaintLike,
  length: number,
  height: number,
  thickness: number,
  centre: Vec3,
  facing: 1 | -1,
): void {
  b.group({ position: centre, rotation: [0, facing > 0 ? 0 : Math.PI, 0] }, (f) => {
    const shift = length * 0.09;
    ball(f, colour, [length * 0.38, height * 0.5, thickness * 0.5], [shift, 0, 0]);
    // The tail fin: a flattened cone, its tip in the body.
    f.add(new ConeGeometry(1, 1, 4), colour, {
      position: [shift - length * 0.45, 0, 0],
      rotation: [0, 0, -Math.PI / 2],
      scale: [height * 0.45, length * 0.22, thickness * 0.12],
    });
    f.add(new ConeGeometry(1, 1, 3), colour, {
      position: [shift - length * 0.02, height * 0.5, 0],
      scale: [length * 0.12, height * 0.3, thickness * 0.08],
    });
    for (const side of [1, -1]) {
      ball(
        f,
        '#111111',
        height * 0.07,
        [shift + length * 0.26, height * 0.1, side * thickness * 0.36],
        undefined,
        [8, 6],
      );
    }
  });
}

/** A case of preserved sea fish, each on a thin rod, in front of a sea-blue back wall. */
export function fishCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.42, bed: '#d8c9a3', backdrop: '#3d7ea6' });
  const depth = inside.front - inside.back;
  const room = inside.ceiling - inside.floor;
  const colours = ['#b7c0c6', '#d9a93a', '#c0503a', '#3c6ea5', '#8d9a8a', '#e0c7a0'];
  const perRow = clamp(Math.round((inside.right - inside.left) / 0.5), 2, 4);
  const slotWidth = (inside.right - inside.left) / perRow;
  const length = Math.min(slotWidth * 0.85, room * 0.7);
  const height = length * 0.4;
  const thickness = Math.min(length * 0.2, depth * 0.4);
  let index = 0;
  for (const [row, y] of [inside.floor + room * 0.3, inside.floor + room * 0.72].entries()) {
    for (const x of slots(inside.left, inside.right, perRow)) {
      const z = inside.back + depth * (row === 0 ? 0.6 : 0.4);
      rod(b, METAL_DARK, [x, inside.floor, z], [x, y - height * 0.4, z], Math.min(0.004, thickness * 0.1), 6);
      fish(
        b,
        cycle(colours, index),
        length * 0.95,
        Math.min(height, room * 0.25),
        thickness,
        [x, y, z],
        index % 2 === 0 ? 1 : -1,
      );
      index += 1;
    }
  }
}

/** Coral growing from `start` along `direction`, forking; every point kept inside the given bounds. */
function branchingCoral(
  b: ModelBuilder,
  next: () => number,
  colour: PaintLike,
  start: Vector3,
  direction: Vector3,
  length: number,
  radius: number,
  depth: number,
  bounds: { min: Vector3; max: Vector3 },
  planar: boolean,
): void {
  const margin = new Vector3(radius, radius, radius);
  const end = start
    .clone()
    .addScaledVector(direction, length)
    .clamp(bounds.min.clone().add(margin), bounds.max.clone().sub(margin));
  rod(b, colour, [start.x, start.y, start.z], [end.x, end.y, end.z], radius, 5, radius * 0.8);
  if (depth === 0) {
    ball(b, colour, radius * 0.9, [end.x, end.y, end.z], undefined, [5, 3]);
    return;
  }
  const forks = planar || depth < 2 ? 2 : 3;
  for (let fork = 0; fork < forks; fork += 1) {
    const turn = planar
      ? new Vector3((next() - 0.5) * 2.6, 0.3 + next() * 0.3, 0)
      : new Vector3((next() - 0.5) * 2, 0.45 + next() * 0.4, (next() - 0.5) * 2);
    const child = direction.clone().add(turn).normalize();
    branchingCoral(b, next, colour, end, child, length * 0.8, radius * 0.75, depth - 1, bounds, planar);
  }
}

/** A reef on a plinth: branching corals in reds and oranges, a sea fan and brain corals on a rocky base. */
export function coralReef(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const next = seededUniform(2024);
  const plinth = h * 0.25;
  blockOn(b, '#2f3a44', [w, plinth, d], [0, 0, 0]);
  const bedTop = plinth + h * 0.06;
  rock(b, 5, SAND, [w * 0.96, h * 0.08, d * 0.92], [0, plinth - h * 0.01, 0]);
  const bounds = {
    min: new Vector3((-w / 2) * 0.96, bedTop, (-d / 2) * 0.92),
    max: new Vector3((w / 2) * 0.96, h * 0.98, (d / 2) * 0.92),
  };
  const reach = h - bedTop;
  const colours = ['#d9553b', '#e07b39', '#c23b3b', '#e8a05a', '#e58a9a'].map((colour) =>
    paint(colour, 'bone'),
  );
  const radius = Math.min(w, d, reach) * 0.045;
  for (const [index, x] of slots(-w * 0.42, w * 0.42, 6).entries()) {
    const z = (index % 2 === 0 ? -0.18 : 0.12) * d;
    const planar = index === 2;
    branchingCoral(
      b,
      next,
      cycle(colours, index),
      new Vector3(x, bedTop - h * 0.01, planar ? -d * 0.25 : z),
      new Vector3(0, 1, 0),
      reach * (planar ? 0.3 : 0.17),
      planar ? radius * 0.6 : radius,
      index % 2 === 0 ? 3 : 2,
      bounds,
      planar,
    );
  }
  // Brain corals: ribbed domes.
  for (const [x, z] of [
    [-w * 0.22, d * 0.25],
    [w * 0.3, d * 0.28],
  ] as const) {
    const size = Math.min(w * 0.1, d * 0.15, reach * 0.3);
    b.add(new SphereGeometry(1, 12, 6, 0, Math.PI * 2, 0, Math.PI / 2), BRAIN_CORAL, {
      position: [x, bedTop - h * 0.01, z],
      scale: [size, size * 0.8, size],
    });
    b.group({ position: [x, bedTop - h * 0.01, z] }, (g) =>
      ring(g, BRAIN_CORAL_GROOVE, size * 0.75, size * 0.5, size * 0.06),
    );
  }
}
