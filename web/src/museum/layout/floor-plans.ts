// The museum's floor plans for the 3D visit: where each room lies on its floor, the corridors and doors between
// them, the lift, and where a visitor arrives on a floor or in a room. Plain data and arithmetic: the browser
// walks with it, the build draws the floors' architecture from it, and the unit tests check it.

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
    // In the tube's opening: from there the whole round room, its exhibits along the far wall, is in view.
    const radius = area.shape.circle[2];
    return { floor: plan.floor, position: [cx, cz + toward * (radius + 0.3)], look: [cx, cz - toward * 2] };
  }
  const door = plan.areas.find(
    (candidate) => candidate.kind === 'door' && overlaps(candidate.shape, area.shape),
  );
  const edge = toward > 0 ? area.shape.rect[3] : area.shape.rect[1];
  const x = door ? centreOf(door.shape)[0] : cx;
  return { floor: plan.floor, position: [x, edge - toward * 1.5], look: [cx, cz] };
}

/** Which way along z a room's exhibits face: toward its corridor (along z = 0), or as the plan says. */
export function frontOf(area: Area): 1 | -1 {
  if (area.front) return area.front;
  return centreOf(area.shape)[1] < 0 ? 1 : -1;
}

function overlaps(a: Shape, b: Shape): boolean {
  if (!('rect' in a) || !('rect' in b)) return false;
  return a.rect[0] < b.rect[2] && b.rect[0] < a.rect[2] && a.rect[1] < b.rect[3] && b.rect[1] < a.rect[3];
}
