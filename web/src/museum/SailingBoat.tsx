// The large sailing-boat model of the entrance hall: a hull, a mast and three batten sails, by code.
import { useMemo } from 'react';
import { DoubleSide, Shape } from 'three';

export function SailingBoat({ length }: { length: number }) {
  const sail = useMemo(() => {
    const shape = new Shape();
    shape.moveTo(0, 0);
    shape.lineTo(length * 0.3, 0);
    shape.lineTo(length * 0.24, length * 0.42);
    shape.lineTo(0, length * 0.46);
    shape.closePath();
    return shape;
  }, [length]);
  return (
    <group>
      <mesh position={[0, length * 0.06, 0]} scale={[length / 2, length * 0.08, length * 0.14]}>
        <sphereGeometry args={[1, 20, 8, 0, Math.PI * 2, Math.PI / 2, Math.PI / 2]} />
        <meshStandardMaterial color="#7a4a26" roughness={0.7} />
      </mesh>
      <mesh position={[0, length * 0.3, 0]}>
        <cylinderGeometry args={[0.04, 0.05, length * 0.5, 8]} />
        <meshStandardMaterial color="#5b3a1e" />
      </mesh>
      {[-0.32, 0, 0.28].map((offset) => (
        <mesh key={offset} position={[length * offset, length * 0.1, 0]}>
          <shapeGeometry args={[sail]} />
          <meshStandardMaterial color="#b5472b" side={DoubleSide} roughness={0.9} />
        </mesh>
      ))}
    </group>
  );
}
