/**
 * Writes the museum's floors as glTF binaries into assets/museum/: the architecture of each floor made by code
 * (architecture.ts), meshopt-compressed with gltf-transform (quantized, reordered, EXT_meshopt_compression),
 * so the 3D visit downloads a floor only when the visitor goes there. Run by the site's build; deterministic,
 * so an unchanged plan writes the same bytes.
 *
 *   node --import tsx web/src/museum/geometry/write-floor-models.ts [output directory]
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Document, Logger, type Material, NodeIO } from '@gltf-transform/core';
import { ALL_EXTENSIONS } from '@gltf-transform/extensions';
import { meshopt, quantize, reorder, weld } from '@gltf-transform/functions';
import { MeshoptEncoder } from 'meshoptimizer';
import type { BufferGeometry } from 'three';
import { type FloorId, floorIds, floorModelFile } from '../layout/floor-plans';
import { buildFloorArchitecture } from './architecture';
import type { Finish } from './finishes';
import type { BuiltModel } from './parts';

/** What a node of the floor is for: the runtime walks on `floor` and opens `lift` when clicked. */
type Look = 'floor' | 'structure' | 'lights' | 'lift';

/**
 * A floor as glTF: a node per look and finish, each mesh's material named by its finish (and glass as
 * `glass`), so the viewer draws it with its shared material of that name; the look is in the node's extras.
 * The factors here are only what another glTF viewer would show.
 */
async function floorDocument(floor: FloorId): Promise<Document> {
  const architecture = buildFloorArchitecture(floor);
  const document = new Document().setLogger(new Logger(Logger.Verbosity.WARN));
  document.createBuffer();
  const scene = document.createScene(`floor ${floor}`);
  const materials = new Map<string, Material>();
  const material = (name: Finish | 'glass') => {
    let made = materials.get(name);
    if (!made) {
      made = document.createMaterial(name).setDoubleSided(true).setMetallicFactor(0).setRoughnessFactor(0.8);
      if (name === 'glass') made.setAlphaMode('BLEND').setBaseColorFactor([0.16, 0.21, 0.24, 0.35]);
      if (name === 'light') made.setEmissiveFactor([1, 1, 1]);
      materials.set(name, made);
    }
    return made;
  };
  const add = (look: Look, finish: Finish | 'glass', geometry: BufferGeometry) => {
    if (!geometry.index) return;
    const name = `${look} ${finish}`;
    const attribute = (semantic: string, type: 'VEC2' | 'VEC3') =>
      document
        .createAccessor(`${name} ${semantic}`)
        .setType(type)
        .setArray(new Float32Array(geometry.getAttribute(semantic).array));
    const primitive = document
      .createPrimitive()
      .setAttribute('POSITION', attribute('position', 'VEC3'))
      .setAttribute('NORMAL', attribute('normal', 'VEC3'))
      .setAttribute('COLOR_0', attribute('color', 'VEC3'))
      .setAttribute('TEXCOORD_0', attribute('uv', 'VEC2'))
      .setIndices(
        document
          .createAccessor(`${name} indices`)
          .setType('SCALAR')
          .setArray(new Uint32Array(geometry.index.array)),
      )
      .setMaterial(material(finish));
    scene.addChild(
      document
        .createNode(name)
        .setMesh(document.createMesh(name).addPrimitive(primitive))
        .setExtras({ look }),
    );
  };
  const parts: [Look, BuiltModel][] = [
    ['floor', architecture.floor],
    ['structure', architecture.structure],
    ['lights', architecture.lights],
    ['lift', architecture.lift],
  ];
  for (const [look, model] of parts) {
    for (const surface of model.surfaces) add(look, surface.finish, surface.geometry);
    if (model.glass) add(look, 'glass', model.glass);
  }
  return document;
}

/** Compresses a floor: welded, reordered for the GPU's cache, quantized, then meshopt-encoded. */
async function compress(document: Document): Promise<Document> {
  await MeshoptEncoder.ready;
  await document.transform(
    weld(),
    reorder({ encoder: MeshoptEncoder }),
    quantize(),
    meshopt({ encoder: MeshoptEncoder, level: 'medium' }),
  );
  return document;
}

export async function writeFloorModels(
  directory: string,
): Promise<{ file: string; bytes: number; uncompressed: number }[]> {
  await mkdir(directory, { recursive: true });
  await MeshoptEncoder.ready;
  const io = new NodeIO()
    .registerExtensions(ALL_EXTENSIONS)
    .registerDependencies({ 'meshopt.encoder': MeshoptEncoder });
  const written: { file: string; bytes: number; uncompressed: number }[] = [];
  for (const floor of floorIds) {
    const plain = await io.writeBinary(await floorDocument(floor));
    const bytes = await io.writeBinary(await compress(await floorDocument(floor)));
    const file = join(directory, floorModelFile(floor));
    await writeFile(file, bytes);
    written.push({ file, bytes: bytes.byteLength, uncompressed: plain.byteLength });
  }
  return written;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const directory = process.argv[2] ?? new URL('../../../../assets/museum', import.meta.url).pathname;
  for (const { file, bytes, uncompressed } of await writeFloorModels(directory)) {
    const kib = (count: number) => `${(count / 1024).toFixed(1)} KiB`;
    process.stdout.write(`${file}: ${kib(bytes)} (${kib(uncompressed)} before compression)\n`);
  }
}
