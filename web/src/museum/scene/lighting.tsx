// How the museum is lit: image-based light from a room environment (three's RoomEnvironment, made once per
// renderer: soft white light from every side, as under a gallery's ceiling) and, over the exhibits near the
// visitor, spotlights. The spotlights are a fixed few that follow the visitor from exhibit to exhibit: a scene
// whose number of lights never changes never compiles its programs again.
import { useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Object3D, PMREMGenerator, SpotLight, type Texture, type WebGLRenderer } from 'three';
import { RoomEnvironment } from 'three/examples/jsm/environments/RoomEnvironment.js';
import type { ExhibitPlacement } from '../layout/placement';

const environments = new WeakMap<WebGLRenderer, Texture>();

/** The room environment's prefiltered light for this renderer, made on first use. */
function roomEnvironment(renderer: WebGLRenderer): Texture {
  let texture = environments.get(renderer);
  if (!texture) {
    const generator = new PMREMGenerator(renderer);
    const room = new RoomEnvironment();
    texture = generator.fromScene(room, 0.04).texture;
    room.dispose();
    generator.dispose();
    environments.set(renderer, texture);
  }
  return texture;
}

/** Lights the scene with the room environment at `intensity`. */
export function GalleryEnvironment({ intensity }: { intensity: number }) {
  const { gl, scene } = useThree();
  useEffect(() => {
    scene.environment = roomEnvironment(gl);
    scene.environmentIntensity = intensity;
  }, [gl, scene, intensity]);
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
