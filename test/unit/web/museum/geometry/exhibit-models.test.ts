// The exhibits' models made by code: every kind builds something, inside the box its size gives (standing on
// y = 0, centred on x and z), within its triangle budget, and the same every time; and each is drawn in the
// materials of what it stands for, in few enough of them to keep its draw calls down.
import { readFileSync } from 'node:fs';
import { Box3 } from 'three';
import { describe, expect, it } from 'vitest';
import { modelKinds } from '../../../../../functions/museum/model.js';
import {
  buildExhibitModel,
  type ModelKind,
  type ModelSize,
} from '../../../../../web/src/museum/geometry/exhibit-models';
import type { Finish } from '../../../../../web/src/museum/geometry/finishes';
import {
  type BuiltModel,
  geometriesOf,
  ModelBuilder,
  triangleCount,
} from '../../../../../web/src/museum/geometry/parts';

const seed = JSON.parse(
  readFileSync(new URL('../../../../../assets/seed/museum.json', import.meta.url), 'utf8'),
) as {
  exhibits: { id: string; model: { kind: ModelKind; size: ModelSize } }[];
};

/** Sizes every kind must cope with: small and large, squat, tall and narrow, long and deep. */
const sizes: ModelSize[] = [
  { width: 1, height: 1, depth: 1 },
  { width: 0.3, height: 0.5, depth: 0.25 },
  { width: 4, height: 2, depth: 1.5 },
  { width: 0.6, height: 2.4, depth: 0.4 },
  { width: 10, height: 3, depth: 6 },
];

const budgets: Partial<Record<ModelKind, number>> = { 'whale-skeleton': 20_000, 'stake-field': 10_000 };
const TOLERANCE = 0.02;

function build(kind: ModelKind, size: ModelSize): BuiltModel {
  const builder = new ModelBuilder();
  buildExhibitModel(kind, size, builder);
  return builder.build();
}

function bounds(model: BuiltModel): Box3 {
  const box = new Box3();
  for (const geometry of geometriesOf(model)) {
    geometry.computeBoundingBox();
    if (geometry.boundingBox) box.union(geometry.boundingBox);
  }
  return box;
}

const cases: [ModelKind, ModelSize, string][] = [
  ...modelKinds.flatMap((kind) =>
    sizes.map((size): [ModelKind, ModelSize, string] => [
      kind,
      size,
      `${size.width}×${size.height}×${size.depth}`,
    ]),
  ),
  ...seed.exhibits.map((exhibit): [ModelKind, ModelSize, string] => [
    exhibit.model.kind,
    exhibit.model.size,
    `${exhibit.id}, ${exhibit.model.size.width}×${exhibit.model.size.height}×${exhibit.model.size.depth}`,
  ]),
];

describe('exhibit models', () => {
  it('cover every kind of the seed', () => {
    for (const exhibit of seed.exhibits) expect(modelKinds).toContain(exhibit.model.kind);
  });

  it.each(cases)('%s (%s) fits its box, keeps to its budget and comes out the same twice', (kind, size) => {
    const model = build(kind, size);
    expect(geometriesOf(model).length).toBeGreaterThan(0);
    const triangles = triangleCount(model);
    expect(triangles).toBeGreaterThan(0);
    expect(triangles).toBeLessThanOrEqual(budgets[kind] ?? 6_000);

    const box = bounds(model);
    const [w, h, d] = [size.width, size.height, size.depth];
    expect(box.min.x).toBeGreaterThanOrEqual(-w / 2 - TOLERANCE * w);
    expect(box.max.x).toBeLessThanOrEqual(w / 2 + TOLERANCE * w);
    expect(box.min.y).toBeGreaterThanOrEqual(-TOLERANCE * h);
    expect(box.max.y).toBeLessThanOrEqual(h + TOLERANCE * h);
    expect(box.min.z).toBeGreaterThanOrEqual(-d / 2 - TOLERANCE * d);
    expect(box.max.z).toBeLessThanOrEqual(d / 2 + TOLERANCE * d);

    const again = build(kind, size);
    const vertices = (built: BuiltModel) =>
      geometriesOf(built).reduce((sum, geometry) => sum + geometry.getAttribute('position').count, 0);
    expect(vertices(again)).toBe(vertices(model));
    expect(bounds(again).equals(box)).toBe(true);
  });

  it('rejects a size that is not positive', () => {
    expect(() => buildExhibitModel('jar', { width: 0, height: 1, depth: 1 }, new ModelBuilder())).toThrow(
      RangeError,
    );
  });

  it('tells the costumes of different peoples apart by their variant', () => {
    const size = { width: 0.8, height: 1.8, depth: 0.5 };
    const colours = [0, 1, 2].map((variant) => {
      const builder = new ModelBuilder();
      buildExhibitModel('costume', size, builder, variant);
      return builder
        .build()
        .surfaces.map((surface) => Array.from(surface.geometry.getAttribute('color').array).join())
        .join();
    });
    expect(new Set(colours).size).toBe(3);
  });
});

describe('exhibit materials', () => {
  const sizeOf = (id: string): ModelSize => {
    const exhibit = seed.exhibits.find((candidate) => candidate.id === id);
    if (!exhibit) throw new Error(`no exhibit ${id} in the seed`);
    return exhibit.model.size;
  };
  const finishesOf = (kind: ModelKind, id: string): Finish[] =>
    build(kind, sizeOf(id)).surfaces.map((surface) => surface.finish);

  it.each<[ModelKind, string, Finish]>([
    ['whale-skeleton', 'whale-skeleton', 'bone'],
    ['box', 'golden-lotus-box', 'gold'],
    ['pagoda-model', 'dong-pagoda-miniature', 'bronze'],
    ['bronze-drum', 'quang-chinh-bronze-drum', 'bronze'],
    ['stake-field', 'bach-dang-stakes', 'weathered-wood'],
    ['stone-block', 'anthracite-block', 'coal'],
    ['jar', 'dau-ram-jar', 'ceramic-glazed'],
    ['jar', 'dau-ram-jar', 'ceramic-unglazed'],
    ['boat-model', 'sailing-boat-model', 'cloth'],
    ['boat-model', 'sailing-boat-model', 'wood'],
    ['cannon', 'artillery-cannons', 'bronze'],
    ['missile-launcher', 'missile-launcher', 'steel'],
    ['costume', 'dao-thanh-y-costume', 'cloth'],
    ['statue', 'tran-nhan-tong-statue', 'bronze'],
    ['statue', 'tran-nhan-tong-statue', 'stone'],
  ])('draws the %s (%s) in %s', (kind, id, finish) => {
    expect(finishesOf(kind, id)).toContain(finish);
  });

  it.each<[ModelKind, string, Finish]>([
    ['whale-skeleton', 'whale-skeleton', 'bone'],
    ['box', 'golden-lotus-box', 'gold'],
    ['bronze-drum', 'quang-chinh-bronze-drum', 'bronze'],
  ])('makes the %s (%s) of %s alone, not of flat paint', (kind, id, finish) => {
    expect(finishesOf(kind, id)).toEqual([finish]);
  });

  it.each(seed.exhibits.map((exhibit) => [exhibit.id, exhibit.model.kind, exhibit.model.size] as const))(
    'keeps %s to five materials, a draw call each',
    (_id, kind, size) => {
      expect(build(kind, size).surfaces.length).toBeLessThanOrEqual(5);
    },
  );
});
