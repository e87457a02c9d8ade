import { readFileSync, statSync } from 'node:fs';
import type { FeatureCollection, MultiPolygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { landInBox, ringAreaSquareMetres } from '../../../../scripts/bay-map/land';
import { landSvg } from '../../../../scripts/bay-map/land-svg';
import { BAY_MAP } from '../../../../web/src/lib/bay-map';

const geoJsonFile = new URL('../../../../assets/map/halong-bay-land.geo.json', import.meta.url);
const svgFile = new URL('../../../../web/public/map/halong-bay-land.svg', import.meta.url);

const box = { west: 107, south: 20.8, east: 107.1, north: 20.9 };
const options = { toleranceMetres: 30, minimumAreaSquareMetres: 2_000, decimals: 5 };
const square = (west: number, south: number, size: number): Position[] => [
  [west, south],
  [west + size, south],
  [west + size, south + size],
  [west, south + size],
  [west, south],
];

describe('cutting the land to the map', () => {
  it('cuts a coast that leaves the box into a closed ring along the box edge', () => {
    const [island] = landInBox([[square(107.05, 20.85, 0.1)]], box, options);
    expect(island).toHaveLength(1);
    const ring = island?.[0] ?? [];
    expect(ring.at(0)).toEqual(ring.at(-1));
    for (const [lon = 0, lat = 0] of ring) {
      expect(lon).toBeGreaterThanOrEqual(107.05);
      expect(lon).toBeLessThanOrEqual(box.east);
      expect(lat).toBeGreaterThanOrEqual(20.85);
      expect(lat).toBeLessThanOrEqual(box.north);
    }
    const quarter = ringAreaSquareMetres(square(107.05, 20.85, 0.05));
    expect(Math.abs(ringAreaSquareMetres(ring) / quarter - 1)).toBeLessThan(0.01);
  });

  it('keeps a lake inside an island as a hole', () => {
    const [island] = landInBox(
      [[square(107.02, 20.82, 0.04), square(107.03, 20.83, 0.01).reverse()]],
      box,
      options,
    );
    expect(island).toHaveLength(2);
  });

  it('leaves out land outside the box and islets too small to see', () => {
    const outside = square(107.3, 21, 0.05);
    const islet = square(107.05, 20.85, 0.0003);
    expect(landInBox([[outside], [islet]], box, options)).toEqual([]);
  });

  it('rounds coordinates and drops the wiggles a 30 m tolerance allows, keeping larger headlands', () => {
    // A 2 km coast with a 10 m wiggle, then a 200 m headland (0.0018° of latitude).
    const coast: Position[] = [
      [107.01, 20.81],
      [107.0200004, 20.8100902],
      [107.03, 20.81],
      [107.035, 20.8118],
      [107.04, 20.81],
      [107.04, 20.83],
      [107.01, 20.83],
      [107.01, 20.81],
    ];
    const [island] = landInBox([[coast]], box, options);
    expect(island?.[0]).toEqual([
      [107.01, 20.81],
      [107.03, 20.81],
      [107.035, 20.8118],
      [107.04, 20.81],
      [107.04, 20.83],
      [107.01, 20.83],
      [107.01, 20.81],
    ]);
  });
});

describe('the committed bay map land', () => {
  const collection = JSON.parse(readFileSync(geoJsonFile, 'utf8')) as FeatureCollection<MultiPolygon>;
  const feature = collection.features[0];
  const land = feature?.geometry.coordinates ?? [];
  const rings = land.flat();
  const svg = readFileSync(svgFile, 'utf8');

  it('names its source, licence, box and tolerance', () => {
    expect(collection.features).toHaveLength(1);
    expect(feature?.properties).toMatchObject({
      license: 'ODbL-1.0',
      attribution: '© OpenStreetMap contributors',
      box: BAY_MAP.box,
      toleranceMetres: 30,
    });
    expect(feature?.properties?.source).toContain('@geo-maps/earth-lands-10m');
  });

  it('is made of closed rings, every coordinate inside the box and rounded to 5 decimals', () => {
    expect(rings.length).toBeGreaterThan(20);
    const { west, south, east, north } = BAY_MAP.box;
    for (const ring of rings) {
      expect(ring.length).toBeGreaterThanOrEqual(4);
      expect(ring.at(0)).toEqual(ring.at(-1));
      for (const [lon = 0, lat = 0] of ring) {
        expect(lon >= west && lon <= east && lat >= south && lat <= north, `${lon}, ${lat}`).toBe(true);
        expect(Math.round(lon * 1e5) / 1e5).toBe(lon);
        expect(Math.round(lat * 1e5) / 1e5).toBe(lat);
      }
    }
  });

  it('has the city, Tuần Châu and Cát Bà on land and the strait and the open bay at sea', () => {
    const onLand = ({ lat, lon }: { lat: number; lon: number }) =>
      land.some(
        ([shore = [], ...lakes]) =>
          encloses(shore, lon, lat) && !lakes.some((lake) => encloses(lake, lon, lat)),
      );
    expect(onLand({ lat: 20.9515, lon: 107.087 }), 'Quảng Ninh Museum, Hòn Gai').toBe(true);
    expect(onLand({ lat: 20.92, lon: 106.993 }), 'Tuần Châu port').toBe(true);
    expect(onLand({ lat: 20.8, lon: 107.0 }), 'Cát Bà').toBe(true);
    expect(onLand({ lat: 20.955, lon: 107.065 }), 'Cửa Lục strait').toBe(false);
    expect(onLand({ lat: 20.88, lon: 107.1 }), 'the open bay').toBe(false);
  });

  it('is drawn as the static SVG layer, in the map viewBox, one closed subpath per ring', () => {
    expect(svg).toBe(landSvg(land));
    expect(svg).toContain(`viewBox="0 0 ${BAY_MAP.width} ${BAY_MAP.height}"`);
    expect(svg.match(/<path /g)).toHaveLength(1);
    const path = svg.match(/ d="([^"]+)"/)?.[1] ?? '';
    expect(path.match(/M/g)).toHaveLength(rings.length);
    expect(path.match(/z/g)).toHaveLength(rings.length);
    expect(path).toMatch(/z$/);
  });

  it('stays within its size budgets', () => {
    expect(statSync(svgFile).size).toBeLessThan(60 * 1024);
    expect(statSync(geoJsonFile).size).toBeLessThan(200 * 1024);
  });
});

/** Whether a ring of [lon, lat] encloses the point (even–odd ray casting). */
function encloses(ring: Position[], lon: number, lat: number): boolean {
  let inside = false;
  for (let index = 0, previous = ring.length - 1; index < ring.length; previous = index++) {
    const [x1 = 0, y1 = 0] = ring[index] ?? [];
    const [x0 = 0, y0 = 0] = ring[previous] ?? [];
    if (y1 > lat !== y0 > lat && lon < ((x0 - x1) * (lat - y1)) / (y0 - y1) + x1) inside = !inside;
  }
  return inside;
}
