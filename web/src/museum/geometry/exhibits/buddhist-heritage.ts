// Trúc Lâm Zen and its heritage: the Đồng Pagoda in miniature, the seated monk, a turtle stele, the golden
// lotus box of Yên Tử.
import { ConeGeometry, CylinderGeometry, LatheGeometry, SphereGeometry, Vector2 } from 'three';
import { paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { slots } from './shared/numbers';
import { BRONZE, BRONZE_DARK, GOLD, GOLD_DEEP, GOLD_PALE, STONE, STONE_DARK } from './shared/palette';
import { ball, bent, block, blockOn, disc, type Profile, ring, rod, turned } from './shared/shapes';

/** Bronze in shadow (the doors' recesses) and where hands have worn it bright (a statue's face and hands). */
const BRONZE_SHADOW = paint('#4a3a1e', 'bronze');
const BRONZE_WORN = paint('#a8844c', 'bronze');
/** Stone of a lighter step, of a carved recess, and of cut lines. */
const STONE_LIGHT = paint('#9c988f', 'stone');
const STONE_SUNK = paint('#75716a', 'stone');
const STONE_SHADOW = paint('#4f4c46', 'stone');

/**
 * The golden lotus box of Yên Tử: a small round gold box whose lid opens as a lotus, two rings of petals round a
 * bud knob.
 */
export function lotusBox(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  b.group({ scale: [w / 2, h, d / 2] }, (g) => {
    turned(
      g,
      [
        [0, 0],
        [0.62, 0],
        [0.7, 0.06],
        [0.84, 0.14],
        [0.88, 0.44],
        [0.9, 0.5],
        [0, 0.5],
      ],
      [GOLD_DEEP, GOLD, GOLD, GOLD, GOLD_DEEP, GOLD],
      {},
      16,
    );
    turned(
      g,
      [
        [0.92, 0.5],
        [0.92, 0.54],
        [0.8, 0.64],
        [0.55, 0.74],
        [0.3, 0.8],
        [0, 0.81],
      ],
      [GOLD],
      {},
      16,
    );
    for (const [count, radius, y, tilt, length] of [
      [8, 0.62, 0.69, 0.35, 0.3],
      [8, 0.38, 0.8, 0.8, 0.22],
    ] as const) {
      for (let petal = 0; petal < count; petal += 1) {
        const angle = ((petal + (radius < 0.5 ? 0.5 : 0)) / count) * Math.PI * 2;
        g.group({ rotation: [0, angle, 0] }, (p) =>
          ball(p, GOLD_PALE, [length, 0.06, length * 0.62], [radius, y, 0], [0, 0, -tilt], [10, 6]),
        );
      }
    }
    ball(g, GOLD_PALE, [0.12, 0.09, 0.12], [0, 0.88, 0]);
    g.add(new ConeGeometry(0.06, 0.06, 8), GOLD_PALE, { position: [0, 0.97, 0] });
  });
}

/**
 * The Đồng (bronze) pagoda on the summit of Yên Tử, in miniature: a small square bronze temple with a veranda of
 * columns and doors under a double curved roof with hip ridges and upturned corners, on a two-step stone base
 * with a balustrade open at the front.
 */
export function pagodaModel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  blockOn(b, STONE, [w, h * 0.08, d], [0, 0, 0]);
  blockOn(b, STONE_LIGHT, [w * 0.82, h * 0.08, d * 0.82], [0, h * 0.08, 0]);
  const floor = h * 0.16;
  const bodyW = w * 0.5;
  const bodyD = d * 0.45;
  const bodyH = h * 0.3;
  blockOn(b, BRONZE_DARK, [bodyW * 1.1, h * 0.03, bodyD * 1.1], [0, floor, 0]);
  blockOn(b, BRONZE, [bodyW, bodyH, bodyD], [0, floor + h * 0.03, 0]);
  // The veranda's columns, front and back.
  for (const x of slots(-bodyW * 0.55, bodyW * 0.55, 4)) {
    for (const z of [bodyD * 0.55, -bodyD * 0.55]) {
      disc(b, BRONZE_DARK, Math.min(bodyW, bodyD) * 0.04, bodyH, [x, floor + h * 0.03, z], 8);
    }
  }
  // A stone balustrade round the upper terrace, open at the front where the steps come up.
  const terrace = { x: w * 0.39, z: d * 0.39, post: Math.min(w, d) * 0.025, high: h * 0.06 };
  for (const [x, z] of [
    ...slots(-terrace.x, terrace.x, 6).flatMap((x) => [
      [x, -terrace.z],
      [x, terrace.z],
    ]),
    ...slots(-terrace.z, terrace.z, 4).flatMap((z) => [
      [-terrace.x, z],
      [terrace.x, z],
    ]),
  ] as [number, number][]) {
    if (z > 0 && Math.abs(x) < terrace.x * 0.3) continue;
    blockOn(b, STONE_LIGHT, [terrace.post, terrace.high, terrace.post], [x, floor, z]);
  }
  const rail = terrace.post * 0.8;
  const railY = floor + terrace.high - rail / 2;
  block(b, STONE_LIGHT, [terrace.x * 2, rail, rail], [0, railY, -terrace.z]);
  for (const side of [-1, 1]) {
    block(b, STONE_LIGHT, [rail, rail, terrace.z * 2], [side * terrace.x, railY, 0]);
    block(b, STONE_LIGHT, [terrace.x * 0.7, rail, rail], [side * terrace.x * 0.65, railY, terrace.z]);
  }
  for (const x of [-bodyW * 0.28, 0, bodyW * 0.28]) {
    block(
      b,
      BRONZE_SHADOW,
      [bodyW * 0.16, bodyH * 0.6, 0.004],
      [x, floor + h * 0.03 + bodyH * 0.32, bodyD / 2 + 0.002],
    );
  }

  // The roofs: four-sided lathes with a concave profile, stretched a little along x like a hip roof.
  const roofProfile: Profile = [
    [0.6, 0],
    [1, 0.04],
    [0.97, 0.1],
    [0.7, 0.3],
    [0.45, 0.55],
    [0.25, 0.8],
    [0, 1],
  ];
  const eaves = floor + h * 0.03 + bodyH;
  const lower = { radius: 0.78, base: eaves - h * 0.02, height: h * 0.2 };
  const upper = { radius: 0.5, base: eaves + h * 0.16, height: h * 0.24 };
  const corner = Math.SQRT1_2;
  for (const tier of [lower, upper]) {
    const rx = (tier.radius * w) / 2 / corner;
    const rz = (tier.radius * d) / 2 / corner;
    b.add(
      new LatheGeometry(
        roofProfile.map(([r, y]) => new Vector2(r, y)),
        4,
        Math.PI / 4,
      ),
      BRONZE,
      {
        position: [0, tier.base, 0],
        scale: [rx * 0.98, tier.height, rz * 0.98],
      },
    );
    // Upturned corners, and the hip ridges running up the curve of the roof from each corner to the top.
    for (const sx of [-1, 1]) {
      for (const sz of [-1, 1]) {
        bent(
          b,
          BRONZE_DARK,
          roofProfile
            .slice(1)
            .map(([r, y]) => [
              sx * r * rx * corner * 0.98,
              tier.base + y * tier.height + Math.min(w, d) * 0.006,
              sz * r * rz * corner * 0.98,
            ]),
          Math.min(w, d) * 0.008,
          8,
          4,
        );
        b.add(new ConeGeometry(1, 1, 6), BRONZE, {
          position: [sx * rx * corner * 0.9, tier.base + tier.height * 0.12, sz * rz * corner * 0.9],
          rotation: [sz * 0.5, 0, -sx * 0.5],
          scale: [Math.min(w, d) * 0.015, tier.height * 0.22, Math.min(w, d) * 0.015],
        });
      }
    }
  }
  // The short wall between the two roofs, the ridge and a golden finial.
  blockOn(b, BRONZE, [bodyW * 0.6, h * 0.08, bodyD * 0.6], [0, lower.base + lower.height * 0.4, 0]);
  block(b, BRONZE_DARK, [w * 0.22, h * 0.025, d * 0.04], [0, upper.base + upper.height * 0.95, 0]);
  b.add(new ConeGeometry(1, 1, 8), GOLD, {
    position: [0, upper.base + upper.height + h * 0.03, 0],
    scale: [w * 0.03, h * 0.06, d * 0.03],
  });
}

/**
 * A seated monk (the Buddhist king Trần Nhân Tông) cast in bronze: crossed legs, a robe with a darker sash over the
 * shoulder, hands in the lap, a shaven head worn bright, on an octagonal stone pedestal with a gilded lotus cushion.
 */
export function statue(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const pedestalRadius = Math.min(w, d) * 0.48;
  const pedestal = h * 0.2;
  disc(b, STONE, pedestalRadius, pedestal * 0.7, [0, 0, 0], 8);
  disc(b, STONE_LIGHT, pedestalRadius * 0.9, pedestal * 0.1, [0, pedestal * 0.7, 0], 8);
  for (let petal = 0; petal < 12; petal += 1) {
    const angle = (petal / 12) * Math.PI * 2;
    b.group({ rotation: [0, angle, 0] }, (g) =>
      ball(
        g,
        GOLD_DEEP,
        [pedestalRadius * 0.22, pedestal * 0.18, pedestalRadius * 0.14],
        [pedestalRadius * 0.72, pedestal * 0.88, 0],
        [0, 0, 0.5],
        [8, 6],
      ),
    );
  }
  disc(b, GOLD_DEEP, pedestalRadius * 0.8, pedestal * 0.2, [0, pedestal * 0.8, 0], 16);

  // The figure in its own unit f (about 0.93 f tall, 0.84 f wide, 0.65 f deep).
  const f = Math.min((h - pedestal) / 0.94, w / 0.9, d / 0.72);
  const robe = BRONZE;
  const sash = BRONZE_DARK;
  const skin = BRONZE_WORN;
  b.group({ position: [0, pedestal, 0] }, (g) => {
    ball(g, robe, [0.42 * f, 0.12 * f, 0.3 * f], [0, 0.12 * f, 0.04 * f]);
    g.add(new CylinderGeometry(0.19 * f, 0.3 * f, 0.48 * f, 12), robe, {
      position: [0, 0.4 * f, 0],
      scale: [1, 1, 0.75],
    });
    ball(g, robe, [0.25 * f, 0.08 * f, 0.17 * f], [0, 0.62 * f, 0]);
    block(g, sash, [0.07 * f, 0.52 * f, 0.02 * f], [0.02 * f, 0.42 * f, 0.18 * f], [0.25, 0, 0.55]);
    rod(g, skin, [0, 0.64 * f, 0], [0, 0.74 * f, 0], 0.06 * f, 8);
    ball(g, skin, 0.12 * f, [0, 0.8 * f, 0.01 * f]);
    for (const side of [1, -1]) {
      ball(g, skin, 0.025 * f, [side * 0.12 * f, 0.8 * f, 0], undefined, [6, 4]);
      rod(g, robe, [side * 0.22 * f, 0.6 * f, 0], [side * 0.27 * f, 0.36 * f, 0.1 * f], 0.07 * f, 8);
      rod(g, robe, [side * 0.27 * f, 0.36 * f, 0.1 * f], [side * 0.07 * f, 0.26 * f, 0.2 * f], 0.06 * f, 8);
    }
    ball(g, skin, [0.11 * f, 0.04 * f, 0.07 * f], [0, 0.26 * f, 0.2 * f]);
  });
}

/** A stone stele on the back of a turtle, with an arched crown and an inscribed face, on a stone platform. */
export function stele(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const platform = h * 0.05;
  blockOn(b, STONE_DARK, [w * 0.95, platform, d * 0.95], [0, 0, 0]);
  const turtle = h * 0.22;
  const stone = STONE_DARK;
  b.add(new SphereGeometry(1, 14, 6, 0, Math.PI * 2, 0, Math.PI / 2), stone, {
    position: [0, platform, -d * 0.04],
    scale: [w * 0.38, turtle * 0.85, d * 0.38],
  });
  b.group({ position: [0, platform, -d * 0.04] }, (g) =>
    ring(g, STONE_SHADOW, w * 0.37, turtle * 0.08, turtle * 0.05, d * 0.37),
  );
  ball(b, stone, [w * 0.09, turtle * 0.22, d * 0.1], [0, platform + turtle * 0.3, d * 0.36]);
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1])
      ball(
        b,
        stone,
        [w * 0.08, turtle * 0.12, d * 0.08],
        [sx * w * 0.3, platform + turtle * 0.1, sz * d * 0.26],
      );
  }
  const slabWidth = w * 0.62;
  const slabDepth = d * 0.2;
  const slabBase = platform + turtle * 0.7;
  const crown = Math.min(slabWidth / 2, (h - slabBase) * 0.2);
  const slabHeight = h - slabBase - crown;
  const face = STONE;
  blockOn(b, face, [slabWidth, slabHeight, slabDepth], [0, slabBase, 0]);
  b.add(new CylinderGeometry(1, 1, 1, 16, 1, false, Math.PI / 2, Math.PI), face, {
    position: [0, slabBase + slabHeight, 0],
    rotation: [Math.PI / 2, 0, 0],
    scale: [slabWidth / 2, slabDepth, crown],
  });
  // The inscription: a sunken panel with rows of characters.
  const panelW = slabWidth * 0.78;
  const panelH = slabHeight * 0.7;
  const panelY = slabBase + slabHeight * 0.12;
  blockOn(b, STONE_SUNK, [panelW, panelH, 0.004], [0, panelY, slabDepth / 2 + 0.002]);
  for (const x of slots(-panelW * 0.45, panelW * 0.45, 8)) {
    blockOn(
      b,
      STONE_SHADOW,
      [panelW * 0.03, panelH * 0.9, 0.004],
      [x, panelY + panelH * 0.05, slabDepth / 2 + 0.004],
    );
  }
  ball(
    b,
    STONE_SUNK,
    [slabWidth * 0.12, crown * 0.4, 0.006],
    [0, slabBase + slabHeight + crown * 0.3, slabDepth / 2],
  );
}
