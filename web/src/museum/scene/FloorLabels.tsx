// The labels of a floor: each exhibit's on its lectern and the rooms' signs over their doors, drawn as one mesh
// with one texture.

import { useEffect, useMemo } from 'react';
import type { Language } from '../../../../functions/platform/language';
import type { ViewerExhibit } from '../content';
import { type FloorId, floorPlans, roomEntrance } from '../layout/floor-plans';
import type { ExhibitPlacement } from '../layout/placement';
import { labelFor } from './exhibit-display';
import { buildLabels, type PlacedLabel } from './labels';

/** The rooms' signs, over their doors on the corridor side. */
function roomSigns(floor: FloorId, roomNames: Map<string, string>, language: Language): PlacedLabel[] {
  const plan = floorPlans[floor];
  if (plan.areas.length === 1) return [];
  return plan.areas.flatMap((area) => {
    if (!area.room) return [];
    const entrance = roomEntrance(area.room);
    if (!entrance) return [];
    const toward = entrance.position[1] < 0 ? 1 : -1;
    const edge =
      'rect' in area.shape
        ? toward > 0
          ? area.shape.rect[3]
          : area.shape.rect[1]
        : area.shape.circle[1] + toward * area.shape.circle[2];
    return [
      {
        title: roomNames.get(area.room) ?? area.room,
        detail: plan.name[language],
        sign: true,
        position: [entrance.position[0], 3.5, edge + toward * 0.15] as [number, number, number],
        rotation: [0, toward > 0 ? 0 : Math.PI, 0] as [number, number, number],
        width: 2.6,
      },
    ];
  });
}

/** Every label of the floor: the exhibits' (title and period) and the rooms' signs. */
export function floorLabels(
  floor: FloorId,
  exhibits: ViewerExhibit[],
  placements: Map<string, ExhibitPlacement>,
  roomNames: Map<string, string>,
  language: Language,
): PlacedLabel[] {
  const placed: PlacedLabel[] = exhibits.flatMap((exhibit) => {
    const placement = placements.get(exhibit.id);
    return placement ? [labelFor(exhibit, placement, { title: exhibit.title, detail: exhibit.period })] : [];
  });
  return [...placed, ...roomSigns(floor, roomNames, language)];
}

/** The floor's labels and room signs: one mesh, one texture. */
export function FloorLabels({ labels }: { labels: PlacedLabel[] }) {
  const built = useMemo(() => buildLabels(labels), [labels]);
  useEffect(
    () => () => {
      built?.geometry.dispose();
      built?.material.map?.dispose();
      built?.material.dispose();
    },
    [built],
  );
  if (!built) return null;
  return <mesh geometry={built.geometry} material={built.material} />;
}
