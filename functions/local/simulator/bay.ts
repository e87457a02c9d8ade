/**
 * The bay as the simulator sails it: the route lines by water (one per route and port), their stops, the ports,
 * the speed zones and the permitted zone, read from the map's features (assets/map/halong-bay-features.geo.json,
 * made by scripts/bay-map/) — the same file the map draws and the default safety rules come from, so a simulated
 * boat follows the line the authority sees and slows where the rules say.
 */
import * as z from 'zod';
import features from '../../../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import type { LonLat, PolygonRings } from '../../tracking/safety/geometry.js';

export interface RouteLine {
  routeId: number;
  /** The port the line starts and ends at. */
  portId: string;
  line: readonly LonLat[];
}

export interface BayStop {
  routeId: number;
  /** The order of the stop on its route. */
  index: number;
  at: LonLat;
  radiusMetres: number;
  maxStopMinutes: number;
}

export interface SpeedZone {
  limitKnots: number;
  polygon: PolygonRings;
}

export interface SimulatorBay {
  routes: readonly RouteLine[];
  stops: readonly BayStop[];
  ports: ReadonlyMap<string, LonLat>;
  speedZones: readonly SpeedZone[];
  permittedZone: PolygonRings;
}

const Position = z.tuple([z.number(), z.number()]);
const Rings = z.array(z.array(Position).min(4)).min(1);

const Feature = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('route'),
    routeId: z.number().int(),
    portId: z.string(),
    coordinates: z.array(Position).min(2),
  }),
  z.object({
    kind: z.literal('stop'),
    routeId: z.number().int(),
    index: z.number().int(),
    radiusMetres: z.number().positive(),
    maxStopMinutes: z.number().positive(),
    coordinates: Position,
  }),
  z.object({ kind: z.literal('port'), id: z.string(), coordinates: Position }),
  z.object({ kind: z.literal('speed-zone'), limitKnots: z.number().positive(), coordinates: Rings }),
  z.object({ kind: z.literal('permitted-zone'), coordinates: Rings }),
]);

const KNOWN_KINDS = new Set(['route', 'stop', 'port', 'speed-zone', 'permitted-zone']);

interface GeoJsonFeature {
  geometry: { coordinates: unknown };
  properties: Record<string, unknown> | null;
}

/** The simulator's bay from a features collection; throws (zod) when a feature it sails by is malformed. */
export function simulatorBayOf(collection: { features: readonly GeoJsonFeature[] }): SimulatorBay {
  const parsed = collection.features
    .filter((feature) => KNOWN_KINDS.has(String(feature.properties?.kind)))
    .map((feature) => Feature.parse({ ...feature.properties, coordinates: feature.geometry.coordinates }));
  const permitted = parsed.find((feature) => feature.kind === 'permitted-zone');
  if (!permitted) throw new Error('The bay features have no permitted zone.');
  const bay: SimulatorBay = {
    routes: [],
    stops: [],
    ports: new Map(),
    speedZones: [],
    permittedZone: permitted.coordinates,
  };
  for (const feature of parsed) {
    if (feature.kind === 'route') {
      (bay.routes as RouteLine[]).push({
        routeId: feature.routeId,
        portId: feature.portId,
        line: feature.coordinates,
      });
    } else if (feature.kind === 'stop') {
      (bay.stops as BayStop[]).push({
        routeId: feature.routeId,
        index: feature.index,
        at: feature.coordinates,
        radiusMetres: feature.radiusMetres,
        maxStopMinutes: feature.maxStopMinutes,
      });
    } else if (feature.kind === 'port') {
      (bay.ports as Map<string, LonLat>).set(feature.id, feature.coordinates);
    } else if (feature.kind === 'speed-zone') {
      (bay.speedZones as SpeedZone[]).push({ limitKnots: feature.limitKnots, polygon: feature.coordinates });
    }
  }
  return bay;
}

/** The bay of the committed map features. */
export const HALONG_BAY: SimulatorBay = simulatorBayOf(features as { features: GeoJsonFeature[] });

/** The route's line from the departure's port when the route has one from there, else its first line. */
export function routeLineFor(bay: SimulatorBay, routeId: number, portId: string | null): RouteLine | null {
  const lines = bay.routes.filter((route) => route.routeId === routeId);
  return lines.find((route) => route.portId === portId) ?? lines[0] ?? null;
}

/** The route's stops in their order. */
export function stopsOf(bay: SimulatorBay, routeId: number): BayStop[] {
  return bay.stops.filter((stop) => stop.routeId === routeId).sort((a, b) => a.index - b.index);
}
