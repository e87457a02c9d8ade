/**
 * The plane geometry the safety rules need on a bay 60 km across: whether a point is inside a polygon (the
 * permitted zone, a speed zone) and how far it is from a line (a route's corridor) or a point (a port, a stop),
 * in metres. Positions are projected on a plane tangent at the point asked about (equirectangular), which is
 * within a few metres of the great-circle distance over tens of kilometres.
 */

/** [longitude, latitude], as GeoJSON orders them. */
export type LonLat = readonly [number, number];
/** A GeoJSON polygon's rings: the outer ring first, then its holes. */
export type PolygonRings = readonly (readonly LonLat[])[];

const METRES_PER_DEGREE_LATITUDE = 111_320;

/** Metres east and north of `origin`. */
function projected(origin: LonLat, point: LonLat): [number, number] {
  const metresPerDegreeLongitude = METRES_PER_DEGREE_LATITUDE * Math.cos((origin[1] * Math.PI) / 180);
  return [
    (point[0] - origin[0]) * metresPerDegreeLongitude,
    (point[1] - origin[1]) * METRES_PER_DEGREE_LATITUDE,
  ];
}

export function metresBetween(a: LonLat, b: LonLat): number {
  const [x, y] = projected(a, b);
  return Math.hypot(x, y);
}

/** Even–odd ray casting over every ring, so a hole's inside is outside the polygon. */
export function isInsidePolygon(point: LonLat, rings: PolygonRings): boolean {
  let inside = false;
  for (const ring of rings) {
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [xi, yi] = ring[i] as LonLat;
      const [xj, yj] = ring[j] as LonLat;
      if (yi > point[1] !== yj > point[1] && point[0] < ((xj - xi) * (point[1] - yi)) / (yj - yi) + xi) {
        inside = !inside;
      }
    }
  }
  return inside;
}

/** The shortest distance from `point` to the polyline `line`, in metres (Infinity for an empty line). */
export function metresFromLine(point: LonLat, line: readonly LonLat[]): number {
  if (line.length === 1) return metresBetween(point, line[0] as LonLat);
  let nearest = Number.POSITIVE_INFINITY;
  for (let i = 1; i < line.length; i++) {
    const [ax, ay] = projected(point, line[i - 1] as LonLat);
    const [bx, by] = projected(point, line[i] as LonLat);
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / lengthSquared));
    nearest = Math.min(nearest, Math.hypot(ax + t * dx, ay + t * dy));
  }
  return nearest;
}
