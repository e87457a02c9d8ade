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
import { instrumentation } from '../instrumentation';
import { ShadowOnFloor, useContactShadow } from '../scene/ExhibitInPlace';
import { GalleryEnvironment } from '../scene/lighting';
import { ModelMeshes } from '../scene/ModelMeshes';
import { quality } from '../scene/quality';

export interface ObjectViewerText {
  closer: string;
  zoomIn: string;
  zoomOut: string;
  close: string;
  objectView: string;
}

/**
 * How far the camera stands so the whole object fills most of the view from the front, a little to the right and
 * above: a long object (the 21 m whale) is framed by its length, a tall one by its height, not by the sphere
 * around it, which would leave a long thin object small in the middle of an empty view.
 */
function framingDistance(size: Vector3, aspect: number, fov: number): number {
  const vertical = Math.tan((fov * Math.PI) / 360);
  const horizontal = vertical * aspect;
  return Math.max(size.y / 2 / vertical, Math.max(size.x, size.z) / 2 / horizontal) * 1.15 + size.z / 2;
}

function Controls({
  radius,
  size,
  zoom,
}: {
  radius: number;
  size: Vector3;
  zoom: React.RefObject<((factor: number) => void) | null>;
}) {
  const { camera, gl, size: canvas } = useThree();
  useEffect(() => {
    const distance = framingDistance(size, canvas.width / Math.max(1, canvas.height), 40);
    camera.position.copy(new Vector3(0.45, 0.32, 1).normalize().multiplyScalar(distance));
    camera.near = radius / 100;
    camera.far = radius * 100;
    camera.updateProjectionMatrix();
    const controls = new OrbitControls(camera, gl.domElement);
    controls.target.set(0, 0, 0);
    controls.enableDamping = true;
    controls.minDistance = radius * 0.4;
    controls.maxDistance = Math.max(distance * 2, radius * 3);
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
  }, [camera, gl, radius, size, canvas.width, canvas.height, zoom]);
  return null;
}

/** The object on its stand, with its shadow; `floorY` is where its lowest point rests. */
function ViewedObject({
  kind,
  model,
  floorY,
  size,
}: {
  kind: string;
  model: BuiltModel;
  floorY: number;
  size: Vector3;
}) {
  const reach = Math.max(size.x, size.z, 0.02);
  const shadow = useContactShadow(model, floorY);
  const scene = useThree((state) => state.scene);
  useEffect(() => {
    instrumentation().viewer = { kind, lit: scene.environment !== null, shadow: shadow !== null };
    return () => {
      instrumentation().viewer = null;
    };
  }, [kind, scene, shadow]);
  return (
    <>
      <ModelMeshes model={model} />
      {shadow && <ShadowOnFloor shadow={shadow} floorY={floorY} />}
      <mesh position={[0, floorY - 0.002, 0]} rotation={[-Math.PI / 2, 0, 0]}>
        <circleGeometry args={[reach * 0.75, 64]} />
        <meshStandardMaterial color="#eae6de" roughness={0.85} />
      </mesh>
      <spotLight
        position={[reach * 0.5, reach * 1.5 + size.y * 2, reach]}
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
      size: bounds.getSize(new Vector3()),
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
        <Canvas
          dpr={quality() === 'full' ? [1, 2] : 1}
          camera={{ fov: 40 }}
          gl={{ antialias: true, toneMapping: NeutralToneMapping }}
        >
          <color attach="background" args={['#d9d6d0']} />
          <GalleryEnvironment intensity={0.9} />
          <hemisphereLight args={['#ffffff', '#bdb6a6', 0.4]} />
          <ViewedObject kind={kind} model={model.built} floorY={model.floorY} size={model.size} />
          <Controls radius={Math.max(0.02, model.radius)} size={model.size} zoom={zoom} />
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
