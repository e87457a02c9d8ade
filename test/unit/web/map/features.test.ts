import { readFileSync } from 'node:fs';
import type { Feature, FeatureCollection, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { describe, expect, it } from 'vitest';
import { readBoatsCatalogueSeed } from '../../../../functions/boats/catalogue/seed';
import { bayFeatures, featureKinds, ROUTE_REACH_METRES } from '../../../../scripts/bay-map/features';
import {
  distanceMetres,
  distanceToLineMetres,
  firstSegmentOnLand,
  insidePolygon,
  segmentTouchesLand,
} from '../../../../scripts/bay-map/geometry';
import { waterGrid, waterPath } from '../../../../scripts/bay-map/water-paths';
import { BAY_MAP } from '../../../../web/src/lib/bay-map';

const read = <T>(path: string): T => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8')) as T;
const landCollection = read<FeatureCollection<MultiPolygon>>(
  '../../../../assets/map/halong-bay-land.geo.json',
);
const land = landCollection.features.flatMap((feature) => feature.geometry.coordinates);
const features = read<FeatureCollection>('../../../../assets/map/halong-bay-features.geo.json').features;

const ofKind = <G extends Feature['geometry']>(kind: string) =>
  features.filter((feature) => feature.properties?.kind === kind) as Feature<G>[];
const routes = ofKind<LineString>('route');
const stops = ofKind<Point>('stop');
const ports = ofKind<Point>('port');
const [zone] = ofKind<Polygon>('permitted-zone');

/** Points every ~100 m along a line, its vertices included. */
function along(line: Position[]): Position[] {
  const points: Position[] = [];
  for (let index = 1; index < line.length; index++) {
    const [lon0 = 0, lat0 = 0] = line[index - 1] ?? [];
    const [lon1 = 0, lat1 = 0] = line[index] ?? [];
    const steps = Math.max(1, Math.ceil(distanceMetres([lon0, lat0], [lon1, lat1]) / 100));
    for (let step = 0; step <= steps; step++) {
      const t = step / steps;
      points.push([lon0 + (lon1 - lon0) * t, lat0 + (lat1 - lat0) * t]);
    }
  }
  return points;
}

describe('the bay map’s committed features', () => {
  it('has a line for every catalogue route, and only the kinds the map and the rules know', async () => {
    const catalogue = await readBoatsCatalogueSeed();
    expect(new Set(routes.map((route) => route.properties?.routeId))).toEqual(
      new Set(catalogue.routes.map((route) => route.id)),
    );
    expect(ports.map((port) => port.properties?.id).sort()).toEqual(
      catalogue.ports.map((port) => port.id).sort(),
    );
    for (const feature of features) expect(featureKinds).toContain(feature.properties?.kind);
    expect(zone?.properties?.defaultLimitKnots).toBeGreaterThan(0);
    for (const speedZone of ofKind<Polygon>('speed-zone')) {
      expect(speedZone.properties?.limitKnots).toBeLessThan(zone?.properties?.defaultLimitKnots);
    }
  });

  it.each(routes.map((route) => [route.properties?.id as string, route]))(
    '%s stays on water, starts and ends at its port, passes its stops and lies in the permitted zone',
    (_id, route) => {
      const line = route.geometry.coordinates;
      expect(firstSegmentOnLand(line, land)).toBe(-1);

      const port = ports.find((candidate) => candidate.properties?.id === route.properties?.portId);
      if (port === undefined) throw new Error(`no port ${route.properties?.portId}`);
      expect(distanceMetres(line[0] ?? [0, 0], port.geometry.coordinates)).toBeLessThan(ROUTE_REACH_METRES);
      expect(distanceMetres(line.at(-1) ?? [0, 0], port.geometry.coordinates)).toBeLessThan(
        ROUTE_REACH_METRES,
      );

      const routeStops = stops.filter((stop) => stop.properties?.routeId === route.properties?.routeId);
      expect(routeStops.length).toBeGreaterThan(0);
      for (const stop of routeStops) {
        expect(distanceToLineMetres(stop.geometry.coordinates, line)).toBeLessThan(ROUTE_REACH_METRES);
      }

      for (const point of along(line))
        expect(insidePolygon(point, zone?.geometry.coordinates ?? [])).toBe(true);
      expect(route.properties?.corridorMetres).toBeGreaterThan(0);
    },
  );

  it('is what the generator makes from the committed land and catalogue (run npm run map:features)', async () => {
    const generated = bayFeatures(land, BAY_MAP.box, await readBoatsCatalogueSeed());
    expect(JSON.parse(JSON.stringify(generated.features))).toEqual(features);
  }, 60_000);
});

describe('paths by water', () => {
  // A 2 km square island in the middle of a 6 km box.
  const box = { west: 107, south: 20.8, east: 107.06, north: 20.855 };
  const island: Position[][][] = [
    [
      [
        [107.02, 20.818],
        [107.04, 20.818],
        [107.04, 20.836],
        [107.02, 20.836],
        [107.02, 20.818],
      ],
    ],
  ];

  it('sees a straight line across the island as touching land', () => {
    expect(segmentTouchesLand([107.01, 20.827], [107.05, 20.827], island)).toBe(true);
    expect(segmentTouchesLand([107.01, 20.81], [107.05, 20.81], island)).toBe(false);
  });

  it('goes round the island, never across it', () => {
    const grid = waterGrid(island, box, { cellMetres: 100, clearanceCells: 3 });
    const path = waterPath(grid, grid.cellOf([107.01, 20.827]), grid.cellOf([107.05, 20.827]));
    expect(firstSegmentOnLand(path, island)).toBe(-1);
    expect(path.length).toBeGreaterThan(2);
    expect(distanceMetres(path[0] ?? [0, 0], [107.01, 20.827])).toBeLessThan(100);
    expect(distanceMetres(path.at(-1) ?? [0, 0], [107.05, 20.827])).toBeLessThan(100);
  });

  it('refuses to find a path to water enclosed by land', () => {
    const ring: Position[][][] = [
      [
        [
          [107.02, 20.818],
          [107.04, 20.818],
          [107.04, 20.836],
          [107.02, 20.836],
          [107.02, 20.818],
        ],
        [
          [107.025, 20.823],
          [107.025, 20.831],
          [107.035, 20.831],
          [107.035, 20.823],
          [107.025, 20.823],
        ],
      ],
    ];
    const grid = waterGrid(ring, box, { cellMetres: 100, clearanceCells: 3 });
    expect(() => waterPath(grid, grid.cellOf([107.01, 20.827]), grid.cellOf([107.03, 20.827]))).toThrow(
      /no water path/,
    );
  });
});
