// Models made by code: simple three.js shapes, each with its colour baked into the vertices and texture
// coordinates projected from its surface in metres, merged into one geometry per finish (wood, bronze, glazed
// ceramic…) and one of glass. A whole exhibit then costs a draw call per material it is made of, and so does a
// floor's architecture. The same code runs in the browser (exhibits) and in Node (the floors' glTF files).
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
import { type Finish, finishes, type PaintLike, paintOf, textureRepeatMetres } from './finishes';

export interface Placement {
  position?: [number, number, number];
  /** Euler angles in radians, applied X then Y then Z. */
  rotation?: [number, number, number];
  scale?: [number, number, number] | number;
}

/** The parts of one finish, merged. */
export interface Surface {
  finish: Finish;
  geometry: BufferGeometry;
}

export interface BuiltModel {
  /** Everything solid, coloured per vertex, one merged geometry per finish, in the order of `finishes`. */
  surfaces: Surface[];
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
function normalised(geometry: BufferGeometry, color: Color): BufferGeometry {
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
  for (let index = 0; index < count; index += 1) {
    colors[index * 3] = color.r;
    colors[index * 3 + 1] = color.g;
    colors[index * 3 + 2] = color.b;
  }
  copy.setAttribute('color', new Float32BufferAttribute(colors, 3));
  return copy;
}

/**
 * Texture coordinates projected on the part where it stands (box projection: each vertex onto the plane its
 * normal faces most), `repeat` metres to one repeat of the texture, so a finish's grain has the same size on a
 * stake and on a plank, however the part was scaled, and continues across merged parts.
 */
function projectUvs(geometry: BufferGeometry, repeat: number): void {
  const position = geometry.getAttribute('position');
  const normal = geometry.getAttribute('normal');
  const uvs = new Float32Array(position.count * 2);
  for (let index = 0; index < position.count; index += 1) {
    const nx = Math.abs(normal.getX(index));
    const ny = Math.abs(normal.getY(index));
    const nz = Math.abs(normal.getZ(index));
    const x = position.getX(index) / repeat;
    const y = position.getY(index) / repeat;
    const z = position.getZ(index) / repeat;
    // Grain runs along u: along x on level and front faces, upward on the sides.
    const [u, v] = ny >= nx && ny >= nz ? [x, z] : nx >= nz ? [y, z] : [x, y];
    uvs[index * 2] = u;
    uvs[index * 2 + 1] = v;
  }
  geometry.setAttribute('uv', new Float32BufferAttribute(uvs, 2));
}

/**
 * Collects coloured parts of a model under a stack of transforms, then merges them.
 * `group(placement, build)` places a sub-assembly (a boat's mast, a costume's sleeve) as one.
 */
export class ModelBuilder {
  private readonly opaque = new Map<Finish, BufferGeometry[]>();
  private readonly glass: BufferGeometry[] = [];
  private readonly stack: Matrix4[] = [new Matrix4()];

  private get current(): Matrix4 {
    return this.stack[this.stack.length - 1] as Matrix4;
  }

  /**
   * Adds a solid part painted `paint`: a colour (CSS, sRGB) and its finish, or a plain colour for a matt one.
   * The geometry is copied, not kept.
   */
  add(geometry: BufferGeometry, paint: PaintLike, placement: Placement = {}): this {
    const { colour, finish } = paintOf(paint);
    const part = normalised(geometry, new Color(colour));
    part.applyMatrix4(this.current.clone().multiply(matrixOf(placement)));
    projectUvs(part, textureRepeatMetres[finish]);
    const parts = this.opaque.get(finish);
    if (parts) parts.push(part);
    else this.opaque.set(finish, [part]);
    return this;
  }

  /** Adds see-through glass (a display case, a window): drawn with the shared glass material. */
  addGlass(geometry: BufferGeometry, placement: Placement = {}, tint = '#ffffff'): this {
    const part = normalised(geometry, new Color(tint));
    part.applyMatrix4(this.current.clone().multiply(matrixOf(placement)));
    projectUvs(part, 1);
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
    return this.opaque.size === 0 && this.glass.length === 0;
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
    const surfaces = finishes.flatMap((finish) => {
      const geometry = merge(this.opaque.get(finish) ?? []);
      return geometry ? [{ finish, geometry }] : [];
    });
    return { surfaces, glass: merge(this.glass) };
  }
}

/** Every geometry of a built model: its surfaces, then its glass. */
export function geometriesOf(model: BuiltModel): BufferGeometry[] {
  return [...model.surfaces.map((surface) => surface.geometry), ...(model.glass ? [model.glass] : [])];
}

/** Triangles of a built model, for budgets and tests. */
export function triangleCount(model: BuiltModel): number {
  return geometriesOf(model).reduce(
    (sum, geometry) => sum + (geometry.index ? geometry.index.count / 3 : 0),
    0,
  );
}

/** Frees a built model's geometries on the GPU. */
export function disposeModel(model: BuiltModel): void {
  for (const geometry of geometriesOf(model)) geometry.dispose();
}
