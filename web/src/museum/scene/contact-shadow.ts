// Soft shadows baked once: an exhibit's silhouette seen from the floor up, darker where the object comes close
// to the floor, blurred, into a small texture laid on the floor under it. Made when the exhibit is placed, never
// redrawn per frame — a real shadow for the price of a decal.
import {
  type BufferGeometry,
  Mesh,
  OrthographicCamera,
  PlaneGeometry,
  Scene,
  ShaderMaterial,
  type Texture,
  UniformsUtils,
  type WebGLRenderer,
  WebGLRenderTarget,
} from 'three';
import { FullScreenQuad } from 'three/examples/jsm/postprocessing/Pass.js';
import { HorizontalBlurShader } from 'three/examples/jsm/shaders/HorizontalBlurShader.js';
import { VerticalBlurShader } from 'three/examples/jsm/shaders/VerticalBlurShader.js';
import { uncounted } from './uncounted';

const SIZE = 128;

/**
 * Black, opaque where the surface touches the floor, fading out `reach` metres above it. One material for every
 * bake, its `reach` set each time: a material made and freed per bake would have its shader program compiled
 * anew each time (three frees a program with the last material using it), which stalled a lift to a new floor
 * for more than a second.
 */
const silhouette = new ShaderMaterial({
  uniforms: { reach: { value: 1 } },
  vertexShader: `
    varying float height;
    void main() {
      vec4 world = modelMatrix * vec4(position, 1.0);
      height = world.y;
      gl_Position = projectionMatrix * viewMatrix * world;
    }`,
  fragmentShader: `
    uniform float reach;
    varying float height;
    void main() {
      float near = 1.0 - clamp(height / reach, 0.0, 1.0);
      gl_FragColor = vec4(0.0, 0.0, 0.0, near * near);
    }`,
  transparent: true,
  depthTest: false,
  depthWrite: false,
  side: 2,
});

let blurs: { horizontal: ShaderMaterial; vertical: ShaderMaterial; quad: FullScreenQuad } | null = null;

function blurPasses() {
  blurs ??= {
    horizontal: new ShaderMaterial({
      ...HorizontalBlurShader,
      uniforms: UniformsUtils.clone(HorizontalBlurShader.uniforms),
    }),
    vertical: new ShaderMaterial({
      ...VerticalBlurShader,
      uniforms: UniformsUtils.clone(VerticalBlurShader.uniforms),
    }),
    quad: new FullScreenQuad(),
  };
  return blurs;
}

/** The blur's half-way image, one per renderer, kept for every bake. */
const scratchTargets = new WeakMap<WebGLRenderer, WebGLRenderTarget>();

function scratchTarget(renderer: WebGLRenderer): WebGLRenderTarget {
  let scratch = scratchTargets.get(renderer);
  if (!scratch) {
    scratch = new WebGLRenderTarget(SIZE, SIZE, { depthBuffer: false });
    scratchTargets.set(renderer, scratch);
  }
  return scratch;
}

export interface ContactShadow {
  texture: Texture;
  /** The plane it is drawn on: `width` × `depth` metres, lying on the floor. */
  plane: PlaneGeometry;
  dispose(): void;
}

/**
 * Bakes the shadow of `geometries` (in a frame whose floor is y = `floorY`) over a `width` × `depth` area centred
 * under them. The renderer's target and clear colour are left as they were.
 */
export function bakeContactShadow(
  renderer: WebGLRenderer,
  geometries: BufferGeometry[],
  area: { width: number; depth: number; floorY: number; reach: number },
): ContactShadow {
  return uncounted(renderer, () => bake(renderer, geometries, area));
}

function bake(
  renderer: WebGLRenderer,
  geometries: BufferGeometry[],
  { width, depth, floorY, reach }: { width: number; depth: number; floorY: number; reach: number },
): ContactShadow {
  // The shadow needs no depth: its silhouette is drawn without depth testing.
  const target = new WebGLRenderTarget(SIZE, SIZE, { depthBuffer: false });
  const scratch = scratchTarget(renderer);
  const scene = new Scene();
  (silhouette.uniforms.reach as { value: number }).value = reach;
  for (const geometry of geometries) {
    const mesh = new Mesh(geometry, silhouette);
    mesh.position.y = -floorY;
    scene.add(mesh);
  }
  // From the floor, looking up; the image's top is +z, as the plane's v once it is laid down.
  const camera = new OrthographicCamera(-width / 2, width / 2, depth / 2, -depth / 2, 0, reach * 4);
  camera.rotation.x = Math.PI / 2;
  camera.updateMatrixWorld();

  const previousTarget = renderer.getRenderTarget();
  const previousAlpha = renderer.getClearAlpha();
  const previousAutoClear = renderer.autoClear;
  renderer.autoClear = true;
  renderer.setClearAlpha(0);
  renderer.setRenderTarget(target);
  renderer.render(scene, camera);

  const { horizontal, vertical, quad } = blurPasses();
  for (const spread of [3, 1.5]) {
    (horizontal.uniforms.tDiffuse as { value: Texture }).value = target.texture;
    (horizontal.uniforms.h as { value: number }).value = spread / SIZE;
    quad.material = horizontal;
    renderer.setRenderTarget(scratch);
    quad.render(renderer);
    (vertical.uniforms.tDiffuse as { value: Texture }).value = scratch.texture;
    (vertical.uniforms.v as { value: number }).value = spread / SIZE;
    quad.material = vertical;
    renderer.setRenderTarget(target);
    quad.render(renderer);
  }
  renderer.setRenderTarget(previousTarget);
  renderer.setClearAlpha(previousAlpha);
  renderer.autoClear = previousAutoClear;

  return {
    texture: target.texture,
    plane: new PlaneGeometry(width, depth),
    dispose() {
      target.dispose();
      this.plane.dispose();
    },
  };
}
