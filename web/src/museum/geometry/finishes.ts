// What a model's surfaces are made of. A part is painted with a colour and a finish; the finish picks the
// physically based material it is drawn with (scene/finish-materials.ts: bronze is metal with patina, a glazed
// jar has a clear coat, coal is glossy and faceted) and how its generated texture is laid on it. The same names
// go into the floors' glTF files as material names, so the floors and the exhibits share one set of materials.

export const finishes = [
  /** Painted wood or plaster, mannequins, models' painted parts: even and matt. */
  'matte',
  /** The galleries' walls and ceilings: white plaster. */
  'plaster',
  /** Polished stone floors (terrazzo) in the galleries. */
  'terrazzo',
  'wood',
  /** Wood left in water and mud for centuries: the Bạch Đằng stakes. */
  'weathered-wood',
  'stone',
  'bronze',
  'gold',
  /** Cast and wrought iron, old guns, mine carts. */
  'iron',
  /** Machined and painted steel: the lift, a missile launcher's rails. */
  'steel',
  'ceramic-glazed',
  'ceramic-unglazed',
  'bone',
  /** Anthracite: black, glossy, faceted. */
  'coal',
  'cloth',
  /** Labels, maps and photographs' paper. */
  'paper',
  /** Water of the bay and of tanks. */
  'water',
  /** The museum's black glass façade: dark and mirror-like. */
  'glazing',
  /** Ceiling panels and lamps: they give light, they are not lit. */
  'light',
] as const;

export type Finish = (typeof finishes)[number];

/** A colour (CSS, sRGB) with the finish it is made of. */
export interface Paint {
  readonly colour: string;
  readonly finish: Finish;
}

/** What a part is painted with: a plain colour is `matte`. */
export type PaintLike = string | Paint;

export function paint(colour: string, finish: Finish): Paint {
  return { colour, finish };
}

export function paintOf(paintLike: PaintLike): Paint {
  return typeof paintLike === 'string' ? { colour: paintLike, finish: 'matte' } : paintLike;
}

/**
 * How many metres one repeat of a finish's generated texture covers: wood grain and stone are seen at the scale
 * of a plank or a block, a glaze's crackle or a cloth's weave much finer.
 */
export const textureRepeatMetres: Record<Finish, number> = {
  matte: 1,
  plaster: 2,
  terrazzo: 1.5,
  wood: 0.8,
  'weathered-wood': 0.6,
  stone: 0.8,
  bronze: 0.4,
  gold: 0.08,
  iron: 0.6,
  steel: 1,
  'ceramic-glazed': 0.25,
  'ceramic-unglazed': 0.3,
  bone: 0.5,
  coal: 0.5,
  cloth: 0.12,
  paper: 0.5,
  water: 4,
  glazing: 4,
  light: 1,
};
