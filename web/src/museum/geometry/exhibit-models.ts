// The exhibits of the virtual museum, each made by code from simple three.js shapes: the fin whale skeleton, the
// junk, the Bạch Đằng stakes, glazed ceramics, display cases with their specimens, weapons, guns, a mine cart and
// the rest. Every model stands on y = 0, centred on x and z, faces +z and fits the box its size gives (metres);
// the parts go through ModelBuilder, which merges them into one vertex-coloured mesh (and one of glass).
// Variety (where rocks sit, how stakes lean) comes from a small seeded generator, so a model is the same every time.
import {
  BoxGeometry,
  BufferGeometry,
  CapsuleGeometry,
  ConeGeometry,
  CylinderGeometry,
  Euler,
  ExtrudeGeometry,
  Float32BufferAttribute,
  IcosahedronGeometry,
  LatheGeometry,
  Quaternion,
  Shape,
  SphereGeometry,
  TorusGeometry,
  Vector2,
  Vector3,
} from 'three';
import type { modelKinds } from '../../../../functions/museum/model';
import type { ModelBuilder, Placement } from './parts';

export type ModelKind = (typeof modelKinds)[number];

export interface ModelSize {
  width: number;
  height: number;
  depth: number;
}

type Vec3 = [number, number, number];
/** A turned profile: [radius, height] pairs from the foot up. */
type Profile = readonly (readonly [number, number])[];

// Colours of real museum objects.
const BONE = '#efe8d6';
const WOOD_DARK = '#4a3426';
const WOOD = '#7a5230';
const WOOD_LIGHT = '#a77b4f';
const IRONWOOD = '#3a2a1c';
const METAL_DARK = '#2e2f31';
const STEEL = '#5b6066';
const IRON = '#3b3d40';
const BRONZE = '#8c6d3f';
const BRONZE_GREEN = '#6f7d4f';
const GOLD = '#d4a937';
const ARMY_GREEN = '#4b5320';
const ARMY_GREEN_DARK = '#394017';
const INDIGO = '#2b3a67';
const RED = '#b3282d';
const WHITE_CLOTH = '#efe9dc';
const STONE = '#8d8a82';
const STONE_DARK = '#6f6c64';
const ANTHRACITE = '#1d1d1f';
const ANTHRACITE_SHEEN = '#3a3c43';
const LABEL = '#f1ece0';
const MANNEQUIN = '#d8cfc2';
const GLAZE_WHITE = '#eef0ec';
const COBALT = '#27418a';
const CELADON = '#9cbf9a';
const BROWN_GLAZE = '#6e3f1c';
const BISCUIT = '#b89a72';
const TERRACOTTA = '#a0522d';
const SEA = '#3f7fa6';
const LEAF = '#4d7a3a';

// Shared unit shapes, placed by scaling; the builder copies them, so they are never changed.
const unitBox = new BoxGeometry(1, 1, 1);
const unitCylinders = new Map<number, CylinderGeometry>();
const unitSpheres = new Map<string, SphereGeometry>();
const UP = new Vector3(0, 1, 0);

/** A cylinder of radius 1 and height 1 standing on its centre. */
function unitCylinder(segments: number): CylinderGeometry {
  let geometry = unitCylinders.get(segments);
  if (!geometry) {
    geometry = new CylinderGeometry(1, 1, 1, segments);
    unitCylinders.set(segments, geometry);
  }
  return geometry;
}

/** A sphere of radius 1. */
function unitSphere(widthSegments = 12, heightSegments = 8): SphereGeometry {
  const key = `${widthSegments}x${heightSegments}`;
  let geometry = unitSpheres.get(key);
  if (!geometry) {
    geometry = new SphereGeometry(1, widthSegments, heightSegments);
    unitSpheres.set(key, geometry);
  }
  return geometry;
}

/** A small seeded generator (mulberry32): numbers in [0, 1), the same sequence for the same seed. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function between(next: () => number, min: number, max: number): number {
  return min + (max - min) * next();
}

function cycle<T>(items: readonly T[], index: number): T {
  const item = items[index % items.length];
  if (item === undefined) throw new Error('cycle over an empty list');
  return item;
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** Centres of `count` equal slots between left and right. */
function slots(left: number, right: number, count: number): number[] {
  const step = (right - left) / count;
  return Array.from({ length: count }, (_, index) => left + step * (index + 0.5));
}

// ---------------------------------------------------------------------------------------------------------------
// Placing parts

/** A box by its centre. */
function block(b: ModelBuilder, colour: string, size: Vec3, centre: Vec3, rotation?: Vec3): void {
  b.add(unitBox, colour, { position: centre, scale: size, rotation });
}

/** A box standing on `base` (the middle of its bottom face). */
function blockOn(b: ModelBuilder, colour: string, size: Vec3, base: Vec3): void {
  block(b, colour, size, [base[0], base[1] + size[1] / 2, base[2]]);
}

/** An upright cylinder (or ellipse in plan) standing on `base`. */
function disc(
  b: ModelBuilder,
  colour: string,
  radius: number,
  height: number,
  base: Vec3,
  segments = 16,
  radiusZ = radius,
): void {
  b.add(unitCylinder(segments), colour, {
    position: [base[0], base[1] + height / 2, base[2]],
    scale: [radius, height, radiusZ],
  });
}

/** An ellipsoid by its centre and three radii. */
function ball(
  b: ModelBuilder,
  colour: string,
  radii: Vec3 | number,
  centre: Vec3,
  rotation?: Vec3,
  segments: [number, number] = [12, 8],
): void {
  b.add(unitSphere(...segments), colour, { position: centre, scale: radii, rotation });
}

/** Where a part running along its own y axis from `from` to `to` goes. */
function orient(from: Vec3, to: Vec3): { position: Vec3; rotation: Vec3; length: number } {
  const start = new Vector3(...from);
  const direction = new Vector3(...to).sub(start);
  const length = direction.length();
  const quaternion = new Quaternion();
  if (length > 1e-9) quaternion.setFromUnitVectors(UP, direction.clone().divideScalar(length));
  const euler = new Euler().setFromQuaternion(quaternion);
  const middle = start.addScaledVector(direction, 0.5);
  return { position: [middle.x, middle.y, middle.z], rotation: [euler.x, euler.y, euler.z], length };
}

/** A round rod from one point to another, optionally tapering. */
function rod(
  b: ModelBuilder,
  colour: string,
  from: Vec3,
  to: Vec3,
  radius: number,
  segments = 8,
  radiusTo = radius,
): void {
  const { position, rotation, length } = orient(from, to);
  if (length < 1e-9) return;
  const geometry =
    radiusTo === radius ? unitCylinder(segments) : new CylinderGeometry(radiusTo, radius, 1, segments);
  const scale: Vec3 = radiusTo === radius ? [radius, length, radius] : [1, length, 1];
  b.add(geometry, colour, { position, rotation, scale });
}

/** A squared timber or bar from one point to another. */
function beam(b: ModelBuilder, colour: string, from: Vec3, to: Vec3, width: number, thickness: number): void {
  const { position, rotation, length } = orient(from, to);
  b.add(unitBox, colour, { position, rotation, scale: [width, length, thickness] });
}

/** An ellipsoid stretched from one point to another: a flipper, a leaf, a bone. */
function spindle(
  b: ModelBuilder,
  colour: string,
  from: Vec3,
  to: Vec3,
  width: number,
  thickness: number,
  segments: [number, number] = [10, 6],
): void {
  const { position, rotation, length } = orient(from, to);
  b.add(unitSphere(...segments), colour, { position, rotation, scale: [width, length / 2, thickness] });
}

/** A flat ring lying level (a trim, a band), elliptical in plan if radiusZ differs. */
function ring(
  b: ModelBuilder,
  colour: string,
  radius: number,
  y: number,
  tube: number,
  radiusZ = radius,
): void {
  b.add(new TorusGeometry(1, tube / radius, 4, 24), colour, {
    position: [0, y, 0],
    rotation: [Math.PI / 2, 0, 0],
    scale: [radius, radiusZ, radius],
  });
}

/** A turned (lathe) body from a profile, one colour per span between profile points. */
function turned(
  b: ModelBuilder,
  profile: Profile,
  colours: readonly string[],
  placement: Placement,
  segments = 16,
): void {
  const colourAt = (index: number) => colours[Math.min(index, colours.length - 1)] ?? '#ffffff';
  let start = 0;
  while (start < profile.length - 1) {
    const colour = colourAt(start);
    let end = start + 1;
    while (end < profile.length - 1 && colourAt(end) === colour) end += 1;
    const points = profile.slice(start, end + 1).map(([radius, height]) => new Vector2(radius, height));
    b.add(new LatheGeometry(points, segments), colour, placement);
    start = end;
  }
}

/** A flat shape (x, y) given a thickness along z, from z = 0. */
function slab(points: readonly (readonly [number, number])[], thickness: number): ExtrudeGeometry {
  const shape = new Shape(points.map(([x, y]) => new Vector2(x, y)));
  return new ExtrudeGeometry(shape, { depth: thickness, bevelEnabled: false });
}

/**
 * A rough stone: an icosahedron with its corners pushed in and out, filling the box −0.5…0.5 on every axis, with
 * flat facets. Place it with a scale (its size) and no rotation, so that it stays inside that box.
 */
function rockGeometry(seed: number, detail = 1, roughness = 0.22): BufferGeometry {
  const base = new IcosahedronGeometry(1, detail);
  const source = base.getAttribute('position');
  const next = seeded(seed);
  const pushes = new Map<string, number>();
  const point = new Vector3();
  const positions = new Float32Array(source.count * 3);
  for (let index = 0; index < source.count; index += 1) {
    point.fromBufferAttribute(source, index);
    const key = `${Math.round(point.x * 1000)},${Math.round(point.y * 1000)},${Math.round(point.z * 1000)}`;
    let push = pushes.get(key);
    if (push === undefined) {
      push = 1 + (next() * 2 - 1) * roughness;
      pushes.set(key, push);
    }
    point.multiplyScalar(push);
    positions.set([point.x, point.y, point.z], index * 3);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.computeBoundingBox();
  const box = geometry.boundingBox;
  if (box) {
    const centre = box.getCenter(new Vector3());
    const size = box.getSize(new Vector3());
    geometry.translate(-centre.x, -centre.y, -centre.z);
    geometry.scale(1 / size.x, 1 / size.y, 1 / size.z);
  }
  geometry.computeVertexNormals();
  return geometry;
}

/** Splits a flat-faceted geometry into the facets facing up (catching the light) and the rest. */
function splitByFacing(geometry: BufferGeometry, threshold: number): [BufferGeometry, BufferGeometry] {
  const positions = geometry.getAttribute('position');
  const up: number[] = [];
  const rest: number[] = [];
  const [a, b, c] = [new Vector3(), new Vector3(), new Vector3()];
  for (let index = 0; index + 2 < positions.count; index += 3) {
    a.fromBufferAttribute(positions, index);
    b.fromBufferAttribute(positions, index + 1);
    c.fromBufferAttribute(positions, index + 2);
    const normal = c.clone().sub(b).cross(a.clone().sub(b)).normalize();
    (normal.y > threshold ? up : rest).push(a.x, a.y, a.z, b.x, b.y, b.z, c.x, c.y, c.z);
  }
  return [up, rest].map((values) => {
    const part = new BufferGeometry();
    part.setAttribute('position', new Float32BufferAttribute(values, 3));
    part.computeVertexNormals();
    return part;
  }) as [BufferGeometry, BufferGeometry];
}

/** A rock of the given size standing on `base`, in one colour or with a sheen on its upper facets. */
function rock(
  b: ModelBuilder,
  seed: number,
  colour: string,
  size: Vec3,
  base: Vec3,
  sheen?: string,
  detail = 1,
): void {
  const geometry = rockGeometry(seed, detail);
  const placement: Placement = { position: [base[0], base[1] + size[1] / 2, base[2]], scale: size };
  if (!sheen) {
    b.add(geometry, colour, placement);
    return;
  }
  const [lit, shade] = splitByFacing(geometry, 0.55);
  if (lit.getAttribute('position').count > 0) b.add(lit, sheen, placement);
  if (shade.getAttribute('position').count > 0) b.add(shade, colour, placement);
}

// ---------------------------------------------------------------------------------------------------------------
// Hulls, for the junk and the fishing boat

interface HullForm {
  length: number;
  beam: number;
  height: number;
  /** Half-beam at the stern, as a share of the greatest. */
  transom: number;
  /** Height of the gunwale along the hull (s = 0 the stern, 1 the bow), as a share of `height`. */
  gunwale: (s: number) => number;
  /** Height of the keel along the hull, as a share of `height`. */
  keel: (s: number) => number;
}

const HULL_STATIONS = 16;

function hullPoint(form: HullForm, s: number, u: number, side: number): Vec3 {
  const halfBeam =
    (form.beam / 2) * Math.max(Math.sin(Math.PI * s) ** 0.55, form.transom * (1 - s) ** 1.5, 0.015);
  const keel = form.keel(s) * form.height;
  const gunwale = form.gunwale(s) * form.height;
  const angle = (u * Math.PI) / 2;
  return [
    -form.length / 2 + s * form.length,
    keel + (gunwale - keel) * (1 - Math.cos(angle)),
    side * halfBeam * Math.sin(angle) ** 0.6,
  ];
}

/** The hull's skin between two heights of its cross-section (u = 0 the keel, 1 the gunwale), both sides. */
function hullBand(form: HullForm, from: number, to: number, rows = 5): BufferGeometry {
  const positions: number[] = [];
  const indices: number[] = [];
  for (const side of [-1, 1]) {
    const first = positions.length / 3;
    for (let station = 0; station <= HULL_STATIONS; station += 1) {
      for (let row = 0; row <= rows; row += 1) {
        positions.push(...hullPoint(form, station / HULL_STATIONS, from + ((to - from) * row) / rows, side));
      }
    }
    const at = (station: number, row: number) => first + station * (rows + 1) + row;
    for (let station = 0; station < HULL_STATIONS; station += 1) {
      for (let row = 0; row < rows; row += 1) {
        const [a, b, c, d] = [
          at(station, row),
          at(station + 1, row),
          at(station + 1, row + 1),
          at(station, row + 1),
        ];
        if (side > 0) indices.push(a, b, c, a, c, d);
        else indices.push(a, c, b, a, d, c);
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setIndex(indices);
  geometry.computeVertexNormals();
  return geometry;
}

/** The deck, following the sheer from gunwale to gunwale. */
function hullDeck(form: HullForm): BufferGeometry {
  const positions: number[] = [];
  const indices: number[] = [];
  for (let station = 0; station <= HULL_STATIONS; station += 1) {
    const s = station / HULL_STATIONS;
    positions.push(...hullPoint(form, s, 1, -1), ...hullPoint(form, s, 1, 1));
  }
  for (let station = 0; station < HULL_STATIONS; station += 1) {
    const [p0, p3, p1, p2] = [station * 2, station * 2 + 1, station * 2 + 2, station * 2 + 3];
    indices.push(p0, p2, p1, p0, p3, p2);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setIndex(indices);
  geometry.computeVertexNormals();
  return geometry;
}

/** The flat ends of the hull (the transom and the stem), closing the skin. */
function hullEnds(form: HullForm, rows = 5): BufferGeometry {
  const positions: number[] = [];
  for (const [s, facing] of [
    [0, -1],
    [1, 1],
  ] as const) {
    const outline: Vec3[] = [];
    for (let row = rows; row >= 0; row -= 1) outline.push(hullPoint(form, s, row / rows, -1));
    for (let row = 1; row <= rows; row += 1) outline.push(hullPoint(form, s, row / rows, 1));
    const centre = outline
      .reduce((sum, point) => sum.add(new Vector3(...point)), new Vector3())
      .divideScalar(outline.length);
    for (let index = 0; index < outline.length; index += 1) {
      const p = outline[index] as Vec3;
      const q = outline[(index + 1) % outline.length] as Vec3;
      const [first, second] = facing < 0 ? [p, q] : [q, p];
      positions.push(centre.x, centre.y, centre.z, ...first, ...second);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.computeVertexNormals();
  return geometry;
}

/** Where the deck is at a point along the hull (x in the hull's frame). */
function deckHeight(form: HullForm, x: number): number {
  const s = clamp((x + form.length / 2) / form.length, 0, 1);
  return form.gunwale(s) * form.height;
}

// ---------------------------------------------------------------------------------------------------------------
// Display cases

/** The free space inside a display case, centred on x and z. */
interface Interior {
  left: number;
  right: number;
  back: number;
  front: number;
  floor: number;
  ceiling: number;
}

interface CaseStyle {
  /** Share of the height taken by the cabinet under the glass. */
  base: number;
  /** The cloth or board the specimens lie on. */
  bed: string;
  /** An opaque back wall of this colour instead of glass. */
  backdrop?: string;
  /** A glass top to look down through, even on a tall case (which otherwise has a lit wooden cap). */
  glassTop?: boolean;
}

/** A museum display case: a wooden cabinet, a metal frame, glass panes and (when tall) a lit cap. */
function displayCase(
  b: ModelBuilder,
  { width: w, height: h, depth: d }: ModelSize,
  style: CaseStyle,
): Interior {
  const baseHeight = h * style.base;
  const kick = Math.min(h * 0.05, baseHeight * 0.2);
  const inset = Math.min(w, d) * 0.03;
  blockOn(b, '#262628', [w - 2 * inset, kick, d - 2 * inset], [0, 0, 0]);
  blockOn(b, WOOD_DARK, [w, baseHeight - kick, d], [0, kick, 0]);
  const frame = Math.min(w, d, h) * 0.025;
  const bed = Math.min(h * 0.01, 0.02);
  blockOn(b, style.bed, [w - 2 * frame, bed, d - 2 * frame], [0, baseHeight, 0]);
  const cap = style.base < 0.6 && !style.glassTop ? Math.min(h * 0.05, 0.08) : 0;
  const top = h - cap;
  const glassHeight = top - baseHeight;
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1]) {
      blockOn(
        b,
        METAL_DARK,
        [frame, glassHeight, frame],
        [sx * (w / 2 - frame / 2), baseHeight, sz * (d / 2 - frame / 2)],
      );
    }
  }
  if (cap > 0) {
    blockOn(b, WOOD_DARK, [w, cap, d], [0, top, 0]);
  } else {
    for (const sz of [-1, 1])
      block(b, METAL_DARK, [w, frame, frame], [0, h - frame / 2, sz * (d / 2 - frame / 2)]);
    for (const sx of [-1, 1])
      block(b, METAL_DARK, [frame, frame, d], [sx * (w / 2 - frame / 2), h - frame / 2, 0]);
  }
  const pane = Math.min(0.008, frame * 0.5);
  const middle = baseHeight + glassHeight / 2;
  b.addGlass(unitBox, {
    position: [0, middle, d / 2 - frame / 2],
    scale: [w - 2 * frame, glassHeight, pane],
  });
  for (const sx of [-1, 1]) {
    b.addGlass(unitBox, {
      position: [sx * (w / 2 - frame / 2), middle, 0],
      scale: [pane, glassHeight, d - 2 * frame],
    });
  }
  if (style.backdrop) {
    block(b, style.backdrop, [w - 2 * frame, glassHeight, frame], [0, middle, -d / 2 + frame / 2]);
  } else {
    b.addGlass(unitBox, {
      position: [0, middle, -d / 2 + frame / 2],
      scale: [w - 2 * frame, glassHeight, pane],
    });
  }
  if (cap === 0) {
    b.addGlass(unitBox, { position: [0, h - frame / 2, 0], scale: [w - 2 * frame, pane, d - 2 * frame] });
  }
  return {
    left: -w / 2 + frame * 1.5,
    right: w / 2 - frame * 1.5,
    back: -d / 2 + frame * 1.5,
    front: d / 2 - frame * 1.5,
    floor: baseHeight + bed,
    ceiling: top - frame * 1.5,
  };
}

/** A glass shelf across the case at height y; returns the height of its top. */
function glassShelf(b: ModelBuilder, inside: Interior, y: number): number {
  const thickness = Math.min(0.01, (inside.ceiling - inside.floor) * 0.02);
  b.addGlass(unitBox, {
    position: [0, y + thickness / 2, (inside.back + inside.front) / 2],
    scale: [inside.right - inside.left, thickness, inside.front - inside.back],
  });
  return y + thickness;
}

/** Levels to set specimens on: the floor of the case and, when tall enough, a glass shelf half-way up. */
function caseLevels(
  b: ModelBuilder,
  inside: Interior,
  withShelf: boolean,
): { floor: number; room: number }[] {
  const height = inside.ceiling - inside.floor;
  if (!withShelf) return [{ floor: inside.floor, room: height }];
  const shelf = glassShelf(b, inside, inside.floor + height * 0.5);
  return [
    { floor: inside.floor, room: height * 0.5 },
    { floor: shelf, room: inside.ceiling - shelf },
  ];
}

/** A small white label card lying in front of a specimen. */
function labelCard(b: ModelBuilder, x: number, y: number, z: number, width: number): void {
  blockOn(b, LABEL, [width, width * 0.04, width * 0.5], [x, y, z]);
}

// ---------------------------------------------------------------------------------------------------------------
// The models, kind by kind

/**
 * The fin whale skeleton, along x with the skull at −x: a flat skull with its long rostrum, two bowed lower jaws,
 * fifty vertebrae shrinking toward the tail along a gentle arch, fifteen pairs of ribs and two flippers. It hangs
 * in the middle of its box.
 */
function whaleSkeleton(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const thick = Math.min(h, d);
  const skullLength = w * 0.2;
  const spineStart = -w / 2 + skullLength * 0.95;
  const spineEnd = w / 2 - w * 0.012;
  const spineY = (t: number) => h * (0.6 + 0.1 * Math.sin(Math.PI * t) - 0.12 * t * t);
  const spineX = (t: number) => spineStart + t * (spineEnd - spineStart);
  const VERTEBRAE = 50;
  const spacing = (spineEnd - spineStart) / (VERTEBRAE - 1);

  for (let index = 0; index < VERTEBRAE; index += 1) {
    const t = index / (VERTEBRAE - 1);
    const [x, y] = [spineX(t), spineY(t)];
    const radius = thick * (0.065 * (1 - 0.75 * t) + 0.012);
    b.add(unitCylinder(10), BONE, {
      position: [x, y, 0],
      rotation: [0, 0, Math.PI / 2],
      scale: [radius, spacing * 0.72, radius],
    });
    // The spinous process above, the transverse processes to the sides.
    if (t < 0.85) {
      const spine = h * 0.13 * (1 - t) ** 1.3;
      block(b, BONE, [spacing * 0.3, spine, radius * 0.35], [x, y + radius * 0.8 + spine / 2, 0]);
    }
    if (t < 0.8) {
      const reach = radius + thick * 0.1 * (1 - t);
      block(b, BONE, [spacing * 0.25, radius * 0.3, reach * 2], [x, y, 0]);
    }
  }

  // Ribs: arcs of a torus from the spine outward and down, scaled into ellipses.
  const RIB_PAIRS = 15;
  const RIB_ARC = Math.PI * 0.68;
  const rib = new TorusGeometry(1, 0.045, 5, 12, RIB_ARC);
  for (let pair = 0; pair < RIB_PAIRS; pair += 1) {
    const t = 0.015 + (pair / (RIB_PAIRS - 1)) * 0.36;
    const share = 1 - Math.abs(pair - 5) / 16;
    const drop = h * 0.27 * share;
    const spread = d * 0.36 * share;
    for (const side of [1, -1]) {
      b.group(
        {
          position: [spineX(t), spineY(t) - drop, 0],
          rotation: [0, (-side * Math.PI) / 2, 0],
          scale: [spread, drop, thick * 0.6],
        },
        (g) => g.add(rib, BONE, { rotation: [0, 0, Math.PI / 2 - RIB_ARC] }),
      );
    }
  }

  // The skull: the braincase and the long, flat rostrum pointing forward.
  const headY = spineY(0);
  ball(b, BONE, [skullLength * 0.24, h * 0.085, d * 0.2], [-w / 2 + skullLength * 0.76, headY - h * 0.02, 0]);
  const rostrum = skullLength * 0.72;
  b.add(new ConeGeometry(1, 1, 12), BONE, {
    position: [-w / 2 + w * 0.005 + rostrum / 2, headY - h * 0.04, 0],
    rotation: [0, 0, Math.PI / 2],
    scale: [h * 0.05, rostrum, d * 0.17],
  });

  // The lower jaws, bowed outward, meeting at the tip.
  const jawRadius = thick * 0.028;
  const jawY = headY - h * 0.12;
  for (const side of [1, -1]) {
    const tip: Vec3 = [-w / 2 + w * 0.006 + jawRadius, jawY + h * 0.01, side * d * 0.03];
    const bow: Vec3 = [-w / 2 + skullLength * 0.5, jawY - h * 0.025, side * d * 0.19];
    const hinge: Vec3 = [-w / 2 + skullLength * 1.05, jawY + h * 0.02, side * d * 0.2];
    rod(b, BONE, tip, bow, jawRadius);
    rod(b, BONE, bow, hinge, jawRadius);
    ball(b, BONE, jawRadius, bow, undefined, [8, 6]);
  }

  // The flippers, hanging out and down behind the skull.
  const shoulderX = -w / 2 + skullLength + w * 0.03;
  for (const side of [1, -1]) {
    const shoulder: Vec3 = [shoulderX, spineY(0.05) - h * 0.16, side * d * 0.16];
    const tip: Vec3 = [shoulderX + w * 0.05, spineY(0.05) - h * 0.36, side * d * 0.43];
    spindle(b, BONE, shoulder, tip, thick * 0.06, thick * 0.015);
  }
}

/**
 * The large junk model of the entrance hall: a brown hull with a high stern and a rudder, three masts with
 * ochre and red batten sails, on a display stand. The bow points to +x.
 */
function sailingBoatModel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const stand = h * 0.07;
  const plank = h * 0.025;
  blockOn(b, WOOD_DARK, [w * 0.5, plank, d * 0.4], [0, 0, 0]);
  for (const x of [-w * 0.18, w * 0.18])
    blockOn(b, WOOD_DARK, [w * 0.03, stand - plank + h * 0.02, d * 0.25], [x, plank, 0]);

  const form: HullForm = {
    length: w * 0.9,
    beam: d * 0.55,
    height: h * 0.2,
    transom: 0.55,
    gunwale: (s) => Math.min(1, 0.62 + 0.38 * (1 - s) ** 2.5 + 0.22 * s ** 3),
    keel: (s) => 0.3 * (1 - s) ** 6 + 0.5 * s ** 6,
  };
  b.group({ position: [0, stand, 0] }, (hull) => {
    hull.add(hullBand(form, 0, 1), '#7a4a26');
    hull.add(hullEnds(form), '#6a3f20');
    hull.add(hullDeck(form), WOOD_LIGHT);
    // A deckhouse at the stern and the rudder behind it.
    const sternDeck = deckHeight(form, -form.length * 0.38);
    blockOn(
      hull,
      '#5b3a1e',
      [w * 0.1, h * 0.05, form.beam * 0.6],
      [-form.length * 0.36, sternDeck - h * 0.01, 0],
    );
    block(
      hull,
      '#4a2f18',
      [w * 0.03, form.height * 0.8, d * 0.02],
      [-form.length / 2 - w * 0.012, form.height * 0.45, 0],
    );
  });

  // Masts with junk sails: mostly aft of the mast, the head peaked, the leech curved, stiffened by battens.
  const sailThickness = clamp(d * 0.006, 0.004, 0.015);
  const masts = [
    { x: w * 0.02, width: w * 0.34, share: 1, colour: '#a8452a' },
    { x: w * 0.3, width: w * 0.24, share: 0.78, colour: '#c7873a' },
    { x: -w * 0.3, width: w * 0.17, share: 0.62, colour: '#c7873a' },
  ];
  const mainBase = stand + deckHeight(form, 0) + h * 0.05;
  const mainSail = (h * 0.96 - mainBase) / 1.04;
  for (const mast of masts) {
    const deck = stand + deckHeight(form, mast.x);
    const sailBase = deck + h * 0.05;
    const sailHeight = mainSail * mast.share;
    const mastRadius = Math.min(w * 0.006, d * 0.02);
    rod(b, '#5b3a1e', [mast.x, deck - h * 0.01, 0], [mast.x, sailBase + sailHeight * 1.04, 0], mastRadius, 8);
    const a = mast.width;
    const sail = slab(
      [
        [0.22 * a, 0],
        [0.16 * a, 0.82 * sailHeight],
        [-0.72 * a, sailHeight],
        [-0.86 * a, 0.5 * sailHeight],
        [-0.78 * a, 0],
      ],
      sailThickness,
    );
    b.add(sail, mast.colour, { position: [mast.x, sailBase, mastRadius] });
    for (const f of [0.16, 0.32, 0.48, 0.64, 0.8]) {
      const luff = (0.22 - (0.06 * f) / 0.82) * a;
      const leech = (f <= 0.5 ? -0.78 - 0.08 * (f / 0.5) : -0.86 + 0.14 * ((f - 0.5) / 0.5)) * a;
      block(
        b,
        '#3d2a18',
        [luff - leech, sailHeight * 0.012, sailThickness * 2],
        [mast.x + (luff + leech) / 2, sailBase + f * sailHeight, mastRadius + sailThickness * 1.5],
      );
    }
  }
}

/**
 * The Bạch Đằng stake field: rows of dark ironwood stakes, sharpened, leaning downstream (+x) out of a riverbed
 * of sand and mud, as the Trần planted them in 1288 against the Yuan fleet.
 */
function stakeField(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const next = seeded(1288);
  const bed = h * 0.06;
  blockOn(b, '#b8a27a', [w, bed, d], [0, 0, 0]);
  for (let patch = 0; patch < 7; patch += 1) {
    const rx = Math.min(w, d) * between(next, 0.08, 0.16);
    const rz = rx * between(next, 0.5, 0.9);
    const x = between(next, -w / 2 + rx, w / 2 - rx);
    const z = between(next, -d / 2 + rz, d / 2 - rz);
    disc(b, '#6b5a45', rx, bed * 0.2, [x, bed * 0.9, z], 12, rz);
  }
  const radius = clamp(Math.min(w, d) * 0.018, 0.01, 0.15);
  const rows = 7;
  const columns = 9;
  const stakeColours = [IRONWOOD, '#4a3625', '#2f241a', '#55402b'];
  const rowZ = slots(-d / 2 + d * 0.08, d / 2 - d * 0.08, rows);
  for (const [row, z0] of rowZ.entries()) {
    for (let column = 0; column < columns; column += 1) {
      const rise = (h - bed) * between(next, 0.5, 0.93);
      const lean = Math.min(between(next, 0.15, 0.42), Math.atan((w * 0.2) / rise));
      const tilt = (next() * 2 - 1) * Math.min(0.1, Math.atan((d * 0.04) / rise));
      const length = rise / (Math.cos(lean) * Math.cos(tilt));
      const reach = rise * Math.tan(lean);
      const left = -w / 2 + radius * 3;
      const right = w / 2 - radius * 3 - reach;
      const x = left + ((column + between(next, 0.1, 0.9)) / columns) * (right - left);
      const z = z0 + (next() - 0.5) * (d / rows) * 0.5;
      const tip = Math.min(length * 0.18, radius * 6);
      b.group({ position: [x, bed * 0.5, z], rotation: [tilt, 0, -lean] }, (stake) => {
        stake.add(
          new CylinderGeometry(radius * 0.85, radius, length - tip, 8, 1, true),
          cycle(stakeColours, row + column),
          {
            position: [0, (length - tip) / 2, 0],
          },
        );
        stake.add(new ConeGeometry(radius * 0.85, tip, 8, 1, true), '#2a1f16', {
          position: [0, length - tip / 2, 0],
        });
      });
    }
  }
}

/** A blue-and-white vase (a baluster with a flared mouth), banded in cobalt, with petals painted round the belly. */
const VASE_PROFILE: Profile = [
  [0, 0],
  [0.5, 0],
  [0.52, 0.04],
  [0.7, 0.15],
  [0.8, 0.21],
  [0.95, 0.36],
  [1, 0.5],
  [0.92, 0.62],
  [0.7, 0.74],
  [0.5, 0.8],
  [0.34, 0.86],
  [0.3, 0.93],
  [0.42, 1],
  [0.36, 1],
  [0.26, 0.93],
  [0, 0.9],
];
const VASE_COLOURS = [
  BISCUIT,
  GLAZE_WHITE,
  COBALT,
  GLAZE_WHITE,
  GLAZE_WHITE,
  GLAZE_WHITE,
  GLAZE_WHITE,
  COBALT,
  GLAZE_WHITE,
  GLAZE_WHITE,
  GLAZE_WHITE,
  COBALT,
  COBALT,
  '#5d6f8f',
  '#3d4a60',
];

/** The brown-glazed jar of Đầu Rằm: an ovoid body with a short neck, unglazed at the foot, incised bands. */
const JAR_PROFILE: Profile = [
  [0, 0],
  [0.55, 0],
  [0.6, 0.04],
  [0.8, 0.18],
  [0.97, 0.42],
  [1, 0.55],
  [0.9, 0.74],
  [0.65, 0.86],
  [0.5, 0.9],
  [0.48, 0.96],
  [0.56, 1],
  [0.5, 1],
  [0.44, 0.95],
  [0.4, 0.85],
  [0, 0.8],
];
const JAR_COLOURS = [
  BISCUIT,
  BISCUIT,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  '#5a3217',
  '#5a3217',
  '#5a3217',
  '#3b2412',
  '#3b2412',
  '#2a180c',
];

/** A wide basin (a jar wider than tall, as the brown-glazed basin of An Sinh). */
const BASIN_PROFILE: Profile = [
  [0, 0],
  [0.6, 0],
  [0.64, 0.05],
  [0.85, 0.3],
  [0.97, 0.7],
  [1, 0.92],
  [0.97, 1],
  [0.92, 0.98],
  [0.9, 0.9],
  [0.8, 0.6],
  [0.55, 0.3],
  [0, 0.24],
];
const BASIN_COLOURS = [
  BISCUIT,
  BISCUIT,
  BROWN_GLAZE,
  BROWN_GLAZE,
  BROWN_GLAZE,
  '#5a3217',
  '#5a3217',
  '#5a3217',
  '#4a2a14',
  '#4a2a14',
  '#8a6a48',
];

/** A footed dish on a short stem, as the Lê polychrome tray: white with bands of cobalt, red and green. */
const BOWL_PROFILE: Profile = [
  [0, 0.03],
  [0.42, 0],
  [0.45, 0.02],
  [0.36, 0.1],
  [0.3, 0.22],
  [0.45, 0.3],
  [0.8, 0.5],
  [0.98, 0.8],
  [1, 0.95],
  [0.96, 1],
  [0.92, 0.96],
  [0.75, 0.72],
  [0.4, 0.48],
  [0, 0.45],
];
const BOWL_COLOURS = [
  BISCUIT,
  GLAZE_WHITE,
  COBALT,
  GLAZE_WHITE,
  '#b5402f',
  GLAZE_WHITE,
  '#4f8a5a',
  COBALT,
  COBALT,
  GLAZE_WHITE,
  GLAZE_WHITE,
  '#7d9ac7',
  '#7d9ac7',
];

/** One piece of ceramics standing on `base`, within the given radius (x and z) and height. */
function ceramicPiece(
  b: ModelBuilder,
  kind: 'jar' | 'vase' | 'bowl',
  radius: [number, number],
  height: number,
  base: Vec3,
  glaze: 'native' | 'celadon' = 'native',
  segments = 16,
): void {
  const placement: Placement = { position: base, scale: [radius[0], height, radius[1]] };
  const celadon = (colours: readonly string[]) =>
    colours.map((colour, index) => (index < 1 ? BISCUIT : colour === BISCUIT ? BISCUIT : CELADON));
  if (kind === 'jar') {
    const basin = radius[0] > height * 0.6;
    turned(b, basin ? BASIN_PROFILE : JAR_PROFILE, basin ? BASIN_COLOURS : JAR_COLOURS, placement, segments);
    // Incised bands round the shoulder.
    for (const [share, at] of basin
      ? ([[0.985, 0.8]] as const)
      : ([
          [0.9, 0.74],
          [0.99, 0.5],
        ] as const)) {
      b.group({ position: base }, (g) =>
        ring(g, '#4a2a14', radius[0] * share, height * at, radius[0] * 0.015, radius[1] * share),
      );
    }
    return;
  }
  if (kind === 'vase') {
    turned(b, VASE_PROFILE, glaze === 'celadon' ? celadon(VASE_COLOURS) : VASE_COLOURS, placement, segments);
    if (glaze !== 'celadon' && segments >= 16) {
      // Painted petals round the belly, just proud of the glaze.
      for (let petal = 0; petal < 8; petal += 1) {
        const angle = (petal / 8) * Math.PI * 2;
        const bulge = 0.985;
        b.group({ position: base, scale: [radius[0], height, radius[1]] }, (g) =>
          ball(
            g,
            COBALT,
            [0.012, 0.07, 0.1],
            [Math.cos(angle) * bulge, 0.45, -Math.sin(angle) * bulge],
            [0, angle, 0],
            [8, 6],
          ),
        );
      }
    }
    return;
  }
  turned(b, BOWL_PROFILE, glaze === 'celadon' ? celadon(BOWL_COLOURS) : BOWL_COLOURS, placement, segments);
}

/** Ceramics: one piece filling its box, or, when the box is a tall narrow cabinet, a case of several pieces. */
function ceramics(b: ModelBuilder, kind: 'jar' | 'vase' | 'bowl', size: ModelSize): void {
  const { width: w, height: h, depth: d } = size;
  const collection = h > 0.9 && Math.max(w, d) / Math.min(w, d) > 1.6;
  if (!collection) {
    ceramicPiece(b, kind, [w / 2, d / 2], h, [0, 0, 0]);
    return;
  }
  // A cabinet of trade ceramics: bowls, vases and jars on two levels, mixed glazes.
  const inside = displayCase(b, size, { base: 0.3, bed: '#d8d0c0', backdrop: '#e9e3d6' });
  const levels = caseLevels(b, inside, true);
  const order: ('jar' | 'vase' | 'bowl')[] =
    kind === 'bowl'
      ? ['bowl', 'vase', 'bowl', 'jar']
      : kind === 'vase'
        ? ['vase', 'jar', 'vase', 'bowl']
        : ['jar', 'bowl', 'jar', 'vase'];
  const glazes = ['native', 'celadon', 'native', 'celadon'] as const;
  for (const [level, { floor, room }] of levels.entries()) {
    const count = clamp(Math.round((inside.right - inside.left) / Math.max(room * 0.9, 0.15)), 2, 4);
    const xs = slots(inside.left, inside.right, count);
    const slotWidth = (inside.right - inside.left) / count;
    const centreZ = (inside.back + inside.front) / 2;
    const radiusZ = (inside.front - inside.back) * 0.32;
    for (const [index, x] of xs.entries()) {
      const piece = cycle(order, index + level);
      const tall = piece === 'bowl' ? 0.45 : 0.8;
      const radiusX = Math.min(slotWidth * 0.4, room * (piece === 'bowl' ? 0.6 : 0.3));
      ceramicPiece(
        b,
        piece,
        [radiusX, Math.min(radiusZ, radiusX)],
        room * tall,
        [x, floor, centreZ],
        cycle(glazes, index + level),
        12,
      );
    }
  }
}

/**
 * The golden lotus box of Yên Tử: a small round gold box whose lid opens as a lotus, two rings of petals round a
 * bud knob.
 */
function lotusBox(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  b.group({ scale: [w / 2, h, d / 2] }, (g) => {
    turned(
      g,
      [
        [0, 0],
        [0.62, 0],
        [0.7, 0.06],
        [0.84, 0.14],
        [0.88, 0.44],
        [0.9, 0.5],
        [0, 0.5],
      ],
      ['#b58b24', GOLD, GOLD, GOLD, '#b58b24', GOLD],
      {},
      16,
    );
    turned(
      g,
      [
        [0.92, 0.5],
        [0.92, 0.54],
        [0.8, 0.64],
        [0.55, 0.74],
        [0.3, 0.8],
        [0, 0.81],
      ],
      [GOLD],
      {},
      16,
    );
    for (const [count, radius, y, tilt, length] of [
      [8, 0.62, 0.69, 0.35, 0.3],
      [8, 0.38, 0.8, 0.8, 0.22],
    ] as const) {
      for (let petal = 0; petal < count; petal += 1) {
        const angle = ((petal + (radius < 0.5 ? 0.5 : 0)) / count) * Math.PI * 2;
        g.group({ rotation: [0, angle, 0] }, (p) =>
          ball(p, '#e0b848', [length, 0.06, length * 0.62], [radius, y, 0], [0, 0, -tilt], [10, 6]),
        );
      }
    }
    ball(g, '#e6c25a', [0.12, 0.09, 0.12], [0, 0.88, 0]);
    g.add(new ConeGeometry(0.06, 0.06, 8), '#e6c25a', { position: [0, 0.97, 0] });
  });
}

/**
 * A block of anthracite: a low-poly rock, near black, its upward facets catching a faint sheen, on a low
 * concrete plinth.
 */
function anthraciteBlock(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const plinth = h * 0.06;
  blockOn(b, '#9a968e', [w, plinth, d], [0, 0, 0]);
  rock(b, 7, ANTHRACITE, [w * 0.96, h - plinth, d * 0.96], [0, plinth, 0], ANTHRACITE_SHEEN);
}

/** A rock specimen on a plinth with its label. */
function rockSpecimen(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const plinth = h * 0.4;
  blockOn(b, '#e8e4dc', [w * 0.7, plinth, d * 0.7], [0, 0, 0]);
  blockOn(b, '#3a3a3c', [w * 0.72, h * 0.015, d * 0.72], [0, plinth, 0]);
  block(b, '#3a3a3c', [w * 0.3, plinth * 0.15, 0.004], [0, plinth * 0.75, d * 0.35 + 0.002]);
  rock(b, 21, '#a39e92', [w * 0.9, (h - plinth) * 0.97, d * 0.9], [0, plinth + h * 0.01, 0], '#b9b3a5');
}

const MINERAL_COLOURS = [
  ANTHRACITE,
  '#e8e6e0',
  '#b8a04a',
  '#6b3b2a',
  '#c77b4a',
  '#a39e92',
  '#f0e2c4',
  '#4f5d6b',
];

/** A tall case of minerals: rock samples of many colours on little stands, on the floor and on a glass shelf. */
function mineralCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.45, bed: '#d9d2c3', backdrop: '#e8e2d4' });
  const levels = caseLevels(b, inside, inside.ceiling - inside.floor > 0.35);
  const centreZ = (inside.back + inside.front) / 2;
  const depth = inside.front - inside.back;
  let seed = 100;
  for (const { floor, room } of levels) {
    const count = clamp(Math.round((inside.right - inside.left) / 0.3), 2, 5);
    const slotWidth = (inside.right - inside.left) / count;
    for (const x of slots(inside.left, inside.right, count)) {
      seed += 1;
      const colour = cycle(MINERAL_COLOURS, seed);
      const stand = room * 0.08;
      blockOn(b, '#2f2f31', [slotWidth * 0.5, stand, depth * 0.4], [x, floor, centreZ]);
      const tall = room * (0.35 + 0.25 * seeded(seed)());
      rock(
        b,
        seed,
        colour,
        [slotWidth * 0.7, tall, depth * 0.5],
        [x, floor + stand, centreZ],
        colour === ANTHRACITE ? ANTHRACITE_SHEEN : undefined,
      );
      labelCard(b, x, floor, inside.front - depth * 0.12, Math.min(slotWidth * 0.4, depth * 0.2));
    }
  }
}

/** A spiral sea shell (a whelk) lying on its side along x: the body whorl, the pointed spire, a pink aperture. */
function conch(b: ModelBuilder, colour: string, length: number, base: Vec3): void {
  const r = length * 0.28;
  b.group({ position: [base[0], base[1] + r, base[2]], rotation: [0, 0, 0.15] }, (g) => {
    ball(g, colour, [length * 0.3, r, r], [-length * 0.05, 0, 0]);
    g.add(new ConeGeometry(r * 0.75, length * 0.35, 10), colour, {
      position: [length * 0.325, 0, 0],
      rotation: [0, 0, -Math.PI / 2],
    });
    for (const [x, size] of [
      [0.22, 0.62],
      [0.33, 0.4],
    ] as const) {
      g.add(new TorusGeometry(r * size, r * 0.08, 4, 12), '#d8c7a8', {
        position: [length * x, 0, 0],
        rotation: [0, Math.PI / 2, 0],
      });
    }
    g.add(new ConeGeometry(r * 0.3, length * 0.2, 8), colour, {
      position: [-length * 0.4, 0, 0],
      rotation: [0, 0, Math.PI / 2],
    });
    ball(g, '#e3a9a0', [length * 0.2, r * 0.55, r * 0.12], [-length * 0.05, -r * 0.1, r * 0.86]);
  });
}

/** A bivalve lying open side down: a ribbed dome. */
function clam(b: ModelBuilder, colour: string, radius: number, height: number, base: Vec3): void {
  b.add(new SphereGeometry(1, 12, 5, 0, Math.PI * 2, 0, Math.PI / 2), colour, {
    position: base,
    scale: [radius, height, radius * 0.85],
  });
  for (let rib = 0; rib < 5; rib += 1) {
    const angle = ((rib - 2) / 5) * 1.6;
    beam(
      b,
      '#d8c7a8',
      [base[0], base[1] + height * 0.95, base[2]],
      [
        base[0] + Math.sin(angle) * radius * 0.92,
        base[1] + height * 0.15,
        base[2] + Math.cos(angle) * radius * 0.78,
      ],
      radius * 0.05,
      radius * 0.05,
    );
  }
}

/** A scallop standing up, facing the visitor: a fan with ribs. */
function scallop(b: ModelBuilder, colour: string, radius: number, base: Vec3): void {
  const thickness = radius * 0.15;
  b.add(new CylinderGeometry(radius, radius, thickness, 12, 1, false, Math.PI / 2, Math.PI), colour, {
    position: [base[0], base[1], base[2]],
    rotation: [Math.PI / 2, 0, 0],
  });
  for (let rib = 0; rib < 5; rib += 1) {
    const angle = ((rib + 0.5) / 5) * Math.PI;
    beam(
      b,
      '#f4efe6',
      [base[0], base[1], base[2] + thickness / 2],
      [
        base[0] + Math.cos(angle) * radius * 0.92,
        base[1] + Math.sin(angle) * radius * 0.92,
        base[2] + thickness / 2,
      ],
      radius * 0.05,
      radius * 0.04,
    );
  }
}

/** A case of sea molluscs: conches, clams, cowries and scallops on two levels. */
function shellCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.42, bed: '#e6dcc4', backdrop: '#35627e' });
  const levels = caseLevels(b, inside, inside.ceiling - inside.floor > 0.35);
  const centreZ = (inside.back + inside.front) / 2;
  const depth = inside.front - inside.back;
  const colours = ['#efe2c6', '#d98c4a', '#8a5a3a', '#e3a9a0', '#f4efe6'];
  let index = 0;
  for (const { floor, room } of levels) {
    const count = clamp(Math.round((inside.right - inside.left) / 0.22), 3, 6);
    const slotWidth = (inside.right - inside.left) / count;
    for (const x of slots(inside.left, inside.right, count)) {
      const colour = cycle(colours, index);
      const radius = Math.min(slotWidth * 0.4, depth * 0.35, room * 0.4);
      switch (index % 4) {
        case 0:
          conch(b, colour, radius * 2.2, [x, floor, centreZ]);
          break;
        case 1:
          clam(b, colour, radius, radius * 0.4, [x, floor, centreZ]);
          break;
        case 2: {
          // A cowrie: a glossy dome with pale spots.
          ball(b, '#7a4a2a', [radius * 0.8, radius * 0.45, radius * 0.55], [x, floor, centreZ]);
          for (const dx of [-0.3, 0, 0.3]) {
            ball(
              b,
              '#efe2c6',
              [radius * 0.12, radius * 0.03, radius * 0.12],
              [x + dx * radius, floor + radius * 0.45 * Math.sqrt(1 - (dx / 0.8) ** 2), centreZ],
              undefined,
              [8, 4],
            );
          }
          break;
        }
        default:
          scallop(b, colour, radius, [x, floor, centreZ]);
      }
      index += 1;
    }
  }
}

/** A fish along x, head at +x, centred on `centre`, of the given length, height and thickness. */
function fish(
  b: ModelBuilder,
  colour: string,
  length: number,
  height: number,
  thickness: number,
  centre: Vec3,
  facing: 1 | -1,
): void {
  b.group({ position: centre, rotation: [0, facing > 0 ? 0 : Math.PI, 0] }, (f) => {
    const shift = length * 0.09;
    ball(f, colour, [length * 0.38, height * 0.5, thickness * 0.5], [shift, 0, 0]);
    // The tail fin: a flattened cone, its tip in the body.
    f.add(new ConeGeometry(1, 1, 4), colour, {
      position: [shift - length * 0.45, 0, 0],
      rotation: [0, 0, -Math.PI / 2],
      scale: [height * 0.45, length * 0.22, thickness * 0.12],
    });
    f.add(new ConeGeometry(1, 1, 3), colour, {
      position: [shift - length * 0.02, height * 0.5, 0],
      scale: [length * 0.12, height * 0.3, thickness * 0.08],
    });
    for (const side of [1, -1]) {
      ball(
        f,
        '#111111',
        height * 0.07,
        [shift + length * 0.26, height * 0.1, side * thickness * 0.36],
        undefined,
        [8, 6],
      );
    }
  });
}

/** A case of preserved sea fish, each on a thin rod, in front of a sea-blue back wall. */
function fishCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.42, bed: '#d8c9a3', backdrop: '#3d7ea6' });
  const depth = inside.front - inside.back;
  const room = inside.ceiling - inside.floor;
  const colours = ['#b7c0c6', '#d9a93a', '#c0503a', '#3c6ea5', '#8d9a8a', '#e0c7a0'];
  const perRow = clamp(Math.round((inside.right - inside.left) / 0.5), 2, 4);
  const slotWidth = (inside.right - inside.left) / perRow;
  const length = Math.min(slotWidth * 0.85, room * 0.7);
  const height = length * 0.4;
  const thickness = Math.min(length * 0.2, depth * 0.4);
  let index = 0;
  for (const [row, y] of [inside.floor + room * 0.3, inside.floor + room * 0.72].entries()) {
    for (const x of slots(inside.left, inside.right, perRow)) {
      const z = inside.back + depth * (row === 0 ? 0.6 : 0.4);
      rod(b, METAL_DARK, [x, inside.floor, z], [x, y - height * 0.4, z], Math.min(0.004, thickness * 0.1), 6);
      fish(
        b,
        cycle(colours, index),
        length * 0.95,
        Math.min(height, room * 0.25),
        thickness,
        [x, y, z],
        index % 2 === 0 ? 1 : -1,
      );
      index += 1;
    }
  }
}

/** A plant in a pot: a stem with seeded side branches, leaves and (for the golden camellia) yellow flowers. */
function pottedPlant(
  b: ModelBuilder,
  seed: number,
  width: number,
  height: number,
  depth: number,
  base: Vec3,
): void {
  const next = seeded(seed);
  const potHeight = height * 0.2;
  const potRadius = Math.min(width, depth) * 0.28;
  b.add(new CylinderGeometry(potRadius, potRadius * 0.75, potHeight, 12), TERRACOTTA, {
    position: [base[0], base[1] + potHeight / 2, base[2]],
  });
  disc(b, '#3b2a1e', potRadius * 0.92, potHeight * 0.04, [base[0], base[1] + potHeight * 0.93, base[2]], 12);
  const leaf = Math.min(width, depth, height) * 0.22;
  const top = base[1] + height - leaf * 0.6;
  const stemBase: Vec3 = [base[0], base[1] + potHeight * 0.9, base[2]];
  rod(b, '#5b4630', stemBase, [base[0], top, base[2]], leaf * 0.08, 6);
  const halfX = width / 2 - leaf;
  const halfZ = depth / 2 - leaf * 0.5;
  for (let branch = 0; branch < 8; branch += 1) {
    const y = base[1] + potHeight + (height - potHeight - leaf) * (0.15 + branch * 0.1);
    const angle = branch * 2.4 + next();
    const end: Vec3 = [
      base[0] + Math.cos(angle) * halfX * 0.85,
      Math.min(y + leaf * 0.8, top),
      base[2] + Math.sin(angle) * halfZ * 0.85,
    ];
    rod(b, '#5b4630', [base[0], y, base[2]], end, leaf * 0.05, 5);
    for (const spread of [-0.6, 0, 0.6]) {
      const tip: Vec3 = [
        end[0] + Math.cos(angle + spread) * leaf * 0.9,
        end[1] + leaf * 0.25,
        end[2] + Math.sin(angle + spread) * leaf * 0.4,
      ];
      spindle(b, next() > 0.5 ? LEAF : '#3a5f2c', end, tip, leaf * 0.35, leaf * 0.06, [6, 4]);
    }
    if (seed % 2 === 0 && branch % 2 === 1) {
      ball(b, '#e8b923', leaf * 0.32, [end[0], end[1] + leaf * 0.1, end[2]], undefined, [8, 6]);
      ball(b, '#c9861a', leaf * 0.1, [end[0], end[1] + leaf * 0.3, end[2]], undefined, [6, 4]);
    }
  }
  spindle(
    b,
    LEAF,
    [base[0], top - leaf * 0.3, base[2]],
    [base[0], top + leaf * 0.5, base[2]],
    leaf * 0.3,
    leaf * 0.1,
  );
}

/** A case of plants: three potted specimens in front of a herbarium sheet. */
function plantCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.4, bed: '#6b5a44', backdrop: '#efe9da' });
  const count = clamp(Math.round((inside.right - inside.left) / 0.4), 1, 3);
  const slotWidth = (inside.right - inside.left) / count;
  const depth = inside.front - inside.back;
  for (const [index, x] of slots(inside.left, inside.right, count).entries()) {
    pottedPlant(b, 40 + index, slotWidth * 0.95, (inside.ceiling - inside.floor) * 0.95, depth * 0.9, [
      x,
      inside.floor,
      (inside.back + inside.front) / 2,
    ]);
  }
  // Pressed leaves on the herbarium sheet behind.
  for (const [index, x] of slots(inside.left, inside.right, count * 2).entries()) {
    const y = inside.floor + (inside.ceiling - inside.floor) * (index % 2 === 0 ? 0.7 : 0.5);
    const leaf = Math.min(slotWidth * 0.2, (inside.ceiling - inside.floor) * 0.1);
    spindle(
      b,
      '#6d8a4a',
      [x, y - leaf, inside.back + 0.003],
      [x, y + leaf, inside.back + 0.003],
      leaf * 0.4,
      0.002,
      [6, 4],
    );
  }
}

/** Coral growing from `start` along `direction`, forking; every point kept inside the given bounds. */
function branchingCoral(
  b: ModelBuilder,
  next: () => number,
  colour: string,
  start: Vector3,
  direction: Vector3,
  length: number,
  radius: number,
  depth: number,
  bounds: { min: Vector3; max: Vector3 },
  planar: boolean,
): void {
  const margin = new Vector3(radius, radius, radius);
  const end = start
    .clone()
    .addScaledVector(direction, length)
    .clamp(bounds.min.clone().add(margin), bounds.max.clone().sub(margin));
  rod(b, colour, [start.x, start.y, start.z], [end.x, end.y, end.z], radius, 5, radius * 0.8);
  if (depth === 0) {
    ball(b, colour, radius * 0.9, [end.x, end.y, end.z], undefined, [5, 3]);
    return;
  }
  const forks = planar || depth < 2 ? 2 : 3;
  for (let fork = 0; fork < forks; fork += 1) {
    const turn = planar
      ? new Vector3((next() - 0.5) * 2.6, 0.3 + next() * 0.3, 0)
      : new Vector3((next() - 0.5) * 2, 0.45 + next() * 0.4, (next() - 0.5) * 2);
    const child = direction.clone().add(turn).normalize();
    branchingCoral(b, next, colour, end, child, length * 0.8, radius * 0.75, depth - 1, bounds, planar);
  }
}

/** A reef on a plinth: branching corals in reds and oranges, a sea fan and brain corals on a rocky base. */
function coralReef(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const next = seeded(2024);
  const plinth = h * 0.25;
  blockOn(b, '#2f3a44', [w, plinth, d], [0, 0, 0]);
  const bedTop = plinth + h * 0.06;
  rock(b, 5, '#b8a98a', [w * 0.96, h * 0.08, d * 0.92], [0, plinth - h * 0.01, 0]);
  const bounds = {
    min: new Vector3((-w / 2) * 0.96, bedTop, (-d / 2) * 0.92),
    max: new Vector3((w / 2) * 0.96, h * 0.98, (d / 2) * 0.92),
  };
  const reach = h - bedTop;
  const colours = ['#d9553b', '#e07b39', '#c23b3b', '#e8a05a', '#e58a9a'];
  const radius = Math.min(w, d, reach) * 0.045;
  for (const [index, x] of slots(-w * 0.42, w * 0.42, 6).entries()) {
    const z = (index % 2 === 0 ? -0.18 : 0.12) * d;
    const planar = index === 2;
    branchingCoral(
      b,
      next,
      cycle(colours, index),
      new Vector3(x, bedTop - h * 0.01, planar ? -d * 0.25 : z),
      new Vector3(0, 1, 0),
      reach * (planar ? 0.3 : 0.17),
      planar ? radius * 0.6 : radius,
      index % 2 === 0 ? 3 : 2,
      bounds,
      planar,
    );
  }
  // Brain corals: ribbed domes.
  for (const [x, z] of [
    [-w * 0.22, d * 0.25],
    [w * 0.3, d * 0.28],
  ] as const) {
    const size = Math.min(w * 0.1, d * 0.15, reach * 0.3);
    b.add(new SphereGeometry(1, 12, 6, 0, Math.PI * 2, 0, Math.PI / 2), '#c9a25a', {
      position: [x, bedTop - h * 0.01, z],
      scale: [size, size * 0.8, size],
    });
    b.group({ position: [x, bedTop - h * 0.01, z] }, (g) =>
      ring(g, '#a8843f', size * 0.75, size * 0.5, size * 0.06),
    );
  }
}

/**
 * Island wildlife on a plinth: a Cát Bà langur (dark body, golden-white head) sitting on a branch of a small tree,
 * with a long tail hanging down, and a hornbill perched above.
 */
function animalModel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const plinth = h * 0.12;
  blockOn(b, '#3a3a3c', [w * 0.9, plinth, d * 0.9], [0, 0, 0]);
  rock(b, 9, '#6e675c', [w * 0.5, h * 0.05, d * 0.5], [-w * 0.2, plinth - h * 0.01, 0]);
  const trunkX = -w * 0.25;
  const trunkZ = -d * 0.15;
  const bark = '#5a4632';
  const trunkRadius = Math.min(w, d) * 0.05;
  rod(b, bark, [trunkX, plinth, trunkZ], [trunkX, h * 0.92, trunkZ], trunkRadius, 8, trunkRadius * 0.5);

  // The langur, sized to the room above its branch (u is its unit: it is about 1.5 u tall, tail included).
  const u = Math.min((h - plinth) / 1.9, w * 0.38, d * 0.7);
  const seatY = plinth + 0.7 * u + (h - plinth - 1.6 * u) * 0.3;
  const monkeyX = w * 0.12;
  rod(
    b,
    bark,
    [trunkX, seatY - u * 0.15, trunkZ],
    [Math.min(w * 0.45, monkeyX + u * 0.5), seatY - u * 0.03, trunkZ],
    u * 0.05,
    6,
    u * 0.03,
  );
  b.group({ position: [monkeyX, seatY, trunkZ + u * 0.02] }, (m) => {
    const fur = '#2b2420';
    const pale = '#e3d3a8';
    m.add(new CapsuleGeometry(u * 0.16, u * 0.26, 4, 8), fur, { position: [0, u * 0.33, 0] });
    ball(m, pale, u * 0.13, [0, u * 0.72, u * 0.02]);
    ball(m, '#c9b88c', [u * 0.08, u * 0.07, u * 0.05], [0, u * 0.7, u * 0.12]);
    for (const side of [1, -1]) {
      ball(m, '#111111', u * 0.02, [side * u * 0.04, u * 0.74, u * 0.145], undefined, [6, 4]);
      rod(m, fur, [side * u * 0.1, u * 0.12, 0], [side * u * 0.12, u * 0.14, u * 0.2], u * 0.06, 6);
      rod(m, fur, [side * u * 0.12, u * 0.14, u * 0.2], [side * u * 0.12, -u * 0.1, u * 0.22], u * 0.05, 6);
      rod(m, fur, [side * u * 0.16, u * 0.5, 0], [side * u * 0.2, u * 0.2, u * 0.12], u * 0.045, 6);
    }
    // The tail hangs behind the branch.
    rod(m, fur, [0, u * 0.08, -u * 0.12], [0, -u * 0.3, -u * 0.16], u * 0.035, 6);
    rod(m, fur, [0, -u * 0.3, -u * 0.16], [u * 0.06, -u * 0.62, -u * 0.12], u * 0.03, 6, u * 0.02);
  });

  // Foliage at the top of the tree.
  for (const [dx, dy, share] of [
    [0.08, 0.86, 1],
    [-0.04, 0.8, 0.7],
    [0.2, 0.8, 0.6],
  ] as const) {
    ball(
      b,
      cycle([LEAF, '#3a5f2c'], Math.round(dx * 100)),
      [w * 0.16 * share, h * 0.07 * share, d * 0.2 * share],
      [trunkX + dx * w, h * dy, trunkZ],
    );
  }
  // A hornbill on a short branch on the other side, near the top.
  const v = Math.min(u * 0.8, w * 0.2);
  const perchY = Math.min(h * 0.6, h * 0.78 - v * 0.6);
  const birdX = Math.max(-w * 0.42 + v * 0.45, trunkX - v * 0.7);
  rod(b, bark, [trunkX, perchY - v * 0.1, trunkZ], [birdX - v * 0.3, perchY, trunkZ], v * 0.05, 6, v * 0.03);
  b.group({ position: [birdX, perchY, trunkZ] }, (bird) => {
    ball(bird, '#1f1f1f', [v * 0.25, v * 0.16, v * 0.14], [0, v * 0.22, 0], [0, 0, 0.5]);
    ball(bird, '#efe9dc', [v * 0.14, v * 0.1, v * 0.1], [v * 0.06, v * 0.14, 0]);
    ball(bird, '#1f1f1f', v * 0.09, [v * 0.2, v * 0.42, 0]);
    bird.add(new ConeGeometry(v * 0.06, v * 0.22, 6), '#e0a92a', {
      position: [v * 0.34, v * 0.4, 0],
      rotation: [0, 0, -Math.PI / 2 - 0.3],
    });
    ball(bird, '#e0a92a', [v * 0.06, v * 0.04, v * 0.04], [v * 0.24, v * 0.5, 0]);
    beam(bird, '#1f1f1f', [-v * 0.18, v * 0.18, 0], [-v * 0.42, -v * 0.05, 0], v * 0.1, v * 0.03);
  });
}

/** A stone adze or axe, lying flat, the blade toward +z: shouldered (Hạ Long culture) or plain. */
function adze(
  b: ModelBuilder,
  colour: string,
  length: number,
  width: number,
  base: Vec3,
  shouldered: boolean,
): void {
  const outline: [number, number][] = shouldered
    ? [
        [-0.5, 0],
        [0.5, 0],
        [0.42, 0.58],
        [0.26, 0.62],
        [0.24, 1],
        [-0.24, 1],
        [-0.26, 0.62],
        [-0.42, 0.58],
      ]
    : [
        [-0.5, 0],
        [0.5, 0],
        [0.32, 1],
        [-0.32, 1],
      ];
  b.add(slab(outline, 0.22), colour, {
    position: [base[0], base[1], base[2] + length / 2],
    rotation: [-Math.PI / 2, 0, 0],
    scale: [width, length, width * 0.6],
  });
}

/** A table case of stone tools: adzes and axes of grey-green stone in rows, with labels. */
function stoneToolCase(b: ModelBuilder, size: ModelSize): void {
  const inside = displayCase(b, size, { base: 0.7, bed: '#d8cdb5' });
  const colours = ['#7c8270', '#8f8b80', '#5b5a52', '#a8977a'];
  const rows = 2;
  const rowDepth = (inside.front - inside.back) / rows;
  const count = clamp(Math.round((inside.right - inside.left) / 0.18), 3, 8);
  const slotWidth = (inside.right - inside.left) / count;
  const length = Math.min(rowDepth * 0.7, (inside.ceiling - inside.floor) * 3);
  const width = Math.min(slotWidth * 0.6, length * 0.6);
  for (let row = 0; row < rows; row += 1) {
    const z = inside.back + rowDepth * (row + 0.55);
    for (const [index, x] of slots(inside.left, inside.right, count).entries()) {
      adze(
        b,
        cycle(colours, index + row),
        length * (index % 3 === 2 ? 0.8 : 1),
        width,
        [x, inside.floor, z],
        (index + row) % 2 === 0,
      );
    }
  }
  labelCard(
    b,
    inside.left + slotWidth * 0.5,
    inside.floor,
    inside.front - rowDepth * 0.1,
    Math.min(slotWidth * 0.6, rowDepth * 0.3),
  );
}

/**
 * The bronze drum of Quảng Chính (Đông Sơn type): a flared foot, a straight waist, a bulging mantle and a flat
 * tympanum slightly overhanging, with the raised star at its centre, rings of decoration, handles and frogs.
 */
function bronzeDrum(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  b.group({ scale: [w / 2, h, d / 2] }, (g) => {
    turned(
      g,
      [
        [0.7, 0],
        [0.78, 0],
        [0.8, 0.03],
        [0.74, 0.2],
        [0.7, 0.38],
        [0.72, 0.55],
        [0.84, 0.72],
        [0.9, 0.86],
        [0.92, 0.92],
        [0.97, 0.935],
        [0.97, 0.955],
        [0, 0.955],
      ],
      [
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        '#63704a',
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
        BRONZE_GREEN,
      ],
      {},
      20,
    );
    // The star: a raised disc with twelve rays.
    const tympanum = 0.955;
    disc(g, '#8a9663', 0.13, 0.015, [0, tympanum, 0], 16);
    for (let ray = 0; ray < 12; ray += 1) {
      const angle = (ray / 12) * Math.PI * 2;
      g.group({ position: [0, tympanum, 0], rotation: [0, angle, 0] }, (r) =>
        r.add(new ConeGeometry(1, 1, 4), '#8a9663', {
          position: [0.2, 0.004, 0],
          rotation: [0, 0, -Math.PI / 2],
          scale: [0.004, 0.16, 0.035],
        }),
      );
    }
    for (const radius of [0.38, 0.58, 0.78]) ring(g, '#556140', radius, tympanum, 0.01);
    // Four pairs of handles on the shoulder.
    for (let handle = 0; handle < 4; handle += 1) {
      const angle = (handle / 4) * Math.PI * 2 + Math.PI / 4;
      g.group({ rotation: [0, angle, 0] }, (r) =>
        r.add(new TorusGeometry(0.06, 0.015, 4, 8, Math.PI), '#556140', {
          position: [0.88, 0.76, 0],
          rotation: [0, Math.PI / 2, -Math.PI / 2],
        }),
      );
    }
    // Four frogs on the rim of the tympanum.
    for (let frog = 0; frog < 4; frog += 1) {
      const angle = (frog / 4) * Math.PI * 2;
      g.group({ rotation: [0, angle, 0] }, (r) => {
        ball(r, '#63704a', [0.06, 0.025, 0.04], [0.86, tympanum + 0.018, 0], undefined, [8, 6]);
        ball(r, '#63704a', 0.02, [0.8, tympanum + 0.025, 0], undefined, [6, 4]);
      });
    }
  });
}

/**
 * The Đồng (bronze) pagoda on the summit of Yên Tử, in miniature: a small square bronze temple with columns and
 * doors under a double curved roof with upturned corners, on a two-step stone base.
 */
function pagodaModel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  blockOn(b, STONE, [w, h * 0.08, d], [0, 0, 0]);
  blockOn(b, '#9c988f', [w * 0.82, h * 0.08, d * 0.82], [0, h * 0.08, 0]);
  const floor = h * 0.16;
  const bodyW = w * 0.5;
  const bodyD = d * 0.45;
  const bodyH = h * 0.3;
  const bronze = '#8a6e3c';
  blockOn(b, '#7a5f31', [bodyW * 1.1, h * 0.03, bodyD * 1.1], [0, floor, 0]);
  blockOn(b, bronze, [bodyW, bodyH, bodyD], [0, floor + h * 0.03, 0]);
  for (const x of slots(-bodyW * 0.55, bodyW * 0.55, 4)) {
    disc(b, '#6e5428', Math.min(bodyW, bodyD) * 0.04, bodyH, [x, floor + h * 0.03, bodyD * 0.55], 8);
  }
  for (const x of [-bodyW * 0.28, 0, bodyW * 0.28]) {
    block(
      b,
      '#4a3a1e',
      [bodyW * 0.16, bodyH * 0.6, 0.004],
      [x, floor + h * 0.03 + bodyH * 0.32, bodyD / 2 + 0.002],
    );
  }

  // The roofs: four-sided lathes with a concave profile, stretched a little along x like a hip roof.
  const roofProfile: Profile = [
    [0.6, 0],
    [1, 0.04],
    [0.97, 0.1],
    [0.7, 0.3],
    [0.45, 0.55],
    [0.25, 0.8],
    [0, 1],
  ];
  const eaves = floor + h * 0.03 + bodyH;
  const lower = { radius: 0.78, base: eaves - h * 0.02, height: h * 0.2 };
  const upper = { radius: 0.5, base: eaves + h * 0.16, height: h * 0.24 };
  const corner = Math.SQRT1_2;
  for (const tier of [lower, upper]) {
    const rx = (tier.radius * w) / 2 / corner;
    const rz = (tier.radius * d) / 2 / corner;
    b.add(
      new LatheGeometry(
        roofProfile.map(([r, y]) => new Vector2(r, y)),
        4,
        Math.PI / 4,
      ),
      '#7a6338',
      {
        position: [0, tier.base, 0],
        scale: [rx * 0.98, tier.height, rz * 0.98],
      },
    );
    // Upturned corners.
    for (const sx of [-1, 1]) {
      for (const sz of [-1, 1]) {
        b.add(new ConeGeometry(1, 1, 6), '#8a7040', {
          position: [sx * rx * corner * 0.9, tier.base + tier.height * 0.12, sz * rz * corner * 0.9],
          rotation: [sz * 0.5, 0, -sx * 0.5],
          scale: [Math.min(w, d) * 0.015, tier.height * 0.22, Math.min(w, d) * 0.015],
        });
      }
    }
  }
  // The short wall between the two roofs, the ridge and a golden finial.
  blockOn(b, bronze, [bodyW * 0.6, h * 0.08, bodyD * 0.6], [0, lower.base + lower.height * 0.4, 0]);
  block(b, '#6e5428', [w * 0.22, h * 0.025, d * 0.04], [0, upper.base + upper.height * 0.95, 0]);
  b.add(new ConeGeometry(1, 1, 8), GOLD, {
    position: [0, upper.base + upper.height + h * 0.03, 0],
    scale: [w * 0.03, h * 0.06, d * 0.03],
  });
}

/**
 * A seated monk (the Buddhist king Trần Nhân Tông): crossed legs, a robe with a darker sash over the shoulder,
 * hands in the lap, a shaven head, on an octagonal pedestal with a lotus cushion.
 */
function statue(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const pedestalRadius = Math.min(w, d) * 0.48;
  const pedestal = h * 0.2;
  disc(b, STONE, pedestalRadius, pedestal * 0.7, [0, 0, 0], 8);
  disc(b, '#a09c92', pedestalRadius * 0.9, pedestal * 0.1, [0, pedestal * 0.7, 0], 8);
  for (let petal = 0; petal < 12; petal += 1) {
    const angle = (petal / 12) * Math.PI * 2;
    b.group({ rotation: [0, angle, 0] }, (g) =>
      ball(
        g,
        '#b8913f',
        [pedestalRadius * 0.22, pedestal * 0.18, pedestalRadius * 0.14],
        [pedestalRadius * 0.72, pedestal * 0.88, 0],
        [0, 0, 0.5],
        [8, 6],
      ),
    );
  }
  disc(b, '#b8913f', pedestalRadius * 0.8, pedestal * 0.2, [0, pedestal * 0.8, 0], 16);

  // The figure in its own unit f (about 0.93 f tall, 0.84 f wide, 0.65 f deep).
  const f = Math.min((h - pedestal) / 0.94, w / 0.9, d / 0.72);
  const robe = '#8b5e34';
  const sash = '#6e3f1f';
  const skin = '#c8a27c';
  b.group({ position: [0, pedestal, 0] }, (g) => {
    ball(g, robe, [0.42 * f, 0.12 * f, 0.3 * f], [0, 0.12 * f, 0.04 * f]);
    g.add(new CylinderGeometry(0.19 * f, 0.3 * f, 0.48 * f, 12), robe, {
      position: [0, 0.4 * f, 0],
      scale: [1, 1, 0.75],
    });
    ball(g, robe, [0.25 * f, 0.08 * f, 0.17 * f], [0, 0.62 * f, 0]);
    block(g, sash, [0.07 * f, 0.52 * f, 0.02 * f], [0.02 * f, 0.42 * f, 0.18 * f], [0.25, 0, 0.55]);
    rod(g, skin, [0, 0.64 * f, 0], [0, 0.74 * f, 0], 0.06 * f, 8);
    ball(g, skin, 0.12 * f, [0, 0.8 * f, 0.01 * f]);
    for (const side of [1, -1]) {
      ball(g, skin, 0.025 * f, [side * 0.12 * f, 0.8 * f, 0], undefined, [6, 4]);
      rod(g, robe, [side * 0.22 * f, 0.6 * f, 0], [side * 0.27 * f, 0.36 * f, 0.1 * f], 0.07 * f, 8);
      rod(g, robe, [side * 0.27 * f, 0.36 * f, 0.1 * f], [side * 0.07 * f, 0.26 * f, 0.2 * f], 0.06 * f, 8);
    }
    ball(g, skin, [0.11 * f, 0.04 * f, 0.07 * f], [0, 0.26 * f, 0.2 * f]);
  });
}

/** A stone stele on the back of a turtle, with an arched crown and an inscribed face, on a stone platform. */
function stele(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const platform = h * 0.05;
  blockOn(b, STONE_DARK, [w * 0.95, platform, d * 0.95], [0, 0, 0]);
  const turtle = h * 0.22;
  const stone = '#6f6c63';
  b.add(new SphereGeometry(1, 14, 6, 0, Math.PI * 2, 0, Math.PI / 2), stone, {
    position: [0, platform, -d * 0.04],
    scale: [w * 0.38, turtle * 0.85, d * 0.38],
  });
  b.group({ position: [0, platform, -d * 0.04] }, (g) =>
    ring(g, '#5e5b53', w * 0.37, turtle * 0.08, turtle * 0.05, d * 0.37),
  );
  ball(b, stone, [w * 0.09, turtle * 0.22, d * 0.1], [0, platform + turtle * 0.3, d * 0.36]);
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1])
      ball(
        b,
        stone,
        [w * 0.08, turtle * 0.12, d * 0.08],
        [sx * w * 0.3, platform + turtle * 0.1, sz * d * 0.26],
      );
  }
  const slabWidth = w * 0.62;
  const slabDepth = d * 0.2;
  const slabBase = platform + turtle * 0.7;
  const crown = Math.min(slabWidth / 2, (h - slabBase) * 0.2);
  const slabHeight = h - slabBase - crown;
  const face = '#8b877d';
  blockOn(b, face, [slabWidth, slabHeight, slabDepth], [0, slabBase, 0]);
  b.add(new CylinderGeometry(1, 1, 1, 16, 1, false, Math.PI / 2, Math.PI), face, {
    position: [0, slabBase + slabHeight, 0],
    rotation: [Math.PI / 2, 0, 0],
    scale: [slabWidth / 2, slabDepth, crown],
  });
  // The inscription: a sunken panel with rows of characters.
  const panelW = slabWidth * 0.78;
  const panelH = slabHeight * 0.7;
  const panelY = slabBase + slabHeight * 0.12;
  blockOn(b, '#75716a', [panelW, panelH, 0.004], [0, panelY, slabDepth / 2 + 0.002]);
  for (const x of slots(-panelW * 0.45, panelW * 0.45, 8)) {
    blockOn(
      b,
      '#4f4c46',
      [panelW * 0.03, panelH * 0.9, 0.004],
      [x, panelY + panelH * 0.05, slabDepth / 2 + 0.004],
    );
  }
  ball(
    b,
    '#75716a',
    [slabWidth * 0.12, crown * 0.4, 0.006],
    [0, slabBase + slabHeight + crown * 0.3, slabDepth / 2],
  );
}

/**
 * A costume on a mannequin, after the Dao Thanh Y and San Dìu women's dress: an indigo tunic to the knee over
 * indigo trousers, red and white trims at the hems, cuffs and collar, a red sash, and an indigo headscarf with
 * red tassels.
 */
/**
 * Garments of the province's peoples, told apart by `variant`: indigo with red (Dao Thanh Y), near-black with
 * white and red (Dao Thanh Phán), indigo with white (Sán Dìu).
 */
const costumePalettes: { cloth: string; trim: string }[] = [
  { cloth: INDIGO, trim: RED },
  { cloth: '#1f2230', trim: '#e8e2d4' },
  { cloth: '#34466e', trim: '#f1ede3' },
];

function costume(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize, variant = 0): void {
  const { cloth, trim } = costumePalettes[
    variant % costumePalettes.length
  ] as (typeof costumePalettes)[number];
  const baseRadius = Math.min(w, d) * 0.4;
  disc(b, METAL_DARK, baseRadius, h * 0.02, [0, 0, 0], 16);
  const legRadius = Math.min(w * 0.075, d * 0.18);
  const hip = h * 0.5;
  const ankle = h * 0.06;
  for (const side of [1, -1]) {
    const x = side * w * 0.08;
    blockOn(
      b,
      '#1c1c1e',
      [legRadius * 2, ankle - h * 0.02, Math.min(legRadius * 2.6, d * 0.9)],
      [x, h * 0.02, legRadius * 0.2],
    );
    rod(b, cloth, [x, ankle, 0], [side * w * 0.075, hip, 0], legRadius, 10, legRadius * 1.1);
    rod(b, trim, [x, ankle, 0], [x, ankle + h * 0.03, 0], legRadius * 1.06, 10);
    rod(b, WHITE_CLOTH, [x, ankle + h * 0.03, 0], [x, ankle + h * 0.04, 0], legRadius * 1.05, 10);
  }

  const shoulder = h * 0.8;
  const hem = h * 0.34;
  const topRadius = w * 0.15;
  const bottomRadius = w * 0.24;
  const radiusZ = Math.min(bottomRadius * 0.65, d * 0.44);
  const squash = radiusZ / bottomRadius;
  const radiusAt = (y: number) => bottomRadius + ((topRadius - bottomRadius) * (y - hem)) / (shoulder - hem);
  b.add(new CylinderGeometry(topRadius, bottomRadius, shoulder - hem, 14), cloth, {
    position: [0, (shoulder + hem) / 2, 0],
    scale: [1, 1, squash],
  });
  ring(b, trim, radiusAt(hem + h * 0.01), hem + h * 0.01, h * 0.012, radiusAt(hem + h * 0.01) * squash);
  ring(
    b,
    WHITE_CLOTH,
    radiusAt(hem + h * 0.035),
    hem + h * 0.035,
    h * 0.006,
    radiusAt(hem + h * 0.035) * squash,
  );
  // The red band down the front opening, following the slope of the tunic.
  const slope = Math.atan(((bottomRadius - topRadius) * squash) / (shoulder - hem));
  block(
    b,
    trim,
    [w * 0.05, shoulder - hem, 0.006],
    [0, (shoulder + hem) / 2, radiusAt((shoulder + hem) / 2) * squash + 0.003],
    [-slope, 0, 0],
  );
  // The sash, its ends hanging at the front.
  const waist = h * 0.52;
  ring(b, trim, radiusAt(waist), waist, h * 0.015, radiusAt(waist) * squash);
  blockOn(
    b,
    trim,
    [w * 0.06, h * 0.12, 0.008],
    [w * 0.05, waist - h * 0.13, radiusAt(waist - h * 0.07) * squash + 0.004],
  );

  ball(b, cloth, [topRadius * 1.25, h * 0.035, topRadius * 1.25 * squash], [0, shoulder, 0]);
  const sleeveRadius = Math.min(w * 0.05, d * 0.2);
  for (const side of [1, -1]) {
    const top: Vec3 = [side * w * 0.2, shoulder - h * 0.02, 0];
    const wrist: Vec3 = [side * w * 0.28, h * 0.45, 0];
    rod(b, cloth, top, wrist, sleeveRadius, 10);
    const cuff: Vec3 = [wrist[0] - side * w * 0.008, wrist[1] + h * 0.05, 0];
    rod(b, trim, wrist, cuff, sleeveRadius * 1.06, 10);
    ball(b, MANNEQUIN, sleeveRadius * 0.8, [wrist[0], wrist[1] - sleeveRadius * 0.6, 0], undefined, [8, 6]);
  }

  const headRadius = Math.min(w * 0.1, h * 0.06, d * 0.3);
  const neckTop = shoulder + h * 0.04;
  rod(b, MANNEQUIN, [0, shoulder, 0], [0, neckTop, 0], headRadius * 0.4, 8);
  ring(b, trim, headRadius * 0.5, shoulder + h * 0.012, headRadius * 0.12);
  const headY = neckTop + headRadius * 0.9;
  ball(b, MANNEQUIN, headRadius, [0, headY, 0]);
  // The headscarf: a thick wrap round the head with a flat top, and red tassels at the sides.
  ring(b, cloth, headRadius * 1.08, headY + headRadius * 0.3, headRadius * 0.5);
  ring(b, trim, headRadius * 1.5, headY + headRadius * 0.3, headRadius * 0.1);
  disc(b, cloth, headRadius * 1.2, headRadius * 0.4, [0, headY + headRadius * 0.42, 0], 14);
  for (const side of [1, -1]) {
    b.add(new ConeGeometry(headRadius * 0.14, headRadius * 0.5, 6), trim, {
      position: [side * headRadius * 1.45, headY - headRadius * 0.1, 0],
      rotation: [Math.PI, 0, 0],
    });
  }
}

/** A woven cloth hung on a wooden frame: bands of indigo, red, white, yellow and green, with lozenges, and a fringe. */
function textile(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const post = Math.min(w * 0.04, d * 0.3, 0.06);
  for (const side of [1, -1]) {
    const x = side * (w / 2 - post * 0.8);
    blockOn(b, WOOD, [post * 1.6, h * 0.04, d], [x, 0, 0]);
    blockOn(b, WOOD, [post, h * 0.96, post], [x, h * 0.04, 0]);
  }
  block(b, WOOD, [w - post * 1.6, post * 0.8, post * 0.8], [0, h * 0.92, 0]);
  const thickness = Math.min(0.01, d * 0.05);
  const clothTop = h * 0.92 - post * 0.4;
  const clothBottom = h * 0.16;
  const clothWidth = w - post * 3.2 - w * 0.04;
  const z = post * 0.4 + thickness / 2;
  const palette = [INDIGO, RED, WHITE_CLOTH, '#d9a52b', INDIGO, '#3f7a4a', RED, '#1f1f22'];
  const bands = 12;
  const bandHeight = (clothTop - clothBottom) / bands;
  for (let band = 0; band < bands; band += 1) {
    const y = clothTop - bandHeight * (band + 0.5);
    block(b, cycle(palette, band), [clothWidth, bandHeight, thickness], [0, y, z]);
    if (band % 3 === 1) {
      const count = Math.max(3, Math.round(clothWidth / (bandHeight * 1.6)));
      for (const x of slots(-clothWidth / 2, clothWidth / 2, count)) {
        block(
          b,
          cycle(palette, band + 2),
          [bandHeight * 0.5, bandHeight * 0.5, thickness],
          [x, y, z + thickness * 0.6],
          [0, 0, Math.PI / 4],
        );
      }
    }
  }
  for (const x of slots(-clothWidth / 2, clothWidth / 2, 16)) {
    block(b, RED, [clothWidth / 48, h * 0.05, thickness], [x, clothBottom - h * 0.025, z]);
  }
}

/** Hand tools hanging on a wall rack, one per slot: hoe, pick, shovel, sickle, axe, rake, machete. */
function hangTool(b: ModelBuilder, tool: number, x: number, slot: number, h: number, z: number): void {
  const handle = WOOD_LIGHT;
  const radius = Math.min(slot * 0.05, 0.018);
  const top = h * 0.8;
  const bottom = h * 0.2;
  const reach = slot * 0.42;
  const blade = Math.min(0.012, radius);
  switch (tool % 7) {
    case 0: // hoe: a handle and a broad blade at its head
      rod(b, handle, [x, bottom, z], [x, top, z], radius);
      blockOn(
        b,
        IRON,
        [reach * 1.4, Math.min(reach, h * 0.15), blade],
        [x, top - Math.min(reach, h * 0.15), z + radius + blade / 2],
      );
      break;
    case 1: // pick: a curved iron head across the top
      rod(b, handle, [x, bottom, z], [x, top, z], radius);
      rod(b, IRON, [x, top, z], [x - reach, top - reach * 0.3, z], radius * 1.1, 6, radius * 0.3);
      rod(b, IRON, [x, top, z], [x + reach, top - reach * 0.3, z], radius * 1.1, 6, radius * 0.3);
      break;
    case 2: // shovel: blade down, a grip at the top
      rod(b, handle, [x, h * 0.3, z], [x, top, z], radius);
      blockOn(b, STEEL, [reach * 1.2, h * 0.16, blade], [x, h * 0.14, z]);
      block(b, handle, [reach * 0.8, radius * 2, radius * 2], [x, top, z]);
      break;
    case 3: // sickle: a short handle and a curved blade
      rod(b, handle, [x, h * 0.42, z], [x, h * 0.58, z], radius);
      b.add(new TorusGeometry(1, 0.08, 4, 12, Math.PI * 1.1), IRON, {
        position: [x, h * 0.58 + reach * 0.6, z],
        rotation: [0, 0, -Math.PI * 0.3],
        scale: [reach * 0.6, reach * 0.6, blade * 10],
      });
      break;
    case 4: // axe: a head to one side
      rod(b, handle, [x, bottom, z], [x, top, z], radius);
      block(
        b,
        IRON,
        [reach * 1.2, Math.min(reach * 0.7, h * 0.1), blade * 2],
        [x + reach * 0.4, top - h * 0.04, z],
      );
      break;
    case 5: // rake: a crossbar with teeth
      rod(b, handle, [x, bottom, z], [x, top, z], radius);
      block(b, WOOD, [reach * 2, radius * 2, radius * 2], [x, top, z]);
      for (const dx of slots(-reach, reach, 5))
        blockOn(b, WOOD, [radius, h * 0.05, radius], [x + dx, top, z]);
      break;
    default: // machete: a dark grip and a long blade
      rod(b, '#2b1e14', [x, h * 0.25, z], [x, h * 0.36, z], radius * 1.2);
      blockOn(b, STEEL, [reach * 0.6, h * 0.4, blade], [x + reach * 0.1, h * 0.36, z]);
  }
}

/** A wall rack: a back board on feet, with tools or weapons in front of it. */
function rack(
  b: ModelBuilder,
  { width: w, height: h, depth: d }: ModelSize,
  items: 'tools' | 'weapons',
): void {
  const board = Math.min(0.04, d * 0.12);
  blockOn(b, WOOD_DARK, [w, h * 0.92, board], [0, h * 0.08, -d / 2 + board / 2]);
  for (const side of [1, -1])
    blockOn(b, WOOD_DARK, [w * 0.06, h * 0.08, d], [side * (w / 2 - w * 0.03), 0, 0]);
  const front = -d / 2 + board;
  const railDepth = Math.min(d * 0.12, 0.05);
  block(b, WOOD, [w * 0.96, h * 0.03, railDepth], [0, h * 0.84, front + railDepth / 2]);
  const z = front + railDepth + Math.min(d * 0.08, 0.04);
  if (items === 'tools') {
    const count = clamp(Math.round(w / 0.28), 3, 9);
    const slot = (w * 0.92) / count;
    for (const [index, x] of slots(-w * 0.46, w * 0.46, count).entries()) hangTool(b, index, x, slot, h, z);
    // A shelf below with a woven basket and a coil of rope.
    const shelfDepth = d * 0.7;
    blockOn(b, WOOD, [w * 0.86, h * 0.02, shelfDepth], [0, h * 0.08, -d / 2 + shelfDepth / 2]);
    const basket = Math.min(w * 0.12, shelfDepth * 0.3, h * 0.1);
    const shelfTop = h * 0.1;
    turned(
      b,
      [
        [0, 0],
        [0.7, 0],
        [0.95, 0.4],
        [1, 1],
        [0.92, 1],
        [0.6, 0.1],
        [0, 0.1],
      ],
      ['#a0804f', '#b8955e', '#b8955e', '#8a6a3e', '#8a6a3e'],
      { position: [-w * 0.25, shelfTop, -d / 2 + shelfDepth * 0.6], scale: [basket, basket * 1.2, basket] },
      12,
    );
    b.add(new TorusGeometry(1, 0.3, 6, 16), '#c2a878', {
      position: [w * 0.25, shelfTop + basket * 0.3, -d / 2 + shelfDepth * 0.6],
      rotation: [Math.PI / 2, 0, 0],
      scale: [basket * 0.75, basket * 0.75, basket],
    });
    return;
  }
  // Weapons: spears and glaives standing in a row, two swords across on pegs in front.
  const count = clamp(Math.round(w / 0.2), 3, 10);
  const slot = (w * 0.9) / count;
  const radius = Math.min(slot * 0.06, 0.015);
  for (const [index, x] of slots(-w * 0.45, w * 0.45, count).entries()) {
    const headBase = h * 0.84;
    rod(b, WOOD_LIGHT, [x, h * 0.09, z], [x, headBase, z], radius);
    disc(b, METAL_DARK, radius * 1.3, h * 0.02, [x, h * 0.08, z], 8);
    if (index % 2 === 0) {
      b.add(new ConeGeometry(1, 1, 4), STEEL, {
        position: [x, headBase + h * 0.06, z],
        scale: [Math.min(slot * 0.2, h * 0.03), h * 0.12, radius],
      });
      ball(b, RED, [radius * 2.4, h * 0.025, radius * 2.4], [x, headBase - h * 0.015, z], undefined, [8, 4]);
    } else {
      spindle(
        b,
        STEEL,
        [x, headBase - h * 0.01, z],
        [x + slot * 0.15, h * 0.97, z],
        Math.min(slot * 0.2, h * 0.04),
        radius * 0.6,
      );
    }
  }
  const swordZ = z + radius * 2 + Math.min(d * 0.06, 0.03);
  for (const y of [h * 0.36, h * 0.55]) {
    for (const side of [1, -1])
      block(
        b,
        WOOD,
        [w * 0.03, w * 0.02, swordZ - front],
        [side * w * 0.3, y - w * 0.01, (front + swordZ) / 2],
      );
    const blade = Math.min(h * 0.03, 0.04);
    block(b, '#b9bec2', [w * 0.5, blade, 0.006], [w * 0.05, y + blade / 2, swordZ]);
    block(b, '#8a6d3b', [w * 0.015, blade * 2.2, 0.02], [-w * 0.2, y + blade / 2, swordZ]);
    rod(b, '#2b1e14', [-w * 0.2, y + blade / 2, swordZ], [-w * 0.3, y + blade / 2, swordZ], blade * 0.35, 8);
    ball(b, '#8a6d3b', blade * 0.5, [-w * 0.31, y + blade / 2, swordZ], undefined, [8, 6]);
  }
}

/** A spoked wheel upright in the xy plane, turning about z, centred at `centre`. */
function wheel(
  b: ModelBuilder,
  radius: number,
  thickness: number,
  centre: Vec3,
  rim: string,
  spokes: number,
  hub: string,
): void {
  const tube = radius * 0.09;
  b.add(new TorusGeometry(1, tube / (radius - tube), 6, 20), rim, {
    position: centre,
    scale: [radius - tube, radius - tube, thickness / (2 * (tube / (radius - tube)))],
  });
  for (let spoke = 0; spoke < spokes; spoke += 1) {
    block(b, rim, [radius * 0.07, (radius - tube) * 2, thickness * 0.4], centre, [
      0,
      0,
      (spoke / spokes) * Math.PI,
    ]);
  }
  b.add(unitCylinder(10), hub, {
    position: centre,
    rotation: [Math.PI / 2, 0, 0],
    scale: [radius * 0.16, thickness * 1.2, radius * 0.16],
  });
}

/** A bronze cannon on a wooden field carriage with two spoked wheels; the muzzle points to +x. */
function cannon(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const wheelRadius = Math.min(h * 0.4, w * 0.2);
  const wheelThickness = Math.min(d * 0.08, wheelRadius * 0.3);
  const barrelLength = w * 0.72;
  const barrelRadius = Math.min(h * 0.1, d * 0.12, w * 0.05);
  const trunnionY = wheelRadius + barrelRadius * 1.3;
  const elevation = Math.asin(
    clamp((h * 0.95 - trunnionY - barrelRadius) / (0.55 * barrelLength), 0, Math.sin(0.15)),
  );
  const axleX = w * 0.48 - 0.55 * barrelLength * Math.cos(elevation);
  const wheelZ = d / 2 - wheelThickness * 0.6;
  for (const side of [1, -1])
    wheel(b, wheelRadius, wheelThickness, [axleX, wheelRadius, side * wheelZ], '#5a3a20', 10, IRON);
  rod(b, IRON, [axleX, wheelRadius, -wheelZ], [axleX, wheelRadius, wheelZ], wheelRadius * 0.07, 8);
  // The carriage: two cheeks from the axle down to the trail on the ground.
  const trail: Vec3 = [-w / 2 + w * 0.04, h * 0.04, 0];
  const cheekZ = Math.min(d * 0.14, barrelRadius * 1.3);
  for (const side of [1, -1]) {
    beam(
      b,
      '#6b4426',
      [axleX + wheelRadius * 0.5, wheelRadius + barrelRadius * 0.4, side * cheekZ],
      [trail[0], trail[1], side * cheekZ * 0.7],
      Math.min(h * 0.08, wheelRadius * 0.4),
      Math.min(d * 0.04, barrelRadius * 0.5),
    );
  }
  blockOn(b, '#2f2f2f', [w * 0.04, h * 0.04, cheekZ * 2], [trail[0], 0, 0]);
  // The barrel: a turned bronze piece, reinforcing rings, a cascabel at the breech, trunnions over the axle.
  b.group({ position: [axleX, trunnionY, 0], rotation: [0, 0, -Math.PI / 2 + elevation] }, (g) => {
    turned(
      g,
      [
        [0, -0.47],
        [0.35, -0.46],
        [0.95, -0.42],
        [1, -0.38],
        [0.92, -0.3],
        [0.86, 0],
        [0.92, 0.04],
        [0.8, 0.08],
        [0.68, 0.45],
        [0.76, 0.5],
        [0.76, 0.53],
        [0.45, 0.53],
        [0.4, 0.45],
        [0, 0.45],
      ],
      [
        BRONZE,
        BRONZE,
        '#7a5d33',
        BRONZE,
        BRONZE,
        '#7a5d33',
        BRONZE,
        BRONZE,
        '#7a5d33',
        '#7a5d33',
        '#2a2118',
        '#2a2118',
      ],
      { scale: [barrelRadius, barrelLength, barrelRadius] },
      14,
    );
    ball(g, BRONZE, barrelRadius * 0.3, [0, -barrelLength * 0.5, 0], undefined, [8, 6]);
    g.add(unitCylinder(8), BRONZE, {
      rotation: [Math.PI / 2, 0, 0],
      scale: [barrelRadius * 0.3, cheekZ * 2.2, barrelRadius * 0.3],
    });
  });
}

/**
 * A twin-barrelled anti-aircraft gun in army green, in firing position: a four-wheeled carriage levelled on
 * outriggers with jack pads, a pedestal and turntable, the cradle with the two barrels raised toward +x, loading
 * clips above the breeches, and a seat on each side.
 */
function antiAircraftGun(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const wheelRadius = Math.min(h * 0.13, d * 0.12, w * 0.06);
  const wheelWidth = Math.min(d * 0.06, wheelRadius * 0.6);
  const deck = wheelRadius * 1.3;
  const deckHeight = h * 0.07;
  blockOn(b, ARMY_GREEN, [w * 0.55, deckHeight, d * 0.55], [0, deck, 0]);
  for (const x of [-w * 0.18, w * 0.18]) {
    for (const side of [1, -1]) {
      b.add(unitCylinder(14), '#1f1f1f', {
        position: [x, wheelRadius, side * (d * 0.275 + wheelWidth / 2)],
        rotation: [Math.PI / 2, 0, 0],
        scale: [wheelRadius, wheelWidth, wheelRadius],
      });
    }
  }
  // Outriggers to jack pads, fore and aft and to the sides.
  const pad = Math.max(h * 0.03, Math.min(w, d) * 0.02);
  const arm = Math.min(h * 0.05, Math.min(w, d) * 0.04);
  for (const [x, z] of [
    [1, 0],
    [-1, 0],
    [0, 1],
    [0, -1],
  ] as const) {
    beam(
      b,
      ARMY_GREEN_DARK,
      [x * w * 0.25, deck + deckHeight / 2, z * d * 0.25],
      [x * w * 0.45, pad + arm / 2, z * d * 0.45],
      arm,
      arm,
    );
    disc(b, METAL_DARK, Math.min(w, d) * 0.035, pad, [x * w * 0.45, 0, z * d * 0.45], 10);
  }
  const top = deck + deckHeight;
  const base = Math.min(w, d) * 0.3;
  disc(b, ARMY_GREEN_DARK, base * 0.4, h * 0.1, [0, top, 0], 16);
  disc(b, ARMY_GREEN, base * 0.65, h * 0.03, [0, top + h * 0.1, 0], 16);
  const mount = top + h * 0.13;
  const pivot: Vec3 = [-w * 0.03, mount + h * 0.14, 0];
  const gap = Math.min(d * 0.1, base * 0.3);
  for (const side of [1, -1]) {
    blockOn(b, ARMY_GREEN, [base * 0.7, h * 0.2, base * 0.08], [pivot[0], mount, side * (gap + base * 0.14)]);
    // A seat for each gunner.
    const seat: Vec3 = [-base * 0.5, mount, side * base * 0.7];
    rod(b, METAL_DARK, seat, [seat[0], seat[1] + h * 0.07, seat[2]], base * 0.03, 6);
    blockOn(b, METAL_DARK, [base * 0.22, h * 0.025, base * 0.25], [seat[0], seat[1] + h * 0.07, seat[2]]);
  }
  const elevation = 0.6;
  const radius = Math.min(h * 0.03, d * 0.035);
  const length = Math.min(
    (h * 0.97 - pivot[1] - radius * 4) / Math.sin(elevation),
    (w * 0.48 - pivot[0]) / Math.cos(elevation),
  );
  for (const side of [1, -1]) {
    b.group({ position: [pivot[0], pivot[1], side * gap], rotation: [0, 0, elevation] }, (g) => {
      block(g, ARMY_GREEN, [length * 0.32, radius * 4, radius * 4], [length * 0.06, 0, 0]);
      block(g, '#6b6b4a', [length * 0.1, radius * 3, radius * 2], [length * 0.02, radius * 3.4, 0]);
      rod(g, '#26292b', [length * 0.2, 0, 0], [length * 0.9, 0, 0], radius, 10);
      rod(g, '#26292b', [length * 0.9, 0, 0], [length, 0, 0], radius * 1.7, 10);
    });
  }
  // The sight between the barrels.
  blockOn(b, ARMY_GREEN_DARK, [base * 0.2, h * 0.08, gap], [pivot[0] - base * 0.1, pivot[1] + radius * 2, 0]);
}

/**
 * A surface-to-air missile on its launcher trailer (as the S-75 of the air-defence war): a chassis on four
 * wheels, a turntable, an inclined launch rail and the long two-stage missile with its fins, in army green and grey.
 */
function missileLauncher(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const wheelRadius = Math.min(h * 0.13, w * 0.06, d * 0.2);
  const wheelWidth = Math.min(d * 0.1, wheelRadius);
  const chassisY = wheelRadius * 1.2;
  blockOn(b, ARMY_GREEN, [w * 0.62, h * 0.06, d * 0.6], [w * 0.05, chassisY, 0]);
  for (const x of [-w * 0.12, w * 0.26]) {
    for (const side of [1, -1]) {
      b.add(unitCylinder(14), '#1f1f1f', {
        position: [x, wheelRadius, side * (d * 0.3 + wheelWidth / 2)],
        rotation: [Math.PI / 2, 0, 0],
        scale: [wheelRadius, wheelWidth, wheelRadius],
      });
    }
  }
  beam(
    b,
    ARMY_GREEN_DARK,
    [-w * 0.26, chassisY + h * 0.03, 0],
    [-w * 0.46, chassisY * 0.5, 0],
    h * 0.04,
    d * 0.05,
  );
  for (const side of [1, -1]) {
    // Outriggers down to jack pads on the ground.
    const pad = Math.max(h * 0.03, d * 0.03);
    beam(
      b,
      ARMY_GREEN_DARK,
      [w * 0.3, chassisY, side * d * 0.25],
      [w * 0.44, pad, side * d * 0.44],
      h * 0.03,
      d * 0.04,
    );
    disc(b, METAL_DARK, d * 0.04, pad, [w * 0.44, 0, side * d * 0.44], 8);
  }
  const turntableTop = chassisY + h * 0.06 + h * 0.08;
  disc(b, ARMY_GREEN_DARK, Math.min(w, d) * 0.2, h * 0.08, [w * 0.05, chassisY + h * 0.06, 0], 16);

  const elevation = 0.3;
  const rear: Vec3 = [-w * 0.46, turntableTop + h * 0.05, 0];
  const missileRadius = Math.min(h * 0.05, d * 0.07);
  const fin = Math.min(h * 0.09, d * 0.22);
  const length = Math.min(
    (w * 0.94) / Math.cos(elevation),
    (h * 0.97 - rear[1] - fin - missileRadius) / Math.sin(elevation),
  );
  // The launch rail and its A-frame.
  const railTop = (t: number): Vec3 => [
    rear[0] + Math.cos(elevation) * length * t,
    rear[1] + Math.sin(elevation) * length * t - missileRadius * 1.6,
    0,
  ];
  beam(b, ARMY_GREEN, railTop(0.05), railTop(0.75), missileRadius * 0.8, missileRadius * 1.2);
  for (const side of [1, -1]) {
    const foot: Vec3 = [w * 0.05, turntableTop, side * d * 0.12];
    beam(b, ARMY_GREEN, foot, railTop(0.5), h * 0.04, d * 0.04);
    beam(b, ARMY_GREEN, [-w * 0.15, turntableTop, side * d * 0.12], railTop(0.3), h * 0.04, d * 0.04);
  }
  b.group({ position: rear, rotation: [0, 0, elevation] }, (g) => {
    const booster = length * 0.3;
    rod(g, '#9aa08f', [0, 0, 0], [booster, 0, 0], missileRadius * 1.25, 12);
    rod(g, '#d6d8d2', [booster, 0, 0], [length * 0.86, 0, 0], missileRadius, 12);
    g.add(new ConeGeometry(missileRadius, length * 0.14, 12), '#d6d8d2', {
      position: [length * 0.93, 0, 0],
      rotation: [0, 0, -Math.PI / 2],
    });
    for (let quarter = 0; quarter < 4; quarter += 1) {
      const angle = (quarter / 4) * Math.PI * 2 + Math.PI / 4;
      g.group({ rotation: [angle, 0, 0] }, (f) => {
        block(f, '#9aa08f', [booster * 0.3, fin, 0.01 + missileRadius * 0.05], [booster * 0.15, fin / 2, 0]);
        block(
          f,
          '#c9ccc4',
          [length * 0.08, fin * 0.45, 0.008 + missileRadius * 0.04],
          [length * 0.6, fin * 0.22, 0],
        );
        block(
          f,
          '#c9ccc4',
          [length * 0.03, fin * 0.25, 0.006 + missileRadius * 0.03],
          [length * 0.8, fin * 0.12, 0],
        );
      });
    }
    ball(
      g,
      RED,
      [missileRadius * 0.3, missileRadius * 0.3, 0.004],
      [length * 0.5, 0, missileRadius],
      undefined,
      [8, 4],
    );
  });
}

/** A steel mine cart on four wheels on a short length of track, heaped with coal. */
function mineCart(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const sleeper = h * 0.03;
  for (const x of slots(-w / 2, w / 2, 5)) blockOn(b, '#5a3d25', [w * 0.08, sleeper, d], [x, 0, 0]);
  const gauge = d * 0.6;
  const railHeight = h * 0.04;
  for (const side of [1, -1])
    blockOn(b, '#6e6e6e', [w, railHeight, Math.min(d * 0.04, 0.05)], [0, sleeper, (side * gauge) / 2]);
  const railTop = sleeper + railHeight;
  const wheelRadius = Math.min(h * 0.12, w * 0.09);
  const wheelWidth = Math.min(d * 0.08, 0.06);
  for (const x of [-w * 0.27, w * 0.27]) {
    for (const side of [1, -1]) {
      b.add(unitCylinder(14), '#2c2c2c', {
        position: [x, railTop + wheelRadius, (side * gauge) / 2],
        rotation: [Math.PI / 2, 0, 0],
        scale: [wheelRadius, wheelWidth, wheelRadius],
      });
    }
    rod(
      b,
      METAL_DARK,
      [x, railTop + wheelRadius, -gauge / 2],
      [x, railTop + wheelRadius, gauge / 2],
      wheelRadius * 0.2,
      8,
    );
  }
  // The tub: an open steel box with a rim and ribs.
  const tubBottom = railTop + wheelRadius * 1.6;
  const tubTop = h * 0.8;
  const tubW = w * 0.86;
  const tubD = d * 0.86;
  const wall = Math.min(w * 0.02, d * 0.03);
  const tub = '#4d5257';
  blockOn(b, tub, [tubW, wall, tubD], [0, tubBottom, 0]);
  for (const side of [1, -1]) {
    blockOn(b, tub, [tubW, tubTop - tubBottom, wall], [0, tubBottom, side * (tubD / 2 - wall / 2)]);
    blockOn(b, tub, [wall, tubTop - tubBottom, tubD], [side * (tubW / 2 - wall / 2), tubBottom, 0]);
    blockOn(
      b,
      '#7a4a2e',
      [tubW * 1.02, wall, wall * 1.6],
      [0, tubTop - wall, side * (tubD / 2 - wall * 0.3)],
    );
    for (const x of [-tubW * 0.3, 0, tubW * 0.3])
      blockOn(
        b,
        '#3f4347',
        [wall * 1.5, tubTop - tubBottom, wall * 0.6],
        [x, tubBottom, side * (tubD / 2 + wall * 0.3)],
      );
  }
  // Coal heaped above the rim.
  const next = seeded(17);
  const heap = h - tubTop;
  const lumpsX = 6;
  const lumpsZ = 3;
  for (let ix = 0; ix < lumpsX; ix += 1) {
    for (let iz = 0; iz < lumpsZ; iz += 1) {
      const u = (ix + 0.5) / lumpsX - 0.5;
      const v = (iz + 0.5) / lumpsZ - 0.5;
      const lump = Math.min(tubW / lumpsX, tubD / lumpsZ) * between(next, 0.8, 1.05);
      const mound = heap * 0.9 * (1 - (2 * u) ** 2 * 0.7 - (2 * v) ** 2 * 0.5);
      const x = u * (tubW - wall * 2 - lump);
      const z = v * (tubD - wall * 2 - lump);
      const tall = Math.min(lump * 0.8, h * 0.98 - (tubTop - lump * 0.4 + mound));
      rock(
        b,
        300 + ix * 7 + iz,
        ANTHRACITE,
        [lump, Math.max(tall, lump * 0.2), lump],
        [x, tubTop - lump * 0.4 + Math.max(0, mound - lump * 0.3), z],
        ANTHRACITE_SHEEN,
        0,
      );
    }
  }
}

/** A miner's cap lamp on a small stand: the battery box, the lamp head above it with its glass, and the cable. */
function mineLamp(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  blockOn(b, '#3a3a3c', [w * 0.9, h * 0.05, d * 0.9], [0, 0, 0]);
  const battery: Vec3 = [w * 0.5, h * 0.5, d * 0.55];
  blockOn(b, '#2d2f31', battery, [0, h * 0.05, 0]);
  blockOn(
    b,
    '#d9a21b',
    [battery[0] * 0.7, battery[1] * 0.3, 0.002],
    [0, h * 0.05 + battery[1] * 0.4, battery[2] / 2 + 0.001],
  );
  blockOn(b, '#1f2123', [battery[0] * 1.05, h * 0.04, battery[2] * 1.05], [0, h * 0.55, 0]);
  const headRadius = Math.min(w * 0.2, h * 0.14, d * 0.35);
  const headLength = d * 0.45;
  const headY = h - headRadius * 1.05;
  blockOn(b, '#1f2123', [w * 0.06, headY - h * 0.59, d * 0.1], [0, h * 0.59, 0]);
  b.add(new CylinderGeometry(headRadius, headRadius * 0.7, headLength, 14), '#c9a227', {
    position: [0, headY, 0],
    rotation: [Math.PI / 2, 0, 0],
  });
  b.add(new TorusGeometry(headRadius * 0.9, headRadius * 0.1, 4, 16), '#8a6e1a', {
    position: [0, headY, headLength / 2],
  });
  b.addGlass(new CylinderGeometry(headRadius * 0.88, headRadius * 0.88, headLength * 0.06, 14), {
    position: [0, headY, headLength / 2 + headLength * 0.03],
    rotation: [Math.PI / 2, 0, 0],
  });
  // The cable from the back of the lamp head down into the battery.
  b.add(new TorusGeometry(1, 0.1, 5, 12, Math.PI), '#1a1a1a', {
    position: [w * 0.12, (headY + h * 0.45) / 2, -headLength * 0.3],
    rotation: [0, 0, -Math.PI / 2],
    scale: [(headY - h * 0.45) / 2, w * 0.3, Math.min(w, d) * 0.15],
  });
}

/** A miner's hard hat with its peak, a ridge, and the cap lamp on the front. */
function helmet(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const brim = h * 0.05;
  const shell = '#d9a21b';
  b.add(new CylinderGeometry(1, 1, 1, 20), shell, {
    position: [0, brim / 2, d * 0.03],
    scale: [w * 0.48, brim, d * 0.47],
  });
  const dome: Vec3 = [w * 0.42, h * 0.88, d * 0.4];
  b.add(new SphereGeometry(1, 16, 8, 0, Math.PI * 2, 0, Math.PI / 2), shell, {
    position: [0, brim, 0],
    scale: dome,
  });
  b.add(new TorusGeometry(1, 0.05, 4, 16, Math.PI), '#c48f12', {
    position: [0, brim, 0],
    rotation: [0, Math.PI / 2, 0],
    scale: [dome[2] * 0.99, dome[1] * 1.0, w * 0.4],
  });
  // The lamp: a bracket on the front of the dome, the lamp body, its glass.
  const lampY = brim + dome[1] * 0.45;
  const front = dome[2] * Math.sqrt(1 - 0.45 ** 2);
  const lampRadius = Math.min(w, h) * 0.14;
  const lampLength = d * 0.12;
  block(b, '#2a2a2a', [lampRadius * 1.6, lampRadius * 2.2, d * 0.03], [0, lampY, front - d * 0.005]);
  b.add(unitCylinder(12), '#3b3b3b', {
    position: [0, lampY, front + lampLength / 2],
    rotation: [Math.PI / 2, 0, 0],
    scale: [lampRadius, lampLength, lampRadius],
  });
  b.addGlass(unitCylinder(12), {
    position: [0, lampY, front + lampLength + d * 0.005],
    rotation: [Math.PI / 2, 0, 0],
    scale: [lampRadius * 0.85, d * 0.01, lampRadius * 0.85],
  });
}

/**
 * A karst landscape in miniature, as Hạ Long Bay: steep limestone towers, grey-green with rounded wooded tops,
 * rising from blue water, some in clusters, with a few junks between them.
 */
function karstLandscape(b: ModelBuilder, inside: Interior, seed: number): void {
  const next = seeded(seed);
  const width = inside.right - inside.left;
  const depth = inside.front - inside.back;
  const room = inside.ceiling - inside.floor;
  const water = room * 0.04;
  const surface = inside.floor + water;
  blockOn(b, SEA, [width, water, depth], [0, inside.floor, (inside.back + inside.front) / 2]);
  const rockColours = ['#7d8a78', '#6f7f6a', '#8a9184', '#687a5c'];
  const towers = 16;
  for (let tower = 0; tower < towers; tower += 1) {
    const radius = Math.min(width, depth) * between(next, 0.035, 0.075);
    const radiusZ = radius * between(next, 0.7, 1);
    const tall = room * between(next, 0.25, 0.7);
    const x = between(next, inside.left + radius, inside.right - radius);
    const z = between(next, inside.back + radius, inside.front - radius);
    b.add(new CylinderGeometry(0.62, 1, 1, 7), cycle(rockColours, tower), {
      position: [x, surface + tall / 2 - water * 0.5, z],
      scale: [radius, tall, radiusZ],
    });
    // The wooded crown.
    ball(
      b,
      cycle([LEAF, '#5d7f46'], tower),
      [radius * 0.66, Math.min(radius * 0.5, tall * 0.15), radiusZ * 0.66],
      [x, surface + tall - water * 0.5, z],
      undefined,
      [7, 4],
    );
    // A smaller tower leaning on some.
    if (tower % 3 === 0) {
      const side = next() > 0.5 ? 1 : -1;
      const small = radius * 0.6;
      const sx = clamp(x + side * radius * 1.1, inside.left + small, inside.right - small);
      b.add(new CylinderGeometry(0.6, 1, 1, 6), cycle(rockColours, tower + 1), {
        position: [sx, surface + tall * 0.3 - water * 0.5, z],
        scale: [small, tall * 0.6, small],
      });
      ball(
        b,
        LEAF,
        [small * 0.62, small * 0.45, small * 0.62],
        [sx, surface + tall * 0.6 - water * 0.5, z],
        undefined,
        [7, 4],
      );
    }
  }
  for (let boat = 0; boat < 4; boat += 1) {
    const size = Math.min(width, depth) * 0.05;
    const x = between(next, inside.left + size, inside.right - size);
    const z = between(next, inside.back + size, inside.front - size);
    blockOn(b, '#6a4a2a', [size, size * 0.2, size * 0.35], [x, surface, z]);
    blockOn(b, '#b5472b', [size * 0.5, size * 0.7, size * 0.02], [x, surface + size * 0.2, z]);
  }
}

/**
 * A mine tunnel reconstructed at full size (a diorama far deeper than wide): timber sets of two posts and a cap
 * along the tunnel, coal in the walls, rails on the floor and a lamp on every other set.
 */
function mineTunnel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  blockOn(b, '#2b2622', [w, h * 0.03, d], [0, 0, 0]);
  const floor = h * 0.03;
  const sets = clamp(Math.round(d / 1.2), 2, 24);
  for (const side of [1, -1]) {
    blockOn(b, '#5a3d25', [w * 0.04, h * 0.015, d * 0.98], [side * w * 0.15, floor, 0]);
    // The coal face behind the timbers: lumps of coal stacked in three courses along the tunnel.
    const pieces = sets * 2;
    const length = d / pieces;
    const course = (h * 0.9) / 3;
    for (const [index, z] of slots(-d / 2, d / 2, pieces).entries()) {
      for (let row = 0; row < 3; row += 1) {
        const seed = 600 + index * 6 + row * 2 + side;
        const thick = w * (0.08 + 0.05 * seeded(seed)());
        rock(
          b,
          seed,
          ANTHRACITE,
          [thick, course * 1.15, length * 1.2],
          [
            side * (w / 2 - thick / 2),
            floor + row * course * 0.95,
            clamp(z, -d / 2 + length * 0.6, d / 2 - length * 0.6),
          ],
          ANTHRACITE_SHEEN,
          0,
        );
      }
    }
  }
  const timber = Math.min(w * 0.06, h * 0.06, (d / sets) * 0.4);
  for (const [index, z] of slots(-d / 2, d / 2, sets).entries()) {
    for (const side of [1, -1]) {
      beam(b, '#6b4a2b', [side * w * 0.36, floor, z], [side * w * 0.32, h * 0.9, z], timber, timber);
    }
    block(b, '#6b4a2b', [w * 0.8, timber, timber], [0, h * 0.9 + timber / 2, z]);
    blockOn(b, '#5a4028', [w * 0.8, h * 0.03, (d / sets) * 0.9], [0, h * 0.9 + timber, z]);
    if (index % 2 === 0) ball(b, '#ffd27a', timber * 0.6, [0, h * 0.9 - timber, z], undefined, [8, 6]);
  }
}

/** A diorama: a landscape on a table under a glass case; a very deep one is a walk-through mine tunnel. */
function diorama(b: ModelBuilder, size: ModelSize): void {
  if (size.depth > size.width * 2.5) {
    mineTunnel(b, size);
    return;
  }
  const inside = displayCase(b, size, { base: 0.38, bed: '#3e4a3a', glassTop: true });
  karstLandscape(b, inside, Math.round(size.width * 100 + size.depth * 10));
}

/**
 * A map table: a wooden table whose top is a relief map of Quảng Ninh — green land to the north and west, blue
 * sea to the south and east with its islands, coloured districts and red markers at the sites.
 */
function mapTable(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const next = seeded(1963);
  const top = h * 0.86;
  const leg = Math.min(w, d) * 0.05;
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1])
      blockOn(b, WOOD_DARK, [leg, top, leg], [sx * (w / 2 - leg), 0, sz * (d / 2 - leg)]);
  }
  blockOn(b, WOOD_DARK, [w, h * 0.06, d], [0, top - h * 0.06, 0]);
  const frame = Math.min(w, d) * 0.03;
  for (const sz of [-1, 1]) blockOn(b, WOOD, [w, h * 0.05, frame], [0, top, sz * (d / 2 - frame / 2)]);
  for (const sx of [-1, 1])
    blockOn(b, WOOD, [frame, h * 0.05, d - 2 * frame], [sx * (w / 2 - frame / 2), top, 0]);
  const mapW = w - 2 * frame;
  const mapD = d - 2 * frame;
  blockOn(b, SEA, [mapW, h * 0.015, mapD], [0, top, 0]);
  const landTop = top + h * 0.015;
  // The coast runs from the west (x −) toward the north-east; land lies on the far side (z −), as north is.
  const coast = (x: number) => mapD * (0.28 - 0.45 * ((x + mapW / 2) / mapW)) + mapD * 0.05 * Math.sin(x * 9);
  const steps = 16;
  const outline: [number, number][] = [[-mapW / 2, -mapD / 2]];
  for (let step = 0; step <= steps; step += 1) {
    const x = -mapW / 2 + (step / steps) * mapW;
    outline.push([x, clamp(coast(x) + (next() - 0.5) * mapD * 0.04, -mapD / 2, mapD / 2)]);
  }
  outline.push([mapW / 2, -mapD / 2]);
  const relief = h * 0.02;
  b.add(
    slab(
      outline.map(([x, z]) => [x, -z] as const),
      relief,
    ),
    '#7da35a',
    {
      position: [0, landTop, 0],
      rotation: [-Math.PI / 2, 0, 0],
    },
  );
  // Districts: coloured patches on the land; mountains to the north.
  const patches = ['#c9b458', '#9ac17a', '#d99a6c', '#b7a0c9', '#e3c98e'];
  for (let patch = 0; patch < 8; patch += 1) {
    const x = between(next, -mapW * 0.42, mapW * 0.42);
    const limit = coast(x) - mapD * 0.06;
    const z = between(next, -mapD * 0.42, Math.max(-mapD * 0.42, limit));
    const radius = Math.min(mapW, mapD) * between(next, 0.04, 0.08);
    disc(b, cycle(patches, patch), radius, relief * 0.3, [x, landTop + relief, z], 7, radius * 0.7);
  }
  for (let hill = 0; hill < 6; hill += 1) {
    const x = between(next, -mapW * 0.4, mapW * 0.4);
    const z = between(next, -mapD * 0.45, -mapD * 0.3);
    const radius = Math.min(mapW, mapD) * 0.04;
    b.add(new ConeGeometry(1, 1, 6), '#5e7f45', {
      position: [x, landTop + relief * 2, z],
      scale: [radius, relief * 2, radius],
    });
  }
  // Islands in the bay.
  for (let island = 0; island < 22; island += 1) {
    const x = between(next, -mapW * 0.2, mapW * 0.46);
    const z = between(next, Math.min(mapD * 0.44, coast(x) + mapD * 0.05), mapD * 0.46);
    const radius = Math.min(mapW, mapD) * between(next, 0.008, 0.025);
    disc(
      b,
      '#6f9a4e',
      radius,
      relief * between(next, 0.6, 1.4),
      [x, top + h * 0.015, z],
      6,
      radius * between(next, 0.5, 1),
    );
  }
  // Markers at the sites.
  for (let marker = 0; marker < 5; marker += 1) {
    const x = between(next, -mapW * 0.4, mapW * 0.3);
    const z = Math.min(coast(x) - mapD * 0.04, between(next, -mapD * 0.35, mapD * 0.1));
    const pin = Math.min(h * 0.08, mapD * 0.05);
    rod(b, '#333333', [x, landTop + relief, z], [x, landTop + relief + pin, z], pin * 0.04, 6);
    ball(b, RED, pin * 0.14, [x, landTop + relief + pin, z], undefined, [8, 6]);
  }
}

/** A standing exhibition panel: a header band and framed photographs (coloured scenes) with their captions. */
function photoPanel(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const post = Math.min(w * 0.03, 0.08);
  for (const side of [1, -1]) {
    blockOn(b, METAL_DARK, [post * 1.5, h * 0.03, d], [side * (w / 2 - post * 0.75), 0, 0]);
    blockOn(b, METAL_DARK, [post, h * 0.97, post], [side * (w / 2 - post * 0.75), h * 0.03, 0]);
  }
  const board = Math.min(0.04, d * 0.3);
  const panelW = w - post * 3;
  const bottom = h * 0.12;
  const top = h * 0.97;
  blockOn(b, '#e9e4da', [panelW, top - bottom, board], [0, bottom, 0]);
  blockOn(b, '#9b2226', [panelW, (top - bottom) * 0.12, board * 1.2], [0, top - (top - bottom) * 0.12, 0]);
  blockOn(
    b,
    '#f1d37a',
    [panelW * 0.4, (top - bottom) * 0.03, board * 1.3],
    [0, top - (top - bottom) * 0.075, 0],
  );
  const face = board / 2;
  const columns = clamp(Math.round(panelW / 0.9), 2, 6);
  const rows = 2;
  const cellW = panelW / columns;
  const cellH = ((top - bottom) * 0.85) / rows;
  const scenes: [string, string, string][] = [
    ['#b9a588', '#6f6350', '#3a342b'],
    ['#c9c9c4', '#7d7d78', '#2f2f2d'],
    ['#9fb6c4', '#6f8a5a', '#3b3025'],
    ['#d6c6a8', '#8d7a5a', '#4a3b2a'],
  ];
  let index = 0;
  for (let row = 0; row < rows; row += 1) {
    const centreY = bottom + cellH * (row + 0.55);
    for (const x of slots(-panelW / 2, panelW / 2, columns)) {
      const [sky, ground, figure] = cycle(scenes, index);
      const frameW = cellW * 0.82;
      const frameH = cellH * 0.7;
      block(b, '#2a2622', [frameW, frameH, 0.012], [x, centreY, face + 0.006]);
      const pictureW = frameW * 0.88;
      const pictureH = frameH * 0.84;
      block(b, sky, [pictureW, pictureH * 0.55, 0.004], [x, centreY + pictureH * 0.225, face + 0.014]);
      block(b, ground, [pictureW, pictureH * 0.45, 0.004], [x, centreY - pictureH * 0.275, face + 0.014]);
      for (const dx of [-0.25, -0.05, 0.2]) {
        block(
          b,
          figure,
          [pictureW * 0.08, pictureH * 0.4, 0.004],
          [x + dx * pictureW, centreY - pictureH * 0.12, face + 0.017],
        );
      }
      block(
        b,
        '#ffffff',
        [frameW * 0.7, cellH * 0.06, 0.004],
        [x, centreY - frameH / 2 - cellH * 0.08, face + 0.002],
      );
      index += 1;
    }
  }
}

/**
 * A full-size wooden fishing boat of the bay, on trestles: a blue hull tarred below, a white rail, a light deck,
 * a small wheelhouse aft with windows, and a short mast forward.
 */
function fishingBoat(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const trestle = h * 0.12;
  for (const x of [-w * 0.25, w * 0.2]) {
    blockOn(b, WOOD_DARK, [w * 0.05, trestle + h * 0.03, d * 0.5], [x, 0, 0]);
  }
  const form: HullForm = {
    length: w * 0.96,
    beam: d * 0.92,
    height: h * 0.46,
    transom: 0.6,
    gunwale: (s) => Math.min(1, 0.78 + 0.1 * (1 - s) ** 3 + 0.22 * s ** 3),
    keel: (s) => 0.12 * (1 - s) ** 4 + 0.55 * s ** 6,
  };
  b.group({ position: [0, trestle, 0] }, (hull) => {
    hull.add(hullBand(form, 0, 0.45, 3), '#3a2c22');
    hull.add(hullBand(form, 0.45, 0.9, 3), '#2f6690');
    hull.add(hullBand(form, 0.9, 1, 1), '#e8e2d0');
    hull.add(hullEnds(form), '#2f6690');
    hull.add(hullDeck(form), '#b08a5a');
  });
  // The wheelhouse aft, with glass windows on three sides.
  const cabinX = -form.length * 0.22;
  const cabinLength = form.length * 0.22;
  const cabinWidth = form.beam * 0.62;
  const deck = trestle + deckHeight(form, cabinX) - h * 0.01;
  const cabinHeight = Math.min(h * 0.3, h * 0.96 - deck - h * 0.05);
  blockOn(b, '#e8e4d8', [cabinLength, cabinHeight, cabinWidth], [cabinX, deck, 0]);
  blockOn(b, '#2f6690', [cabinLength * 1.15, h * 0.03, cabinWidth * 1.1], [cabinX, deck + cabinHeight, 0]);
  const windowY = deck + cabinHeight * 0.62;
  for (const side of [1, -1]) {
    for (const x of slots(cabinX - cabinLength * 0.4, cabinX + cabinLength * 0.4, 2)) {
      b.addGlass(unitBox, {
        position: [x, windowY, side * (cabinWidth / 2 + 0.005)],
        scale: [cabinLength * 0.3, cabinHeight * 0.3, 0.01],
      });
    }
  }
  b.addGlass(unitBox, {
    position: [cabinX + cabinLength / 2 + 0.005, windowY, 0],
    scale: [0.01, cabinHeight * 0.3, cabinWidth * 0.7],
  });
  block(
    b,
    '#6b4a2b',
    [0.01, cabinHeight * 0.7, cabinWidth * 0.3],
    [cabinX - cabinLength / 2 - 0.005, deck + cabinHeight * 0.35, 0],
  );
  // A short mast forward with a furled sail on its boom.
  const mastX = form.length * 0.18;
  const mastDeck = trestle + deckHeight(form, mastX);
  const mastRadius = Math.min(w * 0.008, d * 0.03);
  rod(b, '#6b4a2b', [mastX, mastDeck - h * 0.02, 0], [mastX, h * 0.98, 0], mastRadius, 8);
  rod(
    b,
    '#6b4a2b',
    [mastX, mastDeck + h * 0.12, 0],
    [mastX + w * 0.2, mastDeck + h * 0.1, 0],
    mastRadius * 0.8,
    8,
  );
  rod(
    b,
    '#a8452a',
    [mastX + w * 0.01, mastDeck + h * 0.12 + mastRadius * 2, 0],
    [mastX + w * 0.19, mastDeck + h * 0.1 + mastRadius * 2, 0],
    mastRadius * 2,
    8,
  );
}

/** A barrel drum (trống cái), red lacquered with hide heads facing the visitor, on a wooden stand. */
function barrelDrum(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  const radius = Math.min(w * 0.42, h * 0.36);
  const length = d * 0.8;
  const centreY = h - radius * 1.08;
  // The stand: four legs and two cradle rails.
  const leg = Math.min(w, d) * 0.05;
  for (const sx of [-1, 1]) {
    for (const sz of [-1, 1])
      blockOn(b, WOOD_DARK, [leg, centreY - radius * 0.5, leg], [sx * radius * 0.7, 0, sz * (d / 2 - leg)]);
    block(b, WOOD_DARK, [leg, leg, d], [sx * radius * 0.7, centreY - radius * 0.6, 0]);
  }
  b.group({ position: [0, centreY, 0], rotation: [Math.PI / 2, 0, 0] }, (g) => {
    turned(
      g,
      [
        [0.86, -0.5],
        [0.95, -0.35],
        [1, 0],
        [0.95, 0.35],
        [0.86, 0.5],
      ],
      ['#8b1e1e'],
      { scale: [radius, length, radius] },
      16,
    );
    for (const end of [-1, 1]) {
      disc(g, '#d9c49a', radius * 0.86, length * 0.01, [0, end * length * 0.5 - length * 0.005, 0], 16);
      g.group({ position: [0, end * length * 0.44, 0] }, (r) =>
        ring(r, '#c9a227', radius * 0.885, 0, radius * 0.025),
      );
    }
    g.group({}, (r) => ring(r, '#c9a227', radius * 0.99, 0, radius * 0.02));
  });
}

/**
 * A đàn tính, the Tày long-necked lute, upright on a stand: a gourd body with a flat soundboard facing the
 * visitor, a long slender neck, a carved head with two pegs, and two strings.
 */
function lute(b: ModelBuilder, { width: w, height: h, depth: d }: ModelSize): void {
  blockOn(b, WOOD_DARK, [w * 0.9, h * 0.03, d * 0.9], [0, 0, 0]);
  const gourd = Math.min(w * 0.45, h * 0.14);
  const bodyY = h * 0.05 + gourd;
  const back = Math.min(d * 0.32, gourd);
  b.add(new SphereGeometry(1, 14, 6, 0, Math.PI * 2, 0, Math.PI / 2), '#a8743a', {
    position: [0, bodyY, 0],
    rotation: [-Math.PI / 2, 0, 0],
    scale: [gourd, back, gourd],
  });
  b.add(unitCylinder(16), '#d9b47a', {
    position: [0, bodyY, d * 0.01],
    rotation: [Math.PI / 2, 0, 0],
    scale: [gourd * 0.98, d * 0.02, gourd * 0.98],
  });
  // A stand behind the body holding it upright.
  blockOn(b, WOOD_DARK, [w * 0.1, bodyY - h * 0.03, d * 0.1], [0, h * 0.03, -back - d * 0.05]);
  const neckWidth = Math.min(w * 0.12, 0.035);
  const headTop = h * 0.96;
  blockOn(b, '#5b3a1e', [neckWidth, headTop - h * 0.12 - bodyY, d * 0.06], [0, bodyY, d * 0.035]);
  // The head, curving back, with pegs through it.
  beam(b, '#5b3a1e', [0, headTop - h * 0.12, d * 0.035], [0, headTop, -d * 0.02], neckWidth * 1.2, d * 0.06);
  for (const [y, side] of [
    [headTop - h * 0.08, 1],
    [headTop - h * 0.04, -1],
  ] as const) {
    rod(b, '#3a2612', [-side * w * 0.04, y, 0], [side * w * 0.12, y, 0], neckWidth * 0.15, 6);
  }
  for (const dx of [-neckWidth * 0.2, neckWidth * 0.2]) {
    block(
      b,
      '#e8e2d0',
      [0.0015, headTop - h * 0.12 - bodyY + gourd * 0.5, 0.0015],
      [dx, (bodyY - gourd * 0.5 + headTop - h * 0.12) / 2, d * 0.07],
    );
  }
  block(b, '#3a2612', [gourd * 0.5, h * 0.012, d * 0.01], [0, bodyY - gourd * 0.5, d * 0.025]);
}

// ---------------------------------------------------------------------------------------------------------------

/**
 * Builds the model of one exhibit into `builder`: standing on y = 0, centred on x and z, facing +z, inside the
 * box `size` (metres). The whale skeleton, which the runtime hangs from the ceiling, is centred in its box.
 */
/**
 * Builds an exhibit's model into `builder`. `variant` tells apart objects of one kind and size (the costumes of
 * different peoples); the same inputs always build the same model.
 */
export function buildExhibitModel(
  kind: ModelKind,
  size: ModelSize,
  builder: ModelBuilder,
  variant = 0,
): void {
  if (!(size.width > 0 && size.height > 0 && size.depth > 0)) {
    throw new RangeError(`an exhibit model needs a positive size, not ${JSON.stringify(size)}`);
  }
  switch (kind) {
    case 'whale-skeleton':
      whaleSkeleton(builder, size);
      break;
    case 'boat-model':
      sailingBoatModel(builder, size);
      break;
    case 'stake-field':
      stakeField(builder, size);
      break;
    case 'jar':
    case 'vase':
    case 'bowl':
      ceramics(builder, kind, size);
      break;
    case 'box':
      lotusBox(builder, size);
      break;
    case 'stone-block':
      anthraciteBlock(builder, size);
      break;
    case 'rock-specimen':
      rockSpecimen(builder, size);
      break;
    case 'mineral-case':
      mineralCase(builder, size);
      break;
    case 'coral':
      coralReef(builder, size);
      break;
    case 'shell-case':
      shellCase(builder, size);
      break;
    case 'fish-case':
      fishCase(builder, size);
      break;
    case 'plant-case':
      plantCase(builder, size);
      break;
    case 'animal-model':
      animalModel(builder, size);
      break;
    case 'stone-tool':
      stoneToolCase(builder, size);
      break;
    case 'bronze-drum':
      bronzeDrum(builder, size);
      break;
    case 'pagoda-model':
      pagodaModel(builder, size);
      break;
    case 'statue':
      statue(builder, size);
      break;
    case 'stele':
      stele(builder, size);
      break;
    case 'costume':
      costume(builder, size, variant);
      break;
    case 'textile':
      textile(builder, size);
      break;
    case 'tool':
      rack(builder, size, 'tools');
      break;
    case 'weapon':
      rack(builder, size, 'weapons');
      break;
    case 'cannon':
      cannon(builder, size);
      break;
    case 'anti-aircraft-gun':
      antiAircraftGun(builder, size);
      break;
    case 'missile-launcher':
      missileLauncher(builder, size);
      break;
    case 'mine-cart':
      mineCart(builder, size);
      break;
    case 'mine-lamp':
      mineLamp(builder, size);
      break;
    case 'helmet':
      helmet(builder, size);
      break;
    case 'diorama':
      diorama(builder, size);
      break;
    case 'map-table':
      mapTable(builder, size);
      break;
    case 'photo-panel':
      photoPanel(builder, size);
      break;
    case 'boat':
      fishingBoat(builder, size);
      break;
    case 'drum':
      barrelDrum(builder, size);
      break;
    case 'instrument':
      lute(builder, size);
      break;
    default: {
      const unknown: never = kind;
      throw new Error(`no model for the exhibit kind ${String(unknown)}`);
    }
  }
}
