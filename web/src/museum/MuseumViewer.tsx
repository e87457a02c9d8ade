// The 3D museum: the floors of the Quảng Ninh Museum (their architecture fetched per floor as compressed glTF,
// the lobby first), every exhibit of the content API made by code and placed in its room, with labels. Visitors
// click the floor to walk, click an exhibit to face it and read its panel, drag to look, use the keys, take the
// lift, jump through the floor plan, search, or follow a guided tour; window.__museum reports what a frame costs.
import { Canvas, type ThreeEvent, useFrame, useThree } from '@react-three/fiber';
import { type RefObject, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Group } from 'three';
import { AudioGuide, type AudioGuideText } from './AudioGuide';
import { buildDisplay, labelFor, variantsOf } from './exhibit-display';
import { loadFloorModel } from './floor-models';
import { instrumentation } from './instrumentation';
import { buildLabels, type PlacedLabel } from './labels';
import { type FloorId, floorIds, floorPlans, roomEntrance } from './layout/floor-plans';
import { type ExhibitPlacement, placeAll } from './layout/placement';
import { EYE_HEIGHT } from './layout/visitor';
import { WalkableFloor } from './layout/walkable-floor';
import { Minimap, type MinimapHandle, type MinimapText } from './Minimap';
import { MuseumSearch, type SearchText } from './MuseumSearch';
import { glassMaterial, solidMaterial } from './materials';
import { type Steering, VisitorMotion } from './navigation';
import { ObjectViewer, type ObjectViewerText } from './ObjectViewer';
import { TourControls, type TourListItem, type TourText } from './TourControls';

export interface ViewerExhibit {
  id: string;
  roomId: string;
  title: string;
  period: string;
  summary: string;
  href: string;
  kind: string;
  size: { width: number; height: number; depth: number };
}

export interface ViewerRoom {
  id: string;
  name: string;
}

export interface ViewerText extends AudioGuideText, MinimapText, SearchText, TourText, ObjectViewerText {
  /** What the 3D view says of itself to a screen reader, with its keys. */
  viewLabel: string;
  close: string;
  readMore: string;
  loading: string;
  exhibitsHere: string;
  lift: string;
  liftChoose: string;
}

type Point = { x: number; y: number; z: number };

function keyAction(key: string): Steering | null {
  switch (key.toLowerCase()) {
    case 'arrowup':
    case 'w':
      return 'forward';
    case 'arrowdown':
    case 's':
      return 'back';
    case 'arrowleft':
    case 'a':
      return 'left';
    case 'arrowright':
    case 'd':
      return 'right';
    default:
      return null;
  }
}

/** A pointer that moved this far between press and release was dragging the view, not clicking. */
const CLICK_TOLERANCE = 8;

/** One exhibit in its place: clicking it (not dragging across it) goes to it. */
function ExhibitInPlace({
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

/** The floor's labels and room signs: one mesh, one texture. */
function Labels({ labels }: { labels: PlacedLabel[] }) {
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

/** Moves the camera with the visitor, and reports the frame to window.__museum and the floor plan. */
function Rig({
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

export interface MuseumViewerProps {
  exhibits: ViewerExhibit[];
  rooms: ViewerRoom[];
  tours: TourListItem[];
  text: ViewerText;
  language: 'vi' | 'en';
  initial: string | null;
  /** Told every time the visitor faces another exhibit (or none): the address bar, the visit statistics. */
  onFocusChange?: (exhibitId: string | null) => void;
  onTourEvent: (event: 'tour-started' | 'tour-completed', tourId: string) => void;
}

export function MuseumViewer({
  exhibits,
  rooms,
  tours,
  text,
  language,
  initial,
  onFocusChange,
  onTourEvent,
}: MuseumViewerProps) {
  const placements = useMemo(
    () =>
      placeAll(
        exhibits.map((exhibit) => ({
          id: exhibit.id,
          roomId: exhibit.roomId,
          kind: exhibit.kind,
          size: exhibit.size,
        })),
      ),
    [exhibits],
  );
  const initialPlacement = initial ? placements.get(initial) : undefined;
  const [focus, setFocus] = useState<string | null>(initialPlacement ? (initial as string) : null);
  const [floor, setFloor] = useState<FloorId>(initialPlacement?.floor ?? 0);
  const [loaded, setLoaded] = useState<{ floor: FloorId; scene: Group } | null>(null);
  const [failed, setFailed] = useState(false);
  const [liftOpen, setLiftOpen] = useState(false);
  const [closerLook, setCloserLook] = useState(false);
  const heldKeys = useRef<Set<Steering>>(new Set());
  const minimap = useRef<MinimapHandle>(null);
  const motion = useRef<VisitorMotion | null>(null);
  /** Where to stand once the floor being fetched has arrived. */
  const arrival = useRef<{ at: readonly [number, number]; look: Point } | null>(
    initialPlacement ? viewOf(initialPlacement) : null,
  );
  const reducedMotion = useMemo(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches, []);
  const selected = exhibits.find((exhibit) => exhibit.id === focus) ?? null;
  const roomNames = useMemo(() => new Map(rooms.map((room) => [room.id, room.name])), [rooms]);
  const exhibitRooms = useMemo(
    () => new Map(exhibits.map((exhibit) => [exhibit.id, exhibit.roomId])),
    [exhibits],
  );
  const exhibitIds = useMemo(() => new Set(exhibits.map((exhibit) => exhibit.id)), [exhibits]);
  const variants = useMemo(() => variantsOf(exhibits), [exhibits]);

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
        const to = arrival.current ?? {
          at: plan.arrival.position,
          look: { x: plan.arrival.look[0], y: EYE_HEIGHT, z: plan.arrival.look[1] },
        };
        arrival.current = null;
        motion.current ??= new VisitorMotion(walkables(floor));
        motion.current.enterFloor(walkables(floor), to.at, to.look);
        setLoaded({ floor, scene });
      },
      () => current && setFailed(true),
    );
    return () => {
      current = false;
    };
  }, [floor, walkables]);

  useEffect(() => {
    instrumentation().currentExhibit = focus;
    onFocusChange?.(focus);
  }, [focus, onFocusChange]);

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
      travel(entrance.floor, entrance.position, { x: entrance.look[0], y: EYE_HEIGHT, z: entrance.look[1] });
    },
    [travel],
  );

  const goToFloor = useCallback(
    (to: FloorId) => {
      const plan = floorPlans[to];
      setFocus(null);
      travel(to, plan.arrival.position, { x: plan.arrival.look[0], y: EYE_HEIGHT, z: plan.arrival.look[1] });
    },
    [travel],
  );

  const onFloorEvent = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    if (event.delta > CLICK_TOLERANCE || !motion.current) return;
    if (event.object.name === 'lift') {
      setLiftOpen(true);
      return;
    }
    if (event.object.name !== 'floor') return;
    setFocus(null);
    const { x, z } = event.point;
    motion.current.goTo([x, z], null, !reducedMotion);
  };

  const onFloorExhibits = useMemo(
    () => (loaded ? exhibits.filter((exhibit) => placements.get(exhibit.id)?.floor === loaded.floor) : []),
    [exhibits, placements, loaded],
  );
  const labels = useMemo(() => {
    if (!loaded) return [];
    const placed: PlacedLabel[] = onFloorExhibits.flatMap((exhibit) => {
      const placement = placements.get(exhibit.id);
      return placement
        ? [labelFor(exhibit, placement, { title: exhibit.title, detail: exhibit.period })]
        : [];
    });
    return [...placed, ...roomSigns(loaded.floor, roomNames, language)];
  }, [loaded, onFloorExhibits, placements, roomNames, language]);

  // Dragging on the view looks around (the world follows the pointer); a short press is a click.
  const drag = useRef<{ x: number; y: number; id: number } | null>(null);

  return (
    <div className="museum-viewer">
      <div className="museum-view-column">
        {/* The 3D view takes the keyboard when focused: arrows or WASD walk and turn, Escape closes the panel. */}
        <div
          className="museum-canvas"
          role="application"
          aria-label={text.viewLabel}
          aria-busy={!loaded}
          // biome-ignore lint/a11y/noNoninteractiveTabindex: an ARIA application that takes the keyboard when focused (walking, turning, Escape).
          tabIndex={0}
          onKeyDown={(event) => {
            const action = keyAction(event.key);
            if (action) {
              event.preventDefault();
              heldKeys.current.add(action);
            } else if (event.key === 'Escape') {
              setFocus(null);
              setLiftOpen(false);
            }
          }}
          onKeyUp={(event) => {
            const action = keyAction(event.key);
            if (action) heldKeys.current.delete(action);
          }}
          onBlur={() => heldKeys.current.clear()}
          onPointerDown={(event) => {
            drag.current = { x: event.clientX, y: event.clientY, id: event.pointerId };
          }}
          onPointerMove={(event) => {
            const start = drag.current;
            if (!start || start.id !== event.pointerId || !motion.current) return;
            if (event.buttons === 0 && event.pointerType === 'mouse') {
              drag.current = null;
              return;
            }
            motion.current.turnBy((event.clientX - start.x) * 0.005, (event.clientY - start.y) * 0.004);
            drag.current = { ...start, x: event.clientX, y: event.clientY };
          }}
          onPointerUp={() => {
            drag.current = null;
          }}
          onPointerCancel={() => {
            drag.current = null;
          }}
        >
          <Canvas
            camera={{ fov: 60, near: 0.05, far: 600 }}
            gl={{ antialias: true }}
            dpr={[1, 2]}
            onCreated={({ gl }) => {
              // Checking each shader's log waits for the GPU to finish compiling it: only while developing.
              gl.debug.checkShaderErrors = import.meta.env.DEV;
            }}
          >
            <color attach="background" args={[floorPlans[floor].outdoor ? '#bcd6e3' : '#e4e8e8']} />
            {/* Bright, even gallery light from above; outdoors the sun. */}
            <hemisphereLight args={['#ffffff', '#d8d2c4', floorPlans[floor].outdoor ? 2.2 : 2.4]} />
            <directionalLight position={[8, 16, 10]} intensity={floorPlans[floor].outdoor ? 2.4 : 0.9} />
            <ambientLight intensity={0.5} />
            {loaded && motion.current && (
              <>
                {/* biome-ignore lint/a11y/noStaticElementInteractions: the floor in the canvas; the floor plan and the room buttons give keyboard access. */}
                <primitive object={loaded.scene} onClick={onFloorEvent} />
                {onFloorExhibits.map((exhibit) => {
                  const placement = placements.get(exhibit.id);
                  return placement ? (
                    <ExhibitInPlace
                      key={exhibit.id}
                      exhibit={exhibit}
                      placement={placement}
                      variant={variants.get(exhibit.id) ?? 0}
                      onChoose={goToExhibit}
                    />
                  ) : null;
                })}
                <Labels labels={labels} />
                <Rig motion={motion.current} keys={heldKeys} floor={loaded.floor} minimap={minimap} />
              </>
            )}
          </Canvas>
          {!loaded && (
            <p className="museum-loading" role="status">
              {failed ? text.loading : `${text.loading} ${floorPlans[floor].name[language]}…`}
            </p>
          )}
          {liftOpen && (
            <fieldset className="museum-lift">
              <legend>{text.liftChoose}</legend>
              {floorIds.map((id) => (
                <button
                  key={id}
                  type="button"
                  className="button button-secondary"
                  onClick={() => goToFloor(id)}
                >
                  {floorPlans[id].name[language]}
                </button>
              ))}
              <button type="button" className="button" onClick={() => setLiftOpen(false)}>
                {text.close}
              </button>
            </fieldset>
          )}
          {selected && (
            <section className="museum-panel" aria-live="polite" data-testid="exhibit-panel">
              <h2>{selected.title}</h2>
              <p className="field-hint">
                {selected.period} · {roomNames.get(selected.roomId)}
              </p>
              <p>{selected.summary}</p>
              <p>
                <a href={selected.href}>{text.readMore}</a>
              </p>
              <div className="museum-panel-buttons">
                <AudioGuide
                  key={selected.id}
                  text={`${selected.title}. ${selected.period}. ${selected.summary}`}
                  language={language}
                  labels={text}
                />
                <button type="button" className="button button-secondary" onClick={() => setCloserLook(true)}>
                  {text.closer}
                </button>
                <button type="button" className="button button-secondary" onClick={() => setFocus(null)}>
                  {text.close}
                </button>
              </div>
            </section>
          )}
        </div>
        {selected && closerLook && (
          <ObjectViewer
            variant={variants.get(selected.id) ?? 0}
            title={selected.title}
            kind={selected.kind}
            size={selected.size}
            text={text}
            onClose={() => setCloserLook(false)}
          />
        )}
      </div>
      <aside className="museum-sidebar">
        <MuseumSearch
          language={language}
          text={text}
          roomNames={roomNames}
          exhibitRooms={exhibitRooms}
          onChoose={goToExhibit}
        />
        <Minimap
          ref={minimap}
          floor={floor}
          language={language}
          roomNames={roomNames}
          text={text}
          onRoom={goToRoom}
          onFloor={goToFloor}
        />
        <nav className="museum-exhibit-buttons" aria-label={text.exhibitsHere}>
          <h2>{text.exhibitsHere}</h2>
          <ul>
            {onFloorExhibits.map((exhibit) => (
              <li key={exhibit.id}>
                <button
                  type="button"
                  className="museum-chip"
                  aria-pressed={focus === exhibit.id}
                  onClick={() => goToExhibit(exhibit.id)}
                >
                  {exhibit.title}
                </button>
              </li>
            ))}
          </ul>
        </nav>
        <TourControls
          tours={tours}
          exhibitIds={exhibitIds}
          language={language}
          text={text}
          onStop={goToExhibit}
          onTourEvent={onTourEvent}
        />
      </aside>
    </div>
  );
}

/** Where to stand before an exhibit, and the point to look at. */
function viewOf(placement: ExhibitPlacement): { at: [number, number]; look: Point } {
  const [x, , z] = placement.view.position;
  const [tx, ty, tz] = placement.view.target;
  return { at: [x, z], look: { x: tx, y: ty, z: tz } };
}

/** The rooms' signs, over their doors on the corridor side. */
function roomSigns(floor: FloorId, roomNames: Map<string, string>, language: 'vi' | 'en'): PlacedLabel[] {
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
