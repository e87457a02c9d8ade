// Every finish made ready before a floor needs it: once the first floor has arrived whole, the shared materials'
// shader programs are compiled in the background (three's compileAsync, which lets the GPU compile in parallel)
// and their generated textures sent to the GPU, a finish per frame; then the sky's light for the outdoor area is
// prefiltered. Otherwise the first floor to show coal or bronze compiled them in its first frame, and the first
// visit outdoors made its sky then: each of those lifts took more than a second on a software GPU.
import { useFrame, useThree } from '@react-three/fiber';
import { useRef } from 'react';
import { BoxGeometry, DataTexture, type Material, Mesh, MeshBasicMaterial, Scene, type Texture } from 'three';
import { finishes } from '../geometry/finishes';
import { finishMaterial, glassMaterial } from './finish-materials';
import { environmentOf } from './lighting';
import { waterLightMaterial } from './WaterLightCeiling';

/**
 * Two plain materials that stand for the floors' own, made and freed with each floor: the wall graphics' and
 * labels' (an opaque picture) and the baked shadows' (a transparent one). Kept for the page's life, they keep their
 * programs compiled, which the next floor's materials then share.
 */
const picture = new DataTexture(new Uint8Array([255, 255, 255, 255]), 1, 1);
picture.needsUpdate = true;
const keepers = [
  new MeshBasicMaterial({ map: picture, toneMapped: false }),
  new MeshBasicMaterial({ map: picture, transparent: true, depthWrite: false, toneMapped: false }),
];

/** A small box with the attributes every built model has (position, normal, uv): the same programs follow. */
const probeGeometry = new BoxGeometry(0.01, 0.01, 0.01);

/** What three's WebGLProgram offers once linked. */
interface LinkedProgram {
  getUniforms(): unknown;
  getAttributes(): unknown;
}

function texturesOf(material: Material): Texture[] {
  const maps = material as Material & {
    map?: Texture | null;
    roughnessMap?: Texture | null;
    bumpMap?: Texture | null;
  };
  return [maps.map, maps.roughnessMap, maps.bumpMap].filter((texture): texture is Texture =>
    Boolean(texture),
  );
}

export function PrepareFinishes({ start }: { start: boolean }) {
  const { gl, scene, camera } = useThree();
  /** What is left to do, a step per frame: the compiling first (all at once, as it runs in parallel). */
  const steps = useRef<(() => void)[] | null>(null);
  useFrame(() => {
    if (!start) return;
    if (!steps.current) {
      const materials = [
        ...finishes.map((finish) => finishMaterial(finish)),
        glassMaterial,
        waterLightMaterial(),
        ...keepers,
      ];
      steps.current = [
        () => compileAhead(materials),
        ...materials
          .filter((material) => texturesOf(material).length > 0)
          .map((material) => () => {
            for (const texture of texturesOf(material)) gl.initTexture(texture);
          }),
        () => environmentOf(gl, 'sky'),
      ];
    }
    steps.current.shift()?.();
  });

  /**
   * Compiles the materials' programs with the lights and environment of the scene shown, as the floors will draw
   * them; once they are ready, reads each program's uniforms and attributes, which three otherwise does on the
   * first draw (and which waits for the GPU to finish linking).
   */
  function compileAhead(materials: Material[]) {
    const probe = new Scene();
    for (const material of materials) {
      const mesh = new Mesh(probeGeometry, material);
      mesh.frustumCulled = false;
      probe.add(mesh);
    }
    gl.compileAsync(probe, camera, scene).then(
      () => {
        for (const material of materials) {
          const { programs } = gl.properties.get(material) as { programs?: Map<string, LinkedProgram> };
          for (const program of programs?.values() ?? []) {
            program.getUniforms();
            program.getAttributes();
          }
        }
      },
      () => undefined,
    );
  }
  return null;
}
