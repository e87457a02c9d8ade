// The two looks every exhibit model shares (its colours are in its vertices): solid, and display-case glass.
import { MeshStandardMaterial } from 'three';

export const solidMaterial = new MeshStandardMaterial({
  vertexColors: true,
  roughness: 0.7,
  metalness: 0.05,
});

export const glassMaterial = new MeshStandardMaterial({
  vertexColors: true,
  color: '#dfeaee',
  transparent: true,
  opacity: 0.22,
  roughness: 0.05,
  metalness: 0.3,
  depthWrite: false,
});
