// One exhibit in its place in the gallery: its display (model, plinth and glass, lectern) built once, freed when
// it leaves the floor; clicking it (not dragging across it) goes to it.
import type { ThreeEvent } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import type { ViewerExhibit } from '../content';
import type { ExhibitPlacement } from '../layout/placement';
import { CLICK_TOLERANCE } from '../navigation/steering';
import { buildDisplay } from './exhibit-display';
import { glassMaterial, solidMaterial } from './materials';

export function ExhibitInPlace({
  exhibit,
  placement,
  variant,
  onChoose,
}: {
  exhibit: ViewerExhibit;
  placement: ExhibitPlacement;
  variant: number;
  onChoose: (id: string) => void;
}) {
  const model = useMemo(() => buildDisplay(exhibit, placement, variant), [exhibit, placement, variant]);
  useEffect(
    () => () => {
      model.opaque?.dispose();
      model.glass?.dispose();
    },
    [model],
  );
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
      {model.opaque && <mesh geometry={model.opaque} material={solidMaterial} />}
      {model.glass && <mesh geometry={model.glass} material={glassMaterial} renderOrder={1} />}
    </group>
  );
}
