// The fin whale skeleton hanging over the entrance hall, made by code: vertebrae and ribs as two instanced
// meshes (two draw calls for about a hundred bones), a skull and jaws, and the flippers.
import { useLayoutEffect, useMemo, useRef } from 'react';
import { type InstancedMesh, Matrix4, Quaternion, Vector3 } from 'three';

const BONE = '#efe8d6';
const VERTEBRAE = 58;
const RIB_PAIRS = 15;

/** The spine's curve: length along x, a gentle arch, tapering toward the tail. */
function spinePoint(t: number, length: number): Vector3 {
  return new Vector3(-length / 2 + t * length, Math.sin(t * Math.PI) * 0.6 - t * 0.3, 0);
}

export function WhaleSkeleton({ length }: { length: number }) {
  const vertebrae = useRef<InstancedMesh>(null);
  const ribs = useRef<InstancedMesh>(null);

  const layout = useMemo(() => {
    const matrix = new Matrix4();
    const spine = Array.from({ length: VERTEBRAE }, (_, index) => {
      const t = index / (VERTEBRAE - 1);
      const radius = 0.32 * (1 - t * 0.75) + 0.04;
      return matrix
        .clone()
        .compose(spinePoint(t, length), new Quaternion(), new Vector3(radius, radius, radius));
    });
    const ribMatrices = Array.from({ length: RIB_PAIRS * 2 }, (_, index) => {
      const pair = Math.floor(index / 2);
      const side = index % 2 === 0 ? 1 : -1;
      const t = 0.14 + (pair / RIB_PAIRS) * 0.36;
      const size = 1.6 * (1 - Math.abs(pair - 5) / 14);
      const rotation = new Quaternion().setFromAxisAngle(new Vector3(1, 0, 0), side * 0.25);
      return matrix
        .clone()
        .compose(
          spinePoint(t, length).add(new Vector3(0, -size * 0.55, side * 0.15)),
          rotation,
          new Vector3(size, size, size),
        );
    });
    return { spine, ribMatrices };
  }, [length]);

  useLayoutEffect(() => {
    for (const [index, bone] of layout.spine.entries()) vertebrae.current?.setMatrixAt(index, bone);
    for (const [index, rib] of layout.ribMatrices.entries()) ribs.current?.setMatrixAt(index, rib);
    if (vertebrae.current) vertebrae.current.instanceMatrix.needsUpdate = true;
    if (ribs.current) ribs.current.instanceMatrix.needsUpdate = true;
  }, [layout]);

  return (
    <group>
      <instancedMesh ref={vertebrae} args={[undefined, undefined, VERTEBRAE]} castShadow>
        <cylinderGeometry args={[1, 1, 0.45, 10]} />
        <meshStandardMaterial color={BONE} roughness={0.8} />
      </instancedMesh>
      <instancedMesh ref={ribs} args={[undefined, undefined, RIB_PAIRS * 2]}>
        {/* Half a ring: a rib curving down from the spine. */}
        <torusGeometry args={[0.6, 0.05, 6, 16, Math.PI]} />
        <meshStandardMaterial color={BONE} roughness={0.8} />
      </instancedMesh>
      {/* The skull, wide and flat, and the two long lower jaws of a baleen whale. */}
      <mesh position={[-length / 2 - 1.6, 0.1, 0]} scale={[2.2, 0.45, 1.1]}>
        <sphereGeometry args={[1, 16, 10]} />
        <meshStandardMaterial color={BONE} roughness={0.8} />
      </mesh>
      {[1, -1].map((side) => (
        <mesh key={side} position={[-length / 2 - 1.8, -0.45, side * 0.7]} rotation={[0, side * 0.12, 0.08]}>
          <boxGeometry args={[4.2, 0.16, 0.14]} />
          <meshStandardMaterial color={BONE} roughness={0.8} />
        </mesh>
      ))}
      {/* Flippers behind the skull. */}
      {[1, -1].map((side) => (
        <mesh
          key={`flipper-${side}`}
          position={[-length / 2 + 3.2, -1.1, side * 1.3]}
          rotation={[side * 0.6, 0, -0.5]}
        >
          <boxGeometry args={[1.8, 0.12, 0.45]} />
          <meshStandardMaterial color={BONE} roughness={0.8} />
        </mesh>
      ))}
    </group>
  );
}
