// The miners' things: the mine cart, the cap lamp and the hard hat.
import { CylinderGeometry, SphereGeometry, TorusGeometry } from 'three';
import { paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { between, seededUniform, slots } from './shared/numbers';
import {
  ANTHRACITE,
  ANTHRACITE_SHEEN,
  BRASS,
  BRONZE_DARK,
  IRON,
  METAL_DARK,
  RUBBER,
  RUST,
  STEEL,
  WOOD_DARK,
} from './shared/palette';
import { rock } from './shared/rocks';
import { block, blockOn, rod, unitCylinder, type Vec3 } from './shared/shapes';

const RAIL_STEEL = paint('#6e6e6e', 'steel');
/** The lamp's stand and battery box are painted and moulded; its maker's label is printed. */
const PLINTH = '#3a3a3c';
const PLASTIC_BLACK = '#2d2f31';
const LABEL_YELLOW = paint('#d9a21b', 'paper');

/** A steel mine cart on four wheels on a short length of track, heaped with coal. */
export function mineCart(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const sleeper = h * 0.03;
  for (const x of slots(-w / 2, w / 2, 5)) blockOn(b, WOOD_DARK, [w * 0.08, sleeper, d], [x, 0, 0]);
  const gauge = d * 0.6;
  const railHeight = h * 0.04;
  for (const side of [1, -1])
    blockOn(b, RAIL_STEEL, [w, railHeight, Math.min(d * 0.04, 0.05)], [0, sleeper, (side * gauge) / 2]);
  const railTop = sleeper + railHeight;
  const wheelRadius = Math.min(h * 0.12, w * 0.09);
  const wheelWidth = Math.min(d * 0.08, 0.06);
  for (const x of [-w * 0.27, w * 0.27]) {
    for (const side of [1, -1]) {
      b.add(unitCylinder(14), IRON, {
        position: [x, railTop + wheelRadius, (side * gauge) / 2],
        rotation: [Math.PI / 2, 0, 0],
        scale: [wheelRadius, wheelWidth, wheelRadius],
      });
    }
    rod(
      b,
      METAL_DARK,
      [x, railTop + wheelRadius, -gauge / 2],
      [x, railTop + wheelRadius, gauge / 2],
      wheelRadius * 0.2,
      8,
    );
  }
  // The tub: an open steel box with a rim and ribs.
  const tubBottom = railTop + wheelRadius * 1.6;
  const tubTop = h * 0.8;
  const tubW = w * 0.86;
  const tubD = d * 0.86;
  const wall = Math.min(w * 0.02, d * 0.03);
  const tub = STEEL;
  blockOn(b, tub, [tubW, wall, tubD], [0, tubBottom, 0]);
  for (const side of [1, -1]) {
    blockOn(b, tub, [tubW, tubTop - tubBottom, wall], [0, tubBottom, side * (tubD / 2 - wall / 2)]);
    blockOn(b, tub, [wall, tubTop - tubBottom, tubD], [side * (tubW / 2 - wall / 2), tubBottom, 0]);
    blockOn(b, RUST, [tubW * 1.02, wall, wall * 1.6], [0, tubTop - wall, side * (tubD / 2 - wall * 0.3)]);
    for (const x of [-tubW * 0.3, 0, tubW * 0.3])
      blockOn(
        b,
        METAL_DARK,
        [wall * 1.5, tubTop - tubBottom, wall * 0.6],
        [x, tubBottom, side * (tubD / 2 + wall * 0.3)],
      );
  }
  // Coal heaped above the rim.
  const next = seededUniform(17);
  const heap = h - tubTop;
  const lumpsX = 6;
  const lumpsZ = 3;
  for (let ix = 0; ix < lumpsX; ix += 1) {
    for (let iz = 0; iz < lumpsZ; iz += 1) {
      const u = (ix + 0.5) / lumpsX - 0.5;
      const v = (iz + 0.5) / lumpsZ - 0.5;
      const lump = Math.min(tubW / lumpsX, tubD / lumpsZ) * between(next, 0.8, 1.05);
      const mound = heap * 0.9 * (1 - (2 * u) ** 2 * 0.7 - (2 * v) ** 2 * 0.5);
      const x = u * (tubW - wall * 2 - lump);
      const z = v * (tubD - wall * 2 - lump);
      const tall = Math.min(lump * 0.8, h * 0.98 - (tubTop - lump * 0.4 + mound));
      rock(
        b,
        300 + ix * 7 + iz,
        ANTHRACITE,
        [lump, Math.max(tall, lump * 0.2), lump],
        [x, tubTop - lump * 0.4 + Math.max(0, mound - lump * 0.3), z],
        ANTHRACITE_SHEEN,
        0,
      );
    }
  }
}

/** A miner's cap lamp on a small stand: the battery box, the lamp head above it with its glass, and the cable. */
export function mineLamp(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  blockOn(b, PLINTH, [w * 0.9, h * 0.05, d * 0.9], [0, 0, 0]);
  const battery: Vec3 = [w * 0.5, h * 0.5, d * 0.55];
  blockOn(b, PLASTIC_BLACK, battery, [0, h * 0.05, 0]);
  blockOn(
    b,
    LABEL_YELLOW,
    [battery[0] * 0.7, battery[1] * 0.3, 0.002],
    [0, h * 0.05 + battery[1] * 0.4, battery[2] / 2 + 0.001],
  );
  blockOn(b, PLASTIC_BLACK, [battery[0] * 1.05, h * 0.04, battery[2] * 1.05], [0, h * 0.55, 0]);
  const headRadius = Math.min(w * 0.2, h * 0.14, d * 0.35);
  const headLength = d * 0.45;
  const headY = h - headRadius * 1.05;
  blockOn(b, PLASTIC_BLACK, [w * 0.06, headY - h * 0.59, d * 0.1], [0, h * 0.59, 0]);
  b.add(new CylinderGeometry(headRadius, headRadius * 0.7, headLength, 14), BRASS, {
    position: [0, headY, 0],
    rotation: [Math.PI / 2, 0, 0],
  });
  b.add(new TorusGeometry(headRadius * 0.9, headRadius * 0.1, 4, 16), BRONZE_DARK, {
    position: [0, headY, headLength / 2],
  });
  b.addGlass(new CylinderGeometry(headRadius * 0.88, headRadius * 0.88, headLength * 0.06, 14), {
    position: [0, headY, headLength / 2 + headLength * 0.03],
    rotation: [Math.PI / 2, 0, 0],
  });
  // The cable from the back of the lamp head down into the battery.
  b.add(new TorusGeometry(1, 0.1, 5, 12, Math.PI), RUBBER, {
    position: [w * 0.12, (headY + h * 0.45) / 2, -headLength * 0.3],
    rotation: [0, 0, -Math.PI / 2],
    scale: [(headY - h * 0.45) / 2, w * 0.3, Math.min(w, d) * 0.15],
  });
}

/** A miner's hard hat with its peak, a ridge, and the cap lamp on the front. */
export function helmet(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const brim = h * 0.05;
  // The hat is moulded and painted: matt.
  const shell = '#d9a21b';
  b.add(new CylinderGeometry(1, 1, 1, 20), shell, {
    position: [0, brim / 2, d * 0.03],
    scale: [w * 0.48, brim, d * 0.47],
  });
  const dome: Vec3 = [w * 0.42, h * 0.88, d * 0.4];
  b.add(new SphereGeometry(1, 16, 8, 0, Math.PI * 2, 0, Math.PI / 2), shell, {
    position: [0, brim, 0],
    scale: dome,
  });
  b.add(new TorusGeometry(1, 0.05, 4, 16, Math.PI), '#c48f12', {
    position: [0, brim, 0],
    rotation: [0, Math.PI / 2, 0],
    scale: [dome[2] * 0.99, dome[1] * 1.0, w * 0.4],
  });
  // The lamp: a bracket on the front of the dome, the lamp body, its glass.
  const lampY = brim + dome[1] * 0.45;
  const front = dome[2] * Math.sqrt(1 - 0.45 ** 2);
  const lampRadius = Math.min(w, h) * 0.14;
  const lampLength = d * 0.12;
  block(b, STEEL, [lampRadius * 1.6, lampRadius * 2.2, d * 0.03], [0, lampY, front - d * 0.005]);
  b.add(unitCylinder(12), STEEL, {
    position: [0, lampY, front + lampLength / 2],
    rotation: [Math.PI / 2, 0, 0],
    scale: [lampRadius, lampLength, lampRadius],
  });
  b.addGlass(unitCylinder(12), {
    position: [0, lampY, front + lampLength + d * 0.005],
    rotation: [Math.PI / 2, 0, 0],
    scale: [lampRadius * 0.85, d * 0.01, lampRadius * 0.85],
  });
}
