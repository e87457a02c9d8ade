// The land of the bay map from a world land layer: polygons cut to the map's box, simplified, without slivers,
// coordinates rounded. Pure geometry on GeoJSON positions ([lon, lat]); reading and writing files is the script's.
import { intersect } from '@turf/intersect';
import { simplify } from '@turf/simplify';
import type { Feature, Polygon, Position } from 'geojson';

export interface GeoBox {
  west: number;
  south: number;
  east: number;
  north: number;
}

export interface LandOptions {
  /** Douglas–Peucker tolerance: no simplified coast strays further than this from the original. */
  toleranceMetres: number;
  /** Islands and lakes smaller than this are left out; at the map's scale they would be a pixel or less. */
  minimumAreaSquareMetres: number;
  /** Decimal places kept in each coordinate (5 is about a metre). */
  decimals: number;
}

const metresPerDegreeOfLatitude = 111_320;

/**
 * The land of `world` (a MultiPolygon's coordinates) inside `box`: every polygon that reaches into the box,
 * intersected with it (closed rings only: where the coast leaves the box and comes back, the land follows the box's
 * edge), then simplified and rounded. Polygons and holes that end up smaller than the minimum area are dropped.
 */
export function landInBox(world: Position[][][], box: GeoBox, options: LandOptions): Position[][][] {
  const frame = polygonFeature([boxRing(box)]);
  const land: Position[][][] = [];
  for (const [outer, ...holes] of world) {
    if (outer === undefined || !reachesInto(outer, box)) continue;
    const lakes = holes.filter((hole) => reachesInto(hole, box));
    const inBox = intersect({
      type: 'FeatureCollection',
      features: [polygonFeature([outer, ...lakes]), frame],
    });
    if (inBox === null) continue;
    const pieces =
      inBox.geometry.type === 'Polygon' ? [inBox.geometry.coordinates] : inBox.geometry.coordinates;
    for (const piece of pieces) {
      const shaped = shapedPolygon(piece, options);
      if (shaped !== null) land.push(shaped);
    }
  }
  return land;
}

/** Number of positions in all rings of `land`, closing positions included. */
export function positionCount(land: Position[][][]): number {
  return land.reduce((sum, rings) => sum + rings.reduce((ringSum, ring) => ringSum + ring.length, 0), 0);
}

/** The area a ring encloses, in square metres (planar, on a local equirectangular projection). */
export function ringAreaSquareMetres(ring: Position[]): number {
  // The ring's first latitude stands for all of it: across a box a few tens of kilometres tall the cosine
  // hardly changes.
  const latitude = ring[0]?.[1] ?? 0;
  const metresPerDegreeOfLongitude = metresPerDegreeOfLatitude * Math.cos((latitude * Math.PI) / 180);
  let doubledArea = 0;
  for (let index = 1; index < ring.length; index++) {
    const [lon0 = 0, lat0 = 0] = ring[index - 1] ?? [];
    const [lon1 = 0, lat1 = 0] = ring[index] ?? [];
    doubledArea += lon0 * lat1 - lon1 * lat0;
  }
  return (Math.abs(doubledArea) / 2) * metresPerDegreeOfLongitude * metresPerDegreeOfLatitude;
}

/** A polygon inside the box, simplified and rounded; null when its outer ring is too small to draw. */
function shapedPolygon([outer, ...holes]: Position[][], options: LandOptions): Position[][] | null {
  const shore = outer === undefined ? null : shapedRing(outer, options);
  if (shore === null) return null;
  const lakes = holes
    .map((hole) => shapedRing(hole, options))
    .filter((hole): hole is Position[] => hole !== null);
  return [shore, ...lakes];
}

function shapedRing(ring: Position[], options: LandOptions): Position[] | null {
  if (ringAreaSquareMetres(ring) < options.minimumAreaSquareMetres) return null;
  const simplified = simplify<Polygon>(
    { type: 'Polygon', coordinates: [ring] },
    { tolerance: options.toleranceMetres / metresPerDegreeOfLatitude, highQuality: true },
  ).coordinates[0];
  if (simplified === undefined) return null;
  const rounded = roundedRing(simplified, options.decimals);
  if (rounded.length < 4 || ringAreaSquareMetres(rounded) < options.minimumAreaSquareMetres) return null;
  return rounded;
}

function roundedRing(ring: Position[], decimals: number): Position[] {
  const factor = 10 ** decimals;
  const round = (value: number | undefined) => Math.round((value ?? 0) * factor) / factor;
  const rounded: Position[] = [];
  for (const [lon, lat] of ring) {
    const position = [round(lon), round(lat)];
    const previous = rounded.at(-1);
    if (previous === undefined || previous[0] !== position[0] || previous[1] !== position[1]) {
      rounded.push(position);
    }
  }
  return rounded;
}

function reachesInto(ring: Position[], box: GeoBox): boolean {
  let west = Number.POSITIVE_INFINITY;
  let south = Number.POSITIVE_INFINITY;
  let east = Number.NEGATIVE_INFINITY;
  let north = Number.NEGATIVE_INFINITY;
  for (const [lon = 0, lat = 0] of ring) {
    if (lon < west) west = lon;
    if (lon > east) east = lon;
    if (lat < south) south = lat;
    if (lat > north) north = lat;
  }
  return west < box.east && east > box.west && south < box.north && north > box.south;
}

function boxRing({ west, south, east, north }: GeoBox): Position[] {
  return [
    [west, south],
    [east, south],
    [east, north],
    [west, north],
    [west, south],
  ];
}

function polygonFeature(rings: Position[][]): Feature<Polygon> {
  return { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } };
}
