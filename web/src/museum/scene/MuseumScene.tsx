// What the 3D view draws: the floor's architecture under gallery light (the room environment, spotlights on the
// exhibits near the visitor; the sun outdoors), every exhibit of the floor in its place with its baked shadow,
// their labels and the rooms' signs, the graphics on the walls and the signs that show the way, and the camera
// where the visitor stands. A click on the floor walks there; a click on the lift opens it. Colours are managed
// as three recommends: sRGB output, and the Khronos PBR Neutral tone mapping, which keeps an object's base colour
// true under bright light.

import { Canvas, type ThreeEvent, useFrame } from '@react-three/fiber';
import { type RefObject, useMemo, useState } from 'react';
import { NeutralToneMapping, SRGBColorSpace } from 'three';
import type { Language } from '../../../../functions/platform/language';
import type { ViewerExhibit, ViewerRoom } from '../content';
import { instrumentation } from '../instrumentation';
import { floorPlans } from '../layout/floor-plans';
import type { ExhibitPlacement } from '../layout/placement';
import { VERTICAL_FIELD_OF_VIEW } from '../layout/visitor';
import type { MinimapHandle } from '../navigation/Minimap';
import { CLICK_TOLERANCE } from '../navigation/steering';
import type { VisitorTravel } from '../navigation/travel';
import type { Steering } from '../navigation/visitor-motion';
import { WallGraphics } from '../walls/WallGraphics';
import { CameraRig } from './CameraRig';
import { ExhibitInPlace } from './ExhibitInPlace';
import { FloorLabels, floorLabels } from './FloorLabels';
import { ExhibitSpotlights, GalleryEnvironment } from './lighting';
import { PrepareFinishes } from './PrepareFinishes';
import type { Quality } from './quality';
import { WaterLightCeiling } from './WaterLightCeiling';

/**
 * A floor arrives in stages, a frame apart, so that its first frame comes quickly after the lift: the
 * architecture and the exhibits first; the wall graphics on the next frame; the labels on the one after; then the
 * exhibits' shadows, a few baked per frame. (Drawing the walls' canvases, sending them to the GPU and baking every
 * shadow in the first frame held it back by one to two seconds on a software GPU.)
 */
const WALLS_STAGE = 1;
const LABELS_STAGE = 2;
const SHADOWS_STAGE = 3;
const SHADOWS_PER_FRAME = 4;

/** Moves the loaded floor on to its next stage after each frame drawn, until its last (then it has settled). */
function StageClock({
  loaded,
  stage,
  last,
  advance,
}: {
  loaded: boolean;
  stage: number;
  last: number;
  advance: () => void;
}) {
  useFrame(() => {
    instrumentation().settled = loaded && stage >= last;
    if (loaded && stage < last) advance();
  });
  return null;
}

export function MuseumScene({
  quality,
  visit,
  exhibits,
  placements,
  variants,
  rooms,
  roomNames,
  language,
  heldKeys,
  minimap,
}: {
  /** How richly to draw: the light level draws at one pixel per CSS pixel, without spotlights. */
  quality: Quality;
  /** Where the visitor is (the floor's light shows at once, its architecture once it has arrived) and goes. */
  visit: VisitorTravel;
  /** The exhibits of the loaded floor. */
  exhibits: ViewerExhibit[];
  placements: Map<string, ExhibitPlacement>;
  variants: Map<string, number>;
  rooms: ViewerRoom[];
  roomNames: Map<string, string>;
  language: Language;
  heldKeys: RefObject<Set<Steering>>;
  minimap: RefObject<MinimapHandle | null>;
}) {
  const { floor, loaded, goToExhibit, walkTo, openLift } = visit;
  const motion = visit.motion.current;
  const outdoor = floorPlans[floor].outdoor;
  const labels = useMemo(
    () => (loaded ? floorLabels(loaded.floor, exhibits, placements, roomNames, language) : []),
    [loaded, exhibits, placements, roomNames, language],
  );

  const roomsById = useMemo(() => new Map(rooms.map((room) => [room.id, room])), [rooms]);

  const floorPlacements = useMemo(
    () => exhibits.flatMap((exhibit) => placements.get(exhibit.id) ?? []),
    [exhibits, placements],
  );
  const heights = useMemo(
    () => new Map(exhibits.map((exhibit) => [exhibit.id, exhibit.size.height])),
    [exhibits],
  );

  const inViewCandidates = useMemo(
    () =>
      exhibits.flatMap((exhibit) => {
        const placement = placements.get(exhibit.id);
        return placement ? [{ placement, height: exhibit.size.height }] : [];
      }),
    [exhibits, placements],
  );
  // Floor 1's ceiling over the space between its tubes shimmers like water.
  const waterLight = useMemo(() => {
    if (loaded?.floor !== 1) return null;
    const corridor = floorPlans[1].areas.find((area) => area.kind === 'corridor')?.shape;
    return corridor && 'rect' in corridor ? corridor.rect : null;
  }, [loaded]);

  // The stage the loaded floor has reached; a floor newly loaded starts at 0.
  const [staged, setStaged] = useState<{ of: typeof loaded; stage: number }>({ of: null, stage: 0 });
  const stage = staged.of === loaded ? staged.stage : 0;
  const lastStage = SHADOWS_STAGE + Math.ceil(exhibits.length / SHADOWS_PER_FRAME);
  const advance = () =>
    setStaged((current) =>
      (current.of === loaded ? current.stage : 0) === stage ? { of: loaded, stage: stage + 1 } : current,
    );

  const onFloorEvent = (event: ThreeEvent<MouseEvent>) => {
    event.stopPropagation();
    if (event.delta > CLICK_TOLERANCE) return;
    if (event.object.name === 'lift') openLift();
    else if (event.object.name === 'floor') walkTo(event.point.x, event.point.z);
  };

  return (
    <Canvas
      camera={{ fov: VERTICAL_FIELD_OF_VIEW, near: 0.05, far: 600 }}
      gl={{
        antialias: quality === 'full',
        toneMapping: NeutralToneMapping,
        outputColorSpace: SRGBColorSpace,
      }}
      dpr={quality === 'full' ? [1, 2] : 1}
      onCreated={({ gl }) => {
        // Checking each shader's log waits for the GPU to finish compiling it: only while developing.
        gl.debug.checkShaderErrors = import.meta.env.DEV;
      }}
    >
      <color attach="background" args={[outdoor ? '#bcd6e3' : '#e4e8e8']} />
      {/* The room's soft light from every side, a little from above; outdoors the sun as well. */}
      <GalleryEnvironment intensity={outdoor ? 0.9 : 0.65} sky={outdoor} />
      <hemisphereLight args={['#ffffff', '#d8d2c4', outdoor ? 1.2 : 0.6]} />
      <directionalLight position={[8, 16, 10]} intensity={outdoor ? 2.6 : 0.5} />
      {quality === 'full' && (
        <ExhibitSpotlights
          placements={floorPlacements}
          heights={heights}
          ceiling={floorPlans[floor].wallHeight}
          visitor={() => visit.motion.current ?? { x: 0, z: 0 }}
        />
      )}
      <StageClock loaded={loaded !== null} stage={stage} last={lastStage} advance={advance} />
      <PrepareFinishes start={loaded !== null && stage >= lastStage} />
      {loaded && motion && (
        <>
          {/* biome-ignore lint/a11y/noStaticElementInteractions: the floor in the canvas; the floor plan and the room buttons give keyboard access. */}
          <primitive object={loaded.scene} onClick={onFloorEvent} />
          {exhibits.map((exhibit, index) => {
            const placement = placements.get(exhibit.id);
            return placement ? (
              <ExhibitInPlace
                key={exhibit.id}
                exhibit={exhibit}
                placement={placement}
                variant={variants.get(exhibit.id) ?? 0}
                bakeShadow={stage >= SHADOWS_STAGE + Math.floor(index / SHADOWS_PER_FRAME)}
                onChoose={goToExhibit}
              />
            ) : null;
          })}
          {stage >= LABELS_STAGE && <FloorLabels labels={labels} />}
          {stage >= WALLS_STAGE && (
            <WallGraphics floor={loaded.floor} rooms={roomsById} exhibits={exhibits} language={language} />
          )}
          {waterLight && <WaterLightCeiling rect={waterLight} height={floorPlans[loaded.floor].wallHeight} />}
          <CameraRig
            motion={motion}
            keys={heldKeys}
            floor={loaded.floor}
            minimap={minimap}
            exhibits={inViewCandidates}
          />
        </>
      )}
    </Canvas>
  );
}
