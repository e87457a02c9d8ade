// Rough stones with flat facets, seeded: the anthracite block, rock specimens, a reef's base, coal in a cart.

import { BufferGeometry, Float32BufferAttribute, IcosahedronGeometry, Vector3 } from 'three';
import { ConvexGeometry } from 'three/examples/jsm/geometries/ConvexGeometry.js';
import type { PaintLike } from '../../finishes';
import type { ModelBuilder, Placement } from '../../parts';
import { seededUniform } from './numbers';
import type { Vec3 } from './shapes';

/**
 * A rough stone: an icosahedron with its corners pushed in and out, filling the box −0.5…0.5 on every axis, with
 * flat facets. Place it with a scale (its size) and no rotation, so that it stays inside that box.
 */
function rockGeometry(seed: number, detail = 1, roughness = 0.22): BufferGeometry {
  const base = new IcosahedronGeometry(1, detail);
  const source = base.getAttribute('position');
  const next = seededUniform(seed);
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
  return fittedToUnitBox(geometry);
}

/**
 * A broken block, as coal comes from the seam: a cube with every corner sunk and split off at its own depth (a
 * facet across it) and its faces bulging a little off flat (a few large facets each), so it has large flat fracture
 * faces of every size and angle instead of a pebble's even facets. Fills the box −0.5…0.5 on every axis.
 */
function brokenBlockGeometry(seed: number): BufferGeometry {
  const next = seededUniform(seed);
  const points: Vector3[] = [];
  for (const sx of [-1, 1]) {
    for (const sy of [-1, 1]) {
      for (const sz of [-1, 1]) {
        // Each corner sunk by its own amount, so no face stays flat, then split off.
        const [x, y, z] = [sx, sy, sz].map((sign) => sign * (1 - 0.3 * next())) as Vec3;
        const [cutX, cutY, cutZ] = [0, 1, 2].map(() => 0.15 + 0.6 * next()) as Vec3;
        points.push(
          new Vector3(x * (1 - cutX), y, z),
          new Vector3(x, y * (1 - cutY), z),
          new Vector3(x, y, z * (1 - cutZ)),
        );
      }
    }
  }
  for (const axis of [0, 1, 2]) {
    for (const side of [-1, 1]) {
      const bulge = new Vector3((next() - 0.5) * 1.2, (next() - 0.5) * 1.2, (next() - 0.5) * 1.2);
      bulge.setComponent(axis, side * (1 + 0.05 + 0.12 * next()));
      points.push(bulge);
    }
  }
  return fittedToUnitBox(new ConvexGeometry(points));
}

/** Centres a geometry and scales it to fill the box −0.5…0.5, with flat facets. */
function fittedToUnitBox(geometry: BufferGeometry): BufferGeometry {
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
export function rock(
  b: ModelBuilder,
  seed: number,
  colour: PaintLike,
  size: Vec3,
  base: Vec3,
  sheen?: PaintLike,
  detail = 1,
): void {
  placeStone(b, rockGeometry(seed, detail), colour, size, base, sheen);
}

/** A broken block of the given size standing on `base`, its upper fracture faces catching a sheen. */
export function brokenBlock(
  b: ModelBuilder,
  seed: number,
  colour: PaintLike,
  size: Vec3,
  base: Vec3,
  sheen: PaintLike,
): void {
  placeStone(b, brokenBlockGeometry(seed), colour, size, base, sheen);
}

function placeStone(
  b: ModelBuilder,
  geometry: BufferGeometry,
  colour: PaintLike,
  size: Vec3,
  base: Vec3,
  sheen?: PaintLike,
): void {
  const placement: Placement = { position: [base[0], base[1] + size[1] / 2, base[2]], scale: size };
  if (!sheen) {
    b.add(geometry, colour, placement);
    return;
  }
  const [lit, shade] = splitByFacing(geometry, 0.55);
  if (lit.getAttribute('position').count > 0) b.add(lit, sheen, placement);
  if (shade.getAttribute('position').count > 0) b.add(shade, colour, placement);
}
