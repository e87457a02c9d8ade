// Fetches a floor's architecture (meshopt-compressed glTF) the first time the visitor goes there, once.
import type { Group } from 'three';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { type FloorId, floorModelFile } from '../layout/floor-plans';

const loaded = new Map<FloorId, Promise<Group>>();
let loader: GLTFLoader | null = null;

export function loadFloorModel(floor: FloorId): Promise<Group> {
  let model = loaded.get(floor);
  if (!model) {
    loader ??= new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
    model = loader.loadAsync(`/museum/models/${floorModelFile(floor)}`).then((gltf) => gltf.scene);
    // A failed download may be tried again.
    model.catch(() => loaded.delete(floor));
    loaded.set(floor, model);
  }
  return model;
}
