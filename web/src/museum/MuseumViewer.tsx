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

function Hall() {
  return (
    <group>
      <mesh rotation={[-Math.PI / 2, 0, 0]} receiveShadow>
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

/** Moves the camera to face the chosen exhibit: a glide, or a cut for visitors who prefer reduced motion. */
function CameraDirector({ focus, reducedMotion }: { focus: string | null; reducedMotion: boolean }) {
  const { camera } = useThree();
  const goal = useRef({ position: START.clone(), target: START_TARGET.clone() });
  const looking = useRef(START_TARGET.clone());
  useEffect(() => {
    const placement = focus ? placements[focus] : undefined;
    goal.current = placement
      ? { position: new Vector3(...placement.view), target: new Vector3(...placement.at) }
      : { position: START.clone(), target: START_TARGET.clone() };
    if (reducedMotion) {
      camera.position.copy(goal.current.position);
      looking.current.copy(goal.current.target);
    }
  }, [focus, reducedMotion, camera]);
  useFrame((_, delta) => {
    const step = reducedMotion ? 1 : Math.min(1, delta * 2.5);
    camera.position.lerp(goal.current.position, step);
    looking.current.lerp(goal.current.target, step);
    camera.lookAt(looking.current);
  });
  return null;
}

/** Reports the first drawn frame and the renderer's counters to window.__museum. */
function Instrumentation() {
  const { gl } = useThree();
  useFrame(() => {
    const state = instrumentation();
    state.drawCalls = gl.info.render.calls;
    state.triangles = gl.info.render.triangles;
    state.textures = gl.info.memory.textures;
    state.ready = true;
  });
  return null;
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
  const reducedMotion = useMemo(() => window.matchMedia('(prefers-reduced-motion: reduce)').matches, []);
  const selected = exhibits.find((exhibit) => exhibit.id === focus) ?? null;
  useEffect(() => {
    instrumentation().currentExhibit = focus;
    onFocusChange?.(focus);
  }, [focus, onFocusChange]);

  return (
    <div className="museum-viewer">
      <Canvas camera={{ position: START.toArray(), fov: 55 }} gl={{ antialias: true }} dpr={[1, 2]}>
        <color attach="background" args={['#dfe6e6']} />
        <hemisphereLight args={['#ffffff', '#c9c3b5', 1.1]} />
        <directionalLight position={[6, 14, 10]} intensity={1.4} />
        <Hall />
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
        <CameraDirector focus={focus} reducedMotion={reducedMotion} />
        <Instrumentation />
      </Canvas>
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
