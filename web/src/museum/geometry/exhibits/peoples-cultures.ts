// The cultures of the province's peoples: costumes on mannequins, woven cloth, the barrel drum and the lute.

import { ConeGeometry, CylinderGeometry, SphereGeometry } from 'three';
import { type PaintLike, paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { cycle, slots } from './shared/numbers';
import { BRASS, INDIGO, MANNEQUIN, METAL_DARK, RED, WHITE_CLOTH, WOOD, WOOD_DARK } from './shared/palette';
import {
  ball,
  beam,
  block,
  blockOn,
  disc,
  ring,
  rod,
  turned,
  unitCylinder,
  type Vec3,
} from './shared/shapes';

/** The mannequin's shoes are painted; the drum is lacquered wood with hide heads; the lute's strings are silk. */
const SHOE_BLACK = '#1c1c1e';
const LACQUER_RED = paint('#8b1e1e', 'wood');
const HIDE = paint('#d9c49a', 'paper');
const GOURD = paint('#a8743a', 'wood');
const WOOD_PALE = paint('#d9b47a', 'wood');
const SILK = paint('#e8e2d0', 'cloth');

/**
 * Garments of the province's peoples, told apart by `variant`: indigo with red (Dao Thanh Y), near-black with
 * white and red (Dao Thanh Phán), indigo with white (Sán Dìu).
 */
const costumePalettes: { cloth: PaintLike; trim: PaintLike }[] = [
  { cloth: INDIGO, trim: RED },
  { cloth: paint('#1f2230', 'cloth'), trim: paint('#e8e2d4', 'cloth') },
  { cloth: paint('#34466e', 'cloth'), trim: paint('#f1ede3', 'cloth') },
];

/**
 * A costume on a mannequin, after the Dao Thanh Y and San Dìu women's dress: a tunic to the knee over trousers,
 * trims at the hems, cuffs and collar, a sash, and a headscarf with tassels.
 */
export function costume(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize, variant = 0): void {
  const { cloth, trim } = costumePalettes[
    variant % costumePalettes.length
  ] as (typeof costumePalettes)[number];
  const baseRadius = Math.min(w, d) * 0.4;
  disc(b, METAL_DARK, baseRadius, h * 0.02, [0, 0, 0], 16);
  const legRadius = Math.min(w * 0.075, d * 0.18);
  const hip = h * 0.5;
  const ankle = h * 0.06;
  for (const side of [1, -1]) {
    const x = side * w * 0.08;
    blockOn(
      b,
      SHOE_BLACK,
      [legRadius * 2, ankle - h * 0.02, Math.min(legRadius * 2.6, d * 0.9)],
      [x, h * 0.02, legRadius * 0.2],
    );
    rod(b, cloth, [x, ankle, 0], [side * w * 0.075, hip, 0], legRadius, 10, legRadius * 1.1);
    rod(b, trim, [x, ankle, 0], [x, ankle + h * 0.03, 0], legRadius * 1.06, 10);
    rod(b, WHITE_CLOTH, [x, ankle + h * 0.03, 0], [x, ankle + h * 0.04, 0], legRadius * 1.05, 10);
  }

  const shoulder = h * 0.8;
  const hem = h * 0.34;
  const topRadius = w * 0.15;
  const bottomRadius = w * 0.24;
  const radiusZ = Math.min(bottomRadius * 0.65, d * 0.44);
  const squash = radiusZ / bottomRadius;
  const radiusAt = (y: number) => bottomRadius + ((topRadius - bottomRadius) * (y - hem)) / (shoulder - hem);
  b.add(new CylinderGeometry(topRadius, bottomRadius, shoulder - hem, 14), cloth, {
    position: [0, (shoulder + hem) / 2, 0],
    scale: [1, 1, squash],
  });
  ring(b, trim, radiusAt(hem + h * 0.01), hem + h * 0.01, h * 0.012, radiusAt(hem + h * 0.01) * squash);
  ring(
    b,
    WHITE_CLOTH,
    radiusAt(hem + h * 0.035),
    hem + h * 0.035,
    h * 0.006,
    radiusAt(hem + h * 0.035) * squash,
  );
  // The red band down the front opening, following the slope of the tunic.
  const slope = Math.atan(((bottomRadius - topRadius) * squash) / (shoulder - hem));
  block(
    b,
    trim,
    [w * 0.05, shoulder - hem, 0.006],
    [0, (shoulder + hem) / 2, radiusAt((shoulder + hem) / 2) * squash + 0.003],
    [-slope, 0, 0],
  );
  // The sash, its ends hanging at the front.
  const waist = h * 0.52;
  ring(b, trim, radiusAt(waist), waist, h * 0.015, radiusAt(waist) * squash);
  blockOn(
    b,
    trim,
    [w * 0.06, h * 0.12, 0.008],
    [w * 0.05, waist - h * 0.13, radiusAt(waist - h * 0.07) * squash + 0.004],
  );

  ball(b, cloth, [topRadius * 1.25, h * 0.035, topRadius * 1.25 * squash], [0, shoulder, 0]);
  const sleeveRadius = Math.min(w * 0.05, d * 0.2);
  for (const side of [1, -1]) {
    const top: Vec3 = [side * w * 0.2, shoulder - h * 0.02, 0];
    const wrist: Vec3 = [side * w * 0.28, h * 0.45, 0];
    rod(b, cloth, top, wrist, sleeveRadius, 10);
    const cuff: Vec3 = [wrist[0] - side * w * 0.008, wrist[1] + h * 0.05, 0];
    rod(b, trim, wrist, cuff, sleeveRadius * 1.06, 10);
    ball(b, MANNEQUIN, sleeveRadius * 0.8, [wrist[0], wrist[1] - sleeveRadius * 0.6, 0], undefined, [8, 6]);
  }

  const headRadius = Math.min(w * 0.1, h * 0.06, d * 0.3);
  const neckTop = shoulder + h * 0.04;
  rod(b, MANNEQUIN, [0, shoulder, 0], [0, neckTop, 0], headRadius * 0.4, 8);
  ring(b, trim, headRadius * 0.5, shoulder + h * 0.012, headRadius * 0.12);
  const headY = neckTop + headRadius * 0.9;
  ball(b, MANNEQUIN, headRadius, [0, headY, 0]);
  // The headscarf: a thick wrap round the head with a flat top, and red tassels at the sides.
  ring(b, cloth, headRadius * 1.08, headY + headRadius * 0.3, headRadius * 0.5);
  ring(b, trim, headRadius * 1.5, headY + headRadius * 0.3, headRadius * 0.1);
  disc(b, cloth, headRadius * 1.2, headRadius * 0.4, [0, headY + headRadius * 0.42, 0], 14);
  for (const side of [1, -1]) {
    b.add(new ConeGeometry(headRadius * 0.14, headRadius * 0.5, 6), trim, {
      position: [side * headRadius * 1.45, headY - headRadius * 0.1, 0],
      rotation: [Math.PI, 0, 0],
    });
  }
}

/** A woven cloth hung on a wooden frame: bands of indigo, red, white, yellow and green, with lozenges, and a fringe. */
export function textile(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const post = Math.min(w * 0.04, d * 0.3, 0.06);
  for (const side of [1, -1]) {
    const x = side * (w / 2 - post * 0.8);
    blockOn(b, WOOD, [post * 1.6, h * 0.04, d], [x, 0, 0]);
    blockOn(b, WOOD, [post, h * 0.96, post], [x, h * 0.04, 0]);
  }
  block(b, WOOD, [w - post * 1.6, post * 0.8, post * 0.8], [0, h * 0.92, 0]);
  const thickness = Math.min(0.01, d * 0.05);
  const clothTop = h * 0.92 - post * 0.4;
  const clothBottom = h * 0.16;
  const clothWidth = w - post * 3.2 - w * 0.04;
  const z = post * 0.4 + thickness / 2;
  const palette = [
    INDIGO,
    RED,
    WHITE_CLOTH,
    paint('#d9a52b', 'cloth'),
    INDIGO,
    paint('#3f7a4a', 'cloth'),
    RED,
    paint('#1f1f22', 'cloth'),
  ];
  const bands = 12;
  const bandHeight = (clothTop - clothBottom) / bands;
  for (let band = 0; band < bands; band += 1) {
    const y = clothTop - bandHeight * (band + 0.5);
    block(b, cycle(palette, band), [clothWidth, bandHeight, thickness], [0, y, z]);
    if (band % 3 === 1) {
      const count = Math.max(3, Math.round(clothWidth / (bandHeight * 1.6)));
      for (const x of slots(-clothWidth / 2, clothWidth / 2, count)) {
        block(
          b,
          cycle(palette, band + 2),
          [bandHeight * 0.5, bandHeight * 0.5, thickness],
          [x, y, z + thickness * 0.6],
          [0, 0, Math.PI / 4],
        );
      }
    }
  }
  for (const x of slots(-clothWidth / 2, clothWidth / 2, 16)) {
    block(b, RED, [clothWidth / 48, h * 0.05, thickness], [x, clothBottom - h * 0.025, z]);
  }
}

/** A barrel drum (trống cái), red lacquered with hide heads facing the visitor, on a wooden stand. */
export function barrelDrum(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const radius = Math.min(w * 0.42, h * 0.36);
  const length = d * 0.8;
  const centreY = h - radius * 1.08;
  // The stand: four legs and two cradle rails.
  const leg = Math.min(w, d) * 0.05;
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1])
      blockOn(b, WOOD_DARK, [leg, centreY - radius * 0.5, leg], [sx * radius * 0.7, 0, sz * (d / 2 - leg)]);
    block(b, WOOD_DARK, [leg, leg, d], [sx * radius * 0.7, centreY - radius * 0.6, 0]);
  }
  b.group({ position: [0, centreY, 0], rotation: [Math.PI / 2, 0, 0] }, (g) => {
    turned(
      g,
      [
        [0.86, -0.5],
        [0.95, -0.35],
        [1, 0],
        [0.95, 0.35],
        [0.86, 0.5],
      ],
      [LACQUER_RED],
      { scale: [radius, length, radius] },
      16,
    );
    for (const end of [-1, 1]) {
      disc(g, HIDE, radius * 0.86, length * 0.01, [0, end * length * 0.5 - length * 0.005, 0], 16);
      g.group({ position: [0, end * length * 0.44, 0] }, (r) =>
        ring(r, BRASS, radius * 0.885, 0, radius * 0.025),
      );
    }
    g.group({}, (r) => ring(r, BRASS, radius * 0.99, 0, radius * 0.02));
  });
}

/**
 * A đàn tính, the Tày long-necked lute, upright on a stand: a gourd body with a flat soundboard facing the
 * visitor, a long slender neck, a carved head with two pegs, and two strings.
 */
export function lute(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  blockOn(b, WOOD_DARK, [w * 0.9, h * 0.03, d * 0.9], [0, 0, 0]);
  const gourd = Math.min(w * 0.45, h * 0.14);
  const bodyY = h * 0.05 + gourd;
  const back = Math.min(d * 0.32, gourd);
  b.add(new SphereGeometry(1, 14, 6, 0, Math.PI * 2, 0, Math.PI / 2), GOURD, {
    position: [0, bodyY, 0],
    rotation: [-Math.PI / 2, 0, 0],
    scale: [gourd, back, gourd],
  });
  b.add(unitCylinder(16), WOOD_PALE, {
    position: [0, bodyY, d * 0.01],
    rotation: [Math.PI / 2, 0, 0],
    scale: [gourd * 0.98, d * 0.02, gourd * 0.98],
  });
  // A stand behind the body holding it upright.
  blockOn(b, WOOD_DARK, [w * 0.1, bodyY - h * 0.03, d * 0.1], [0, h * 0.03, -back - d * 0.05]);
  const neckWidth = Math.min(w * 0.12, 0.035);
  const headTop = h * 0.96;
  blockOn(b, WOOD, [neckWidth, headTop - h * 0.12 - bodyY, d * 0.06], [0, bodyY, d * 0.035]);
  // The head, curving back, with pegs through it.
  beam(b, WOOD, [0, headTop - h * 0.12, d * 0.035], [0, headTop, -d * 0.02], neckWidth * 1.2, d * 0.06);
  for (const [y, side] of [
    [headTop - h * 0.08, 1],
    [headTop - h * 0.04, -1],
  ] as const) {
    rod(b, WOOD_DARK, [-side * w * 0.04, y, 0], [side * w * 0.12, y, 0], neckWidth * 0.15, 6);
  }
  for (const dx of [-neckWidth * 0.2, neckWidth * 0.2]) {
    block(
      b,
      SILK,
      [0.0015, headTop - h * 0.12 - bodyY + gourd * 0.5, 0.0015],
      [dx, (bodyY - gourd * 0.5 + headTop - h * 0.12) / 2, d * 0.07],
    );
  }
  block(b, WOOD_DARK, [gourd * 0.5, h * 0.012, d * 0.01], [0, bodyY - gourd * 0.5, d * 0.025]);
}
