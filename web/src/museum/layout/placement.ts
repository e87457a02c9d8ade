// Where each exhibit the content API lists for a room stands in it, and where a visitor stands to face it:
// large objects in the middle, the rest along the walls (around a tube's curved wall), a few set by the
// building's design.
import {
  type Area,
  centreOf,
  contains,
  type FloorId,
  type FloorPlan,
  frontOf,
  roomArea,
} from './floor-plans';
import { BODY_RADIUS, EYE_HEIGHT } from './visitor';

export interface ExhibitFootprint {
  id: string;
  roomId: string;
  kind: string;
  size: { width: number; height: number; depth: number };
}

export interface ExhibitPlacement {
  id: string;
  roomId: string;
  floor: FloorId;
  /** Where the object's base stands (x, y, z): y is the height of its plinth, or where it hangs. */
  at: [number, number, number];
  /** Turn about the vertical axis; the object's front (+z in its own frame) then faces this way. */
  rotationY: number;
  /** A plinth and glass case for small objects, this high (0 for none). */
  plinth: number;
  /** Where a visitor stands to face it, and the point they look at. */
  view: { position: [number, number, number]; target: [number, number, number] };
  /** Whether it blocks the way (a hanging whale does not). */
  obstacle: boolean;
}

const PLINTH_HEIGHT = 0.95;

/** Exhibits whose place is part of the building's design rather than a slot along a wall. */
const fixedPlacements: Record<
  string,
  { at: [number, number, number]; rotationY: number; viewFrom: [number, number] }
> = {
  // The whale hangs over the middle of the entrance hall, the first thing seen from the door.
  'whale-skeleton': { at: [0, 4.5, 0], rotationY: 0, viewFrom: [0, 14] },
  'sailing-boat-model': { at: [9, 0, -4], rotationY: 0, viewFrom: [9, 3] },
  'quang-ninh-map-table': { at: [-9, 0, -3], rotationY: 0, viewFrom: [-9, 1.5] },
  // The simulated mine tunnel runs the length of its room; the visitor walks beside it, past the cart and the
  // roof supports on the other side.
  'coal-mine-tunnel': { at: [-17.5, 0, -11.5], rotationY: 0, viewFrom: [-12.5, -9] },
  'coal-mine-cart': { at: [-10.5, 0, -15], rotationY: -Math.PI / 2, viewFrom: [-13.5, -14] },
  'tunnel-roof-supports': { at: [-10.2, 0, -9.5], rotationY: -Math.PI / 2, viewFrom: [-13.8, -8.5] },
};

const isLarge = (size: ExhibitFootprint['size']) => size.width >= 4 || size.depth >= 3;
const isSmall = (size: ExhibitFootprint['size']) => size.height < 0.9 && size.width < 1.2;

/** How far back a visitor stands to see the whole object, and the height they look at. */
function viewing(size: ExhibitFootprint['size'], base: number): { distance: number; lookHeight: number } {
  if (isSmall(size)) return { distance: 1.1 + size.width, lookHeight: base + size.height / 2 };
  const distance = Math.min(14, Math.max(1.8, 0.9 + Math.max(size.width * 0.8, size.height * 1.1)));
  return { distance, lookHeight: base + Math.min(size.height * 0.55, EYE_HEIGHT) };
}

function placement(
  exhibit: ExhibitFootprint,
  floor: FloorId,
  x: number,
  z: number,
  rotationY: number,
  hangAt = 0,
): ExhibitPlacement {
  const plinth = isSmall(exhibit.size) ? PLINTH_HEIGHT : 0;
  const base = hangAt || plinth;
  const { distance, lookHeight } = viewing(exhibit.size, base);
  const front: [number, number] = [Math.sin(rotationY), Math.cos(rotationY)];
  return {
    id: exhibit.id,
    roomId: exhibit.roomId,
    floor,
    at: [x, base, z],
    rotationY,
    plinth,
    view: {
      position: [
        x + front[0] * (distance + exhibit.size.depth / 2),
        EYE_HEIGHT,
        z + front[1] * (distance + exhibit.size.depth / 2),
      ],
      target: [x, lookHeight, z],
    },
    obstacle: hangAt === 0,
  };
}

/** A rotation that turns an object's front (+z) toward the direction (dx, dz). */
const facing = (dx: number, dz: number) => Math.atan2(dx, dz);

/**
 * Where each exhibit of a room stands: large ones on the room's floor in the middle, the rest along the walls
 * facing in (in a tube, around its curved wall), in the order given, away from the doors.
 */
export function placeRoom(roomId: string, exhibits: ExhibitFootprint[]): ExhibitPlacement[] {
  const found = roomArea(roomId);
  if (!found) return [];
  const { plan, area } = found;
  const placements = placeInArea(plan, area, exhibits);
  // A visitor stands inside the room to look: a view that would fall beyond its walls comes closer.
  for (const placed of placements) {
    const { position, target } = placed.view;
    for (
      let step = 0;
      step < 60 && !contains(area.shape, position[0], position[2], BODY_RADIUS + 0.2);
      step += 1
    ) {
      const dx = target[0] - position[0];
      const dz = target[2] - position[2];
      const length = Math.hypot(dx, dz);
      if (length < 1) break;
      position[0] += (dx / length) * 0.25;
      position[2] += (dz / length) * 0.25;
    }
  }
  return placements;
}

function placeInArea(plan: FloorPlan, area: Area, exhibits: ExhibitFootprint[]): ExhibitPlacement[] {
  const placements: ExhibitPlacement[] = [];
  const free = exhibits.filter((exhibit) => {
    const fixed = fixedPlacements[exhibit.id];
    if (!fixed) return true;
    const hanging = exhibit.kind === 'whale-skeleton';
    const built = placement(
      exhibit,
      plan.floor,
      fixed.at[0],
      fixed.at[2],
      fixed.rotationY,
      hanging ? fixed.at[1] : 0,
    );
    built.view.position = [fixed.viewFrom[0], EYE_HEIGHT, fixed.viewFrom[1]];
    placements.push(built);
    return false;
  });
  const large = free.filter((exhibit) => isLarge(exhibit.size));
  const along = free.filter((exhibit) => !isLarge(exhibit.size));
  const [cx, cz] = centreOf(area.shape);

  if ('circle' in area.shape) {
    // A tube: objects around the wall, leaving the opening toward the corridor (z = 0) free.
    const radius = area.shape.circle[2];
    const opening = Math.atan2(-cz, 0);
    const all = [...large, ...along];
    all.forEach((exhibit, index) => {
      const angle = opening + Math.PI * (0.38 + (1.24 * (index + 0.5)) / all.length);
      const reach = radius - 0.6 - exhibit.size.depth / 2;
      const x = cx + Math.cos(angle) * reach;
      const z = cz + Math.sin(angle) * reach;
      placements.push(placement(exhibit, plan.floor, x, z, facing(cx - x, cz - z)));
    });
    return placements;
  }

  const [x1, z1, x2, z2] = area.shape.rect;
  const corridorSide = frontOf(area);
  // Large objects share the middle of the room, side by side.
  large.forEach((exhibit, index) => {
    const share = ((x2 - x1) * (large.length > 1 ? 0.6 : 1)) / large.length;
    const x = (x1 + x2) / 2 + share * (index + 0.5 - large.length / 2);
    placements.push(placement(exhibit, plan.floor, x, cz - corridorSide * 0.5, facing(0, corridorSide)));
  });
  // The rest along the walls: the back wall first, then the side walls, each facing into the room.
  const backZ = corridorSide > 0 ? z1 : z2;
  const walls: { from: [number, number]; to: [number, number]; inward: [number, number] }[] = [
    { from: [x1 + 1, backZ], to: [x2 - 1, backZ], inward: [0, corridorSide] },
    { from: [x1, backZ + corridorSide * 1.5], to: [x1, cz + corridorSide * 2], inward: [1, 0] },
    { from: [x2, backZ + corridorSide * 1.5], to: [x2, cz + corridorSide * 2], inward: [-1, 0] },
  ];
  type Wall = (typeof walls)[number];
  const wallLength = (wall: Wall) => Math.hypot(wall.to[0] - wall.from[0], wall.to[1] - wall.from[1]);
  // Fill the walls in turn, each object taking its width and a gap; then centre what each wall holds.
  const runs: { wall: Wall; items: { exhibit: ExhibitFootprint; width: number }[]; used: number }[] =
    walls.map((wall) => ({ wall, items: [], used: 0 }));
  let wallIndex = 0;
  for (const exhibit of along) {
    const width = exhibit.size.width + 1.4;
    while (
      wallIndex < runs.length - 1 &&
      (runs[wallIndex] as (typeof runs)[number]).used + width >
        wallLength((runs[wallIndex] as (typeof runs)[number]).wall)
    ) {
      wallIndex += 1;
    }
    const run = runs[wallIndex] as (typeof runs)[number];
    run.items.push({ exhibit, width });
    run.used += width;
  }
  for (const run of runs) {
    const length = wallLength(run.wall);
    // Spread a little when there is room, then centre the group on the wall.
    const stretch = Math.min(1.5, Math.max(1, length / Math.max(run.used, 0.01)));
    let travelled = Math.max(0, (length - run.used * stretch) / 2);
    for (const { exhibit, width } of run.items) {
      const t = Math.min(1, (travelled + (width * stretch) / 2) / length);
      travelled += width * stretch;
      const offset = exhibit.size.depth / 2 + 0.45;
      const x = run.wall.from[0] + (run.wall.to[0] - run.wall.from[0]) * t + run.wall.inward[0] * offset;
      const z = run.wall.from[1] + (run.wall.to[1] - run.wall.from[1]) * t + run.wall.inward[1] * offset;
      placements.push(placement(exhibit, plan.floor, x, z, facing(run.wall.inward[0], run.wall.inward[1])));
    }
  }
  return placements;
}

/** Places every exhibit of every room, in the order the API lists them. */
export function placeAll(exhibits: ExhibitFootprint[]): Map<string, ExhibitPlacement> {
  const byRoom = new Map<string, ExhibitFootprint[]>();
  for (const exhibit of exhibits)
    byRoom.set(exhibit.roomId, [...(byRoom.get(exhibit.roomId) ?? []), exhibit]);
  const placed = new Map<string, ExhibitPlacement>();
  for (const [roomId, inRoom] of byRoom) {
    for (const placement of placeRoom(roomId, inRoom)) placed.set(placement.id, placement);
  }
  return placed;
}
