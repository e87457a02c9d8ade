// The building, floor by floor, made by code from the floor plans: floors, white walls with door openings and
// lintels, the four "mountain" tubes of floor 1, ceilings with light panels, the black glass front, the lift,
// and outdoors the paving, the museum's black glass façade and the bay beyond. Each floor comes out as a few
// merged, vertex-coloured meshes (the build writes them to glTF): the floor people click to walk on, the
// structure, the glass, the lights and the lift.
import {
  BoxGeometry,
  type BufferGeometry,
  CircleGeometry,
  ConeGeometry,
  CylinderGeometry,
  PlaneGeometry,
  SphereGeometry,
  TorusGeometry,
} from 'three';
import { type Area, contains, type FloorId, type FloorPlan, floorPlans } from '../layout/floor-plans';
import { type Paint, paint } from './finishes';
import { type BuiltModel, ModelBuilder } from './parts';

export interface FloorArchitecture {
  floor: BuiltModel;
  structure: BuiltModel;
  lights: BuiltModel;
  lift: BuiltModel;
}

const WALL = paint('#f7f5f0', 'plaster');
const CEILING = paint('#fbfaf7', 'plaster');
const LIGHT = paint('#ffffff', 'light');
const DARK_STONE = paint('#3b3d40', 'stone');
const BRONZE_FRAME = paint('#8a6a3a', 'bronze');
const RAIL = paint('#c9ced1', 'steel');
const WALL_THICKNESS = 0.2;
const DOOR_HEIGHT = 2.8;
const SAMPLE = 0.25;

/** Wall colours inside the tubes of floor 1: limestone, coal, the sea, the forest. */
const tubeColours: Record<string, Paint> = {
  'tube-geology': paint('#d9cfbd', 'stone'),
  'tube-minerals': paint('#4a4a4f', 'stone'),
  'tube-sea': paint('#9cc6d6', 'plaster'),
  'tube-life': paint('#b7cf9e', 'plaster'),
};
const floorColours = {
  gallery: paint('#d9d4ca', 'terrazzo'),
  corridor: paint('#c9c3b7', 'terrazzo'),
  outdoor: paint('#a9a59c', 'stone'),
};

/**
 * Rooms whose surfaces are not the white galleries': the coal-mine tunnel is rock and timber under a low roof;
 * the Trúc Lâm Zen space is quiet — a wooden floor, warm dark walls, lanterns instead of light panels.
 */
const roomSurfaces: Record<string, { floor: Paint; wall: Paint; ceiling: Paint; panels: boolean }> = {
  'mine-tunnel': {
    floor: paint('#4a4640', 'stone'),
    wall: paint('#2b2a28', 'coal'),
    ceiling: paint('#2f2d2a', 'stone'),
    panels: false,
  },
  'truc-lam-zen': {
    floor: paint('#6b4a2e', 'wood'),
    wall: paint('#6f655b', 'plaster'),
    ceiling: paint('#4a423b', 'wood'),
    panels: false,
  },
};

const TIMBER = paint('#6e5236', 'weathered-wood');
const RAIL_STEEL = paint('#5d6166', 'iron');
const SLEEPER = paint('#4a3626', 'weathered-wood');
const LAMP = paint('#ffd58a', 'light');

/**
 * The coal-mine tunnel: a low rock roof, timber sets (two props and a cap) every two metres along the tunnel,
 * a mine-car track of two rails on sleepers down its free middle, and a lamp hanging from every cap.
 */
function addMineTunnel(area: Area, builder: ModelBuilder, lights: ModelBuilder): void {
  if (!('rect' in area.shape)) return;
  const [x1, z1, x2, z2] = area.shape.rect;
  const roof = 3.1;
  builder.add(new PlaneGeometry(x2 - x1, z2 - z1), roomSurfaces['mine-tunnel']?.ceiling ?? CEILING, {
    position: [(x1 + x2) / 2, roof, (z1 + z2) / 2],
    rotation: [Math.PI / 2, 0, 0],
  });
  // The track and the timber sets keep to the middle, between the coal face on the west wall and the cart.
  const [west, east] = [x1 + 4.4, x2 - 1.8];
  const track = (west + east) / 2;
  for (const offset of [-0.3, 0.3]) {
    builder.add(new BoxGeometry(0.07, 0.1, z2 - z1 - 0.6), RAIL_STEEL, {
      position: [track + offset, 0.07, (z1 + z2) / 2 - 0.3],
    });
  }
  for (let z = z2 - 0.8; z > z1 + 0.3; z -= 0.7) {
    builder.add(new BoxGeometry(1.1, 0.05, 0.18), SLEEPER, { position: [track, 0.025, z] });
  }
  for (let z = z2 - 1.5; z > z1 + 0.5; z -= 2) {
    for (const x of [west, east]) {
      builder.add(new CylinderGeometry(0.11, 0.13, roof - 0.3, 8), TIMBER, {
        position: [x, (roof - 0.3) / 2, z],
      });
    }
    builder.add(new BoxGeometry(east - west + 0.5, 0.24, 0.24), TIMBER, { position: [track, roof - 0.2, z] });
    lights.add(new CylinderGeometry(0.07, 0.1, 0.14, 10), LAMP, { position: [track, roof - 0.45, z] });
  }
}

/** The Zen space's lanterns: paper globes hanging low, in place of the galleries' light panels. */
function addLanterns(plan: FloorPlan, area: Area, lights: ModelBuilder): void {
  if (!('rect' in area.shape)) return;
  const [x1, z1, x2, z2] = area.shape.rect;
  for (let x = x1 + 3; x < x2 - 1; x += 4.5) {
    lights.add(new SphereGeometry(0.32, 16, 12), paint('#ffe9c2', 'light'), {
      position: [x, plan.wallHeight - 1.6, (z1 + z2) / 2],
      scale: [1, 1.25, 1],
    });
  }
}

function otherAreasAt(plan: FloorPlan, self: Area, x: number, z: number, inset: number): Area[] {
  return plan.areas.filter((area) => area !== self && contains(area.shape, x, z, inset));
}

/**
 * Whether the boundary of `area` at p (with the outside at q) carries a wall: not inside a door or another room's
 * opening; toward the outside always; between a room and a corridor, drawn by the room.
 */
function wallAt(
  plan: FloorPlan,
  area: Area,
  p: [number, number],
  q: [number, number],
): 'wall' | 'door' | 'none' {
  const around = otherAreasAt(plan, area, p[0], p[1], -0.01);
  if (around.some((other) => other.kind === 'door')) return 'door';
  if (otherAreasAt(plan, area, p[0], p[1], 0.05).some((other) => other.kind !== 'door')) return 'none';
  const beyond = otherAreasAt(plan, area, q[0], q[1], 0).filter((other) => other.kind !== 'door');
  if (beyond.length === 0) return 'wall';
  return area.kind === 'gallery' ? 'wall' : 'none';
}

function addFloorSurfaces(plan: FloorPlan, builder: ModelBuilder): void {
  for (const area of plan.areas) {
    if (area.kind === 'door') continue;
    const colour = plan.outdoor
      ? floorColours.outdoor
      : (roomSurfaces[area.room ?? '']?.floor ?? floorColours[area.kind]);
    // Corridors lie a hair lower where rooms overlap them, so the two never flicker.
    const y = area.kind === 'corridor' ? 0 : 0.005;
    if ('rect' in area.shape) {
      const [x1, z1, x2, z2] = area.shape.rect;
      builder.add(new PlaneGeometry(x2 - x1, z2 - z1), colour, {
        position: [(x1 + x2) / 2, y, (z1 + z2) / 2],
        rotation: [-Math.PI / 2, 0, 0],
      });
    } else {
      const [cx, cz, radius] = area.shape.circle;
      builder.add(new CircleGeometry(radius, 48), colour, {
        position: [cx, y, cz],
        rotation: [-Math.PI / 2, 0, 0],
      });
    }
  }
}

/** A straight wall from a to b (or only its lintel above a door). */
function addWall(
  builder: ModelBuilder,
  a: [number, number],
  b: [number, number],
  from: number,
  to: number,
  colour: Paint,
): void {
  const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
  if (length < 0.01 || to <= from) return;
  builder.add(new BoxGeometry(length + WALL_THICKNESS, to - from, WALL_THICKNESS), colour, {
    position: [(a[0] + b[0]) / 2, (from + to) / 2, (a[1] + b[1]) / 2],
    rotation: [0, -Math.atan2(b[1] - a[1], b[0] - a[0]), 0],
  });
}

function addRectangleWalls(plan: FloorPlan, area: Area, builder: ModelBuilder, glass: ModelBuilder): void {
  if (!('rect' in area.shape)) return;
  const [x1, z1, x2, z2] = area.shape.rect;
  const edges: { from: [number, number]; to: [number, number]; out: [number, number] }[] = [
    { from: [x1, z1], to: [x2, z1], out: [0, -1] },
    { from: [x2, z1], to: [x2, z2], out: [1, 0] },
    { from: [x2, z2], to: [x1, z2], out: [0, 1] },
    { from: [x1, z2], to: [x1, z1], out: [-1, 0] },
  ];
  for (const edge of edges) {
    const length = Math.hypot(edge.to[0] - edge.from[0], edge.to[1] - edge.from[1]);
    const samples = Math.round(length / SAMPLE);
    // The entrance hall's front, toward the square and the bay, is glass from floor to roof.
    const glazed = area.room === 'lobby' && edge.out[1] === 1;
    let run: { start: number; kind: 'wall' | 'door' | 'none' } = { start: 0, kind: 'none' };
    const point = (index: number): [number, number] => [
      edge.from[0] + ((edge.to[0] - edge.from[0]) * index) / samples,
      edge.from[1] + ((edge.to[1] - edge.from[1]) * index) / samples,
    ];
    const close = (end: number) => {
      if (run.kind === 'none') return;
      const from = point(run.start);
      const to = point(end);
      if (glazed) {
        const length = Math.hypot(to[0] - from[0], to[1] - from[1]);
        glass.addGlass(new PlaneGeometry(length, plan.wallHeight), {
          position: [(from[0] + to[0]) / 2, plan.wallHeight / 2, (from[1] + to[1]) / 2],
        });
        return;
      }
      addWall(
        builder,
        from,
        to,
        run.kind === 'door' ? DOOR_HEIGHT : 0,
        plan.wallHeight,
        roomSurfaces[area.room ?? '']?.wall ?? WALL,
      );
    };
    for (let index = 0; index < samples; index += 1) {
      const [px, pz] = point(index + 0.5);
      const kind = wallAt(plan, area, [px, pz], [px + edge.out[0] * 0.3, pz + edge.out[1] * 0.3]);
      if (kind !== run.kind) {
        close(index);
        run = { start: index, kind };
      }
    }
    close(samples);
  }
}

/** A tube of floor 1: a round wall open toward the corridor, coloured by its theme, with a ring of light. */
function addTube(plan: FloorPlan, area: Area, builder: ModelBuilder, lights: ModelBuilder): void {
  if (!('circle' in area.shape)) return;
  const [cx, cz, radius] = area.shape.circle;
  const colour = tubeColours[area.room ?? ''] ?? WALL;
  const samples = 96;
  const step = (Math.PI * 2) / samples;
  // In three.js a cylinder's angle θ lies at (sin θ, cos θ).
  const at = (theta: number): [number, number] => [
    cx + Math.sin(theta) * radius,
    cz + Math.cos(theta) * radius,
  ];
  const kinds = Array.from({ length: samples }, (_, index) => {
    const theta = (index + 0.5) * step;
    const [px, pz] = at(theta);
    const out: [number, number] = [px + Math.sin(theta) * 0.3, pz + Math.cos(theta) * 0.3];
    return wallAt(plan, area, [px, pz], out);
  });
  // Start the runs at an opening, so none wraps around.
  const offset = Math.max(0, kinds.indexOf('none'));
  let start = 0;
  for (let index = 1; index <= samples; index += 1) {
    const kind = kinds[(offset + start) % samples];
    if (index < samples && kinds[(offset + index) % samples] === kind) continue;
    if (kind === 'wall') {
      const thetaStart = (offset + start) * step;
      const thetaLength = (index - start) * step;
      const segments = Math.max(2, index - start);
      builder.add(
        new CylinderGeometry(radius, radius, plan.wallHeight, segments, 1, true, thetaStart, thetaLength),
        colour,
        { position: [cx, plan.wallHeight / 2, cz] },
      );
      // The outside of the tube is the museum's dark stone.
      builder.add(
        new CylinderGeometry(
          radius + 0.25,
          radius + 0.25,
          plan.wallHeight,
          segments,
          1,
          true,
          thetaStart,
          thetaLength,
        ),
        DARK_STONE,
        { position: [cx, plan.wallHeight / 2, cz] },
      );
    }
    start = index;
  }
  // The tube rises through the ceiling like a peak; a ring of light around its opening above.
  builder.add(new ConeGeometry(radius, 4, 32, 1, true), colour, { position: [cx, plan.wallHeight + 2, cz] });
  lights.add(new TorusGeometry(radius * 0.55, 0.12, 6, 48), LIGHT, {
    position: [cx, plan.wallHeight - 0.2, cz],
    rotation: [Math.PI / 2, 0, 0],
  });
}

function addCeiling(plan: FloorPlan, area: Area, builder: ModelBuilder, lights: ModelBuilder): void {
  if (area.kind === 'door' || !('rect' in area.shape)) return;
  const [x1, z1, x2, z2] = area.shape.rect;
  const surfaces = roomSurfaces[area.room ?? ''];
  builder.add(new PlaneGeometry(x2 - x1, z2 - z1), surfaces?.ceiling ?? CEILING, {
    position: [(x1 + x2) / 2, plan.wallHeight, (z1 + z2) / 2],
    rotation: [Math.PI / 2, 0, 0],
  });
  if (surfaces && !surfaces.panels) return;
  // Light panels every four metres.
  const spacing = 4;
  for (let x = x1 + spacing / 2; x < x2; x += spacing) {
    for (let z = z1 + spacing / 2; z < z2; z += spacing) {
      if (
        plan.areas.some((other) => other !== area && other.kind === 'gallery' && contains(other.shape, x, z))
      )
        continue;
      lights.add(new PlaneGeometry(1.4, 1.4), LIGHT, {
        position: [x, plan.wallHeight - 0.02, z],
        rotation: [Math.PI / 2, 0, 0],
      });
    }
  }
}

/** Steel lift doors in their frame, with the call button lit. */
function addLift(plan: FloorPlan, builder: ModelBuilder): void {
  const [x, z] = plan.lift.at;
  const [fx, fz] = plan.lift.facing;
  const rotationY = Math.atan2(fx, fz);
  builder.group({ position: [x + fx * 0.12, 0, z + fz * 0.12], rotation: [0, rotationY, 0] }, (lift) => {
    if (plan.outdoor) {
      // The museum's doors: a dark glass portal with bronze frames.
      lift.add(new BoxGeometry(4.4, 3.4, 0.2), BRONZE_FRAME, { position: [0, 1.7, 0] });
      lift.add(new BoxGeometry(4, 3, 0.22), paint('#1c2226', 'glazing'), { position: [0, 1.5, 0.01] });
      lift.add(new BoxGeometry(0.05, 3, 0.24), BRONZE_FRAME, { position: [0, 1.5, 0.02] });
      return;
    }
    lift.add(new BoxGeometry(2.6, 3, 0.18), paint('#6b7278', 'steel'), { position: [0, 1.5, 0] });
    lift.add(new BoxGeometry(1.05, 2.5, 0.2), paint('#b9c0c6', 'steel'), { position: [-0.53, 1.25, 0.02] });
    lift.add(new BoxGeometry(1.05, 2.5, 0.2), paint('#b9c0c6', 'steel'), { position: [0.53, 1.25, 0.02] });
    lift.add(new BoxGeometry(0.16, 0.3, 0.06), paint('#2f3a40', 'steel'), { position: [1.55, 1.25, 0.02] });
    lift.add(new CylinderGeometry(0.04, 0.04, 0.04, 12), paint('#f4c542', 'light'), {
      position: [1.55, 1.3, 0.06],
      rotation: [Math.PI / 2, 0, 0],
    });
  });
}

/** Outdoors: the black glass façade behind, the bay with its limestone islands beyond the railing. */
function addOutdoorSetting(plan: FloorPlan, builder: ModelBuilder, glass: ModelBuilder): void {
  const shape = plan.areas[0]?.shape;
  if (!shape || !('rect' in shape)) return;
  const [x1, z1, x2, z2] = shape.rect;
  // The museum: a black glass block, its storeys marked by thin bands.
  builder.add(new BoxGeometry(x2 - x1 + 10, 22, 16), paint('#101417', 'glazing'), {
    position: [(x1 + x2) / 2, 11, z1 - 8.1],
  });
  for (let storey = 1; storey < 5; storey += 1) {
    glass.addGlass(
      new PlaneGeometry(x2 - x1 + 10, 0.15),
      { position: [(x1 + x2) / 2, storey * 4.5, z1 - 0.05] },
      '#7b8f99',
    );
  }
  // The seafront railing.
  builder.add(new BoxGeometry(x2 - x1, 0.08, 0.08), RAIL, { position: [(x1 + x2) / 2, 1.05, z2] });
  for (let x = x1; x <= x2; x += 2) {
    builder.add(new BoxGeometry(0.06, 1.05, 0.06), RAIL, { position: [x, 0.52, z2] });
  }
  // The bay, and a few of its limestone islands on the horizon.
  builder.add(new PlaneGeometry(400, 200), paint('#3f7f8c', 'water'), {
    position: [0, -0.6, z2 + 100],
    rotation: [-Math.PI / 2, 0, 0],
  });
  const islands: [number, number, number, number][] = [
    [-60, 70, 14, 22],
    [-25, 110, 10, 30],
    [20, 80, 9, 18],
    [55, 120, 16, 34],
    [90, 60, 8, 15],
    [-95, 95, 11, 26],
    [35, 150, 20, 40],
  ];
  islands.forEach(([x, z, radius, height], index) => {
    builder.add(karstTower(radius, height, index + 1), paint('#8a8a80', 'stone'), {
      position: [x, -0.6, z2 + z],
    });
    // The forest that clings to the towers' tops.
    builder.add(new SphereGeometry(1, 12, 6, 0, Math.PI * 2, 0, Math.PI / 2), paint('#4f6b45', 'matte'), {
      position: [x, height - 0.6 - height * 0.04, z2 + z],
      scale: [radius * 0.62, height * 0.1, radius * 0.62],
    });
  });
}

/**
 * A limestone tower of the bay: steep, fluted sides narrowing to a rounded top, its outline made irregular by a
 * seeded wobble so that no two look alike (the same every build).
 */
function karstTower(radius: number, height: number, seed: number): BufferGeometry {
  const geometry = new CylinderGeometry(radius * 0.6, radius, height, 14, 6, false);
  geometry.translate(0, height / 2, 0);
  const position = geometry.getAttribute('position');
  for (let index = 0; index < position.count; index += 1) {
    const x = position.getX(index);
    const y = position.getY(index);
    const z = position.getZ(index);
    const angle = Math.atan2(z, x);
    const wobble =
      1 +
      0.16 * Math.sin(angle * 3 + seed * 1.7) +
      0.1 * Math.sin(angle * 7 + seed) * Math.cos(y * 0.3 + seed);
    position.setXYZ(index, x * wobble, y, z * wobble);
  }
  geometry.computeVertexNormals();
  return geometry;
}

/** The architecture of one floor, from its plan. */
export function buildFloorArchitecture(floor: FloorId): FloorArchitecture {
  const plan = floorPlans[floor];
  const floorSurface = new ModelBuilder();
  const structure = new ModelBuilder();
  const lights = new ModelBuilder();
  const lift = new ModelBuilder();
  addFloorSurfaces(plan, floorSurface);
  if (plan.outdoor) {
    addOutdoorSetting(plan, structure, structure);
  } else {
    for (const area of plan.areas) {
      if (area.kind === 'door') continue;
      if ('circle' in area.shape) addTube(plan, area, structure, lights);
      else {
        addRectangleWalls(plan, area, structure, structure);
        addCeiling(plan, area, structure, lights);
        if (area.room === 'mine-tunnel') addMineTunnel(area, structure, lights);
        if (area.room === 'truc-lam-zen') addLanterns(plan, area, lights);
      }
    }
  }
  addLift(plan, lift);
  return {
    floor: floorSurface.build(),
    structure: structure.build(),
    lights: lights.build(),
    lift: lift.build(),
  };
}
