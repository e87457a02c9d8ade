// Where each room leads: signs hung across the corridor near each end and at each junction of room entrances,
// naming the rooms ahead with arrows, and beside the lift the floor's directory (its name, its rooms, the other
// floors) under the floor's name. Plain arithmetic on the floor plans, so the unit tests check it in Node.
import type { Language } from '../../../../functions/platform/language';
import {
  type Area,
  contains,
  type FloorId,
  type FloorPlan,
  floorIds,
  floorPlans,
  roomEntrance,
} from '../layout/floor-plans';
import { type Arrow, acrossOf, type PlateTheme, type WallPlate } from './plates';
import { wallHeadings } from './wall-texts';

const signTheme: PlateTheme = { ground: '#1f2a30', ink: '#ffffff', accent: '#f4c542' };
const SIGN_PIXELS_PER_METRE = 170;
const DIRECTORY_PIXELS_PER_METRE = 300;
/** A hanging sign's height for each room it names, and for its margins. */
const SIGN_LINE = 0.34;
const SIGN_MARGIN = 0.3;
/** Doors closer together than this along the corridor share one sign. */
const JUNCTION_SPAN = 3;
/** How far from each end of the corridor its end sign hangs: far enough to be seen from the lift on arrival. */
const END_SIGN_DISTANCE = 10;
/** The lift's frame: half its width, and its height (the outdoor entrance's doors are wider and taller). */
const liftFrame = (plan: FloorPlan) => (plan.outdoor ? { half: 2.2, top: 3.4 } : { half: 1.3, top: 3 });
const DIRECTORY_WIDTH = 1.3;
const DIRECTORY_BAND: [number, number] = [0.85, 2.75];

/** The corridor's axis: the long way along it (x or z), and its ends and middle across. */
function corridorAxis(corridor: Area) {
  if (!('rect' in corridor.shape)) return null;
  const [x1, z1, x2, z2] = corridor.shape.rect;
  const alongX = x2 - x1 >= z2 - z1;
  return alongX
    ? { along: [1, 0] as const, start: x1, end: x2, middle: (z1 + z2) / 2, width: z2 - z1 }
    : { along: [0, 1] as const, start: z1, end: z2, middle: (x1 + x2) / 2, width: x2 - x1 };
}

interface RoomDoor {
  name: string;
  /** Where the room's entrance lies along the corridor, and on which side of its middle (−1 or 1). */
  at: number;
  side: number;
}

function roomDoors(plan: FloorPlan, roomNames: Map<string, string>, alongX: boolean, middle: number) {
  return plan.areas.flatMap((area): RoomDoor[] => {
    const entrance = area.room ? roomEntrance(area.room) : null;
    if (!area.room || !entrance) return [];
    const [x, z] = entrance.position;
    return [
      {
        name: roomNames.get(area.room) ?? area.room,
        at: alongX ? x : z,
        side: Math.sign((alongX ? z : x) - middle) || 1,
      },
    ];
  });
}

/**
 * What a sign at `at` says to a reader walking in `direction` (+1 or −1 along the corridor): the rooms whose door
 * is at the sign (turn left or right) or ahead, nearest first.
 */
function signEntries(
  doors: RoomDoor[],
  at: number,
  direction: 1 | -1,
  alongX: boolean,
): { name: string; arrow: Arrow }[] {
  return doors
    .map((door) => ({ door, ahead: (door.at - at) * direction }))
    .filter(({ ahead }) => ahead >= -JUNCTION_SPAN / 2)
    .sort((a, b) => a.ahead - b.ahead)
    .map(({ door, ahead }) => {
      if (ahead > JUNCTION_SPAN / 2) return { name: door.name, arrow: 'ahead' as const };
      // Walking along +x the reader's right is +z; walking along +z it is −x.
      const rightSide = alongX ? direction : -direction;
      return { name: door.name, arrow: door.side === rightSide ? ('right' as const) : ('left' as const) };
    });
}

/** The corridor's hanging signs: one near each end facing into it, two faces at each junction of doors. */
export function corridorSigns(floor: FloorId, roomNames: Map<string, string>): WallPlate[] {
  const plan = floorPlans[floor];
  const corridor = plan.areas.find((area) => area.kind === 'corridor');
  const axis = corridor ? corridorAxis(corridor) : null;
  if (!axis) return [];
  const alongX = axis.along[0] === 1;
  const doors = roomDoors(plan, roomNames, alongX, axis.middle);
  const junctions: number[] = [];
  for (const at of [...doors.map((door) => door.at)].sort((a, b) => a - b)) {
    const last = junctions.at(-1);
    if (last !== undefined && at - last < JUNCTION_SPAN) junctions[junctions.length - 1] = (last + at) / 2;
    else junctions.push(at);
  }
  const ends: [number, 1 | -1][] = [
    [axis.start + END_SIGN_DISTANCE, 1],
    [axis.end - END_SIGN_DISTANCE, -1],
  ];
  const faces: [number, 1 | -1][] = [
    ...ends,
    // A junction's face is left out where an end sign facing the same way hangs just before it.
    ...junctions.flatMap((at) =>
      ([1, -1] as const)
        .filter((direction) => !ends.some(([end, way]) => way === direction && Math.abs(end - at) < 4))
        .map((direction): [number, 1 | -1] => [at, direction]),
    ),
  ];
  const width = Math.min(axis.width - 1.6, 4.4);
  const bottom = plan.wallHeight >= 6 ? 3.4 : 3;
  return faces.flatMap(([at, direction]) => {
    const entries = signEntries(doors, at, direction, alongX);
    if (entries.length === 0) return [];
    const height = SIGN_MARGIN + SIGN_LINE * entries.length;
    // The face looks back at the reader walking toward it; the two faces of a sign stand 2 cm apart.
    const facing: [number, number] = [-axis.along[0] * direction, -axis.along[1] * direction];
    const position = at - direction * 0.01;
    return [
      {
        position: alongX
          ? [position, bottom + height / 2, axis.middle]
          : [axis.middle, bottom + height / 2, position],
        facing,
        width,
        height,
        pixelsPerMetre: SIGN_PIXELS_PER_METRE,
        theme: signTheme,
        content: { kind: 'sign', entries },
      },
    ];
  });
}

/** The area around the lift's doors: the corridor, or the hall it opens into. */
function liftArea(plan: FloorPlan): Area | undefined {
  const [x, z] = plan.lift.at;
  const [fx, fz] = plan.lift.facing;
  return plan.areas.find((area) => area.kind !== 'door' && contains(area.shape, x + fx, z + fz));
}

/** Beside the lift: the floor's directory, and over the lift's doors the floor's name. */
export function liftDirectory(
  floor: FloorId,
  roomNames: Map<string, string>,
  language: Language,
): WallPlate[] {
  const plan = floorPlans[floor];
  const [x, z] = plan.lift.at;
  const facing: [number, number] = [plan.lift.facing[0], plan.lift.facing[1]];
  const across = acrossOf(facing);
  const frame = liftFrame(plan);
  const offset = frame.half + 0.2 + DIRECTORY_WIDTH / 2;
  const off = 0.13;
  const area = liftArea(plan);
  // The floor's name spans the wall over the doors, as wide as the corridor lets it.
  const wallWidth =
    area && 'rect' in area.shape
      ? Math.abs(across[0]) > 0.5
        ? area.shape.rect[2] - area.shape.rect[0]
        : area.shape.rect[3] - area.shape.rect[1]
      : 6;
  const nameWidth = Math.min(wallWidth - 0.6, 5);
  const nameHeight = 0.55;
  const floorName = plan.name[language];
  return [
    {
      position: [
        x + across[0] * offset + facing[0] * off,
        (DIRECTORY_BAND[0] + DIRECTORY_BAND[1]) / 2,
        z + across[1] * offset + facing[1] * off,
      ],
      facing,
      width: DIRECTORY_WIDTH,
      height: DIRECTORY_BAND[1] - DIRECTORY_BAND[0],
      pixelsPerMetre: DIRECTORY_PIXELS_PER_METRE,
      theme: signTheme,
      content: {
        kind: 'directory',
        heading: wallHeadings.youAreHere[language],
        floor: floorName,
        rooms: plan.areas.flatMap((area) => (area.room ? [roomNames.get(area.room) ?? area.room] : [])),
        otherFloorsHeading: wallHeadings.otherFloors[language],
        otherFloors: floorIds
          .filter((other) => other !== floor)
          .map((other) => floorPlans[other].name[language]),
      },
    },
    {
      position: [x + facing[0] * off, frame.top + 0.15 + nameHeight / 2, z + facing[1] * off],
      facing,
      width: nameWidth,
      height: nameHeight,
      pixelsPerMetre: SIGN_PIXELS_PER_METRE,
      theme: signTheme,
      content: { kind: 'floor-name', text: floorName },
    },
  ];
}
