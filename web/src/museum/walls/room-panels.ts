// Where each room's wall panels go and what they say: the room's title and summary on the wall a visitor faces on
// entering, and its facts, map, timeline and list of exhibits on the walls beside it — high on the walls, above
// the exhibits that stand along them. A tube's curved wall carries flat plates set just inside it. Plain
// arithmetic on the floor plans, so the unit tests check it in Node.
import type { Language } from '../../../../functions/platform/language';
import { type Area, type FloorId, type FloorPlan, floorPlans, frontOf } from '../layout/floor-plans';
import { acrossOf, type PlateContent, type PlateTheme, type WallPlate } from './plates';
import { eraDates, roomGraphics, wallHeadings } from './wall-texts';

export interface WallRoom {
  id: string;
  name: string;
  summary: string;
}

export interface WallExhibit {
  roomId: string;
  title: string;
  period: string;
}

/** A plate stands this far in from the wall's centre line: the wall is 0.2 m thick, so 3 cm off its face. */
const OFF_WALL = 0.13;
/** Every room plate's texture is this many pixels tall, whatever its size in metres, so its text stays sharp. */
const PLATE_PIXELS_TALL = 300;
/** The most exhibits a room's list names: more would shrink its text below legible. */
const LIST_LENGTH = 6;

const dark: PlateTheme = { ground: '#1d2327', ink: '#f4f1ea', accent: '#c8a25a' };
const themes: Record<string, PlateTheme> = {
  lobby: dark,
  outdoor: dark,
  'tube-geology': { ground: '#efe8da', ink: '#2b2a27', accent: '#8a6a3a' },
  'tube-minerals': { ground: '#26272b', ink: '#f1f1f1', accent: '#d4b15a' },
  'tube-sea': { ground: '#e4f0f4', ink: '#12323f', accent: '#2f7f98' },
  'tube-life': { ground: '#edf3e4', ink: '#1f3318', accent: '#5b8a3a' },
  'mine-tunnel': { ground: '#222326', ink: '#f2efe8', accent: '#e0b341' },
  'coal-and-miners': { ground: '#222326', ink: '#f2efe8', accent: '#e0b341' },
  'truc-lam-zen': { ground: '#f3efe4', ink: '#2a2a24', accent: '#8a7530' },
  'ethnic-cultures': { ground: '#f7f2ea', ink: '#2a1f1c', accent: '#a3322a' },
};
const historyTheme: PlateTheme = { ground: '#f6f1e7', ink: '#2a231c', accent: '#9a4e2a' };

/** A stretch of straight wall seen from inside: from its left end to its right for a reader facing it. */
interface WallSpan {
  from: [number, number];
  to: [number, number];
  facing: [number, number];
}

const spanLength = (span: WallSpan) => Math.hypot(span.to[0] - span.from[0], span.to[1] - span.from[1]);

/** The height band the room's plates fill: above the exhibits along its walls, below the ceiling. */
function bandOf(plan: FloorPlan): [number, number] {
  if (plan.outdoor) return [5, 9];
  if (plan.wallHeight > 10) return [4, 8.4];
  if (plan.wallHeight >= 6) return [3, 5.6];
  // The mine's tunnel, 3 m tall, runs up to its room's back wall.
  return [3.1, plan.wallHeight - 0.2];
}

/** What the room's panels say besides its title, most telling first; its exhibits' list always last. */
function graphicsFor(
  room: WallRoom,
  plan: FloorPlan,
  exhibits: WallExhibit[],
  rooms: Map<string, WallRoom>,
  language: Language,
): PlateContent[] {
  const graphics = roomGraphics[room.id] ?? { facts: [] };
  const contents: PlateContent[] = [];
  if (graphics.timeline) {
    contents.push({
      kind: 'timeline',
      heading: wallHeadings.timeline[language],
      eras: plan.areas.flatMap((area) =>
        area.room && eraDates[area.room]
          ? [
              {
                name: rooms.get(area.room)?.name ?? area.room,
                dates: eraDates[area.room]?.[language] ?? '',
                current: area.room === room.id,
              },
            ]
          : [],
      ),
    });
  }
  for (const fact of graphics.facts) {
    contents.push({
      kind: 'fact',
      figure: fact.figure[language],
      text: fact.text[language],
      motif: fact.motif,
    });
  }
  if (graphics.map) {
    contents.push({
      kind: 'map',
      heading: graphics.map.heading[language],
      map: graphics.map.map,
      places: Object.fromEntries(
        Object.entries(graphics.map.places).map(([place, name]) => [place, name[language]]),
      ),
      note: wallHeadings.mapNote[language],
    });
  }
  contents.push({
    kind: 'list',
    heading: wallHeadings.inThisRoom[language],
    items: exhibits
      .filter((exhibit) => exhibit.roomId === room.id)
      .slice(0, LIST_LENGTH)
      .map((exhibit) => ({ title: exhibit.title, detail: exhibit.period })),
  });
  return contents;
}

/** A plate `centre` metres along a wall from its left end, standing just off the wall. */
function plateOn(
  span: WallSpan,
  centre: number,
  width: number,
  band: [number, number],
  room: string,
  content: PlateContent,
): WallPlate {
  const across = acrossOf(span.facing);
  return plateAt(
    [
      span.from[0] + across[0] * centre + span.facing[0] * OFF_WALL,
      span.from[1] + across[1] * centre + span.facing[1] * OFF_WALL,
    ],
    span.facing,
    width,
    band,
    room,
    content,
  );
}

function plateAt(
  at: [number, number],
  facing: [number, number],
  width: number,
  band: [number, number],
  room: string,
  content: PlateContent,
): WallPlate {
  const height = band[1] - band[0];
  return {
    room,
    position: [at[0], (band[0] + band[1]) / 2, at[1]],
    facing,
    width,
    height,
    pixelsPerMetre: PLATE_PIXELS_TALL / height,
    theme: themes[room] ?? historyTheme,
    content,
  };
}

/** A rectangular room's back wall (the one a visitor entering faces) and its side walls, each seen from inside. */
function rectangleWalls(area: Area): { back: WallSpan; left: WallSpan; right: WallSpan } | null {
  if (!('rect' in area.shape)) return null;
  const [x1, z1, x2, z2] = area.shape.rect;
  const west: WallSpan = { from: [x1, z2], to: [x1, z1], facing: [1, 0] };
  const east: WallSpan = { from: [x2, z1], to: [x2, z2], facing: [-1, 0] };
  // A visitor enters from the room's front and looks toward the back: with the front toward +z, west is left.
  return frontOf(area) > 0
    ? { back: { from: [x1, z1], to: [x2, z1], facing: [0, 1] }, left: west, right: east }
    : { back: { from: [x2, z2], to: [x1, z2], facing: [0, -1] }, left: east, right: west };
}

function rectanglePanels(plan: FloorPlan, area: Area, room: WallRoom, graphics: PlateContent[]): WallPlate[] {
  const walls = rectangleWalls(area);
  if (!walls) return [];
  const band = bandOf(plan);
  const grand = plan.wallHeight > 10 || plan.outdoor;
  const backLength = spanLength(walls.back);
  const flanked = graphics.length >= 4 && backLength >= 15;
  const titleWidth = Math.min(backLength - 1.2, flanked ? (grand ? 14 : 8) : 12);
  const plates = [
    plateOn(walls.back, backLength / 2, titleWidth, band, room.id, {
      kind: 'title',
      title: room.name,
      summary: room.summary,
    }),
  ];
  const queue = [...graphics];
  if (flanked) {
    const flankWidth = Math.min((backLength - titleWidth) / 2 - 0.8, grand ? 10 : 6);
    // A timeline needs the width of a side wall when the back wall's flanks are narrow.
    if (flankWidth < 5 && queue[0]?.kind === 'timeline') queue.splice(2, 0, ...queue.splice(0, 1));
    const flankCentre = (backLength - titleWidth) / 4;
    for (const centre of [flankCentre, backLength - flankCentre]) {
      const content = queue.shift();
      if (content) plates.push(plateOn(walls.back, centre, flankWidth, band, room.id, content));
    }
  }
  // Outdoors the "room" has only the museum's façade behind it.
  if (plan.outdoor) {
    const sideWidth = 8;
    for (const centre of [
      backLength / 2 - titleWidth / 2 - 1 - sideWidth / 2,
      backLength / 2 + titleWidth / 2 + 1 + sideWidth / 2,
    ]) {
      const content = queue.shift();
      if (content) plates.push(plateOn(walls.back, centre, sideWidth, band, room.id, content));
    }
    return plates;
  }
  // On the side walls, by the back corners, where the visitor's first view reaches.
  for (const [span, backAt] of [
    [walls.left, 'to'],
    [walls.right, 'from'],
  ] as const) {
    const content = queue.shift();
    if (!content) continue;
    const length = spanLength(span);
    const width = Math.min(length - 2.5, grand ? 10 : 6);
    const fromBack = 0.6 + width / 2;
    plates.push(
      plateOn(span, backAt === 'from' ? fromBack : length - fromBack, width, band, room.id, content),
    );
  }
  return plates;
}

/** A tube of floor 1: flat plates set just inside its curved wall, the title straight ahead of the entrance. */
function tubePanels(plan: FloorPlan, area: Area, room: WallRoom, graphics: PlateContent[]): WallPlate[] {
  if (!('circle' in area.shape)) return [];
  const [cx, cz, radius] = area.shape.circle;
  const band = bandOf(plan);
  const back = -frontOf(area);
  const queue: PlateContent[] = [{ kind: 'title', title: room.name, summary: room.summary }, ...graphics];
  const angles = [0, -50, 50, -100, 100];
  return angles.flatMap((degrees, index) => {
    const content = queue[index];
    if (!content) return [];
    const width = index === 0 ? 4.6 : 3.6;
    const angle = (degrees * Math.PI) / 180;
    // The way out from the centre to this plate: the back of the tube turned by the angle.
    const out: [number, number] = [-Math.sin(angle) * back, Math.cos(angle) * back];
    // The chord whose ends stand just inside the curved wall, as a flat wall's plates stand off it.
    const reach = Math.sqrt((radius - OFF_WALL) ** 2 - (width / 2) ** 2);
    return [
      plateAt([cx + out[0] * reach, cz + out[1] * reach], [-out[0], -out[1]], width, band, room.id, content),
    ];
  });
}

/** Every room's wall panels on a floor, in the visitor's language. */
export function roomPanels(
  floor: FloorId,
  rooms: Map<string, WallRoom>,
  exhibits: WallExhibit[],
  language: Language,
): WallPlate[] {
  const plan = floorPlans[floor];
  return plan.areas.flatMap((area) => {
    if (area.kind !== 'gallery' || !area.room) return [];
    const room = rooms.get(area.room) ?? { id: area.room, name: area.room, summary: '' };
    const graphics = graphicsFor(room, plan, exhibits, rooms, language);
    return 'circle' in area.shape
      ? tubePanels(plan, area, room, graphics)
      : rectanglePanels(plan, area, room, graphics);
  });
}
