// The floor's wall plates as meshes: each atlas page drawn on a canvas and used as one texture, its plates merged
// into one geometry mapped onto their slots — at most two meshes and two textures for a whole floor.
import {
  type BufferGeometry,
  CanvasTexture,
  Matrix4,
  MeshBasicMaterial,
  PlaneGeometry,
  Quaternion,
  SRGBColorSpace,
  Vector3,
} from 'three';
import { mergeGeometries } from 'three/examples/jsm/utils/BufferGeometryUtils.js';
import { BLEED, PAGE_SIZE, packPlates } from './plate-atlas';
import { drawPlate } from './plate-drawing';
import { rotationFor, type WallPlate } from './plates';

export interface WallMesh {
  geometry: BufferGeometry;
  material: MeshBasicMaterial;
}

const up = new Vector3(0, 1, 0);

/** The plates of one floor, drawn and merged: one mesh per page of the atlas. */
export function buildWallMeshes(plates: WallPlate[]): WallMesh[] {
  if (plates.length === 0) return [];
  const layout = packPlates(plates);
  return layout.pageHeights.flatMap((pageHeight, page) => {
    const canvas = document.createElement('canvas');
    canvas.width = PAGE_SIZE;
    canvas.height = pageHeight;
    const context = canvas.getContext('2d');
    if (!context) return [];
    const geometries = plates.flatMap((plate, index) => {
      const slot = layout.slots[index];
      if (!slot || slot.page !== page) return [];
      drawPlate(context, plate.content, plate.theme, slot, BLEED);
      const geometry = new PlaneGeometry(plate.width, plate.height);
      // Map the plate onto its slot of the page (v runs upward, canvas rows downward).
      const uv = geometry.getAttribute('uv');
      const u0 = slot.x / PAGE_SIZE;
      const u1 = (slot.x + slot.width) / PAGE_SIZE;
      const v1 = 1 - slot.y / pageHeight;
      const v0 = 1 - (slot.y + slot.height) / pageHeight;
      for (let vertex = 0; vertex < uv.count; vertex += 1) {
        uv.setXY(vertex, uv.getX(vertex) === 0 ? u0 : u1, uv.getY(vertex) === 0 ? v0 : v1);
      }
      geometry.applyMatrix4(
        new Matrix4().compose(
          new Vector3(...plate.position),
          new Quaternion().setFromAxisAngle(up, rotationFor(plate.facing)),
          new Vector3(1, 1, 1),
        ),
      );
      return [geometry];
    });
    const geometry = mergeGeometries(geometries, false);
    for (const part of geometries) part.dispose();
    if (!geometry) return [];
    const texture = new CanvasTexture(canvas);
    texture.colorSpace = SRGBColorSpace;
    texture.anisotropy = 4;
    return [{ geometry, material: new MeshBasicMaterial({ map: texture, toneMapped: false }) }];
  });
}
