// What a plate on a wall (or hanging over a corridor) is: where it stands in the floor's coordinates, its size,
// how finely its texture is drawn, and what it says. The layout modules decide these; plate-drawing draws them.

/** A way an arrow on a corridor sign points, as the reader facing the sign sees it. */
export type Arrow = 'ahead' | 'left' | 'right';

/** A drawing made by code beside a fact: plainly a graphic, not a picture of anything real. */
export type Motif = 'karst' | 'strata' | 'waves' | 'leaves' | 'depth' | 'pagoda' | 'weave' | 'whale';

/** The stylised maps the walls know how to draw, with the places each marks. */
export type MapDrawing = 'quang-ninh' | 'bach-dang';

export type PlateContent =
  | { kind: 'title'; title: string; summary: string }
  | { kind: 'fact'; figure: string; text: string; motif: Motif }
  | {
      kind: 'timeline';
      heading: string;
      eras: { name: string; dates: string; current: boolean }[];
    }
  | { kind: 'map'; heading: string; map: MapDrawing; places: Record<string, string>; note: string }
  | { kind: 'list'; heading: string; items: { title: string; detail: string }[] }
  | { kind: 'sign'; entries: { name: string; arrow: Arrow }[] }
  | {
      kind: 'directory';
      heading: string;
      floor: string;
      rooms: string[];
      otherFloorsHeading: string;
      otherFloors: string[];
    }
  | { kind: 'floor-name'; text: string };

/** Colours of a plate: its ground, its text and the accent of its rules and drawings. */
export interface PlateTheme {
  ground: string;
  ink: string;
  accent: string;
}

export interface WallPlate {
  /** The room the plate belongs to; signs and directories belong to the floor. */
  room?: string;
  /** The plate's centre, in metres on the floor's axes (y up). */
  position: [number, number, number];
  /** The way the plate's face looks, on the floor (x, z), unit length. */
  facing: [number, number];
  width: number;
  height: number;
  /** How many texture pixels a metre of the plate gets: small text needs more. */
  pixelsPerMetre: number;
  theme: PlateTheme;
  content: PlateContent;
}

/** The turn about the vertical axis that makes a plane (facing +z) face `facing`. */
export const rotationFor = (facing: readonly [number, number]) => Math.atan2(facing[0], facing[1]);

/** The direction along the plate from its left edge to its right, for a reader facing it. */
export const acrossOf = (facing: readonly [number, number]): [number, number] => [facing[1], -facing[0]];
