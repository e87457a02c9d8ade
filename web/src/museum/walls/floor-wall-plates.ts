// Every plate of a floor, in the visitor's language: its rooms' panels, its corridor's signs and its lift's
// directory.
import type { Language } from '../../../../functions/platform/language';
import type { FloorId } from '../layout/floor-plans';
import type { WallPlate } from './plates';
import { roomPanels, type WallExhibit, type WallRoom } from './room-panels';
import { corridorSigns, liftDirectory } from './wayfinding';

export function floorWallPlates(
  floor: FloorId,
  rooms: Map<string, WallRoom>,
  exhibits: WallExhibit[],
  language: Language,
): WallPlate[] {
  const names = new Map([...rooms].map(([id, room]) => [id, room.name]));
  return [
    ...roomPanels(floor, rooms, exhibits, language),
    ...corridorSigns(floor, names),
    ...liftDirectory(floor, names, language),
  ];
}
