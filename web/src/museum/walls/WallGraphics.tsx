// The floor's wall graphics: each room's title, facts, maps, timeline and exhibit list on its walls, the
// corridor's signs and the directory beside the lift — built once per floor and language, in at most two draw
// calls, and freed when the visitor leaves the floor.
import { useEffect, useMemo } from 'react';
import type { Language } from '../../../../functions/platform/language';
import type { FloorId } from '../layout/floor-plans';
import { floorWallPlates } from './floor-wall-plates';
import type { WallExhibit, WallRoom } from './room-panels';
import { buildWallMeshes } from './wall-mesh';

export function WallGraphics({
  floor,
  rooms,
  exhibits,
  language,
}: {
  floor: FloorId;
  rooms: Map<string, WallRoom>;
  /** The floor's exhibits, for each room's list. */
  exhibits: WallExhibit[];
  language: Language;
}) {
  const meshes = useMemo(
    () => buildWallMeshes(floorWallPlates(floor, rooms, exhibits, language)),
    [floor, rooms, exhibits, language],
  );
  useEffect(
    () => () => {
      for (const { geometry, material } of meshes) {
        geometry.dispose();
        material.map?.dispose();
        material.dispose();
      }
    },
    [meshes],
  );
  return (
    <>
      {meshes.map(({ geometry, material }) => (
        <mesh key={geometry.uuid} geometry={geometry} material={material} />
      ))}
    </>
  );
}
