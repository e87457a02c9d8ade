// Boat hulls made from a form (length, beam, height, transom, the run of gunwale and keel), for the junk model
// and the fishing boat.
import { BufferGeometry, Float32BufferAttribute, Vector3 } from 'three';
import { clamp } from './numbers';
import type { Vec3 } from './shapes';

export interface HullForm {
  length: number;
  beam: number;
  height: number;
  /** Half-beam at the stern, as a share of the greatest. */
  transom: number;
  /** Height of the gunwale along the hull (s = 0 the stern, 1 the bow), as a share of `height`. */
  gunwale: (s: number) => number;
  /** Height of the keel along the hull, as a share of `height`. */
  keel: (s: number) => number;
}

const HULL_STATIONS = 16;

function hullPoint(form: HullForm, s: number, u: number, side: number): Vec3 {
  const halfBeam =
    (form.beam / 2) * Math.max(Math.sin(Math.PI * s) ** 0.55, form.transom * (1 - s) ** 1.5, 0.015);
  const keel = form.keel(s) * form.height;
  const gunwale = form.gunwale(s) * form.height;
  const angle = (u * Math.PI) / 2;
  return [
    -form.length / 2 + s * form.length,
    keel + (gunwale - keel) * (1 - Math.cos(angle)),
    side * halfBeam * Math.sin(angle) ** 0.6,
  ];
}

/** The hull's skin between two heights of its cross-section (u = 0 the keel, 1 the gunwale), both sides. */
export function hullBand(form: HullForm, from: number, to: number, rows = 5): BufferGeometry {
  const positions: number[] = [];
  const indices: number[] = [];
  for (const side of [-1, 1]) {
    const first = positions.length / 3;
    for (let station = 0; station <= HULL_STATIONS; station += 1) {
      for (let row = 0; row <= rows; row += 1) {
        positions.push(...hullPoint(form, station / HULL_STATIONS, from + ((to - from) * row) / rows, side));
      }
    }
    const at = (station: number, row: number) => first + station * (rows + 1) + row;
    for (let station = 0; station < HULL_STATIONS; station += 1) {
      for (let row = 0; row < rows; row += 1) {
        const [a, b, c, d] = [
          at(station, row),
          at(station + 1, row),
          at(station + 1, row + 1),
          at(station, row + 1),
        ];
        if (side > 0) indices.push(a, b, c, a, c, d);
        else indices.push(a, c, b, a, d, c);
      }
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setIndex(indices);
  geometry.computeVertexNormals();
  return geometry;
}

/** The deck, following the sheer from gunwale to gunwale. */
export function hullDeck(form: HullForm): BufferGeometry {
  const positions: number[] = [];
  const indices: number[] = [];
  for (let station = 0; station <= HULL_STATIONS; station += 1) {
    const s = station / HULL_STATIONS;
    positions.push(...hullPoint(form, s, 1, -1), ...hullPoint(form, s, 1, 1));
  }
  for (let station = 0; station < HULL_STATIONS; station += 1) {
    const [p0, p3, p1, p2] = [station * 2, station * 2 + 1, station * 2 + 2, station * 2 + 3];
    indices.push(p0, p2, p1, p0, p3, p2);
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.setIndex(indices);
  geometry.computeVertexNormals();
  return geometry;
}

/** The flat ends of the hull (the transom and the stem), closing the skin. */
export function hullEnds(form: HullForm, rows = 5): BufferGeometry {
  const positions: number[] = [];
  for (const [s, facing] of [
    [0, -1],
    [1, 1],
  ] as const) {
    const outline: Vec3[] = [];
    for (let row = rows; row >= 0; row -= 1) outline.push(hullPoint(form, s, row / rows, -1));
    for (let row = 1; row <= rows; row += 1) outline.push(hullPoint(form, s, row / rows, 1));
    const centre = outline
      .reduce((sum, point) => sum.add(new Vector3(...point)), new Vector3())
      .divideScalar(outline.length);
    for (let index = 0; index < outline.length; index += 1) {
      const p = outline[index] as Vec3;
      const q = outline[(index + 1) % outline.length] as Vec3;
      const [first, second] = facing < 0 ? [p, q] : [q, p];
      positions.push(centre.x, centre.y, centre.z, ...first, ...second);
    }
  }
  const geometry = new BufferGeometry();
  geometry.setAttribute('position', new Float32BufferAttribute(positions, 3));
  geometry.computeVertexNormals();
  return geometry;
}

/** Where the deck is at a point along the hull (x in the hull's frame). */
export function deckHeight(form: HullForm, x: number): number {
  const s = clamp((x + form.length / 2) / form.length, 0, 1);
  return form.gunwale(s) * form.height;
}
