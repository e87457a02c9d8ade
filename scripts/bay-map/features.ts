// The bay map's features over the land: ports, sights, route lines by water, route stops, the permitted tourist
// zone and the slow zones. They are also the tracking rules' defaults (zones, limits, corridors, stops), which
// managers then edit as data. Pure: the script reads the land and the catalogue and writes the file.
import type { Feature, FeatureCollection, LineString, Point, Polygon, Position } from 'geojson';
import type { BoatsCatalogueSeed, LocalizedText } from '../../functions/boats/catalogue/model';
import {
  circleRing,
  convexHull,
  distanceMetres,
  firstSegmentOnLand,
  type Land,
  roundedPosition,
} from './geometry';
import type { GeoBox } from './land';
import {
  assumedRoutePorts,
  daytimeYachtCoversRoutes,
  daytimeYachtRouteId,
  derivedStopPositions,
  safetyDefaults,
  sights,
} from './places';
import { nearestWaterCell, waterGrid, waterPath } from './water-paths';

export const featureKinds = ['permitted-zone', 'speed-zone', 'route', 'stop', 'port', 'sight'] as const;
export type FeatureKind = (typeof featureKinds)[number];

/** How near a route's line passes each of its stops, and how near its ends are to its port, at most. */
export const ROUTE_REACH_METRES = 500;

const gridOptions = { cellMetres: 50, clearanceCells: 4 } as const;
const approximateNote: LocalizedText = {
  vi: 'Vị trí gần đúng (sai số 1–3 km), để hiển thị và làm quy tắc mặc định; người quản lý sửa được.',
  en: 'Approximate position (error 1–3 km), for the map and as default rules; managers can correct it.',
};

interface Stop {
  routeId: number;
  index: number;
  name: LocalizedText;
  position: Position;
  derivedFrom: string | null;
  note: string | null;
  cave: boolean;
}

/** Every feature of the bay map over its land, in drawing order (zones first, labels' points last). */
export function bayFeatures(land: Land, box: GeoBox, catalogue: BoatsCatalogueSeed): FeatureCollection {
  const grid = waterGrid(land, box, gridOptions);
  const ports = new Map(catalogue.ports.map((port) => [port.id, port]));
  const stops = catalogue.routes.flatMap((route) => stopsOf(route.id, catalogue));

  const routes: Feature<LineString>[] = [];
  for (const route of catalogue.routes) {
    const portIds =
      route.departurePortId === null ? (assumedRoutePorts[route.id] ?? []) : [route.departurePortId];
    if (portIds.length === 0) throw new Error(`route ${route.id}: no port to start from`);
    for (const portId of portIds) {
      const port = ports.get(portId);
      if (port === undefined) throw new Error(`route ${route.id}: unknown port ${portId}`);
      const portPosition: Position = [port.position.lon, port.position.lat];
      const routeStops = stops.filter((stop) => stop.routeId === route.id);
      const line = routeLine(grid, portPosition, routeStops, `route ${route.id} from ${portId}`);
      routes.push({
        type: 'Feature',
        properties: {
          kind: 'route',
          id: `route-${route.id}-${portId}`,
          routeId: route.id,
          portId,
          portSource: route.departurePortId === null ? 'assumed' : 'catalogue',
          name: route.name,
          corridorMetres: safetyDefaults.corridorMetres,
          approximate: true,
          note: {
            vi: 'Hải trình gần đúng trên mặt nước giữa các điểm dừng, không phải luồng tàu đã khảo sát.',
            en: 'A plausible path by water between the stops, not a surveyed fairway.',
          },
        },
        geometry: { type: 'LineString', coordinates: line },
      });
    }
  }

  const slowCentres = slowZoneCentres(catalogue, stops);
  const zoneCorners = [
    ...routes.flatMap((route) => route.geometry.coordinates),
    ...slowCentres.map((c) => c.position),
  ];
  return {
    type: 'FeatureCollection',
    features: [
      permittedZone(zoneCorners),
      ...slowCentres.map(speedZone),
      ...routes,
      ...stops.map(stopFeature),
      ...catalogue.ports.map(
        (port): Feature<Point> => ({
          type: 'Feature',
          properties: {
            kind: 'port',
            id: port.id,
            name: port.name,
            approximate: true,
            note: approximateNote,
          },
          geometry: { type: 'Point', coordinates: [port.position.lon, port.position.lat] },
        }),
      ),
      ...sights.map(
        (sight): Feature<Point> => ({
          type: 'Feature',
          properties: {
            kind: 'sight',
            id: sight.id,
            name: sight.name,
            approximate: true,
            note: approximateNote,
          },
          geometry: { type: 'Point', coordinates: [sight.lon, sight.lat] },
        }),
      ),
    ],
  };
}

/** A route's stops with a position each: the catalogue's, or one derived beside a published place. */
function stopsOf(routeId: number, catalogue: BoatsCatalogueSeed): Stop[] {
  if (routeId === daytimeYachtRouteId) {
    return daytimeYachtCoversRoutes.flatMap((coveredId, index) => {
      const first = stopsOf(coveredId, catalogue)[0];
      return first === undefined ? [] : [{ ...first, routeId, index }];
    });
  }
  const route = catalogue.routes.find((candidate) => candidate.id === routeId);
  if (route === undefined) return [];
  return route.stops.map((stop, index) => {
    if (stop.position !== null) {
      const cave = sights.some(
        (sight) =>
          sight.slowZone === 'cave' && sight.lat === stop.position?.lat && sight.lon === stop.position?.lon,
      );
      return {
        routeId,
        index,
        name: stop.name,
        position: [stop.position.lon, stop.position.lat],
        derivedFrom: null,
        note: null,
        cave,
      };
    }
    const derived = derivedStopPositions[routeId]?.[stop.name.en];
    if (derived === undefined)
      throw new Error(`route ${routeId}: no position for the stop “${stop.name.en}”`);
    return {
      routeId,
      index,
      name: stop.name,
      position: [derived.lon, derived.lat],
      derivedFrom: derived.derivedFrom,
      note: derived.note,
      cave: derived.cave ?? false,
    };
  });
}

/**
 * The line from the water off `port` through a point on the water beside each stop in turn and back, every
 * segment clear of land. Throws — failing the generation — when a place has no water near enough, or the line
 * would cross land.
 */
function routeLine(
  grid: ReturnType<typeof waterGrid>,
  port: Position,
  stops: Stop[],
  label: string,
): Position[] {
  const waterBeside = (position: Position, what: string) => {
    const cell =
      nearestWaterCell(grid, position, 2, ROUTE_REACH_METRES - gridOptions.cellMetres) ??
      nearestWaterCell(grid, position, 1, ROUTE_REACH_METRES - gridOptions.cellMetres);
    if (cell === null) throw new Error(`${label}: no water within ${ROUTE_REACH_METRES} m of ${what}`);
    return cell;
  };
  const berth = waterBeside(port, 'the port');
  const visits = [berth, ...stops.map((stop) => waterBeside(stop.position, stop.name.en)), berth].filter(
    (cell, index, cells) => index === 0 || cell !== cells[index - 1],
  );
  const line: Position[] = [];
  for (let leg = 1; leg < visits.length; leg++) {
    const path = waterPath(grid, visits[leg - 1] ?? berth, visits[leg] ?? berth).map((p) =>
      roundedPosition(p),
    );
    line.push(...(line.length === 0 ? path : path.slice(1)));
  }
  const crossing = firstSegmentOnLand(line, grid.land);
  if (crossing !== -1) {
    throw new Error(`${label}: segment ${crossing} (${line[crossing]} → ${line[crossing + 1]}) crosses land`);
  }
  return line;
}

interface SlowCentre {
  id: string;
  name: LocalizedText;
  position: Position;
  reason: 'port' | 'cave' | 'floating-village';
}

/** Ports, caves and the floating village; a place within a zone's radius of one already listed adds none. */
function slowZoneCentres(catalogue: BoatsCatalogueSeed, stops: Stop[]): SlowCentre[] {
  const candidates: SlowCentre[] = [
    ...catalogue.ports.map((port) => ({
      id: `port-${port.id}`,
      name: port.name,
      position: [port.position.lon, port.position.lat],
      reason: 'port' as const,
    })),
    ...sights.flatMap((sight) =>
      sight.slowZone === null
        ? []
        : [{ id: sight.id, name: sight.name, position: [sight.lon, sight.lat], reason: sight.slowZone }],
    ),
    ...stops
      .filter((stop) => stop.cave && stop.derivedFrom !== null)
      .map((stop) => ({
        id: `route-${stop.routeId}-stop-${stop.index}`,
        name: stop.name,
        position: stop.position,
        reason: 'cave' as const,
      })),
  ];
  const centres: SlowCentre[] = [];
  for (const candidate of candidates) {
    const near = centres.some(
      (centre) => distanceMetres(centre.position, candidate.position) < safetyDefaults.slowZoneRadiusMetres,
    );
    if (!near) centres.push(candidate);
  }
  return centres;
}

function speedZone(centre: SlowCentre): Feature<Polygon> {
  const words = {
    port: { vi: 'Vùng giảm tốc quanh cảng', en: 'Slow zone around the port' },
    cave: { vi: 'Vùng giảm tốc quanh hang', en: 'Slow zone around the cave' },
    'floating-village': { vi: 'Vùng giảm tốc quanh làng chài', en: 'Slow zone around the floating village' },
  }[centre.reason];
  return {
    type: 'Feature',
    properties: {
      kind: 'speed-zone',
      id: `speed-${centre.id}`,
      name: { vi: `${words.vi}: ${centre.name.vi}`, en: `${words.en}: ${centre.name.en}` },
      reason: centre.reason,
      limitKnots: safetyDefaults.slowLimitKnots,
      radiusMetres: safetyDefaults.slowZoneRadiusMetres,
      approximate: true,
    },
    geometry: {
      type: 'Polygon',
      coordinates: [
        circleRing(centre.position, safetyDefaults.slowZoneRadiusMetres).map((p) => roundedPosition(p)),
      ],
    },
  };
}

/** The smallest convex area holding every route and slow zone, widened by the margin all round. */
function permittedZone(corners: Position[]): Feature<Polygon> {
  const widened = corners.flatMap((corner) =>
    circleRing(corner, safetyDefaults.permittedZoneMarginMetres, 16),
  );
  return {
    type: 'Feature',
    properties: {
      kind: 'permitted-zone',
      id: 'tourist-zone',
      name: {
        vi: 'Vùng tham quan được phép của vịnh Hạ Long',
        en: 'Permitted sightseeing zone of Hạ Long Bay',
      },
      defaultLimitKnots: safetyDefaults.defaultLimitKnots,
      marginMetres: safetyDefaults.permittedZoneMarginMetres,
      approximate: true,
      note: {
        vi: 'Vùng lồi bao mọi tuyến và vùng giảm tốc, nới rộng 1,5 km; chưa phải ranh giới chính thức của Ban quản lý vịnh.',
        en: 'The convex area around every route and slow zone, widened by 1.5 km; not the bay board’s official boundary.',
      },
    },
    geometry: { type: 'Polygon', coordinates: [convexHull(widened).map((p) => roundedPosition(p))] },
  };
}

function stopFeature(stop: Stop): Feature<Point> {
  return {
    type: 'Feature',
    properties: {
      kind: 'stop',
      id: `route-${stop.routeId}-stop-${stop.index}`,
      routeId: stop.routeId,
      index: stop.index,
      name: stop.name,
      maxStopMinutes: safetyDefaults.maxStopMinutes,
      radiusMetres: safetyDefaults.stopRadiusMetres,
      approximate: true,
      positionSource: stop.derivedFrom === null ? 'catalogue' : 'derived',
      ...(stop.derivedFrom === null ? {} : { derivedFrom: stop.derivedFrom, note: stop.note }),
    },
    geometry: { type: 'Point', coordinates: stop.position },
  };
}
