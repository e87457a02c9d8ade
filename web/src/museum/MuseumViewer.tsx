// The 3D museum (first room: the entrance hall): the exhibits of the room from the content API, each made by
// code, clickable to face it and read its panel; window.__museum reports the first frame and what it costs.
import { Canvas, useFrame, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Vector3 } from 'three';
import { AudioGuide, type AudioGuideText } from './AudioGuide';
import { instrumentation } from './instrumentation';
import { SailingBoat } from './SailingBoat';
import { WhaleSkeleton } from './WhaleSkeleton';

export interface ViewerExhibit {
  id: string;
  title: string;
  period: string;
  summary: string;
  href: string;
  kind: string;
  size: { width: number; height: number; depth: number };
}

export interface ViewerText extends AudioGuideText {
  /** What the 3D view says of itself to a screen reader, with its keys. */
  viewLabel: string;
  close: string;
  readMore: string;
  loading: string;
}

/** Where each of the entrance hall's exhibits stands, and where a visitor stands to face it. */
const placements: Record<string, { at: [number, number, number]; view: [number, number, number] }> = {
  'whale-skeleton': { at: [0, 6.5, 0], view: [0, 3, 14] },
  'sailing-boat-model': { at: [9, 0.4, -4], view: [9, 2.5, 3] },
  'quang-ninh-map-table': { at: [-9, 0.5, -3], view: [-9, 3, 3] },
};
const START = new Vector3(0, 2.2, 19);
const START_TARGET = new Vector3(0, 5, 0);

function Hall({ onFloorClick }: { onFloorClick: (point: Vector3) => void }) {
  return (
    <group>
      {/* biome-ignore lint/a11y/noStaticElementInteractions: a three.js mesh in the canvas, not a DOM element; the keyboard walks through the view's own keys. */}
      <mesh
        rotation={[-Math.PI / 2, 0, 0]}
        receiveShadow
        onClick={(event) => {
          event.stopPropagation();
          onFloorClick(event.point.clone());
        }}
      >
        <planeGeometry args={[40, 30]} />
        <meshStandardMaterial color="#f2f0ea" roughness={0.9} />
      </mesh>
      {/* White walls inside the black glass shell; the back wall is glass, dark toward the bay. */}
      <mesh position={[0, 7, -15]}>
        <planeGeometry args={[40, 14]} />
        <meshStandardMaterial color="#1b2529" metalness={0.6} roughness={0.15} />
      </mesh>
      {[-20, 20].map((x) => (
        <mesh key={x} position={[x, 7, 0]} rotation={[0, x < 0 ? Math.PI / 2 : -Math.PI / 2, 0]}>
          <planeGeometry args={[30, 14]} />
          <meshStandardMaterial color="#fbfaf7" roughness={1} />
        </mesh>
      ))}
    </group>
  );
}

function MapTable({ size }: { size: ViewerExhibit['size'] }) {
  return (
    <group>
      <mesh position={[0, size.height * 0.45, 0]}>
        <boxGeometry args={[size.width, size.height * 0.9, size.depth]} />
        <meshStandardMaterial color="#3d4a4f" />
      </mesh>
      <mesh position={[0, size.height * 0.91, 0]}>
        <boxGeometry args={[size.width * 0.95, 0.04, size.depth * 0.95]} />
        <meshStandardMaterial color="#2f7f86" emissive="#0d4f55" emissiveIntensity={0.4} />
      </mesh>
    </group>
  );
}

function ExhibitModel({ exhibit }: { exhibit: ViewerExhibit }) {
  if (exhibit.kind === 'whale-skeleton') return <WhaleSkeleton length={exhibit.size.width} />;
  if (exhibit.kind === 'boat-model') return <SailingBoat length={exhibit.size.width} />;
  return <MapTable size={exhibit.size} />;
}

/** Where the visitor may stand: inside the hall's walls, with a margin. */
const BOUNDS = { minX: -18.5, maxX: 18.5, minZ: -13.5, maxZ: 19.5 };
const EYE_HEIGHT = 1.7;
const WALK_SPEED = 5; // metres a second
const TURN_SPEED = 1.6; // radians a second

function keepInside(position: Vector3): Vector3 {
  position.x = Math.min(BOUNDS.maxX, Math.max(BOUNDS.minX, position.x));
  position.z = Math.min(BOUNDS.maxZ, Math.max(BOUNDS.minZ, position.z));
  return position;
}

/** Keys held down in the 3D view: forward/back (W S ↑ ↓) and turning (A D ← →). */
export type HeldKeys = Set<'forward' | 'back' | 'left' | 'right'>;

/**
 * Moves the camera: to face the chosen exhibit, or to a spot clicked on the floor (a glide, or a cut for
 * visitors who prefer reduced motion), and by the keys held down, never through a wall.
 */
function CameraDirector({
  focus,
  walkTo,
  keys,
  reducedMotion,
}: {
  focus: string | null;
  walkTo: Vector3 | null;
  keys: React.RefObject<HeldKeys>;
  reducedMotion: boolean;
}) {
  const { camera } = useThree();
  const goal = useRef({ position: START.clone(), target: START_TARGET.clone() });
  const looking = useRef(START_TARGET.clone());
  useEffect(() => {
    const placement = focus ? placements[focus] : undefined;
    if (placement) {
      goal.current = { position: new Vector3(...placement.view), target: new Vector3(...placement.at) };
    } else if (walkTo) {
      // Walk to the spot, looking on in the direction of travel.
      const position = keepInside(new Vector3(walkTo.x, EYE_HEIGHT, walkTo.z));
      const direction = position.clone().sub(camera.position).setY(0);
      if (direction.lengthSq() < 0.01) direction.set(0, 0, -1);
      goal.current = { position, target: position.clone().add(direction.normalize().multiplyScalar(10)) };
    } else {
      goal.current = { position: START.clone(), target: START_TARGET.clone() };
    }
    if (reducedMotion) {
      camera.position.copy(goal.current.position);
      looking.current.copy(goal.current.target);
    }
  }, [focus, walkTo, reducedMotion, camera]);
  useFrame((_, delta) => {
    const held = keys.current;
    if (held && held.size > 0) {
      // Keys steer from where the visitor stands now: the goal follows them.
      const forward = looking.current.clone().sub(camera.position).setY(0).normalize();
      const turn = (held.has('left') ? 1 : 0) - (held.has('right') ? 1 : 0);
      forward.applyAxisAngle(new Vector3(0, 1, 0), turn * TURN_SPEED * delta);
      const move = (held.has('forward') ? 1 : 0) - (held.has('back') ? 1 : 0);
      const position = keepInside(
        camera.position.clone().addScaledVector(forward, move * WALK_SPEED * delta),
      );
      goal.current = {
        position,
        target: position.clone().add(forward.multiplyScalar(10)).setY(looking.current.y),
      };
      camera.position.copy(goal.current.position);
      looking.current.copy(goal.current.target);
    }
    const step = reducedMotion ? 1 : Math.min(1, delta * 2.5);
    camera.position.lerp(goal.current.position, step);
    looking.current.lerp(goal.current.target, step);
    camera.lookAt(looking.current);
  });
  return null;
}

/** Reports the first drawn frame and the renderer's counters to window.__museum. */
function Instrumentation() {
  const { gl, camera } = useThree();
  useFrame(() => {
    const state = instrumentation();
    state.position = camera.position.toArray().map((value) => Math.round(value * 100) / 100) as [
      number,
      number,
      number,
    ];
    state.drawCalls = gl.info.render.calls;
    state.triangles = gl.info.render.triangles;
    state.textures = gl.info.memory.textures;
    state.ready = true;
  });
  return null;
}

function keyAction(key: string): 'forward' | 'back' | 'left' | 'right' | null {
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

export interface MuseumViewerProps {
  exhibits: ViewerExhibit[];
  text: ViewerText;
  language: 'vi' | 'en';
  initial: string | null;
  /** Told every time the visitor faces another exhibit (or none): the address bar, the visit statistics. */
  onFocusChange?: (exhibitId: string | null) => void;
}

export function MuseumViewer({ exhibits, text, language, initial, onFocusChange }: MuseumViewerProps) {
  const [focus, setFocus] = useState<string | null>(initial);
  const [walkTo, setWalkTo] = useState<Vector3 | null>(null);
  const heldKeys = useRef<HeldKeys>(new Set());
  const reducedMotion = useMemo(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches, []);
  const selected = exhibits.find((exhibit) => exhibit.id === focus) ?? null;
  useEffect(() => {
    instrumentation().currentExhibit = focus;
    onFocusChange?.(focus);
  }, [focus, onFocusChange]);

  return (
    <div className="museum-viewer">
      {/* The 3D view takes the keyboard when focused: arrows or WASD walk and turn, Escape closes the panel. */}
      <div
        className="museum-canvas"
        role="application"
        aria-label={text.viewLabel}
        // biome-ignore lint/a11y/noNoninteractiveTabindex: an ARIA application that takes the keyboard when focused (walking, turning, Escape).
        tabIndex={0}
        onKeyDown={(event) => {
          const action = keyAction(event.key);
          if (action) {
            event.preventDefault();
            heldKeys.current.add(action);
          } else if (event.key === 'Escape') {
            setFocus(null);
          }
        }}
        onKeyUp={(event) => {
          const action = keyAction(event.key);
          if (action) heldKeys.current.delete(action);
        }}
        onBlur={() => heldKeys.current.clear()}
      >
        <Canvas camera={{ position: START.toArray(), fov: 55 }} gl={{ antialias: true }} dpr={[1, 2]}>
          <color attach="background" args={['#dfe6e6']} />
          <hemisphereLight args={['#ffffff', '#c9c3b5', 1.1]} />
          <directionalLight position={[6, 14, 10]} intensity={1.4} />
          <Hall
            onFloorClick={(point) => {
              setFocus(null);
              setWalkTo(point);
            }}
          />
          {exhibits.map((exhibit) => {
            const placement = placements[exhibit.id];
            if (!placement) return null;
            return (
              // biome-ignore lint/a11y/noStaticElementInteractions: a three.js group in the canvas, not a DOM element; the exhibit buttons below give keyboard access.
              <group
                key={exhibit.id}
                position={placement.at}
                onClick={(event) => {
                  event.stopPropagation();
                  setFocus(exhibit.id);
                }}
              >
                <ExhibitModel exhibit={exhibit} />
              </group>
            );
          })}
          <CameraDirector focus={focus} walkTo={walkTo} keys={heldKeys} reducedMotion={reducedMotion} />
          <Instrumentation />
        </Canvas>
      </div>
      <nav className="museum-exhibit-buttons" aria-label="Exhibits">
        {exhibits
          .filter((exhibit) => placements[exhibit.id])
          .map((exhibit) => (
            <button
              key={exhibit.id}
              type="button"
              aria-pressed={focus === exhibit.id}
              onClick={() => setFocus(exhibit.id)}
            >
              {exhibit.title}
            </button>
          ))}
      </nav>
      {selected && (
        <section className="museum-panel" aria-live="polite" data-testid="exhibit-panel">
          <h2>{selected.title}</h2>
          <p className="field-hint">{selected.period}</p>
          <p>{selected.summary}</p>
          <p>
            <a href={selected.href}>{text.readMore}</a>
          </p>
          <AudioGuide
            key={selected.id}
            text={`${selected.title}. ${selected.period}. ${selected.summary}`}
            language={language}
            labels={text}
          />
          <button type="button" className="button button-secondary" onClick={() => setFocus(null)}>
            {text.close}
          </button>
        </section>
      )}
    </div>
  );
}
