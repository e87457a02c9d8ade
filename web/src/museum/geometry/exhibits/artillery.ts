// The guns of the outdoor exhibits: the bronze cannon, the anti-aircraft gun and the missile launcher.

import { TorusGeometry } from 'three';
import { type PaintLike, paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { clamp } from './shared/numbers';
import {
  ARMY_GREEN,
  ARMY_GREEN_DARK,
  BRASS,
  BRONZE,
  BRONZE_DARK,
  GUN_STEEL,
  IRON,
  METAL_DARK,
  MISSILE_GREY,
  RUBBER,
  STEEL,
  WOOD,
  WOOD_DARK,
} from './shared/palette';
import { ball, beam, block, blockOn, disc, rod, turned, unitCylinder, type Vec3 } from './shared/shapes';

/** The bore's dark mouth; the missile's painted red star. */
const BORE = paint('#2a2118', 'bronze');
const STAR_RED = '#b3282d';
const BOOSTER_GREY = paint('#9aa08f', 'steel');
const FIN_GREY = paint('#c9ccc4', 'steel');

/** A road wheel of a gun's or a launcher's carriage, turning about z: a rubber tyre and a steel hub. */
function roadWheel(b: ModelBuilder, centre: Vec3, radius: number, width: number): void {
  b.add(unitCylinder(14), RUBBER, {
    position: centre,
    rotation: [Math.PI / 2, 0, 0],
    scale: [radius, width, radius],
  });
  b.add(unitCylinder(10), STEEL, {
    position: centre,
    rotation: [Math.PI / 2, 0, 0],
    scale: [radius * 0.55, width * 1.06, radius * 0.55],
  });
}

/** A spoked wheel upright in the xy plane, turning about z, centred at `centre`. */
function wheel(
  b: ModelBuilder,
  radius: number,
  thickness: number,
  centre: Vec3,
  rim: PaintLike,
  spokes: number,
  hub: PaintLike,
): void {
  const tube = radius * 0.09;
  b.add(new TorusGeometry(1, tube / (radius - tube), 6, 20), rim, {
    position: centre,
    scale: [radius - tube, radius - tube, thickness / (2 * (tube / (radius - tube)))],
  });
  for (let spoke = 0; spoke < spokes; spoke += 1) {
    block(b, rim, [radius * 0.07, (radius - tube) * 2, thickness * 0.4], centre, [
      0,
      0,
      (spoke / spokes) * Math.PI,
    ]);
  }
  b.add(unitCylinder(10), hub, {
    position: centre,
    rotation: [Math.PI / 2, 0, 0],
    scale: [radius * 0.16, thickness * 1.2, radius * 0.16],
  });
}

/** A bronze cannon on a wooden field carriage with two spoked wheels; the muzzle points to +x. */
export function cannon(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const wheelRadius = Math.min(h * 0.4, w * 0.2);
  const wheelThickness = Math.min(d * 0.08, wheelRadius * 0.3);
  const barrelLength = w * 0.72;
  const barrelRadius = Math.min(h * 0.1, d * 0.12, w * 0.05);
  const trunnionY = wheelRadius + barrelRadius * 1.3;
  const elevation = Math.asin(
    clamp((h * 0.95 - trunnionY - barrelRadius) / (0.55 * barrelLength), 0, Math.sin(0.15)),
  );
  const axleX = w * 0.48 - 0.55 * barrelLength * Math.cos(elevation);
  const wheelZ = d / 2 - wheelThickness * 0.6;
  for (const side of [1, -1])
    wheel(b, wheelRadius, wheelThickness, [axleX, wheelRadius, side * wheelZ], WOOD_DARK, 10, IRON);
  rod(b, IRON, [axleX, wheelRadius, -wheelZ], [axleX, wheelRadius, wheelZ], wheelRadius * 0.07, 8);
  // The carriage: two cheeks from the axle down to the trail on the ground.
  const trail: Vec3 = [-w / 2 + w * 0.04, h * 0.04, 0];
  const cheekZ = Math.min(d * 0.14, barrelRadius * 1.3);
  for (const side of [1, -1]) {
    beam(
      b,
      WOOD,
      [axleX + wheelRadius * 0.5, wheelRadius + barrelRadius * 0.4, side * cheekZ],
      [trail[0], trail[1], side * cheekZ * 0.7],
      Math.min(h * 0.08, wheelRadius * 0.4),
      Math.min(d * 0.04, barrelRadius * 0.5),
    );
  }
  blockOn(b, IRON, [w * 0.04, h * 0.04, cheekZ * 2], [trail[0], 0, 0]);
  // The barrel: a turned bronze piece, reinforcing rings, a cascabel at the breech, trunnions over the axle.
  b.group({ position: [axleX, trunnionY, 0], rotation: [0, 0, -Math.PI / 2 + elevation] }, (g) => {
    turned(
      g,
      [
        [0, -0.47],
        [0.35, -0.46],
        [0.95, -0.42],
        [1, -0.38],
        [0.92, -0.3],
        [0.86, 0],
        [0.92, 0.04],
        [0.8, 0.08],
        [0.68, 0.45],
        [0.76, 0.5],
        [0.76, 0.53],
        [0.45, 0.53],
        [0.4, 0.45],
        [0, 0.45],
      ],
      [
        BRONZE,
        BRONZE,
        BRONZE_DARK,
        BRONZE,
        BRONZE,
        BRONZE_DARK,
        BRONZE,
        BRONZE,
        BRONZE_DARK,
        BRONZE_DARK,
        BORE,
        BORE,
      ],
      { scale: [barrelRadius, barrelLength, barrelRadius] },
      14,
    );
    ball(g, BRONZE, barrelRadius * 0.3, [0, -barrelLength * 0.5, 0], undefined, [8, 6]);
    g.add(unitCylinder(8), BRONZE, {
      rotation: [Math.PI / 2, 0, 0],
      scale: [barrelRadius * 0.3, cheekZ * 2.2, barrelRadius * 0.3],
    });
  });
}

/**
 * A twin-barrelled anti-aircraft gun in army green, in firing position: a four-wheeled carriage levelled on
 * outriggers with jack pads, a pedestal and turntable, the cradle with the two barrels raised toward +x, loading
 * clips above the breeches, and a seat on each side.
 */
export function antiAircraftGun(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const wheelRadius = Math.min(h * 0.13, d * 0.12, w * 0.06);
  const wheelWidth = Math.min(d * 0.06, wheelRadius * 0.6);
  const deck = wheelRadius * 1.3;
  const deckHeight = h * 0.07;
  blockOn(b, ARMY_GREEN, [w * 0.55, deckHeight, d * 0.55], [0, deck, 0]);
  for (const x of [-w * 0.18, w * 0.18]) {
    for (const side of [1, -1]) {
      roadWheel(b, [x, wheelRadius, side * (d * 0.275 + wheelWidth / 2)], wheelRadius, wheelWidth);
    }
  }
  // Outriggers to jack pads, fore and aft and to the sides.
  const pad = Math.max(h * 0.03, Math.min(w, d) * 0.02);
  const arm = Math.min(h * 0.05, Math.min(w, d) * 0.04);
  for (const [x, z] of [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ] as const) {
    beam(
      b,
      ARMY_GREEN_DARK,
      [x * w * 0.25, deck + deckHeight / 2, z * d * 0.25],
      [x * w * 0.45, pad + arm / 2, z * d * 0.45],
      arm,
      arm,
    );
    disc(b, METAL_DARK, Math.min(w, d) * 0.035, pad, [x * w * 0.45, 0, z * d * 0.45], 10);
  }
  const top = deck + deckHeight;
  const base = Math.min(w, d) * 0.3;
  disc(b, ARMY_GREEN_DARK, base * 0.4, h * 0.1, [0, top, 0], 16);
  disc(b, ARMY_GREEN, base * 0.65, h * 0.03, [0, top + h * 0.1, 0], 16);
  const mount = top + h * 0.13;
  const pivot: Vec3 = [-w * 0.03, mount + h * 0.14, 0];
  const gap = Math.min(d * 0.1, base * 0.3);
  for (const side of [1, -1]) {
    blockOn(b, ARMY_GREEN, [base * 0.7, h * 0.2, base * 0.08], [pivot[0], mount, side * (gap + base * 0.14)]);
    // A seat for each gunner.
    const seat: Vec3 = [-base * 0.5, mount, side * base * 0.7];
    rod(b, METAL_DARK, seat, [seat[0], seat[1] + h * 0.07, seat[2]], base * 0.03, 6);
    blockOn(b, METAL_DARK, [base * 0.22, h * 0.025, base * 0.25], [seat[0], seat[1] + h * 0.07, seat[2]]);
  }
  const elevation = 0.6;
  const radius = Math.min(h * 0.03, d * 0.035);
  const length = Math.min(
    (h * 0.97 - pivot[1] - radius * 4) / Math.sin(elevation),
    (w * 0.48 - pivot[0]) / Math.cos(elevation),
  );
  for (const side of [1, -1]) {
    b.group({ position: [pivot[0], pivot[1], side * gap], rotation: [0, 0, elevation] }, (g) => {
      block(g, ARMY_GREEN, [length * 0.32, radius * 4, radius * 4], [length * 0.06, 0, 0]);
      block(g, BRASS, [length * 0.1, radius * 3, radius * 2], [length * 0.02, radius * 3.4, 0]);
      rod(g, GUN_STEEL, [length * 0.2, 0, 0], [length * 0.9, 0, 0], radius, 10, radius * 0.85);
      // The flash hider, flared at the muzzle.
      rod(g, GUN_STEEL, [length * 0.9, 0, 0], [length, 0, 0], radius * 1.2, 10, radius * 1.8);
    });
  }
  // The sight between the barrels.
  blockOn(b, ARMY_GREEN_DARK, [base * 0.2, h * 0.08, gap], [pivot[0] - base * 0.1, pivot[1] + radius * 2, 0]);
}

/**
 * A surface-to-air missile on its launcher trailer (as the S-75 of the air-defence war): a chassis on four
 * wheels, a turntable, an inclined launch rail and the long two-stage missile with its fins, in army green and grey.
 */
export function missileLauncher(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const wheelRadius = Math.min(h * 0.13, w * 0.06, d * 0.2);
  const wheelWidth = Math.min(d * 0.1, wheelRadius);
  const chassisY = wheelRadius * 1.2;
  blockOn(b, ARMY_GREEN, [w * 0.62, h * 0.06, d * 0.6], [w * 0.05, chassisY, 0]);
  for (const x of [-w * 0.12, w * 0.26]) {
    for (const side of [1, -1]) {
      roadWheel(b, [x, wheelRadius, side * (d * 0.3 + wheelWidth / 2)], wheelRadius, wheelWidth);
    }
  }
  beam(
    b,
    ARMY_GREEN_DARK,
    [-w * 0.26, chassisY + h * 0.03, 0],
    [-w * 0.46, chassisY * 0.5, 0],
    h * 0.04,
    d * 0.05,
  );
  for (const side of [1, -1]) {
    // Outriggers down to jack pads on the ground.
    const pad = Math.max(h * 0.03, d * 0.03);
    beam(
      b,
      ARMY_GREEN_DARK,
      [w * 0.3, chassisY, side * d * 0.25],
      [w * 0.44, pad, side * d * 0.44],
      h * 0.03,
      d * 0.04,
    );
    disc(b, METAL_DARK, d * 0.04, pad, [w * 0.44, 0, side * d * 0.44], 8);
  }
  const turntableTop = chassisY + h * 0.06 + h * 0.08;
  disc(b, ARMY_GREEN_DARK, Math.min(w, d) * 0.2, h * 0.08, [w * 0.05, chassisY + h * 0.06, 0], 16);

  const elevation = 0.3;
  const rear: Vec3 = [-w * 0.46, turntableTop + h * 0.05, 0];
  const missileRadius = Math.min(h * 0.05, d * 0.07);
  const fin = Math.min(h * 0.09, d * 0.22);
  const length = Math.min(
    (w * 0.94) / Math.cos(elevation),
    (h * 0.97 - rear[1] - fin - missileRadius) / Math.sin(elevation),
  );
  // The launch rail and its A-frame.
  const railTop = (t: number): Vec3 => [
    rear[0] + Math.cos(elevation) * length * t,
    rear[1] + Math.sin(elevation) * length * t - missileRadius * 1.6,
    0,
  ];
  beam(b, ARMY_GREEN, railTop(0.05), railTop(0.75), missileRadius * 0.8, missileRadius * 1.2);
  for (const side of [1, -1]) {
    const foot: Vec3 = [w * 0.05, turntableTop, side * d * 0.12];
    beam(b, ARMY_GREEN, foot, railTop(0.5), h * 0.04, d * 0.04);
    beam(b, ARMY_GREEN, [-w * 0.15, turntableTop, side * d * 0.12], railTop(0.3), h * 0.04, d * 0.04);
  }
  b.group({ position: rear, rotation: [0, 0, elevation] }, (g) => {
    const booster = length * 0.3;
    rod(g, BOOSTER_GREY, [0, 0, 0], [booster, 0, 0], missileRadius * 1.25, 12);
    // The interstage: a short cone from the booster to the sustainer.
    rod(
      g,
      BOOSTER_GREY,
      [booster, 0, 0],
      [booster + missileRadius, 0, 0],
      missileRadius * 1.25,
      12,
      missileRadius,
    );
    rod(g, MISSILE_GREY, [booster + missileRadius, 0, 0], [length * 0.8, 0, 0], missileRadius, 12);
    // The nose: an ogive to a short probe.
    turned(
      g,
      [
        [1, 0],
        [0.92, 0.3],
        [0.7, 0.6],
        [0.38, 0.85],
        [0.08, 1],
        [0, 1.08],
      ],
      [MISSILE_GREY],
      {
        position: [length * 0.8, 0, 0],
        rotation: [0, 0, -Math.PI / 2],
        scale: [missileRadius, length * 0.18, missileRadius],
      },
      12,
    );
    for (let quarter = 0; quarter < 4; quarter += 1) {
      const angle = (quarter / 4) * Math.PI * 2 + Math.PI / 4;
      g.group({ rotation: [angle, 0, 0] }, (f) => {
        block(
          f,
          BOOSTER_GREY,
          [booster * 0.3, fin, 0.01 + missileRadius * 0.05],
          [booster * 0.15, fin / 2, 0],
        );
        block(
          f,
          FIN_GREY,
          [length * 0.08, fin * 0.45, 0.008 + missileRadius * 0.04],
          [length * 0.6, fin * 0.22, 0],
        );
        block(
          f,
          FIN_GREY,
          [length * 0.03, fin * 0.25, 0.006 + missileRadius * 0.03],
          [length * 0.8, fin * 0.12, 0],
        );
      });
    }
    ball(
      g,
      STAR_RED,
      [missileRadius * 0.3, missileRadius * 0.3, 0.004],
      [length * 0.5, 0, missileRadius],
      undefined,
      [8, 4],
    );
  });
}
