// Fetches a floor's architecture (meshopt-compressed glTF) the first time the visitor goes there, once, and
// draws it with the museum's shared materials (named in the file by finish), so a floor brings no material and
// no program of its own.
import { type Group, type Material, Mesh } from 'three';
import { MeshoptDecoder } from 'three/examples/jsm/libs/meshopt_decoder.module.js';
import { GLTFLoader } from 'three/examples/jsm/loaders/GLTFLoader.js';
import { type Finish, finishes } from '../geometry/finishes';
import { type FloorId, floorModelFile } from '../layout/floor-plans';
import { finishMaterial, glassMaterial } from './finish-materials';

const loaded = new Map<FloorId, Promise<Group>>();
let loader: GLTFLoader | null = null;

const isFinish = (name: string): name is Finish => (finishes as readonly string[]).includes(name);

/** Puts the shared material of each mesh's finish in place of the file's, and names each mesh by its look. */
function withSharedMaterials(scene: Group): Group {
  scene.traverse((object) => {
    if (!(object instanceof Mesh)) return;
    const own = object.material as Material;
    object.material = isFinish(own.name) ? finishMaterial(own.name) : glassMaterial;
    if (object.material === glassMaterial) object.renderOrder = 1;
    own.dispose();
    // The look (floor, lift…) is in the node's extras; clicks ask the mesh's name.
    const look = object.userData.look ?? object.parent?.userData.look;
    if (typeof look === 'string') object.name = look;
  });
  return scene;
}

export function loadFloorModel(floor: FloorId): Promise<Group> {
  let model = loaded.get(floor);
  if (!model) {
    loader ??= new GLTFLoader().setMeshoptDecoder(MeshoptDecoder);
    model = loader
      .loadAsync(`/museum/models/${floorModelFile(floor)}`)
      .then((gltf) => withSharedMaterials(gltf.scene));
    // A failed download may be tried again.
    model.catch(() => loaded.delete(floor));
    loaded.set(floor, model);
  }
  return model;
}
