// How the museum is lit: image-based light from a room environment (three's RoomEnvironment, made once per
// renderer: soft white light from every side, as under a gallery's ceiling) — outdoors from a sky, which the
// black glass façade reflects — and, over the exhibits near the
// visitor, spotlights. The spotlights are a fixed few that follow the visitor from exhibit to exhibit: a scene
// whose number of lights never changes never compiles its programs again.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import {
  BackSide,
  Mesh,
  Object3D,
  PMREMGenerator,
  Scene,
  ShaderMaterial,
  SphereGeometry,
  SpotLight,
  type Texture,
  type WebGLRenderer,
} from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import type { ExhibitPlacement } from '../layout/placement';
import { uncounted } from './uncounted';

type EnvironmentKind = 'room' | 'sky';

const environments = new WeakMap<WebGLRenderer, Map<EnvironmentKind, Texture>>();

/** A clear sky over the bay: pale at the horizon, blue above, a bright sun; the sea's grey-green below. */
function skyScene(): { scene: Scene; dispose: () => void } {
  const geometry = new SphereGeometry(50, 32, 16);
  const material = new ShaderMaterial({
    side: BackSide,
    depthWrite: false,
    vertexShader: `
      varying vec3 direction;
      void main() {
        direction = normalize(position);
        gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
      }`,
    fragmentShader: `
      varying vec3 direction;
      void main() {
        float up = direction.y;
        vec3 zenith = vec3(0.22, 0.42, 0.75);
        vec3 horizon = vec3(0.82, 0.88, 0.92);
        vec3 sea = vec3(0.16, 0.26, 0.27);
        vec3 colour = up > 0.0 ? mix(horizon, zenith, pow(up, 0.6)) : mix(horizon, sea, pow(-up, 0.3));
        vec3 sun = normalize(vec3(0.4, 0.65, 0.5));
        colour += vec3(6.0, 5.6, 5.0) * pow(max(dot(direction, sun), 0.0), 400.0);
        gl_FragColor = vec4(colour, 1.0);
      }`,
  });
  const scene = new Scene();
  scene.add(new Mesh(geometry, material));
  return {
    scene,
    dispose: () => {
      geometry.dispose();
      material.dispose();
    },
  };
}

const generators = new WeakMap<WebGLRenderer, PMREMGenerator>();

/**
 * The renderer's prefiltering generator, kept: freeing it after the room's light would free its shader programs,
 * and the sky's light, made on the first visit outdoors, would compile them again while the lift arrives.
 */
function generatorOf(renderer: WebGLRenderer): PMREMGenerator {
  let generator = generators.get(renderer);
  if (!generator) {
    generator = new PMREMGenerator(renderer);
    generators.set(renderer, generator);
  }
  return generator;
}

/** The prefiltered light of a room or a sky for this renderer, made on first use and kept. */
export function environmentOf(renderer: WebGLRenderer, kind: EnvironmentKind): Texture {
  let made = environments.get(renderer);
  if (!made) {
    made = new Map();
    environments.set(renderer, made);
  }
  let texture = made.get(kind);
  if (!texture) texture = uncounted(renderer, () => prefilter(renderer, kind));
  made.set(kind, texture);
  return texture;
}

/** The light of a room or a sky, prefiltered for image-based lighting. */
function prefilter(renderer: WebGLRenderer, kind: EnvironmentKind): Texture {
  const generator = generatorOf(renderer);
  if (kind === 'room') {
    const room = new RoomEnvironment();
    const texture = generator.fromScene(room, 0.04).texture;
    room.dispose();
    return texture;
  }
  const sky = skyScene();
  const texture = generator.fromScene(sky.scene, 0).texture;
  sky.dispose();
  return texture;
}

/** Lights the scene with a room's (or outdoors a sky's) environment at `intensity`. */
export function GalleryEnvironment({ intensity, sky = false }: { intensity: number; sky?: boolean }) {
  const { gl, scene } = useThree();
  useEffect(() => {
    scene.environment = environmentOf(gl, sky ? 'sky' : 'room');
    scene.environmentIntensity = intensity;
  }, [gl, scene, intensity, sky]);
  return null;
}

const SPOTLIGHTS = 4;
/** How far the visitor moves before the spotlights choose their exhibits again (metres). */
const RESELECT_DISTANCE = 0.75;

/**
 * The spotlights over the exhibits nearest to `visitor()`: each from the ceiling in front of its exhibit,
 * aimed at its middle. Unused ones are switched off, never removed.
 */
export function ExhibitSpotlights({
  placements,
  heights,
  ceiling,
  visitor,
}: {
  placements: ExhibitPlacement[];
  /** Each exhibit's height (metres), by id: a spotlight aims at the middle of the object. */
  heights: Map<string, number>;
  ceiling: number;
  visitor: () => { x: number; z: number };
}) {
  const lights = useMemo(
    () =>
      Array.from({ length: SPOTLIGHTS }, () => {
        const light = new SpotLight('#fff4e0', 0, 0, 0.42, 0.65, 2);
        light.target = new Object3D();
        return light;
      }),
    [],
  );
  const last = useMemo(
    () => ({ x: Number.NaN, z: Number.NaN, placements: null as ExhibitPlacement[] | null }),
    [],
  );
  useFrame(() => {
    const { x, z } = visitor();
    if (last.placements === placements && Math.hypot(x - last.x, z - last.z) < RESELECT_DISTANCE) return;
    last.x = x;
    last.z = z;
    last.placements = placements;
    const nearest = [...placements]
      .sort((a, b) => Math.hypot(a.at[0] - x, a.at[2] - z) - Math.hypot(b.at[0] - x, b.at[2] - z))
      .slice(0, SPOTLIGHTS);
    lights.forEach((light, index) => {
      const placement = nearest[index];
      if (!placement) {
        light.intensity = 0;
        return;
      }
      const height = heights.get(placement.id) ?? 1;
      const middle = placement.at[1] + height / 2;
      const front = 1.2;
      const y = Math.min(ceiling - 0.2, middle + 3);
      light.position.set(
        placement.at[0] + Math.sin(placement.rotationY) * front,
        y,
        placement.at[2] + Math.cos(placement.rotationY) * front,
      );
      light.target.position.set(placement.at[0], middle, placement.at[2]);
      light.target.updateMatrixWorld();
      const distance = Math.hypot(front, y - middle);
      // About the same light on every object, however high the ceiling.
      light.intensity = 6 * distance * distance;
    });
  });
  return (
    <>
      {lights.map((light, index) => (
        <group key={String(index)}>
          <primitive object={light} />
          <primitive object={light.target} />
        </group>
      ))}
    </>
  );
}
