// Floor 1's ceiling between the four tubes: as in the museum, where fabric and light imitate shimmering water
// overhead, a luminous ceiling crossed by moving caustics — a net of bright lines that drift as light does
// through waves. One plane and one small shader, drawn once per frame with nothing else to compute.
import { useFrame } from '@react-three/fiber';
import { useEffect, useMemo } from 'react';
import { DoubleSide, PlaneGeometry, ShaderMaterial } from 'three';
import type { Rect } from '../layout/floor-plans';

const vertexShader = `
  varying vec2 place;
  uniform vec2 size;
  void main() {
    place = uv * size;
    gl_Position = projectionMatrix * modelViewMatrix * vec4(position, 1.0);
  }`;

// Each layer is a warped interference of sines; 1 − |value| raised to a high power keeps only its thin ridges,
// which cross like the lines of light on a pool's floor. Three layers at different scales and speeds.
const fragmentShader = `
  varying vec2 place;
  uniform float time;
  float ridges(vec2 p, float t) {
    float value = sin(p.x + 1.3 * sin(p.y * 0.8 + t)) * sin(p.y * 1.1 + 1.1 * sin(p.x * 0.7 - t * 0.8));
    return pow(1.0 - abs(value), 7.0);
  }
  void main() {
    float light = 0.0;
    light += ridges(place * 1.6, time * 0.55) * 0.6;
    light += ridges(place * 2.7 + vec2(3.1, 1.7), time * 0.8) * 0.35;
    light += ridges(place * 0.9 + vec2(7.0, 2.0), time * 0.35) * 0.3;
    vec3 water = vec3(0.56, 0.76, 0.86);
    vec3 colour = mix(water, vec3(0.97, 1.0, 1.0), clamp(light, 0.0, 1.0));
    gl_FragColor = vec4(colour, 1.0);
  }`;

let shared: ShaderMaterial | null = null;

/** The ceiling's material, one for the page's life (its program is compiled once, not on every visit). */
export function waterLightMaterial(): ShaderMaterial {
  shared ??= new ShaderMaterial({
    uniforms: { time: { value: 0 }, size: { value: [1, 1] } },
    vertexShader,
    fragmentShader,
    side: DoubleSide,
    toneMapped: false,
  });
  return shared;
}

export function WaterLightCeiling({ rect, height }: { rect: Rect; height: number }) {
  const [x1, z1, x2, z2] = rect;
  const geometry = useMemo(() => new PlaneGeometry(x2 - x1, z2 - z1), [x1, z1, x2, z2]);
  const material = waterLightMaterial();
  (material.uniforms.size as { value: [number, number] }).value = [x2 - x1, z2 - z1];
  useEffect(() => () => geometry.dispose(), [geometry]);
  useFrame((_, delta) => {
    (material.uniforms.time as { value: number }).value += delta;
  });
  return (
    <mesh
      geometry={geometry}
      material={material}
      position={[(x1 + x2) / 2, height - 0.03, (z1 + z2) / 2]}
      rotation={[Math.PI / 2, 0, 0]}
      raycast={() => undefined}
    />
  );
}
