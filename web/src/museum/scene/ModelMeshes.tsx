// A built model drawn with the museum's shared materials: a mesh per finish, then its glass.
import type { BuiltModel } from '../geometry/parts';
import { finishMaterial, glassMaterial } from './finish-materials';

export function ModelMeshes({ model }: { model: BuiltModel }) {
  return (
    <>
      {model.surfaces.map((surface) => (
        <mesh key={surface.finish} geometry={surface.geometry} material={finishMaterial(surface.finish)} />
      ))}
      {model.glass && <mesh geometry={model.glass} material={glassMaterial} renderOrder={1} />}
    </>
  );
}
