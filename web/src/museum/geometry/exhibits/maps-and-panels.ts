// The museum's own displays: the relief map table of Quảng Ninh and photograph panels.
import { ConeGeometry } from 'three';
import { type PaintLike, paint } from '../finishes';
import type { ModelBuilder } from '../parts';
import type { ModelSize } from './shared/exhibit-builder';
import { between, clamp, cycle, seededUniform, slots } from './shared/numbers';
import { LABEL, METAL_DARK, PRINT_WHITE, SEA, STEEL, WOOD, WOOD_DARK } from './shared/palette';
import { ball, block, blockOn, disc, rod, slab } from './shared/shapes';

/** The relief map is a painted model, its markers painted pins; the panels and their photographs are prints. */
const MARKER_RED = '#b3282d';
const PRINT_RED = paint('#9b2226', 'paper');
const PRINT_YELLOW = paint('#f1d37a', 'paper');

/**
 * A map table: a wooden table whose top is a relief map of Quảng Ninh — green land to the north and west, blue
 * sea to the south and east with its islands, coloured districts and red markers at the sites.
 */
export function mapTable(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const next = seededUniform(1963);
  const top = h * 0.86;
  const leg = Math.min(w, d) * 0.05;
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1])
      blockOn(b, WOOD_DARK, [leg, top, leg], [sx * (w / 2 - leg), 0, sz * (d / 2 - leg)]);
  }
  blockOn(b, WOOD_DARK, [w, h * 0.06, d], [0, top - h * 0.06, 0]);
  const frame = Math.min(w, d) * 0.03;
  for (const sz of [-1, 1]) blockOn(b, WOOD, [w, h * 0.05, frame], [0, top, sz * (d / 2 - frame / 2)]);
  for (const sx of [-1, 1])
    blockOn(b, WOOD, [frame, h * 0.05, d - 2 * frame], [sx * (w / 2 - frame / 2), top, 0]);
  const mapW = w - 2 * frame;
  const mapD = d - 2 * frame;
  blockOn(b, SEA, [mapW, h * 0.015, mapD], [0, top, 0]);
  const landTop = top + h * 0.015;
  // The coast runs from the west (x −) toward the north-east; land lies on the far side (z −), as north is.
  const coast = (x: number) => mapD * (0.28 - 0.45 * ((x + mapW / 2) / mapW)) + mapD * 0.05 * Math.sin(x * 9);
  const steps = 16;
  const outline: [number, number][] = [[-mapW / 2, -mapD / 2]];
  for (let step = 0; step <= steps; step += 1) {
    const x = -mapW / 2 + (step / steps) * mapW;
    outline.push([x, clamp(coast(x) + (next() - 0.5) * mapD * 0.04, -mapD / 2, mapD / 2)]);
  }
  outline.push([mapW / 2, -mapD / 2]);
  const relief = h * 0.02;
  b.add(
    slab(
      outline.map(([x, z]) => [x, -z] as const),
      relief,
    ),
    '#7da35a',
    {
      position: [0, landTop, 0],
      rotation: [-Math.PI / 2, 0, 0],
    },
  );
  // Districts: coloured patches on the land; mountains to the north.
  const patches = ['#c9b458', '#9ac17a', '#d99a6c', '#b7a0c9', '#e3c98e'];
  for (let patch = 0; patch < 8; patch += 1) {
    const x = between(next, -mapW * 0.42, mapW * 0.42);
    const limit = coast(x) - mapD * 0.06;
    const z = between(next, -mapD * 0.42, Math.max(-mapD * 0.42, limit));
    const radius = Math.min(mapW, mapD) * between(next, 0.04, 0.08);
    disc(b, cycle(patches, patch), radius, relief * 0.3, [x, landTop + relief, z], 7, radius * 0.7);
  }
  for (let hill = 0; hill < 6; hill += 1) {
    const x = between(next, -mapW * 0.4, mapW * 0.4);
    const z = between(next, -mapD * 0.45, -mapD * 0.3);
    const radius = Math.min(mapW, mapD) * 0.04;
    b.add(new ConeGeometry(1, 1, 6), '#5e7f45', {
      position: [x, landTop + relief * 2, z],
      scale: [radius, relief * 2, radius],
    });
  }
  // Islands in the bay.
  for (let island = 0; island < 22; island += 1) {
    const x = between(next, -mapW * 0.2, mapW * 0.46);
    const z = between(next, Math.min(mapD * 0.44, coast(x) + mapD * 0.05), mapD * 0.46);
    const radius = Math.min(mapW, mapD) * between(next, 0.008, 0.025);
    disc(
      b,
      '#6f9a4e',
      radius,
      relief * between(next, 0.6, 1.4),
      [x, top + h * 0.015, z],
      6,
      radius * between(next, 0.5, 1),
    );
  }
  // Markers at the sites.
  for (let marker = 0; marker < 5; marker += 1) {
    const x = between(next, -mapW * 0.4, mapW * 0.3);
    const z = Math.min(coast(x) - mapD * 0.04, between(next, -mapD * 0.35, mapD * 0.1));
    const pin = Math.min(h * 0.08, mapD * 0.05);
    rod(b, STEEL, [x, landTop + relief, z], [x, landTop + relief + pin, z], pin * 0.04, 6);
    ball(b, MARKER_RED, pin * 0.14, [x, landTop + relief + pin, z], undefined, [8, 6]);
  }
}

/** A standing exhibition panel: a header band and framed photographs (coloured scenes) with their captions. */
export function photoPanel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const post = Math.min(w * 0.03, 0.08);
  for (const side of [1, -1]) {
    blockOn(b, METAL_DARK, [post * 1.5, h * 0.03, d], [side * (w / 2 - post * 0.75), 0, 0]);
    blockOn(b, METAL_DARK, [post, h * 0.97, post], [side * (w / 2 - post * 0.75), h * 0.03, 0]);
  }
  const board = Math.min(0.04, d * 0.3);
  const panelW = w - post * 3;
  const bottom = h * 0.12;
  const top = h * 0.97;
  blockOn(b, PRINT_WHITE, [panelW, top - bottom, board], [0, bottom, 0]);
  blockOn(b, PRINT_RED, [panelW, (top - bottom) * 0.12, board * 1.2], [0, top - (top - bottom) * 0.12, 0]);
  blockOn(
    b,
    PRINT_YELLOW,
    [panelW * 0.4, (top - bottom) * 0.03, board * 1.3],
    [0, top - (top - bottom) * 0.075, 0],
  );
  const face = board / 2;
  const columns = clamp(Math.round(panelW / 0.9), 2, 6);
  const rows = 2;
  const cellW = panelW / columns;
  const cellH = ((top - bottom) * 0.85) / rows;
  // The photographs: sky, ground and figures, printed.
  const scenes = [
    ['#b9a588', '#6f6350', '#3a342b'],
    ['#c9c9c4', '#7d7d78', '#2f2f2d'],
    ['#9fb6c4', '#6f8a5a', '#3b3025'],
    ['#d6c6a8', '#8d7a5a', '#4a3b2a'],
  ].map((scene) => scene.map((colour) => paint(colour, 'paper')) as [PaintLike, PaintLike, PaintLike]);
  let index = 0;
  for (let row = 0; row < rows; row += 1) {
    const centreY = bottom + cellH * (row + 0.55);
    for (const x of slots(-panelW / 2, panelW / 2, columns)) {
      const [sky, ground, figure] = cycle(scenes, index);
      const frameW = cellW * 0.82;
      const frameH = cellH * 0.7;
      block(b, WOOD_DARK, [frameW, frameH, 0.012], [x, centreY, face + 0.006]);
      const pictureW = frameW * 0.88;
      const pictureH = frameH * 0.84;
      block(b, sky, [pictureW, pictureH * 0.55, 0.004], [x, centreY + pictureH * 0.225, face + 0.014]);
      block(b, ground, [pictureW, pictureH * 0.45, 0.004], [x, centreY - pictureH * 0.275, face + 0.014]);
      for (const dx of [-0.25, -0.05, 0.2]) {
        block(
          b,
          figure,
          [pictureW * 0.08, pictureH * 0.4, 0.004],
          [x + dx * pictureW, centreY - pictureH * 0.12, face + 0.017],
        );
      }
      block(
        b,
        LABEL,
        [frameW * 0.7, cellH * 0.06, 0.004],
        [x, centreY - frameH / 2 - cellH * 0.08, face + 0.002],
      );
      index += 1;
    }
  }
}
