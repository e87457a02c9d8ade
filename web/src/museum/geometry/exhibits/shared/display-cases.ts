// The museum's display cases: a cabinet with its glass, shelves, and the label cards in front of specimens.
import type { PaintLike } from '../../finishes';
import type { ModelBuilder } from '../../parts';
import type { ModelSize } from './exhibit-builder';
import { LABEL, METAL_DARK, WOOD_DARK } from './palette';
import { block, blockOn, unitBox } from './shapes';

/** The free space inside a display case, centred on x and z. */
export interface Interior {
  left: number;
  right: number;
  back: number;
  front: number;
  floor: number;
  ceiling: number;
}

interface CaseStyle {
  /** Share of the height taken by the cabinet under the glass. */
  base: number;
  /** The cloth or board the specimens lie on. */
  bed: PaintLike;
  /** An opaque back wall of this colour instead of glass. */
  backdrop?: PaintLike;
  /** A glass top to look down through, even on a tall case (which otherwise has a lit wooden cap). */
  glassTop?: boolean;
}

/** A museum display case: a wooden cabinet, a metal frame, glass panes and (when tall) a lit cap. */
export function displayCase(
  b: ModelBuilder,
  { width: w, height: h, depth: d }: ModelSize,
  style: CaseStyle,
): Interior {
  const baseHeight = h * style.base;
  const kick = Math.min(h * 0.05, baseHeight * 0.2);
  const inset = Math.min(w, d) * 0.03;
  blockOn(b, METAL_DARK, [w - 2 * inset, kick, d - 2 * inset], [0, 0, 0]);
  blockOn(b, WOOD_DARK, [w, baseHeight - kick, d], [0, kick, 0]);
  const frame = Math.min(w, d, h) * 0.025;
  const bed = Math.min(h * 0.01, 0.02);
  blockOn(b, style.bed, [w - 2 * frame, bed, d - 2 * frame], [0, baseHeight, 0]);
  const cap = style.base < 0.6 && !style.glassTop ? Math.min(h * 0.05, 0.08) : 0;
  const top = h - cap;
  const glassHeight = top - baseHeight;
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      blockOn(
        b,
        METAL_DARK,
        [frame, glassHeight, frame],
        [sx * (w / 2 - frame / 2), baseHeight, sz * (d / 2 - frame / 2)],
      );
    }
  }
  if (cap > 0) {
    blockOn(b, WOOD_DARK, [w, cap, d], [0, top, 0]);
  } else {
    for (const sz of [-1, 1])
      block(b, METAL_DARK, [w, frame, frame], [0, h - frame / 2, sz * (d / 2 - frame / 2)]);
    for (const sx of [-1, 1])
      block(b, METAL_DARK, [frame, frame, d], [sx * (w / 2 - frame / 2), h - frame / 2, 0]);
  }
  const pane = Math.min(0.008, frame * 0.5);
  const middle = baseHeight + glassHeight / 2;
  b.addGlass(unitBox, {
    position: [0, middle, d / 2 - frame / 2],
    scale: [w - 2 * frame, glassHeight, pane],
  });
  for (const sx of [-1, 1]) {
    b.addGlass(unitBox, {
      position: [sx * (w / 2 - frame / 2), middle, 0],
      scale: [pane, glassHeight, d - 2 * frame],
    });
  }
  if (style.backdrop) {
    block(b, style.backdrop, [w - 2 * frame, glassHeight, frame], [0, middle, -d / 2 + frame / 2]);
  } else {
    b.addGlass(unitBox, {
      position: [0, middle, -d / 2 + frame / 2],
      scale: [w - 2 * frame, glassHeight, pane],
    });
  }
  if (cap === 0) {
    b.addGlass(unitBox, { position: [0, h - frame / 2, 0], scale: [w - 2 * frame, pane, d - 2 * frame] });
  }
  return {
    left: -w / 2 + frame * 1.5,
    right: w / 2 - frame * 1.5,
    back: -d / 2 + frame * 1.5,
    front: d / 2 - frame * 1.5,
    floor: baseHeight + bed,
    ceiling: top - frame * 1.5,
  };
}

/** A glass shelf across the case at height y; returns the height of its top. */
function glassShelf(b: ModelBuilder, inside: Interior, y: number): number {
  const thickness = Math.min(0.01, (inside.ceiling - inside.floor) * 0.02);
  b.addGlass(unitBox, {
    position: [0, y + thickness / 2, (inside.back + inside.front) / 2],
    scale: [inside.right - inside.left, thickness, inside.front - inside.back],
  });
  return y + thickness;
}

/** Levels to set specimens on: the floor of the case and, when tall enough, a glass shelf half-way up. */
export function caseLevels(
  b: ModelBuilder,
  inside: Interior,
  withShelf: boolean,
): { floor: number; room: number }[] {
  const height = inside.ceiling - inside.floor;
  if (!withShelf) return [{ floor: inside.floor, room: height }];
  const shelf = glassShelf(b, inside, inside.floor + height * 0.5);
  return [
    { floor: inside.floor, room: height * 0.5 },
    { floor: shelf, room: inside.ceiling - shelf },
  ];
}

/** A small white label card lying in front of a specimen. */
export function labelCard(b: ModelBuilder, x: number, y: number, z: number, width: number): void {
  blockOn(b, LABEL, [width, width * 0.04, width * 0.5], [x, y, z]);
}
