import { describe, expect, it } from 'vitest';
import land from '../../../../assets/map/halong-bay-land.geo.json' with { type: 'json' };
import { HALONG_BAY, routeLineFor, stopsOf } from '../../../../functions/local/simulator/bay.js';
import {
  KNOTS_TO_METRES_PER_SECOND,
  planVoyage,
  positionOnVoyage,
  VOYAGE_DEFAULTS,
  type Voyage,
} from '../../../../functions/local/simulator/voyage.js';
import {
  isInsidePolygon,
  type LonLat,
  metresBetween,
  metresFromLine,
  type PolygonRings,
} from '../../../../functions/tracking/safety/geometry.js';

const HOUR = 3600;

function voyageOf(routeId: number, portId: string, cruiseKnots = 10, hours = 4): Voyage {
  const route = routeLineFor(HALONG_BAY, routeId, portId);
  if (!route) throw new Error(`no line for route ${routeId}`);
  return planVoyage({
    line: route.line,
    stops: stopsOf(HALONG_BAY, routeId),
    speedZones: HALONG_BAY.speedZones,
    cruiseKnots,
    scheduledSeconds: hours * HOUR,
  });
}

/** The voyage's points every `step` seconds from leaving to being back. */
function samples(voyage: Voyage, step = 30) {
  const points = [];
  for (let seconds = 0; seconds < voyage.durationSeconds; seconds += step) {
    points.push({ seconds, ...positionOnVoyage(voyage, seconds) });
  }
  return points;
}

const inASpeedZone = (point: LonLat) =>
  HALONG_BAY.speedZones.some((zone) => isInsidePolygon(point, zone.polygon));

describe('a voyage along a straight line', () => {
  const line: LonLat[] = [
    [107.0, 20.9],
    [107.05, 20.9],
  ];
  const voyage = planVoyage({ line, stops: [], speedZones: [], cruiseKnots: 10, scheduledSeconds: HOUR });

  it('is where the time since departure at its speed puts it', () => {
    const point = positionOnVoyage(voyage, 100);
    expect(metresBetween(line[0] as LonLat, point.at)).toBeCloseTo(100 * 10 * KNOTS_TO_METRES_PER_SECOND, 0);
    expect(point).toMatchObject({ speedKnots: 10, phase: 'under-way' });
    expect(point.courseDegrees).toBeCloseTo(90, 0);
  });

  it('lies in port before it leaves and after it is back', () => {
    expect(positionOnVoyage(voyage, -60)).toMatchObject({ at: line[0], speedKnots: 0, phase: 'in-port' });
    expect(positionOnVoyage(voyage, voyage.durationSeconds + 1)).toMatchObject({
      at: line[1],
      speedKnots: 0,
      phase: 'in-port',
    });
  });
});

describe('a voyage on the bay’s route lines', () => {
  it.each(HALONG_BAY.routes.map((route) => [route.routeId, route.portId] as const))(
    'route %i from %s stays on its line, on water',
    (routeId, portId) => {
      const voyage = voyageOf(routeId, portId);
      const lands = (land.features[0]?.geometry.coordinates ?? []) as unknown as PolygonRings[];
      for (const { at } of samples(voyage, 60)) {
        expect(metresFromLine(at, voyage.line)).toBeLessThan(1);
        expect(lands.some((polygon) => isInsidePolygon(at, polygon))).toBe(false);
      }
    },
  );

  it('goes under 6 knots inside the speed zones and at its cruise outside them', () => {
    const points = samples(voyageOf(2, 'tuan-chau', 11)).filter(({ phase }) => phase === 'under-way');
    const inZones = points.filter(({ at }) => inASpeedZone(at));
    const outside = points.filter(({ at }) => !inASpeedZone(at));
    expect(inZones.length).toBeGreaterThan(10);
    for (const { speedKnots } of inZones) expect(speedKnots).toBeLessThanOrEqual(VOYAGE_DEFAULTS.slowKnots);
    // A boat slows 50 m before a zone and speeds up 50 m after it: most samples outside are at the cruise.
    expect(outside.filter(({ speedKnots }) => speedKnots === 11).length).toBeGreaterThan(
      outside.length * 0.85,
    );
  });

  it('pauses a few minutes at each stop, within the stop and within its allowed time', () => {
    const voyage = voyageOf(1, 'tuan-chau');
    const pauses = voyage.legs.filter((leg) => leg.kind === 'pause');
    // Route 1 has six stops; Thiên Cung and Đầu Gỗ are one island, so one pause.
    expect(pauses).toHaveLength(5);
    for (const pause of pauses) {
      const middle = positionOnVoyage(voyage, pause.startSeconds + pause.seconds / 2);
      expect(middle).toMatchObject({ speedKnots: 0, phase: 'at-stop' });
      const stop = stopsOf(HALONG_BAY, 1).find((candidate) => metresBetween(candidate.at, middle.at) <= 500);
      expect(stop).toBeDefined();
      expect(pause.seconds / 60).toBeGreaterThanOrEqual(VOYAGE_DEFAULTS.shortestPauseMinutes);
      expect(pause.seconds / 60).toBeLessThanOrEqual((stop?.maxStopMinutes ?? 0) - 10);
    }
  });

  it('is back in port about when the trip is scheduled to end', () => {
    const voyage = voyageOf(1, 'ha-long-cruise-port', 9, 4);
    expect(voyage.durationSeconds / HOUR).toBeCloseTo(4, 1);
    const end = positionOnVoyage(voyage, 4 * HOUR + 60);
    expect(end).toMatchObject({ speedKnots: 0, phase: 'in-port' });
    expect(metresBetween(end.at, HALONG_BAY.ports.get('ha-long-cruise-port') as LonLat)).toBeLessThan(600);
  });

  it('sails the line from the departure’s port when its route has two', () => {
    expect(routeLineFor(HALONG_BAY, 1, 'ha-long-cruise-port')?.portId).toBe('ha-long-cruise-port');
    expect(routeLineFor(HALONG_BAY, 1, 'tuan-chau')?.portId).toBe('tuan-chau');
    expect(routeLineFor(HALONG_BAY, 6, 'tuan-chau')?.portId).toBe('hon-gai');
  });

  it('never moves faster than its cruise between two reports five seconds apart', () => {
    const voyage = voyageOf(3, 'tuan-chau', 12, 8);
    const points = samples(voyage, 5);
    for (let i = 1; i < points.length; i++) {
      const metres = metresBetween((points[i - 1] as { at: LonLat }).at, (points[i] as { at: LonLat }).at);
      expect(metres).toBeLessThanOrEqual(12 * KNOTS_TO_METRES_PER_SECOND * 5 + 0.5);
    }
  });
});
