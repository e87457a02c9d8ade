// Finds of the coast's past: stone tools of the Hạ Long culture, the Đông Sơn bronze drum, the Bạch Đằng stakes.

import { ConeGeometry, CylinderGeometry, TorusGeometry } from 'three';
import { type PaintLike, paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import { displayCase, labelCard } from './shared/display-cases';
import type { ModelSize } from './shared/exhibit-builder';
import { between, clamp, cycle, seededUniform, slots } from './shared/numbers';
import {
  BRONZE_GREEN,
  BRONZE_GREEN_DARK,
  IRONWOOD,
  IRONWOOD_BLACK,
  IRONWOOD_GREY,
  LINEN,
  SAND,
  STONE,
  STONE_DARK,
} from './shared/palette';
import { ball, blockOn, disc, ring, slab, turned, type Vec3 } from './shared/shapes';

/** Mud left by the river: dark and wet round the stakes' feet. */
/** The drum's raised star and rays, worn brighter than its patina by hands. */
const BRONZE_GREEN_LIGHT = paint('#8a9663', 'bronze');
const MUD = paint('#4f4233', 'stone');
const PUDDLE = paint('#5d6a58', 'water');

/**
 * The Bạch Đằng stake field: rows of ironwood stakes, hewn to seven faces, tapering and sharpened with a few axe
 * cuts, leaning downstream (+x) out of a riverbed of sand and mud, as the Trần planted them in 1288 against the
 * Yuan fleet. Centuries in the mud have left them black at the foot and grey and split above; some are broken
 * off short. Mud is heaped round each foot, water lies in the hollows.
 */
export function stakeField(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const next = seededUniform(1288);
  const bed = h * 0.06;
  blockOn(b, SAND, [w, bed, d], [0, 0, 0]);
  for (let patch = 0; patch < 7; patch += 1) {
    const rx = Math.min(w, d) * between(next, 0.08, 0.16);
    const rz = rx * between(next, 0.5, 0.9);
    const x = between(next, -w / 2 + rx, w / 2 - rx);
    const z = between(next, -d / 2 + rz, d / 2 - rz);
    disc(b, patch % 3 === 0 ? PUDDLE : MUD, rx, bed * 0.2, [x, bed * 0.9, z], 12, rz);
  }
  const radius = clamp(Math.min(w, d) * 0.018, 0.01, 0.15);
  const rows = 7;
  const columns = 9;
  const rowZ = slots(-d / 2 + d * 0.08, d / 2 - d * 0.08, rows);
  for (const [row, z0] of rowZ.entries()) {
    for (let column = 0; column < columns; column += 1) {
      const broken = next() < 0.35;
      const rise = (h - bed) * (broken ? between(next, 0.2, 0.45) : between(next, 0.5, 0.93));
      const lean = Math.min(between(next, 0.15, 0.42), Math.atan((w * 0.2) / rise));
      const tilt = (next() * 2 - 1) * Math.min(0.1, Math.atan((d * 0.04) / rise));
      const length = rise / (Math.cos(lean) * Math.cos(tilt));
      const reach = rise * Math.tan(lean);
      const left = -w / 2 + radius * 3;
      const right = w / 2 - radius * 3 - reach;
      const x = left + ((column + between(next, 0.1, 0.9)) / columns) * (right - left);
      const z = z0 + (next() - 0.5) * (d / rows) * 0.5;
      const stakeRadius = radius * between(next, 1, 1.5);
      const tip = broken ? stakeRadius * 0.6 : Math.min(length * 0.15, stakeRadius * between(next, 2.5, 4));
      const buried = Math.min(length * 0.25, (h - bed) * 0.12);
      const shaft = length - tip;
      const upper = row + column;
      const turn = next() * Math.PI;
      b.group({ position: [x, bed * 0.5, z], rotation: [tilt, 0, -lean] }, (leaning) =>
        leaning.group({ rotation: [0, turn, 0] }, (stake) => {
          // Black where the mud kept it, grey and weathered above; the shaft tapers to the cut.
          const middle = stakeRadius * (1 - (0.2 * buried) / shaft);
          stake.add(new CylinderGeometry(middle, stakeRadius, buried, 7, 1, true), IRONWOOD_BLACK, {
            position: [0, buried / 2, 0],
          });
          stake.add(
            new CylinderGeometry(stakeRadius * 0.72, middle, shaft - buried, 7, 1, true),
            upper % 3 === 0 ? IRONWOOD : IRONWOOD_GREY,
            { position: [0, buried + (shaft - buried) / 2, 0] },
          );
          // The point: a few axe cuts, a little off the axis; a broken stake ends in a low, ragged cone.
          stake.add(new ConeGeometry(stakeRadius * 0.72, tip, broken ? 7 : 4, 1, true), IRONWOOD, {
            position: [broken ? 0 : stakeRadius * 0.1, shaft + tip / 2, 0],
          });
        }),
      );
      // Mud heaped round the foot, never past the bed's edge.
      const mound = Math.min(stakeRadius * 2.5, radius * 3, d / 2 - Math.abs(z));
      b.add(new ConeGeometry(1, 1, 8, 1, true), MUD, {
        position: [x, bed + bed * 0.3, z],
        scale: [mound, bed * 0.6, mound * 0.92],
      });
    }
  }
}

/** A stone adze or axe, lying flat, the blade toward +z: shouldered (Hạ Long culture) or plain. */
function adze(
  b: ModelBuilder,
  colour: PaintLike,
  length: number,
  width: number,
  base: Vec3,
  shouldered: boolean,
): void {
  const outline: [number, number][] = shouldered
    ? [
        [-0.5, 0],
        [0.5, 0],
        [0.42, 0.58],
        [0.26, 0.62],
        [0.24, 1],
        [-0.24, 1],
        [-0.26, 0.62],
        [-0.42, 0.58],
      ]
    : [
        [-0.5, 0],
        [0.5, 0],
        [0.32, 1],
        [-0.32, 1],
      ];
  b.add(slab(outline, 0.22), colour, {
    position: [base[0], base[1], base[2] + length / 2],
    rotation: [-Math.PI / 2, 0, 0],
    scale: [width, length, width * 0.6],
  });
}

/** A table case of stone tools: adzes and axes of grey-green stone in rows, with labels. */
export function stoneToolCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.7, bed: LINEN });
  const colours = [paint('#7c8270', 'stone'), STONE, STONE_DARK, paint('#a8977a', 'stone')];
  const rows = 2;
  const rowDepth = (inside.front - inside.back) / rows;
  const count = clamp(Math.round((inside.right - inside.left) / 0.18), 3, 8);
  const slotWidth = (inside.right - inside.left) / count;
  const length = Math.min(rowDepth * 0.7, (inside.ceiling - inside.floor) * 3);
  const width = Math.min(slotWidth * 0.6, length * 0.6);
  for (let row = 0; row < rows; row += 1) {
    const z = inside.back + rowDepth * (row + 0.55);
    for (const [index, x] of slots(inside.left, inside.right, count).entries()) {
      adze(
        b,
        cycle(colours, index + row),
        length * (index % 3 === 2 ? 0.8 : 1),
        width,
        [x, inside.floor, z],
        (index + row) % 2 === 0,
      );
    }
  }
  labelCard(
    b,
    inside.left + slotWidth * 0.5,
    inside.floor,
    inside.front - rowDepth * 0.1,
    Math.min(slotWidth * 0.6, rowDepth * 0.3),
  );
}

/**
 * The bronze drum of Quảng Chính (Đông Sơn type): a flared foot, a straight waist, a bulging mantle and a flat
 * tympanum slightly overhanging, with the raised star at its centre, rings of decoration, handles and frogs.
 */
export function bronzeDrum(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  b.group({ scale: [w / 2, h, d / 2] }, (g) => {
    turned(
      g,
      [
        [0.7, 0],
        [0.78, 0],
        [0.8, 0.03],
        [0.74, 0.2],
        [0.7, 0.38],
        [0.72, 0.55],
        [0.84, 0.72],
        [0.9, 0.86],
        [0.92, 0.92],
        [0.97, 0.935],
        [0.97, 0.955],
        [0, 0.955],
      ],
      [
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN_DARK,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
      ],
      {},
      20,
    );
    // The star: a raised disc with twelve rays.
    const tympanum = 0.955;
    disc(g, BRONZE_GREEN_LIGHT, 0.13, 0.015, [0, tympanum, 0], 16);
    for (let ray = 0; ray < 12; ray += 1) {
      const angle = (ray / 12) * Math.PI * 2;
      g.group({ position: [0, tympanum, 0], rotation: [0, angle, 0] }, (r) =>
        r.add(new ConeGeometry(1, 1, 4), BRONZE_GREEN_LIGHT, {
          position: [0.2, 0.004, 0],
          rotation: [0, 0, -Math.PI / 2],
          scale: [0.004, 0.16, 0.035],
        }),
      );
    }
    for (const radius of [0.38, 0.58, 0.78]) ring(g, BRONZE_GREEN_DARK, radius, tympanum, 0.01);
    // Four pairs of handles on the shoulder.
    for (let handle = 0; handle < 4; handle += 1) {
      const angle = (handle / 4) * Math.PI * 2 + Math.PI / 4;
      g.group({ rotation: [0, angle, 0] }, (r) =>
        r.add(new TorusGeometry(0.06, 0.015, 4, 8, Math.PI), BRONZE_GREEN_DARK, {
          position: [0.88, 0.76, 0],
          rotation: [0, Math.PI / 2, -Math.PI / 2],
        }),
      );
    }
    // Four frogs on the rim of the tympanum.
    for (let frog = 0; frog < 4; frog += 1) {
      const angle = (frog / 4) * Math.PI * 2;
      g.group({ rotation: [0, angle, 0] }, (r) => {
        ball(r, BRONZE_GREEN_DARK, [0.06, 0.025, 0.04], [0.86, tympanum + 0.018, 0], undefined, [8, 6]);
        ball(r, BRONZE_GREEN_DARK, 0.02, [0.8, tympanum + 0.025, 0], undefined, [6, 4]);
      });
    }
  });
}
