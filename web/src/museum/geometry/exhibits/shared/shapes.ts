// The primitive parts exhibits are made of, each placed in one call: boxes, discs, balls, rods, beams, spindles,
// rings, bent bars, turned (lathe) bodies and flat slabs. Unit shapes are shared and placed by scaling; the builder copies
// them, so they are never changed.

import {
  BoxGeometry,
  CatmullRomCurve3,
  CylinderGeometry,
  Euler,
  ExtrudeGeometry,
  LatheGeometry,
  Quaternion,
  Shape,
  SphereGeometry,
  TorusGeometry,
  TubeGeometry,
  Vector2,
  Vector3,
} from 'three';
import type { PaintLike } from '../../finishes';
import type { ModelBuilder, Placement } from '../../parts';

export type Vec3 = [number, number, number];

/** A turned profile: [radius, height] pairs from the foot up. */
export type Profile = readonly (readonly [number, number])[];

export const unitBox = new BoxGeometry(1, 1, 1);
const unitCylinders = new Map<number, CylinderGeometry>();
const unitSpheres = new Map<string, SphereGeometry>();
const UP = new Vector3(0, 1, 0);

/** A cylinder of radius 1 and height 1 standing on its centre. */
export function unitCylinder(segments: number): CylinderGeometry {
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

/** A box by its centre. */
export function block(b: ModelBuilder, colour: PaintLike, size: Vec3, centre: Vec3, rotation?: Vec3): void {
  b.add(unitBox, colour, { position: centre, scale: size, rotation });
}

/** A box standing on `base` (the middle of its bottom face). */
export function blockOn(b: ModelBuilder, colour: PaintLike, size: Vec3, base: Vec3): void {
  block(b, colour, size, [base[0], base[1] + size[1] / 2, base[2]]);
}

/** An upright cylinder (or ellipse in plan) standing on `base`. */
export function disc(
  b: ModelBuilder,
  colour: PaintLike,
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
export function ball(
  b: ModelBuilder,
  colour: PaintLike,
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
export function rod(
  b: ModelBuilder,
  colour: PaintLike,
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
export function beam(
  b: ModelBuilder,
  colour: PaintLike,
  from: Vec3,
  to: Vec3,
  width: number,
  thickness: number,
): void {
  const { position, rotation, length } = orient(from, to);
  b.add(unitBox, colour, { position, rotation, scale: [width, length, thickness] });
}

/** An ellipsoid stretched from one point to another: a flipper, a leaf, a bone. */
export function spindle(
  b: ModelBuilder,
  colour: PaintLike,
  from: Vec3,
  to: Vec3,
  width: number,
  thickness: number,
  segments: [number, number] = [10, 6],
): void {
  const { position, rotation, length } = orient(from, to);
  b.add(unitSphere(...segments), colour, { position, rotation, scale: [width, length / 2, thickness] });
}

/** A round bar bent smoothly through points: a rib, a jaw bone, a rope. */
export function bent(
  b: ModelBuilder,
  colour: PaintLike,
  points: readonly Vec3[],
  radius: number,
  lengthSegments = 12,
  segments = 6,
): void {
  const curve = new CatmullRomCurve3(points.map((point) => new Vector3(...point)));
  b.add(new TubeGeometry(curve, lengthSegments, radius, segments, false), colour);
}

/** A flat ring lying level (a trim, a band), elliptical in plan if radiusZ differs. */
export function ring(
  b: ModelBuilder,
  colour: PaintLike,
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
export function turned(
  b: ModelBuilder,
  profile: Profile,
  colours: readonly PaintLike[],
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
export function slab(points: readonly (readonly [number, number])[], thickness: number): ExtrudeGeometry {
  const shape = new Shape(points.map(([x, y]) => new Vector2(x, y)));
  return new ExtrudeGeometry(shape, { depth: thickness, bevelEnabled: false });
}
