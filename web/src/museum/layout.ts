// The museum's floor plans for the 3D visit: where each room lies on its floor, the corridors and doors between
// them, the lift, and — from the exhibits the content API lists for a room — where each exhibit stands and
// where a visitor stands to face it. Plain data and arithmetic: the browser walks with it, the build draws the
// floors' architecture from it, and the unit tests check it.

/** Floors of the building, as the content API numbers them: 0 the entrance hall, −1 the outdoor exhibits. */
export type FloorId = -1 | 0 | 1 | 2 | 3;
export const floorIds: readonly FloorId[] = [0, 1, 2, 3, -1];

/** The file of a floor's architecture, written by the build into assets/museum/ and served at /museum/models/. */
export const floorModelFile = (floor: FloorId) => (floor === -1 ? 'outdoor.glb' : `floor-${floor}.glb`);

/** A rectangle on the floor, [x1, z1, x2, z2] in metres with x1 < x2 and z1 < z2. */
export type Rect = readonly [number, number, number, number];

export type Shape = { rect: Rect } | { circle: readonly [number, number, number] };

export interface Area {
  /** The museum room shown here (its id in the content API); corridors and doors have none. */
  room?: string;
  kind: 'gallery' | 'corridor' | 'door';
  shape: Shape;
  /** Which way along z the room's exhibits face, when not toward a corridor along z = 0. */
  front?: 1 | -1;
}

export interface FloorPlan {
  floor: FloorId;
  name: { vi: string; en: string };
  wallHeight: number;
  /** Everything of the floor lies inside: the minimap's frame. */
  bounds: Rect;
  areas: Area[];
  /** The lift's doors, in a wall, and the way they face. */
  lift: { at: readonly [number, number]; facing: readonly [number, number] };
  /** Where a visitor arriving on the floor stands, and the point they look at. */
  arrival: { position: readonly [number, number]; look: readonly [number, number] };
  outdoor: boolean;
}

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

export const EYE_HEIGHT = 1.6;
/** How close to a wall or an object the visitor may come (the camera's radius). */
export const BODY_RADIUS = 0.35;
const PLINTH_HEIGHT = 0.95;

const doorAcross = (x: number, z: number, width = 3): Area => ({
  kind: 'door',
  shape: { rect: [x - width / 2, z - 1, x + width / 2, z + 1] },
});

/** The plans, floor by floor: the entrance hall, then the four "mountain" tubes, history, culture, outdoors. */
export const floorPlans: Record<FloorId, FloorPlan> = {
  0: {
    floor: 0,
    name: { vi: 'Sảnh chính', en: 'Entrance hall' },
    wallHeight: 14,
    bounds: [-21, -16, 21, 21],
    areas: [{ room: 'lobby', kind: 'gallery', shape: { rect: [-20, -15, 20, 20] }, front: 1 }],
    lift: { at: [-20, -8], facing: [1, 0] },
    arrival: { position: [0, 19], look: [0, 0] },
    outdoor: false,
  },
  1: {
    floor: 1,
    name: { vi: 'Tầng 1 · Biển và thiên nhiên', en: 'Floor 1 · Sea and nature' },
    wallHeight: 6,
    bounds: [-25, -18, 25, 18],
    areas: [
      { kind: 'corridor', shape: { rect: [-24, -4, 24, 4] } },
      { room: 'tube-geology', kind: 'gallery', shape: { circle: [-14, -10, 7] } },
      { room: 'tube-minerals', kind: 'gallery', shape: { circle: [14, -10, 7] } },
      { room: 'tube-sea', kind: 'gallery', shape: { circle: [-14, 10, 7] } },
      { room: 'tube-life', kind: 'gallery', shape: { circle: [14, 10, 7] } },
    ],
    lift: { at: [-24, 0], facing: [1, 0] },
    arrival: { position: [-21.5, 0], look: [0, 0] },
    outdoor: false,
  },
  2: {
    floor: 2,
    name: { vi: 'Tầng 2 · Lịch sử', en: 'Floor 2 · History' },
    wallHeight: 5,
    bounds: [-27, -20, 27, 18],
    areas: [
      { kind: 'corridor', shape: { rect: [-26, -3, 26, 3] } },
      { room: 'history-prehistory', kind: 'gallery', shape: { rect: [-26, -17, -9, -3] } },
      { room: 'history-bach-dang', kind: 'gallery', shape: { rect: [-8, -19, 12, -3] } },
      { room: 'history-dai-viet', kind: 'gallery', shape: { rect: [-26, 3, -6, 15] } },
      { room: 'history-modern', kind: 'gallery', shape: { rect: [-5, 3, 26, 17] } },
      doorAcross(-17.5, -3),
      doorAcross(2, -3, 4),
      doorAcross(-16, 3),
      doorAcross(10.5, 3, 4),
    ],
    lift: { at: [-26, 0], facing: [1, 0] },
    arrival: { position: [-23.5, 0], look: [0, 0] },
    outdoor: false,
  },
  3: {
    floor: 3,
    name: { vi: 'Tầng 3 · Văn hóa, con người và than', en: 'Floor 3 · Culture, people and coal' },
    wallHeight: 5,
    bounds: [-25, -20, 25, 17],
    areas: [
      { kind: 'corridor', shape: { rect: [-24, -3, 24, 3] } },
      { room: 'mine-tunnel', kind: 'gallery', shape: { rect: [-20, -19, -9, -3] } },
      { room: 'coal-and-miners', kind: 'gallery', shape: { rect: [-8, -17, 12, -3] } },
      { room: 'truc-lam-zen', kind: 'gallery', shape: { rect: [-24, 3, -4, 16] } },
      { room: 'ethnic-cultures', kind: 'gallery', shape: { rect: [-3, 3, 24, 16] } },
      doorAcross(-13, -3),
      doorAcross(2, -3, 4),
      doorAcross(-14, 3),
      doorAcross(10.5, 3, 4),
    ],
    lift: { at: [-24, 0], facing: [1, 0] },
    arrival: { position: [-21.5, 0], look: [0, 0] },
    outdoor: false,
  },
  [-1]: {
    floor: -1,
    name: { vi: 'Trưng bày ngoài trời', en: 'Outdoor exhibits' },
    wallHeight: 0,
    bounds: [-31, -12, 31, 15],
    areas: [{ room: 'outdoor', kind: 'gallery', shape: { rect: [-30, -10, 30, 14] }, front: 1 }],
    // The museum's doors, in the black glass front.
    lift: { at: [0, -10], facing: [0, 1] },
    arrival: { position: [0, 13.3], look: [0, -2] },
    outdoor: true,
  },
};

/** The plan of the floor a room is on, and the room's area there. */
export function roomArea(roomId: string): { plan: FloorPlan; area: Area } | null {
  for (const floor of floorIds) {
    const plan = floorPlans[floor];
    const area = plan.areas.find((candidate) => candidate.room === roomId);
    if (area) return { plan, area };
  }
  return null;
}

export function contains(shape: Shape, x: number, z: number, inset = 0): boolean {
  if ('rect' in shape) {
    const [x1, z1, x2, z2] = shape.rect;
    return x >= x1 + inset && x <= x2 - inset && z >= z1 + inset && z <= z2 - inset;
  }
  const [cx, cz, radius] = shape.circle;
  return Math.hypot(x - cx, z - cz) <= radius - inset;
}

export function centreOf(shape: Shape): [number, number] {
  if ('rect' in shape) {
    const [x1, z1, x2, z2] = shape.rect;
    return [(x1 + x2) / 2, (z1 + z2) / 2];
  }
  return [shape.circle[0], shape.circle[1]];
}

/** Where a visitor jumping to a room arrives: inside its door (or opening), looking into the room. */
export function roomEntrance(roomId: string): {
  floor: FloorId;
  position: [number, number];
  look: [number, number];
} | null {
  const found = roomArea(roomId);
  if (!found) return null;
  const { plan, area } = found;
  if (plan.areas.length === 1) {
    return { floor: plan.floor, position: [...plan.arrival.position], look: [...plan.arrival.look] };
  }
  const [cx, cz] = centreOf(area.shape);
  const toward = frontOf(area);
  if ('circle' in area.shape) {
    const radius = area.shape.circle[2];
    return { floor: plan.floor, position: [cx, cz + toward * (radius - 1.8)], look: [cx, cz - toward * 2] };
  }
  const door = plan.areas.find(
    (candidate) => candidate.kind === 'door' && overlaps(candidate.shape, area.shape),
  );
  const edge = toward > 0 ? area.shape.rect[3] : area.shape.rect[1];
  const x = door ? centreOf(door.shape)[0] : cx;
  return { floor: plan.floor, position: [x, edge - toward * 1.5], look: [cx, cz] };
}

/** Which way along z a room's exhibits face: toward its corridor (along z = 0), or as the plan says. */
function frontOf(area: Area): 1 | -1 {
  if (area.front) return area.front;
  return centreOf(area.shape)[1] < 0 ? 1 : -1;
}

function overlaps(a: Shape, b: Shape): boolean {
  if (!('rect' in a) || !('rect' in b)) return false;
  return a.rect[0] < b.rect[2] && b.rect[0] < a.rect[2] && a.rect[1] < b.rect[3] && b.rect[1] < a.rect[3];
}

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

/** The footprint of a placed object, turned with it, as an obstacle: does (x, z) come within `margin` of it? */
function blockedBy(
  placementOf: ExhibitPlacement,
  size: ExhibitFootprint['size'],
  x: number,
  z: number,
  margin: number,
): boolean {
  if (!placementOf.obstacle) return false;
  const dx = x - placementOf.at[0];
  const dz = z - placementOf.at[2];
  const cos = Math.cos(-placementOf.rotationY);
  const sin = Math.sin(-placementOf.rotationY);
  const localX = dx * cos + dz * sin;
  const localZ = -dx * sin + dz * cos;
  const halfWidth = Math.max(size.width, placementOf.plinth ? 0.7 : 0) / 2;
  const halfDepth = Math.max(size.depth, placementOf.plinth ? 0.7 : 0) / 2;
  return Math.abs(localX) < halfWidth + margin && Math.abs(localZ) < halfDepth + margin;
}

/**
 * Where a visitor may stand on a floor: inside a room, corridor or door (kept off the walls), and not inside an
 * exhibit. A grid of half-metre cells finds walking paths around walls and objects.
 */
export class WalkableFloor {
  static readonly CELL = 0.5;
  private readonly columns: number;
  private readonly rows: number;
  private readonly open: Uint8Array;

  constructor(
    readonly plan: FloorPlan,
    private readonly obstacles: { placement: ExhibitPlacement; size: ExhibitFootprint['size'] }[] = [],
  ) {
    const [x1, z1, x2, z2] = plan.bounds;
    this.columns = Math.ceil((x2 - x1) / WalkableFloor.CELL);
    this.rows = Math.ceil((z2 - z1) / WalkableFloor.CELL);
    this.open = new Uint8Array(this.columns * this.rows);
    for (let row = 0; row < this.rows; row += 1) {
      for (let column = 0; column < this.columns; column += 1) {
        const [x, z] = this.centre(column, row);
        this.open[row * this.columns + column] = this.canStand(x, z) ? 1 : 0;
      }
    }
  }

  /** Whether the visitor may stand at (x, z). */
  canStand(x: number, z: number): boolean {
    const inside = this.plan.areas.some((area) => contains(area.shape, x, z, BODY_RADIUS));
    return (
      inside && !this.obstacles.some(({ placement, size }) => blockedBy(placement, size, x, z, BODY_RADIUS))
    );
  }

  /**
   * One step from `from` toward `to`, stopped by walls and objects: sliding along them when only one
   * direction is blocked, staying put when both are.
   */
  step(from: readonly [number, number], to: readonly [number, number]): [number, number] {
    // In short steps, so that a long move cannot jump over a wall.
    const parts = Math.max(1, Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) / 0.2));
    let at: [number, number] = [from[0], from[1]];
    for (let part = 1; part <= parts; part += 1) {
      const next: [number, number] = [at[0] + (to[0] - from[0]) / parts, at[1] + (to[1] - from[1]) / parts];
      if (this.canStand(next[0], next[1])) at = next;
      else if (this.canStand(next[0], at[1])) at = [next[0], at[1]];
      else if (this.canStand(at[0], next[1])) at = [at[0], next[1]];
      else break;
    }
    return at;
  }

  /** The nearest place to stand to (x, z), searching outward on the grid; null when none is near. */
  nearestStanding(x: number, z: number): [number, number] | null {
    if (this.canStand(x, z)) return [x, z];
    const start = this.cellOf(x, z);
    let best: [number, number] | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let radius = 1; radius < 12 && !best; radius += 1) {
      for (let row = start[1] - radius; row <= start[1] + radius; row += 1) {
        for (let column = start[0] - radius; column <= start[0] + radius; column += 1) {
          if (!this.isOpen(column, row)) continue;
          const [cx, cz] = this.centre(column, row);
          const distance = Math.hypot(cx - x, cz - z);
          if (distance < bestDistance) {
            bestDistance = distance;
            best = [cx, cz];
          }
        }
      }
    }
    return best;
  }

  /**
   * A walking path from one place to another around walls and objects (A* over the grid, then only the turns
   * kept), ending exactly at `to`; null when `to` cannot be reached.
   */
  path(from: readonly [number, number], to: readonly [number, number]): [number, number][] | null {
    const start = this.nearestOpenCell(from[0], from[1]);
    const goal = this.nearestOpenCell(to[0], to[1]);
    if (!start || !goal) return null;
    const index = (cell: readonly [number, number]) => cell[1] * this.columns + cell[0];
    const goalIndex = index(goal);
    const cameFrom = new Int32Array(this.columns * this.rows).fill(-1);
    const cost = new Float64Array(this.columns * this.rows).fill(Number.POSITIVE_INFINITY);
    const heuristic = (cellIndex: number) =>
      Math.hypot((cellIndex % this.columns) - goal[0], Math.floor(cellIndex / this.columns) - goal[1]);
    const startIndex = index(start);
    cost[startIndex] = 0;
    // A binary heap of [priority, cell index].
    const heap: [number, number][] = [[heuristic(startIndex), startIndex]];
    const push = (entry: [number, number]) => {
      heap.push(entry);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if ((heap[parent] as [number, number])[0] <= entry[0]) break;
        heap[child] = heap[parent] as [number, number];
        child = parent;
      }
      heap[child] = entry;
    };
    const pop = (): [number, number] => {
      const top = heap[0] as [number, number];
      const last = heap.pop() as [number, number];
      if (heap.length > 0) {
        let parent = 0;
        for (;;) {
          let child = parent * 2 + 1;
          if (child >= heap.length) break;
          if (
            child + 1 < heap.length &&
            (heap[child + 1] as [number, number])[0] < (heap[child] as [number, number])[0]
          )
            child += 1;
          if ((heap[child] as [number, number])[0] >= last[0]) break;
          heap[parent] = heap[child] as [number, number];
          parent = child;
        }
        heap[parent] = last;
      }
      return top;
    };
    const steps: [number, number, number][] = [
      [1, 0, 1],
      [-1, 0, 1],
      [0, 1, 1],
      [0, -1, 1],
      [1, 1, Math.SQRT2],
      [1, -1, Math.SQRT2],
      [-1, 1, Math.SQRT2],
      [-1, -1, Math.SQRT2],
    ];
    while (heap.length > 0) {
      const [, current] = pop();
      if (current === goalIndex) break;
      const column = current % this.columns;
      const row = Math.floor(current / this.columns);
      for (const [dx, dz, length] of steps) {
        const next: [number, number] = [column + dx, row + dz];
        // Diagonal steps only where both neighbours are open, so paths never cut a wall's corner.
        if (
          !this.isOpen(...next) ||
          (dx && dz && (!this.isOpen(column + dx, row) || !this.isOpen(column, row + dz)))
        )
          continue;
        const nextIndex = index(next);
        const nextCost = (cost[current] as number) + length;
        if (nextCost < (cost[nextIndex] as number)) {
          cost[nextIndex] = nextCost;
          cameFrom[nextIndex] = current;
          push([nextCost + heuristic(nextIndex), nextIndex]);
        }
      }
    }
    if (goalIndex !== startIndex && cameFrom[goalIndex] === -1) return null;
    const cells: [number, number][] = [];
    for (let at = goalIndex; at !== -1 && at !== startIndex; at = cameFrom[at] as number) {
      cells.unshift(this.centre(at % this.columns, Math.floor(at / this.columns)));
    }
    return this.simplify([[from[0], from[1]], ...cells.slice(0, -1), [to[0], to[1]]]);
  }

  /** Keeps only the turns of a path: a point is dropped when the walk from the previous kept one to the next is clear. */
  private simplify(points: [number, number][]): [number, number][] {
    const kept: [number, number][] = [points[0] as [number, number]];
    let anchor = 0;
    for (let index = 2; index < points.length; index += 1) {
      if (!this.clearLine(points[anchor] as [number, number], points[index] as [number, number])) {
        anchor = index - 1;
        kept.push(points[anchor] as [number, number]);
      }
    }
    if (points.length > 1) kept.push(points[points.length - 1] as [number, number]);
    return kept;
  }

  private clearLine(a: [number, number], b: [number, number]): boolean {
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const samples = Math.ceil(length / (WalkableFloor.CELL / 2));
    for (let sample = 1; sample < samples; sample += 1) {
      const t = sample / samples;
      if (!this.canStand(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)) return false;
    }
    return true;
  }

  private nearestOpenCell(x: number, z: number): [number, number] | null {
    const standing = this.nearestStanding(x, z);
    return standing ? this.cellOf(...standing) : null;
  }

  private cellOf(x: number, z: number): [number, number] {
    const [x1, z1] = this.plan.bounds;
    return [Math.floor((x - x1) / WalkableFloor.CELL), Math.floor((z - z1) / WalkableFloor.CELL)];
  }

  private centre(column: number, row: number): [number, number] {
    const [x1, z1] = this.plan.bounds;
    return [x1 + (column + 0.5) * WalkableFloor.CELL, z1 + (row + 0.5) * WalkableFloor.CELL];
  }

  private isOpen(column: number, row: number): boolean {
    if (column < 0 || row < 0 || column >= this.columns || row >= this.rows) return false;
    return this.open[row * this.columns + column] === 1;
  }
}
