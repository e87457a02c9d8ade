// One exhibit in its place in the gallery: its display (model, plinth and glass, lectern) built once with its
// shadow baked on the floor under it, both freed when it leaves the floor; clicking it (not dragging across it)
// goes to it.
import { type ThreeEvent, useThree } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { Box3, MeshBasicMaterial } from 'three';
import type { ViewerExhibit } from '../content';
import { type BuiltModel, disposeModel } from '../geometry/parts';
import type { ExhibitPlacement } from '../layout/placement';
import { CLICK_TOLERANCE } from '../navigation/steering';
import { bakeContactShadow, type ContactShadow } from './contact-shadow';
import { buildDisplay } from './exhibit-display';
import { ModelMeshes } from './ModelMeshes';

/** Objects hung higher than this cast no shadow worth baking on the floor. */
const HIGHEST_SHADOW = 2.5;

/**
 * The shadow of a model standing `floorY` above its floor (negative: the floor is below its frame's origin),
 * baked once `bake` is true (a floor's exhibits take turns, a few per frame, after the floor's first frame).
 */
export function useContactShadow(model: BuiltModel, floorY: number, bake = true): ContactShadow | null {
  const gl = useThree((state) => state.gl);
  const shadow = useMemo(() => {
    if (!bake || floorY < -HIGHEST_SHADOW || model.surfaces.length === 0) return null;
    const box = new Box3();
    for (const surface of model.surfaces) {
      if (surface.geometry.boundingBox) box.union(surface.geometry.boundingBox);
    }
    const half = (low: number, high: number) => Math.max(Math.abs(low), Math.abs(high));
    const height = box.max.y - floorY;
    const margin = Math.min(1, 0.25 + height * 0.15);
    return bakeContactShadow(
      gl,
      model.surfaces.map((surface) => surface.geometry),
      {
        width: 2 * (half(box.min.x, box.max.x) + margin),
        depth: 2 * (half(box.min.z, box.max.z) + margin),
        floorY,
        reach: Math.min(1.5, Math.max(0.35, height * 0.45)),
      },
    );
  }, [gl, model, floorY, bake]);
  useEffect(() => () => shadow?.dispose(), [shadow]);
  return shadow;
}

/** The baked shadow laid on the floor, `floorY` in the exhibit's frame. */
export function ShadowOnFloor({ shadow, floorY }: { shadow: ContactShadow; floorY: number }) {
  const material = useMemo(
    () =>
      new MeshBasicMaterial({ map: shadow.texture, transparent: true, depthWrite: false, toneMapped: false }),
    [shadow],
  );
  useEffect(() => () => material.dispose(), [material]);
  return (
    <mesh
      geometry={shadow.plane}
      material={material}
      position={[0, floorY + 0.012, 0]}
      rotation={[Math.PI / 2, 0, 0]}
      raycast={() => undefined}
    />
  );
}

export function ExhibitInPlace({
  exhibit,
  placement,
  variant,
  bakeShadow,
  onChoose,
}: {
  exhibit: ViewerExhibit;
  placement: ExhibitPlacement;
  variant: number;
  /** Whether its shadow is baked yet: not on the floor's first frame, which must come quickly. */
  bakeShadow: boolean;
  onChoose: (id: string) => void;
}) {
  const model = useMemo(() => buildDisplay(exhibit, placement, variant), [exhibit, placement, variant]);
  useEffect(() => () => disposeModel(model), [model]);
  const floorY = -placement.at[1];
  const shadow = useContactShadow(model, floorY, bakeShadow);
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: a three.js group in the canvas, not a DOM element; the exhibit buttons beside the view give keyboard access.
    <group
      position={placement.at}
      rotation={[0, placement.rotationY, 0]}
      onClick={(event: ThreeEvent<MouseEvent>) => {
        event.stopPropagation();
        if (event.delta <= CLICK_TOLERANCE) onChoose(exhibit.id);
      }}
    >
      <ModelMeshes model={model} />
      {shadow && <ShadowOnFloor shadow={shadow} floorY={floorY} />}
    </group>
  );
}
