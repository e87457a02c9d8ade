// Boats: the junk model of the entrance hall and the full-size fishing boat of the bay.
import { paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { deckHeight, type HullForm, hullBand, hullDeck, hullEnds } from './shared/hulls';
import { clamp, slots } from './shared/numbers';
import { ROPE, SAILCLOTH, SAILCLOTH_RED, WOOD, WOOD_DARK, WOOD_LIGHT } from './shared/palette';
import { block, blockOn, rod, slab, unitBox, type Vec3 } from './shared/shapes';

/** The junk's hull: tarred below the waterline, brown planking above, a lighter wale at the rail. */
const TARRED = paint('#2e231b', 'wood');
const HULL_BROWN = paint('#7a4a26', 'wood');
const HULL_END = paint('#6a3f20', 'wood');

/**
 * The large junk model of the entrance hall: a hull with a high stern, a deckhouse and a rudder, three masts with
 * ochre and red battened sails — each sail stretched between a yard and a boom, stiffened by bamboo battens that
 * stand proud of the cloth, its sheets fanning from the battens' ends down to the deck — and stays from the
 * mastheads to bow and stern, on a display stand. The bow points to +x.
 */
export function sailingBoatModel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const stand = h * 0.07;
  const plank = h * 0.025;
  blockOn(b, WOOD_DARK, [w * 0.5, plank, d * 0.4], [0, 0, 0]);
  for (const x of [-w * 0.18, w * 0.18])
    blockOn(b, WOOD_DARK, [w * 0.03, stand - plank + h * 0.02, d * 0.25], [x, plank, 0]);

  const form: HullForm = {
    length: w * 0.9,
    beam: d * 0.55,
    height: h * 0.2,
    transom: 0.55,
    gunwale: (s) => Math.min(1, 0.62 + 0.38 * (1 - s) ** 2.5 + 0.22 * s ** 3),
    keel: (s) => 0.3 * (1 - s) ** 6 + 0.5 * s ** 6,
  };
  b.group({ position: [0, stand, 0] }, (hull) => {
    hull.add(hullBand(form, 0, 0.45, 3), TARRED);
    hull.add(hullBand(form, 0.45, 0.88, 3), HULL_BROWN);
    hull.add(hullBand(form, 0.88, 1, 1), WOOD_LIGHT);
    hull.add(hullEnds(form), HULL_END);
    hull.add(hullDeck(form), WOOD_LIGHT);
    // A deckhouse at the stern and the rudder behind it.
    const sternDeck = deckHeight(form, -form.length * 0.38);
    blockOn(hull, WOOD, [w * 0.1, h * 0.05, form.beam * 0.6], [-form.length * 0.36, sternDeck - h * 0.01, 0]);
    block(
      hull,
      WOOD_DARK,
      [w * 0.03, form.height * 0.8, d * 0.02],
      [-form.length / 2 - w * 0.012, form.height * 0.45, 0],
    );
  });

  // Masts with junk sails: mostly aft of the mast, the head peaked, the leech curved, stiffened by battens.
  const sailThickness = clamp(d * 0.006, 0.004, 0.015);
  const line = clamp(Math.min(w, d) * 0.0015, 0.002, 0.01);
  const masts = [
    { x: w * 0.02, width: w * 0.34, share: 1, colour: SAILCLOTH_RED },
    { x: w * 0.3, width: w * 0.24, share: 0.78, colour: SAILCLOTH },
    { x: -w * 0.3, width: w * 0.17, share: 0.62, colour: SAILCLOTH },
  ];
  const mainBase = stand + deckHeight(form, 0) + h * 0.05;
  const mainSail = (h * 0.96 - mainBase) / 1.04;
  const mastheads: Vec3[] = [];
  for (const mast of masts) {
    const deck = stand + deckHeight(form, mast.x);
    const sailBase = deck + h * 0.05;
    const sailHeight = mainSail * mast.share;
    const mastRadius = Math.min(w * 0.006, d * 0.02);
    const head: Vec3 = [mast.x, sailBase + sailHeight * 1.04, 0];
    mastheads.push(head);
    rod(b, WOOD_DARK, [mast.x, deck - h * 0.01, 0], head, mastRadius, 8, mastRadius * 0.7);
    const a = mast.width;
    const sail = slab(
      [
        [0.22 * a, 0],
        [0.16 * a, 0.82 * sailHeight],
        [-0.72 * a, sailHeight],
        [-0.86 * a, 0.5 * sailHeight],
        [-0.78 * a, 0],
      ],
      sailThickness,
    );
    b.add(sail, mast.colour, { position: [mast.x, sailBase, mastRadius] });
    const z = mastRadius + sailThickness / 2;
    const at = (x: number, f: number): Vec3 => [mast.x + x * a, sailBase + f * sailHeight, z];
    // The yard along the head and the boom along the foot.
    rod(b, WOOD_DARK, at(0.2, 0.82), at(-0.76, 1.01), sailThickness * 1.6, 6);
    rod(b, WOOD_DARK, at(0.26, 0), at(-0.82, 0), sailThickness * 1.6, 6);
    // The battens, proud of the cloth on both sides, and the sheets from their ends to one block on deck.
    const sheetBlock: Vec3 = [mast.x - a * 0.95, deck + h * 0.01, 0];
    for (const f of [0.16, 0.32, 0.48, 0.64, 0.8]) {
      const luff = 0.22 - (0.06 * f) / 0.82;
      const leech = f <= 0.5 ? -0.78 - 0.08 * (f / 0.5) : -0.86 + 0.14 * ((f - 0.5) / 0.5);
      const end = at(leech - 0.03, f);
      rod(b, WOOD_DARK, at(luff + 0.03, f), end, sailThickness * 1.3, 5);
      rod(b, ROPE, end, sheetBlock, line, 3);
    }
    rod(b, ROPE, at(-0.76, 1.01), head, line, 3);
  }
  // Stays from the mainmast's head forward to the bow and aft to the stern, and between the mastheads.
  const [main, fore, mizzen] = mastheads as [Vec3, Vec3, Vec3];
  const bowX = form.length / 2 - w * 0.01;
  rod(b, ROPE, fore, [bowX, stand + deckHeight(form, bowX), 0], line, 3);
  rod(b, ROPE, main, fore, line, 3);
  rod(b, ROPE, main, mizzen, line, 3);
  const sternX = -form.length / 2 + w * 0.01;
  rod(b, ROPE, mizzen, [sternX, stand + deckHeight(form, sternX), 0], line, 3);
}

/** Planking painted, as the bay's boats are: the grain shows through the paint. */
const PAINTED_BLUE = paint('#2f6690', 'wood');
const PAINTED_WHITE = paint('#e8e2d0', 'wood');

/**
 * A full-size wooden fishing boat of the bay, on trestles: a blue hull tarred below, a white rail, a light deck,
 * a small wheelhouse aft with windows, and a short mast forward.
 */
export function fishingBoat(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const trestle = h * 0.12;
  for (const x of [-w * 0.25, w * 0.2]) {
    blockOn(b, WOOD_DARK, [w * 0.05, trestle + h * 0.03, d * 0.5], [x, 0, 0]);
  }
  const form: HullForm = {
    length: w * 0.96,
    beam: d * 0.92,
    height: h * 0.46,
    transom: 0.6,
    gunwale: (s) => Math.min(1, 0.78 + 0.1 * (1 - s) ** 3 + 0.22 * s ** 3),
    keel: (s) => 0.12 * (1 - s) ** 4 + 0.55 * s ** 6,
  };
  b.group({ position: [0, trestle, 0] }, (hull) => {
    hull.add(hullBand(form, 0, 0.45, 3), TARRED);
    hull.add(hullBand(form, 0.45, 0.9, 3), PAINTED_BLUE);
    hull.add(hullBand(form, 0.9, 1, 1), PAINTED_WHITE);
    hull.add(hullEnds(form), PAINTED_BLUE);
    hull.add(hullDeck(form), WOOD_LIGHT);
  });
  // The wheelhouse aft, with glass windows on three sides.
  const cabinX = -form.length * 0.22;
  const cabinLength = form.length * 0.22;
  const cabinWidth = form.beam * 0.62;
  const deck = trestle + deckHeight(form, cabinX) - h * 0.01;
  const cabinHeight = Math.min(h * 0.3, h * 0.96 - deck - h * 0.05);
  blockOn(b, PAINTED_WHITE, [cabinLength, cabinHeight, cabinWidth], [cabinX, deck, 0]);
  blockOn(b, PAINTED_BLUE, [cabinLength * 1.15, h * 0.03, cabinWidth * 1.1], [cabinX, deck + cabinHeight, 0]);
  const windowY = deck + cabinHeight * 0.62;
  for (const side of [1, -1]) {
    for (const x of slots(cabinX - cabinLength * 0.4, cabinX + cabinLength * 0.4, 2)) {
      b.addGlass(unitBox, {
        position: [x, windowY, side * (cabinWidth / 2 + 0.005)],
        scale: [cabinLength * 0.3, cabinHeight * 0.3, 0.01],
      });
    }
  }
  b.addGlass(unitBox, {
    position: [cabinX + cabinLength / 2 + 0.005, windowY, 0],
    scale: [0.01, cabinHeight * 0.3, cabinWidth * 0.7],
  });
  block(
    b,
    WOOD,
    [0.01, cabinHeight * 0.7, cabinWidth * 0.3],
    [cabinX - cabinLength / 2 - 0.005, deck + cabinHeight * 0.35, 0],
  );
  // A short mast forward with a furled sail on its boom.
  const mastX = form.length * 0.18;
  const mastDeck = trestle + deckHeight(form, mastX);
  const mastRadius = Math.min(w * 0.008, d * 0.03);
  rod(b, WOOD, [mastX, mastDeck - h * 0.02, 0], [mastX, h * 0.98, 0], mastRadius, 8);
  rod(
    b,
    WOOD,
    [mastX, mastDeck + h * 0.12, 0],
    [mastX + w * 0.2, mastDeck + h * 0.1, 0],
    mastRadius * 0.8,
    8,
  );
  rod(
    b,
    SAILCLOTH_RED,
    [mastX + w * 0.01, mastDeck + h * 0.12 + mastRadius * 2, 0],
    [mastX + w * 0.19, mastDeck + h * 0.1 + mastRadius * 2, 0],
    mastRadius * 2,
    8,
  );
}
