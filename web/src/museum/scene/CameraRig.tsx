// The camera follows the visitor every frame, and the frame is reported to window.__museum and the floor plan:
// its cost, where the visitor stands, and which exhibits are in view.
import { useFrame, useThree } from '@react-three/fiber';
import { type RefObject, useEffect, useMemo } from 'react';
import { Frustum, Matrix4, PerspectiveCamera, Vector3 } from 'three';
import { instrumentation } from '../instrumentation';
import type { FloorId } from '../layout/floor-plans';
import type { ExhibitPlacement } from '../layout/placement';
import { EYE_HEIGHT, verticalFieldOfView } from '../layout/visitor';
import type { MinimapHandle } from '../navigation/Minimap';
import type { Steering, VisitorMotion } from '../navigation/visitor-motion';

/** Moves the camera with the visitor, and reports the frame to window.__museum and the floor plan. */
export function CameraRig({
  motion,
  keys,
  floor,
  minimap,
  exhibits,
}: {
  /** The floor's exhibits, with the height of each: which of them are in view is reported. */
  exhibits: { placement: ExhibitPlacement; height: number }[];
  motion: VisitorMotion;
  keys: RefObject<Set<Steering>>;
  floor: FloorId;
  minimap: RefObject<MinimapHandle | null>;
}) {
  const { camera, gl, size } = useThree();
  // A phone held upright opens the view vertically, so that it still shows a room's width.
  useEffect(() => {
    if (!(camera instanceof PerspectiveCamera) || size.height === 0) return;
    camera.aspect = size.width / size.height;
    camera.fov = verticalFieldOfView(camera.aspect);
    camera.updateProjectionMatrix();
  }, [camera, size]);
  const seeing = useMemo(() => ({ frustum: new Frustum(), matrix: new Matrix4(), point: new Vector3() }), []);
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
    seeing.frustum.setFromProjectionMatrix(
      seeing.matrix.multiplyMatrices(camera.projectionMatrix, camera.matrixWorldInverse),
    );
    const seen: { id: string; distance: number }[] = [];
    for (const { placement, height } of exhibits) {
      seeing.point.set(placement.at[0], placement.at[1] + height / 2, placement.at[2]);
      const distance = seeing.point.distanceTo(camera.position);
      if (distance < 30 && seeing.frustum.containsPoint(seeing.point))
        seen.push({ id: placement.id, distance });
    }
    state.inView = seen.sort((a, b) => a.distance - b.distance).map(({ id }) => id);
    state.ready = true;
  });
  return null;
}
