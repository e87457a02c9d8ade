// Plane geometry on the bay's GeoJSON positions ([lon, lat]) in metres: distances, point in land, segments
// crossing the coast. A local equirectangular projection stands for the sphere — across a 30 km box its error is
// well under 1 %, far below the 1–3 km uncertainty of the places drawn on it.
import type { Position } from 'geojson';

const metresPerDegreeOfLatitude = 111_320;
/** The bay's middle latitude: the one cosine used to shorten degrees of longitude. */
const referenceLatitude = 20.87;
const metresPerDegreeOfLongitude = metresPerDegreeOfLatitude * Math.cos((referenceLatitude * Math.PI) / 180);

/** Land as polygons of rings (outer first, then holes), as GeoJSON MultiPolygon coordinates. */
export type Land = Position[][][];

interface PlanePoint {
  x: number;
  y: number;
}

function toPlane([lon = 0, lat = 0]: Position): PlanePoint {
  return { x: lon * metresPerDegreeOfLongitude, y: lat * metresPerDegreeOfLatitude };
}

/** A position `east` and `north` metres from `origin`. */
export function offsetPosition([lon = 0, lat = 0]: Position, east: number, north: number): Position {
  return [lon + east / metresPerDegreeOfLongitude, lat + north / metresPerDegreeOfLatitude];
}

export function distanceMetres(a: Position, b: Position): number {
  const p = toPlane(a);
  const q = toPlane(b);
  return Math.hypot(p.x - q.x, p.y - q.y);
}

/** The shortest distance from `point` to the segment from `start` to `end`. */
export function distanceToSegmentMetres(point: Position, start: Position, end: Position): number {
  const p = toPlane(point);
  const a = toPlane(start);
  const b = toPlane(end);
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const lengthSquared = dx * dx + dy * dy;
  const t =
    lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / lengthSquared));
  return Math.hypot(p.x - (a.x + t * dx), p.y - (a.y + t * dy));
}

/** The shortest distance from `point` to a line of positions. */
export function distanceToLineMetres(point: Position, line: Position[]): number {
  let shortest = Number.POSITIVE_INFINITY;
  for (let index = 1; index < line.length; index++) {
    const start = line[index - 1];
    const end = line[index];
    if (start === undefined || end === undefined) continue;
    shortest = Math.min(shortest, distanceToSegmentMetres(point, start, end));
  }
  return shortest;
}

/** Even–odd ray casting; a point exactly on an edge may fall either way. */
export function insideRing([lon = 0, lat = 0]: Position, ring: Position[]): boolean {
  let inside = false;
  for (let index = 1; index < ring.length; index++) {
    const [lon0 = 0, lat0 = 0] = ring[index - 1] ?? [];
    const [lon1 = 0, lat1 = 0] = ring[index] ?? [];
    if (lat0 > lat !== lat1 > lat && lon < ((lon1 - lon0) * (lat - lat0)) / (lat1 - lat0) + lon0) {
      inside = !inside;
    }
  }
  return inside;
}

/** Whether `point` lies in a polygon (inside its outer ring and outside its holes). */
export function insidePolygon(point: Position, [outer, ...holes]: Position[][]): boolean {
  return outer !== undefined && insideRing(point, outer) && !holes.some((hole) => insideRing(point, hole));
}

export function onLand(point: Position, land: Land): boolean {
  return land.some((polygon) => insidePolygon(point, polygon));
}

/** Whether the segments a–b and c–d cross or touch. */
export function segmentsIntersect(a: Position, b: Position, c: Position, d: Position): boolean {
  const [ax = 0, ay = 0] = a;
  const [bx = 0, by = 0] = b;
  const [cx = 0, cy = 0] = c;
  const [dx = 0, dy = 0] = d;
  const side = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.sign((qx - px) * (ry - py) - (qy - py) * (rx - px));
  const d1 = side(cx, cy, dx, dy, ax, ay);
  const d2 = side(cx, cy, dx, dy, bx, by);
  const d3 = side(ax, ay, bx, by, cx, cy);
  const d4 = side(ax, ay, bx, by, dx, dy);
  if (d1 !== d2 && d3 !== d4 && d1 * d2 <= 0 && d3 * d4 <= 0) return true;
  const within = (px: number, py: number, qx: number, qy: number, rx: number, ry: number) =>
    Math.min(px, qx) <= rx && rx <= Math.max(px, qx) && Math.min(py, qy) <= ry && ry <= Math.max(py, qy);
  return (
    (d1 === 0 && within(cx, cy, dx, dy, ax, ay)) ||
    (d2 === 0 && within(cx, cy, dx, dy, bx, by)) ||
    (d3 === 0 && within(ax, ay, bx, by, cx, cy)) ||
    (d4 === 0 && within(ax, ay, bx, by, dx, dy))
  );
}

/** Whether the segment from `start` to `end` touches land: an end on land, or crossing a coast. */
export function segmentTouchesLand(start: Position, end: Position, land: Land): boolean {
  if (onLand(start, land) || onLand(end, land)) return true;
  for (const polygon of land) {
    for (const ring of polygon) {
      for (let index = 1; index < ring.length; index++) {
        const c = ring[index - 1];
        const d = ring[index];
        if (c !== undefined && d !== undefined && segmentsIntersect(start, end, c, d)) return true;
      }
    }
  }
  return false;
}

/** The first segment of `line` that touches land, by its index (from position index to index + 1); -1 if none. */
export function firstSegmentOnLand(line: Position[], land: Land): number {
  for (let index = 1; index < line.length; index++) {
    const start = line[index - 1];
    const end = line[index];
    if (start !== undefined && end !== undefined && segmentTouchesLand(start, end, land)) return index - 1;
  }
  return -1;
}

/** A circle of `radiusMetres` as a closed ring of `sides` positions, counter-clockwise (RFC 7946's outer rings). */
export function circleRing(centre: Position, radiusMetres: number, sides = 32): Position[] {
  const ring: Position[] = [];
  for (let step = 0; step < sides; step++) {
    const angle = (2 * Math.PI * step) / sides;
    ring.push(offsetPosition(centre, radiusMetres * Math.cos(angle), radiusMetres * Math.sin(angle)));
  }
  ring.push(ring[0] ?? centre);
  return ring;
}

/** The convex hull of `points`, a closed counter-clockwise ring (Andrew's monotone chain). */
export function convexHull(points: Position[]): Position[] {
  const sorted = [...points].sort(([ax = 0, ay = 0], [bx = 0, by = 0]) => ax - bx || ay - by);
  const cross = ([ox = 0, oy = 0]: Position, [ax = 0, ay = 0]: Position, [bx = 0, by = 0]: Position) =>
    (ax - ox) * (by - oy) - (ay - oy) * (bx - ox);
  const half = (ordered: Position[]) => {
    const chain: Position[] = [];
    for (const point of ordered) {
      while (
        chain.length >= 2 &&
        cross(chain[chain.length - 2] ?? point, chain[chain.length - 1] ?? point, point) <= 0
      ) {
        chain.pop();
      }
      chain.push(point);
    }
    chain.pop();
    return chain;
  };
  const hull = [...half(sorted), ...half([...sorted].reverse())];
  return [...hull, hull[0] ?? [0, 0]];
}

/** `position` rounded to `decimals` places (5 is about a metre). */
export function roundedPosition([lon = 0, lat = 0]: Position, decimals = 5): Position {
  const factor = 10 ** decimals;
  return [Math.round(lon * factor) / factor, Math.round(lat * factor) / factor];
}
