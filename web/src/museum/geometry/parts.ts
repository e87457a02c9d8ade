// Models made by code: simple three.js shapes, each with its colour baked into the vertices, merged into one
// geometry per look (opaque, glass). A whole exhibit then costs one or two draw calls, and so does a floor's
// architecture. The same code runs in the browser (exhibits) and in Node (the floors' glTF files).
import {
  type BufferGeometry,
  Color,
  Euler,
  Float32BufferAttribute,
  Matrix4,
  Quaternion,
  Vector3,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';

export interface Placement {
  position?: [number, number, number];
  /** Euler angles in radians, applied X then Y then Z. */
  rotation?: [number, number, number];
  scale?: [number, number, number] | number;
}

export interface BuiltModel {
  /** Everything solid, coloured per vertex. */
  opaque: BufferGeometry | null;
  /** Display-case glass and windows, drawn see-through. */
  glass: BufferGeometry | null;
}

function matrixOf({ position = [0, 0, 0], rotation = [0, 0, 0], scale = 1 }: Placement): Matrix4 {
  const scales = typeof scale === 'number' ? [scale, scale, scale] : scale;
  return new Matrix4().compose(
    new Vector3(...position),
    new Quaternion().setFromEuler(new Euler(...rotation)),
    new Vector3(...scales),
  );
}

/** Only position, normal and colour survive, with an index, so that every part merges with every other. */
function normalised(geometry: BufferGeometry, color: Color | null): BufferGeometry {
  const copy = geometry.clone();
  for (const name of Object.keys(copy.attributes)) {
    if (name !== 'position' && name !== 'normal') copy.deleteAttribute(name);
  }
  if (!copy.attributes.normal) copy.computeVertexNormals();
  if (!copy.index) {
    const count = copy.attributes.position?.count ?? 0;
    copy.setIndex(Array.from({ length: count }, (_, index) => index));
  }
  const count = copy.attributes.position?.count ?? 0;
  const colors = new Float32Array(count * 3);
  const paint = color ?? new Color('#ffffff');
  for (let index = 0; index < count; index += 1) {
    colors[index * 3] = paint.r;
    colors[index * 3 + 1] = paint.g;
    colors[index * 3 + 2] = paint.b;
  }
  copy.setAttribute('color', new Float32BufferAttribute(colors, 3));
  return copy;
}

/**
 * Collects coloured parts of a model under a stack of transforms, then merges them.
 * `group(placement, build)` places a sub-assembly (a boat's mast, a costume's sleeve) as one.
 */
export class ModelBuilder {
  private readonly opaque: BufferGeometry[] = [];
  private readonly glass: BufferGeometry[] = [];
  private readonly stack: Matrix4[] = [new Matrix4()];

  private get current(): Matrix4 {
    return this.stack[this.stack.length - 1] as Matrix4;
  }

  /** Adds a solid part of the given colour (CSS colour, sRGB). The geometry is copied, not kept. */
  add(geometry: BufferGeometry, color: string, placement: Placement = {}): this {
    const part = normalised(geometry, new Color(color));
    part.applyMatrix4(this.current.clone().multiply(matrixOf(placement)));
    this.opaque.push(part);
    return this;
  }

  /** Adds see-through glass (a display case, a window): drawn with the shared glass material. */
  addGlass(geometry: BufferGeometry, placement: Placement = {}, tint = '#ffffff'): this {
    const part = normalised(geometry, new Color(tint));
    part.applyMatrix4(this.current.clone().multiply(matrixOf(placement)));
    this.glass.push(part);
    return this;
  }

  /** Builds a sub-assembly in its own frame, placed as a whole. */
  group(placement: Placement, build: (builder: this) => void): this {
    this.stack.push(this.current.clone().multiply(matrixOf(placement)));
    try {
      build(this);
    } finally {
      this.stack.pop();
    }
    return this;
  }

  get isEmpty(): boolean {
    return this.opaque.length === 0 && this.glass.length === 0;
  }

  build(): BuiltModel {
    const merge = (parts: BufferGeometry[]) => {
      if (parts.length === 0) return null;
      const merged = mergeGeometries(parts, false);
      if (!merged) throw new Error('model parts could not be merged');
      merged.computeBoundingBox();
      merged.computeBoundingSphere();
      return merged;
    };
    return { opaque: merge(this.opaque), glass: merge(this.glass) };
  }
}

/** Triangles of a built model, for budgets and tests. */
export function triangleCount(model: BuiltModel): number {
  const count = (geometry: BufferGeometry | null) => (geometry?.index ? geometry.index.count / 3 : 0);
  return count(model.opaque) + count(model.glass);
}
