// The fin whale skeleton that hangs over the entrance hall.
import { ConeGeometry, TorusGeometry } from 'three';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { BONE } from './shared/palette';
import { ball, block, rod, spindle, unitCylinder, type Vec3 } from './shared/shapes';

/**
 * The fin whale skeleton, along x with the skull at −x: a flat skull with its long rostrum, two bowed lower jaws,
 * fifty vertebrae shrinking toward the tail along a gentle arch, fifteen pairs of ribs and two flippers. It hangs
 * in the middle of its box.
 */
export function whaleSkeleton(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const thick = Math.min(h, d);
  const skullLength = w * 0.2;
  const spineStart = -w / 2 + skullLength * 0.95;
  const spineEnd = w / 2 - w * 0.012;
  const spineY = (t: number) => h * (0.6 + 0.1 * Math.sin(Math.PI * t) - 0.12 * t * t);
  const spineX = (t: number) => spineStart + t * (spineEnd - spineStart);
  const VERTEBRAE = 50;
  const spacing = (spineEnd - spineStart) / (VERTEBRAE - 1);

  for (let index = 0; index < VERTEBRAE; index += 1) {
    const t = index / (VERTEBRAE - 1);
    const [x, y] = [spineX(t), spineY(t)];
    const radius = thick * (0.065 * (1 - 0.75 * t) + 0.012);
    b.add(unitCylinder(10), BONE, {
      position: [x, y, 0],
      rotation: [0, 0, Math.PI / 2],
      scale: [radius, spacing * 0.72, radius],
    });
    // The spinous process above, the transverse processes to the sides.
    if (t < 0.85) {
      const spine = h * 0.13 * (1 - t) ** 1.3;
      block(b, BONE, [spacing * 0.3, spine, radius * 0.35], [x, y + radius * 0.8 + spine / 2, 0]);
    }
    if (t < 0.8) {
      const reach = radius + thick * 0.1 * (1 - t);
      block(b, BONE, [spacing * 0.25, radius * 0.3, reach * 2], [x, y, 0]);
    }
  }

  // Ribs: arcs of a torus from the spine outward and down, scaled into ellipses.
  const RIB_PAIRS = 15;
  const RIB_ARC = Math.PI * 0.68;
  const rib = new TorusGeometry(1, 0.045, 5, 12, RIB_ARC);
  for (let pair = 0; pair < RIB_PAIRS; pair += 1) {
    const t = 0.015 + (pair / (RIB_PAIRS - 1)) * 0.36;
    const share = 1 - Math.abs(pair - 5) / 16;
    const drop = h * 0.27 * share;
    const spread = d * 0.36 * share;
    for (const side of [1, -1]) {
      b.group(
        {
          position: [spineX(t), spineY(t) - drop, 0],
          rotation: [0, (-side * Math.PI) / 2, 0],
          scale: [spread, drop, thick * 0.6],
        },
        (g) => g.add(rib, BONE, { rotation: [0, 0, Math.PI / 2 - RIB_ARC] }),
      );
    }
  }

  // The skull: the braincase and the long, flat rostrum pointing forward.
  const headY = spineY(0);
  ball(b, BONE, [skullLength * 0.24, h * 0.085, d * 0.2], [-w / 2 + skullLength * 0.76, headY - h * 0.02, 0]);
  const rostrum = skullLength * 0.72;
  b.add(new ConeGeometry(1, 1, 12), BONE, {
    position: [-w / 2 + w * 0.005 + rostrum / 2, headY - h * 0.04, 0],
    rotation: [0, 0, Math.PI / 2],
    scale: [h * 0.05, rostrum, d * 0.17],
  });

  // The lower jaws, bowed outward, meeting at the tip.
  const jawRadius = thick * 0.028;
  const jawY = headY - h * 0.12;
  for (const side of [1, -1]) {
    const tip: Vec3 = [-w / 2 + w * 0.006 + jawRadius, jawY + h * 0.01, side * d * 0.03];
    const bow: Vec3 = [-w / 2 + skullLength * 0.5, jawY - h * 0.025, side * d * 0.19];
    const hinge: Vec3 = [-w / 2 + skullLength * 1.05, jawY + h * 0.02, side * d * 0.2];
    rod(b, BONE, tip, bow, jawRadius);
    rod(b, BONE, bow, hinge, jawRadius);
    ball(b, BONE, jawRadius, bow, undefined, [8, 6]);
  }

  // The flippers, hanging out and down behind the skull.
  const shoulderX = -w / 2 + skullLength + w * 0.03;
  for (const side of [1, -1]) {
    const shoulder: Vec3 = [shoulderX, spineY(0.05) - h * 0.16, side * d * 0.16];
    const tip: Vec3 = [shoulderX + w * 0.05, spineY(0.05) - h * 0.36, side * d * 0.43];
    spindle(b, BONE, shoulder, tip, thick * 0.06, thick * 0.015);
  }
}
