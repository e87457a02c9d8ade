// An exhibit as it stands in the gallery: its model made by code, on a plinth under glass when it is small, with
// its label on a lectern in front — one merged model (a draw call or two), plus the label's place for the floor's
// label mesh.
import { BoxGeometry } from 'three';
import { buildExhibitModel, type ModelKind } from '../geometry/exhibit-models';
import { paint } from '../geometry/finishes';
import { type BuiltModel, ModelBuilder } from '../geometry/parts';
import type { ExhibitPlacement } from '../layout/placement';
import type { PlacedLabel } from './labels';

export interface DisplayedExhibit {
  id: string;
  kind: string;
  size: { width: number; height: number; depth: number };
}

const PLINTH = paint('#f1efe9', 'plaster');
const LECTERN = paint('#3b3f42', 'steel');
const LECTERN_HEIGHT = 1.0;

/** `variant` tells apart exhibits of one kind (see buildExhibitModel). */
export function buildDisplay(
  exhibit: DisplayedExhibit,
  placement: ExhibitPlacement,
  variant = 0,
): BuiltModel {
  const builder = new ModelBuilder();
  const { width, height, depth } = exhibit.size;
  if (placement.plinth > 0) {
    const plinthWidth = Math.max(0.7, width + 0.3);
    const plinthDepth = Math.max(0.7, depth + 0.3);
    builder.add(new BoxGeometry(plinthWidth, placement.plinth, plinthDepth), PLINTH, {
      position: [0, -placement.plinth / 2, 0],
    });
    builder.addGlass(new BoxGeometry(plinthWidth * 0.96, height + 0.3, plinthDepth * 0.96), {
      position: [0, (height + 0.3) / 2, 0],
    });
  }
  buildExhibitModel(exhibit.kind as ModelKind, exhibit.size, builder, variant);
  // The lectern stands on the floor, whatever height the object is shown at.
  const { x, z } = lecternSpot(exhibit, placement);
  builder.add(new BoxGeometry(0.06, LECTERN_HEIGHT - 0.05, 0.06), LECTERN, {
    position: [x, -placement.at[1] + (LECTERN_HEIGHT - 0.05) / 2, z],
  });
  return builder.build();
}

/** The lectern's spot in the exhibit's own frame: to the front right of it, or in front of a very wide object. */
function lecternSpot(exhibit: DisplayedExhibit, placement: ExhibitPlacement): { x: number; z: number } {
  const footprint = placement.plinth > 0 ? Math.max(0.7, exhibit.size.width + 0.3) : exhibit.size.width;
  const side = Math.min(1.6, footprint / 2 + 0.4);
  const front = (placement.plinth > 0 ? Math.max(0.7, exhibit.size.depth + 0.3) : exhibit.size.depth) / 2;
  return { x: side, z: front + (side < footprint / 2 ? 0.5 : 0.1) };
}

/** The exhibit's label on its lectern, in the floor's coordinates, tilted toward the reader. */
export function labelFor(
  exhibit: DisplayedExhibit,
  placement: ExhibitPlacement,
  text: { title: string; detail: string },
): PlacedLabel {
  const { x, z } = lecternSpot(exhibit, placement);
  const cos = Math.cos(placement.rotationY);
  const sin = Math.sin(placement.rotationY);
  return {
    ...text,
    position: [
      placement.at[0] + x * cos + z * sin,
      LECTERN_HEIGHT + 0.05,
      placement.at[2] - x * sin + z * cos,
    ],
    rotation: [-0.6, placement.rotationY, 0],
    width: 0.56,
  };
}

/** Which variant of its kind each exhibit shows: its place among the exhibits of that kind, in catalogue order. */
export function variantsOf(exhibits: DisplayedExhibit[]): Map<string, number> {
  const seen = new Map<string, number>();
  return new Map(
    exhibits.map((exhibit) => {
      const variant = seen.get(exhibit.kind) ?? 0;
      seen.set(exhibit.kind, variant + 1);
      return [exhibit.id, variant];
    }),
  );
}
