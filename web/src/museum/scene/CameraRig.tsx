// The camera follows the visitor every frame, and the frame is reported to window.__museum and the floor plan.
import { useFrame, useThree } from '@react-three/fiber';
import type { RefObject } from 'react';
import { instrumentation } from '../instrumentation';
import type { FloorId } from '../layout/floor-plans';
import { EYE_HEIGHT } from '../layout/visitor';
import type { MinimapHandle } from '../navigation/Minimap';
import type { Steering, VisitorMotion } from '../navigation/visitor-motion';

/** Moves the camera with the visitor, and reports the frame to window.__museum and the floor plan. */
export function CameraRig({
  motion,
  keys,
  floor,
  minimap,
}: {
  motion: VisitorMotion;
  keys: RefObject<Set<Steering>>;
  floor: FloorId;
  minimap: RefObject<MinimapHandle | null>;
}) {
  const { camera, gl } = useThree();
  useFrame((_, delta) => {
    motion.update(delta, keys.current ?? new Set());
    motion.applyTo(camera);
    minimap.current?.showVisitor(motion.x, motion.z, motion.yaw);
    const state = instrumentation();
    state.position = [motion.x, EYE_HEIGHT, motion.z].map((value) => Math.round(value * 100) / 100) as [
      number,
      number,
      number,
    ];
    state.drawCalls = gl.info.render.calls;
    state.triangles = gl.info.render.triangles;
    state.textures = gl.info.memory.textures;
    state.programs = gl.info.programs?.length ?? 0;
    state.floor = floor;
    state.yaw = Math.round(motion.yaw * 1000) / 1000;
    state.ready = true;
  });
  return null;
}
