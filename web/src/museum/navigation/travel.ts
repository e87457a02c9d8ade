// Where the visitor is and what they face: the floor shown (its architecture fetched the first time they go
// there), the exhibit they came to see, the lift, and every way of going somewhere — to an exhibit, a room, a
// floor, a spot clicked on the floor — walking on this floor or riding the lift to another.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Group } from 'three';
import type { ViewerExhibit } from '../content';
import { type FloorId, floorPlans, roomEntrance } from '../layout/floor-plans';
import type { ExhibitPlacement } from '../layout/placement';
import { EYE_HEIGHT } from '../layout/visitor';
import { WalkableFloor } from '../layout/walkable-floor';
import { loadFloorModel } from '../scene/floor-models';
import { VisitorMotion } from './visitor-motion';

type Point = { x: number; y: number; z: number };

/** A floor whose architecture has arrived. */
export interface LoadedFloor {
  floor: FloorId;
  scene: Group;
}

/** The point at eye height over (x, z): what a visitor arriving somewhere looks at. */
const atEyeHeight = ([x, z]: readonly [number, number]): Point => ({ x, y: EYE_HEIGHT, z });

/** Where to stand before an exhibit, and the point to look at. */
function viewOf(placement: ExhibitPlacement): { at: [number, number]; look: Point } {
  const [x, , z] = placement.view.position;
  const [tx, ty, tz] = placement.view.target;
  return { at: [x, z], look: { x: tx, y: ty, z: tz } };
}

/**
 * The visit's place and its moves. `initial` is the exhibit the page was opened on: the visitor starts before it,
 * on its floor.
 */
export function useVisitorTravel(
  exhibits: ViewerExhibit[],
  placements: Map<string, ExhibitPlacement>,
  initial: string | null,
) {
  const initialPlacement = initial ? placements.get(initial) : undefined;
  const [focus, setFocus] = useState<string | null>(initialPlacement ? (initial as string) : null);
  const [floor, setFloor] = useState<FloorId>(initialPlacement?.floor ?? 0);
  const [loaded, setLoaded] = useState<LoadedFloor | null>(null);
  const [failed, setFailed] = useState(false);
  const [liftOpen, setLiftOpen] = useState(false);
  const motion = useRef<VisitorMotion | null>(null);
  /** Where to stand once the floor being fetched has arrived. */
  const arrival = useRef<{ at: readonly [number, number]; look: Point } | null>(
    initialPlacement ? viewOf(initialPlacement) : null,
  );
  const reducedMotion = useMemo(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches, []);

  const walkables = useMemo(() => {
    const made = new Map<FloorId, WalkableFloor>();
    return (id: FloorId) => {
      let walkable = made.get(id);
      if (!walkable) {
        const obstacles = exhibits.flatMap((exhibit) => {
          const placement = placements.get(exhibit.id);
          return placement && placement.floor === id ? [{ placement, size: exhibit.size }] : [];
        });
        walkable = new WalkableFloor(floorPlans[id], obstacles);
        made.set(id, walkable);
      }
      return walkable;
    };
  }, [exhibits, placements]);

  // A floor is fetched when the visitor goes there (the first one at once); they arrive where they were going.
  useEffect(() => {
    let current = true;
    setFailed(false);
    loadFloorModel(floor).then(
      (scene) => {
        if (!current) return;
        const plan = floorPlans[floor];
        const to = arrival.current ?? { at: plan.arrival.position, look: atEyeHeight(plan.arrival.look) };
        arrival.current = null;
        const walkable = walkables(floor);
        motion.current ??= new VisitorMotion(walkable);
        motion.current.enterFloor(walkable, to.at, to.look);
        setLoaded({ floor, scene });
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [floor, walkables]);

  /** Goes to a place on any floor: a walk on this floor, a ride in the lift to another. */
  const travel = useCallback(
    (to: FloorId, at: readonly [number, number], look: Point) => {
      setLiftOpen(false);
      if (loaded?.floor === to && floor === to && motion.current) {
        motion.current.goTo(at, look, !reducedMotion);
      } else {
        arrival.current = { at, look };
        setLoaded((current) => (current?.floor === to ? current : null));
        setFloor(to);
      }
    },
    [loaded, floor, reducedMotion],
  );

  const goToExhibit = useCallback(
    (id: string) => {
      const placement = placements.get(id);
      if (!placement) return;
      setFocus(id);
      const { at, look } = viewOf(placement);
      travel(placement.floor, at, look);
    },
    [placements, travel],
  );

  const goToRoom = useCallback(
    (roomId: string) => {
      const entrance = roomEntrance(roomId);
      if (!entrance) return;
      setFocus(null);
      // From the entrance the visitor faces the middle of the room's exhibits, so they are all in view.
      const inRoom = [...placements.values()].filter((placement) => placement.roomId === roomId);
      const look: [number, number] =
        inRoom.length > 0
          ? [
              inRoom.reduce((sum, placement) => sum + placement.at[0], 0) / inRoom.length,
              inRoom.reduce((sum, placement) => sum + placement.at[2], 0) / inRoom.length,
            ]
          : entrance.look;
      travel(entrance.floor, entrance.position, atEyeHeight(look));
    },
    [placements, travel],
  );

  const goToFloor = useCallback(
    (to: FloorId) => {
      const plan = floorPlans[to];
      setFocus(null);
      travel(to, plan.arrival.position, atEyeHeight(plan.arrival.look));
    },
    [travel],
  );

  /** A spot clicked on the floor: the visitor walks there, facing nothing in particular. */
  const walkTo = (x: number, z: number) => {
    if (!motion.current) return;
    setFocus(null);
    motion.current.goTo([x, z], null, !reducedMotion);
  };

  return {
    /** The floor the visitor is on, or going to. */
    floor,
    /** The floor whose architecture is shown; null while the next one is fetched. */
    loaded,
    failed,
    /** The exhibit the visitor came to see (its panel is open). */
    focus,
    liftOpen,
    motion,
    goToExhibit,
    goToRoom,
    goToFloor,
    walkTo,
    openLift: () => setLiftOpen(true),
    closeLift: () => setLiftOpen(false),
    stopFacing: () => setFocus(null),
  };
}

/** The visit's place and its moves, as the viewer's parts share them. */
export type VisitorTravel = ReturnType<typeof useVisitorTravel>;
