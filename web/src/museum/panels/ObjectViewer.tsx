// A closer look at one object: its model alone on a round stand, lit as in a photographer's studio (the room
// environment, a key light from above and in front) with its shadow baked under it, turned by dragging (or the
// arrow keys) and zoomed with the wheel, a pinch or the + and − buttons — for details too small to see in the
// gallery, such as the 5 cm golden lotus box.
import { Canvas, useThree } from '@react-three/fiber';
import { useEffect, useMemo, useRef } from 'react';
import { Box3, type BufferGeometry, NeutralToneMapping, Sphere, Vector3 } from 'three';
import { OrbitControls } from 'three/examples/jsm/controls/OrbitControls.js';
import { buildExhibitModel, type ModelKind } from '../geometry/exhibit-models';
import { type BuiltModel, disposeModel, geometriesOf, ModelBuilder } from '../geometry/parts';
import { ShadowOnFloor, useContactShadow } from '../scene/ExhibitInPlace';
import { GalleryEnvironment } from '../scene/lighting';
import { ModelMeshes } from '../scene/ModelMeshes';

export interface ObjectViewerText {
  closer: string;
  zoomIn: string;
  zoomOut: string;
  close: string;
  objectView: string;
}

function Controls({
  radius,
  zoom,
}: {
  radius: number;
  zoom: React.RefObject<((factor: number) => void) | null>;
}) {
  const { camera, gl } = useThree();
  useEffect(() => {
    camera.position.set(radius * 1.2, radius * 0.9, radius * 2.4);
    camera.near = radius / 100;
    camera.far = radius * 100;
    camera.updateProjectionMatrix();
    const controls = new OrbitControls(camera, gl.domElement);
    controls.target.set(0, 0, 0);
    controls.enableDamping = true;
    controls.minDistance = radius * 0.6;
    controls.maxDistance = radius * 6;
    controls.listenToKeyEvents(gl.domElement);
    controls.update();
    zoom.current = (factor) => {
      const offset = camera.position.clone().sub(controls.target);
      const length = Math.min(controls.maxDistance, Math.max(controls.minDistance, offset.length() * factor));
      camera.position.copy(controls.target).add(offset.setLength(length));
      controls.update();
    };
    let frame = requestAnimationFrame(function tick() {
      controls.update();
      frame = requestAnimationFrame(tick);
    });
    return () => {
      cancelAnimationFrame(frame);
      controls.dispose();
      zoom.current = null;
    };
  }, [camera, gl, radius, zoom]);
  return null;
}

/** The object on its stand, with its shadow; `floorY` is where its lowest point rests. */
function ViewedObject({ model, floorY, radius }: { model: BuiltModel; floorY: number; radius: number }) {
  const shadow = useContactShadow(model, floorY);
  return (
    <>
      <ModelMeshes model={model} />
      {shadow && <ShadowOnFloor shadow={shadow} floorY={floorY} />}
      <mesh position={[0, floorY - 0.002, 0]} rotation={[-Math.PI / 2, 0, 0]}>
        <circleGeometry args={[radius * 2.2, 64]} />
        <meshStandardMaterial color="#eae6de" roughness={0.85} />
      </mesh>
      <spotLight
        position={[radius * 1.5, radius * 4, radius * 3]}
        angle={0.5}
        penumbra={0.8}
        decay={0}
        intensity={2.2}
        color="#fff3dd"
      />
    </>
  );
}

export function ObjectViewer({
  variant,
  title,
  kind,
  size,
  text,
  onClose,
}: {
  variant: number;
  title: string;
  kind: string;
  size: { width: number; height: number; depth: number };
  text: ObjectViewerText;
  onClose: () => void;
}) {
  const zoom = useRef<((factor: number) => void) | null>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const model = useMemo(() => {
    const builder = new ModelBuilder();
    buildExhibitModel(kind as ModelKind, size, builder, variant);
    const built = builder.build();
    // Centred on the origin, so it turns about its middle.
    const bounds = new Box3();
    for (const geometry of geometriesOf(built)) {
      if (geometry.boundingBox) bounds.union(geometry.boundingBox);
    }
    const centre = bounds.getCenter(new Vector3());
    const centred = (geometry: BufferGeometry) => {
      const moved = geometry.clone().translate(-centre.x, -centre.y, -centre.z);
      moved.computeBoundingBox();
      return moved;
    };
    disposeModel(built);
    return {
      built: {
        surfaces: built.surfaces.map((surface) => ({ ...surface, geometry: centred(surface.geometry) })),
        glass: built.glass ? centred(built.glass) : null,
      } satisfies BuiltModel,
      floorY: bounds.min.y - centre.y,
      radius: bounds.getBoundingSphere(new Sphere()).radius,
    };
  }, [variant, kind, size]);
  useEffect(() => () => disposeModel(model.built), [model]);
  useEffect(() => closeButton.current?.focus(), []);

  return (
    <div
      className="museum-object-viewer"
      role="dialog"
      aria-modal="true"
      aria-label={`${text.closer}: ${title}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          onClose();
        }
      }}
    >
      <div
        className="museum-object-canvas"
        role="img"
        aria-label={`${text.objectView}: ${title}`}
        data-testid="object-viewer"
      >
        <Canvas dpr={[1, 2]} camera={{ fov: 40 }} gl={{ antialias: true, toneMapping: NeutralToneMapping }}>
          <color attach="background" args={['#d9d6d0']} />
          <GalleryEnvironment intensity={0.9} />
          <hemisphereLight args={['#ffffff', '#bdb6a6', 0.4]} />
          <ViewedObject model={model.built} floorY={model.floorY} radius={Math.max(0.02, model.radius)} />
          <Controls radius={Math.max(0.02, model.radius)} zoom={zoom} />
        </Canvas>
      </div>
      <div className="museum-object-buttons">
        <button type="button" className="button button-secondary" onClick={() => zoom.current?.(0.75)}>
          {text.zoomIn}
        </button>
        <button type="button" className="button button-secondary" onClick={() => zoom.current?.(1.33)}>
          {text.zoomOut}
        </button>
        <button ref={closeButton} type="button" className="button" onClick={onClose}>
          {text.close}
        </button>
      </div>
    </div>
  );
}
