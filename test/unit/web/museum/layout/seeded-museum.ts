// The museum's real catalogue placed on the floor plans, shared by the layout tests: every exhibit's footprint,
// where each stands, and the floor a visitor walks with those exhibits in the way.
import { readFileSync } from 'node:fs';
import { type FloorId, floorPlans } from '../../../../../web/src/museum/layout/floor-plans';
import { type ExhibitFootprint, placeAll } from '../../../../../web/src/museum/layout/placement';
import { WalkableFloor } from '../../../../../web/src/museum/layout/walkable-floor';

export const seed = JSON.parse(
  readFileSync(new URL('../../../../../assets/seed/museum.json', import.meta.url), 'utf8'),
) as {
  rooms: { id: string; floor: number }[];
  exhibits: { id: string; roomId: string; model: { kind: string; size: ExhibitFootprint['size'] } }[];
};
export const footprints: ExhibitFootprint[] = seed.exhibits.map((exhibit) => ({
  id: exhibit.id,
  roomId: exhibit.roomId,
  kind: exhibit.model.kind,
  size: exhibit.model.size,
}));
export const placed = placeAll(footprints);

export function walkableFor(floor: FloorId) {
  const obstacles = footprints.flatMap((exhibit) => {
    const placement = placed.get(exhibit.id);
    return placement?.floor === floor ? [{ placement, size: exhibit.size }] : [];
  });
  return new WalkableFloor(floorPlans[floor], obstacles);
}
