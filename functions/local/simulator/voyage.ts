/**
 * A boat's trip along its route line as a timetable: legs of sailing at a steady speed (slower inside the speed
 * zones near ports and caves) and pauses at the route's stops, spread so the boat is back in port about when its
 * trip is scheduled to end. Where the boat is then follows from the time since it left alone — no state — so a
 * restarted simulator puts every boat where its schedule says, and the benchmarks' synthetic trackers move the
 * same way. Pure.
 */
import { isInsidePolygon, type LonLat, metresBetween } from '../../tracking/safety/geometry.js';
import type { BayStop, SpeedZone } from './bay.js';

export const KNOTS_TO_METRES_PER_SECOND = 1852 / 3600;

export const VOYAGE_DEFAULTS = {
  /** Inside a speed zone: under the zones' 6 knots, as a careful skipper goes near caves and piers. */
  slowKnots: 5,
  shortestPauseMinutes: 5,
  longestPauseMinutes: 40,
  /** A pause ends this long before its stop's allowed time, so an on-time boat never raises "stopped". */
  stopAllowanceMarginMinutes: 10,
  /** Stops closer together along the line than this are one pause (two caves on one island). */
  sameStopMetres: 50,
  /** The step at which the line is tested against the speed zones. */
  sampleMetres: 25,
  /** How far before a speed zone a boat has slowed, and after it before it speeds up again. */
  slowMarginMetres: 50,
} as const;

export interface VoyageInput {
  line: readonly LonLat[];
  /** The route's stops in their order. */
  stops: readonly Pick<BayStop, 'at' | 'radiusMetres' | 'maxStopMinutes'>[];
  speedZones: readonly SpeedZone[];
  /** Speed outside the speed zones. */
  cruiseKnots: number;
  /** The trip's scheduled length: the time left after sailing is spread over the stops. */
  scheduledSeconds: number;
}

type Leg =
  | {
      kind: 'sail';
      startSeconds: number;
      seconds: number;
      fromMetres: number;
      toMetres: number;
      knots: number;
    }
  | { kind: 'pause'; startSeconds: number; seconds: number; atMetres: number };

export interface Voyage {
  line: readonly LonLat[];
  /** Metres along the line at each of its points. */
  cumulative: readonly number[];
  legs: readonly Leg[];
  lengthMetres: number;
  /** From leaving port to being back at the line's end. */
  durationSeconds: number;
}

export type VoyagePhase = 'in-port' | 'under-way' | 'at-stop';

export interface VoyagePoint {
  at: LonLat;
  speedKnots: number;
  courseDegrees: number;
  phase: VoyagePhase;
}

/** Metres east and north of `origin` (the tangent plane geometry.ts measures on). */
function projected(origin: LonLat, point: LonLat): [number, number] {
  const metresPerDegreeLatitude = 111_320;
  const metresPerDegreeLongitude = metresPerDegreeLatitude * Math.cos((origin[1] * Math.PI) / 180);
  return [
    (point[0] - origin[0]) * metresPerDegreeLongitude,
    (point[1] - origin[1]) * metresPerDegreeLatitude,
  ];
}

/** The course from `a` to `b`, degrees clockwise from north. */
export function courseBetween(a: LonLat, b: LonLat): number {
  const [east, north] = projected(a, b);
  const degrees = (Math.atan2(east, north) * 180) / Math.PI;
  return (degrees + 360) % 360;
}

/** The point `fraction` of the way from `a` to `b` (straight on the plane: exact enough over a few km). */
export function between(a: LonLat, b: LonLat, fraction: number): LonLat {
  return [a[0] + (b[0] - a[0]) * fraction, a[1] + (b[1] - a[1]) * fraction];
}

export function cumulativeMetres(line: readonly LonLat[]): number[] {
  const cumulative = [0];
  for (let i = 1; i < line.length; i++) {
    cumulative.push((cumulative[i - 1] as number) + metresBetween(line[i - 1] as LonLat, line[i] as LonLat));
  }
  return cumulative;
}

/** The point `metres` along the line (clamped to its ends) and the course of the line there. */
export function pointAlong(
  line: readonly LonLat[],
  cumulative: readonly number[],
  metres: number,
): { at: LonLat; courseDegrees: number } {
  const total = cumulative[cumulative.length - 1] as number;
  const wanted = Math.min(Math.max(metres, 0), total);
  let segment = 1;
  while (segment < line.length - 1 && (cumulative[segment] as number) < wanted) segment += 1;
  const start = line[segment - 1] as LonLat;
  const end = line[segment] as LonLat;
  const from = cumulative[segment - 1] as number;
  const length = (cumulative[segment] as number) - from;
  return {
    at: between(start, end, length === 0 ? 0 : (wanted - from) / length),
    courseDegrees: courseBetween(start, end),
  };
}

/** How far along the line (at or after `fromMetres`) it comes nearest to `point`, and how near. */
export function nearestAlong(
  line: readonly LonLat[],
  cumulative: readonly number[],
  point: LonLat,
  fromMetres = 0,
): { metres: number; distanceMetres: number } {
  let best = { metres: fromMetres, distanceMetres: Number.POSITIVE_INFINITY };
  for (let i = 1; i < line.length; i++) {
    const segmentStart = cumulative[i - 1] as number;
    const segmentEnd = cumulative[i] as number;
    if (segmentEnd < fromMetres) continue;
    const [ax, ay] = projected(point, line[i - 1] as LonLat);
    const [bx, by] = projected(point, line[i] as LonLat);
    const dx = bx - ax;
    const dy = by - ay;
    const lengthSquared = dx * dx + dy * dy;
    const length = segmentEnd - segmentStart;
    const earliest = length === 0 ? 0 : Math.max(0, (fromMetres - segmentStart) / length);
    const nearest = lengthSquared === 0 ? 0 : -(ax * dx + ay * dy) / lengthSquared;
    const t = Math.min(1, Math.max(earliest, nearest));
    const distance = Math.hypot(ax + t * dx, ay + t * dy);
    if (distance < best.distanceMetres)
      best = { metres: segmentStart + t * length, distanceMetres: distance };
  }
  return best;
}

/** The speed a boat keeps at a point: the cruise, or under the lowest limit of the speed zones around it. */
export function knotsAt(point: LonLat, speedZones: readonly SpeedZone[], cruiseKnots: number): number {
  let knots = cruiseKnots;
  for (const zone of speedZones) {
    if (isInsidePolygon(point, zone.polygon)) {
      knots = Math.min(knots, VOYAGE_DEFAULTS.slowKnots, Math.max(1, zone.limitKnots - 1));
    }
  }
  return knots;
}

/** A stretch of the line and the lowest speed a zone allows on it (Infinity outside every zone). */
interface LinePiece {
  fromMetres: number;
  toMetres: number;
  zoneKnots: number;
}

/** Lines cut into pieces against the zones once: the benchmarks plan hundreds of voyages on a few lines. */
const piecesKept = new WeakMap<readonly LonLat[], WeakMap<readonly SpeedZone[], LinePiece[]>>();

/**
 * The line in pieces of a few metres, each with the zones' lowest speed on it: a piece is in a zone when either
 * end or its middle is, and so are the pieces a margin either side, so a boat slows before the zone's edge and a
 * fix's noise just inside it never shows the cruise there.
 */
function linePieces(
  line: readonly LonLat[],
  cumulative: readonly number[],
  speedZones: readonly SpeedZone[],
) {
  const kept = piecesKept.get(line)?.get(speedZones);
  if (kept) return kept;
  const raw: LinePiece[] = [];
  for (let i = 1; i < line.length; i++) {
    const from = cumulative[i - 1] as number;
    const to = cumulative[i] as number;
    const count = Math.max(1, Math.ceil((to - from) / VOYAGE_DEFAULTS.sampleMetres));
    for (let piece = 0; piece < count; piece++) {
      const at = (fraction: number) =>
        between(line[i - 1] as LonLat, line[i] as LonLat, (piece + fraction) / count);
      raw.push({
        fromMetres: from + ((to - from) * piece) / count,
        toMetres: from + ((to - from) * (piece + 1)) / count,
        zoneKnots: Math.min(...[0, 0.5, 1].map((fraction) => knotsAt(at(fraction), speedZones, Infinity))),
      });
    }
  }
  const margin = Math.ceil(VOYAGE_DEFAULTS.slowMarginMetres / VOYAGE_DEFAULTS.sampleMetres);
  const pieces = raw.map((piece, index) => ({
    ...piece,
    zoneKnots: Math.min(
      ...raw.slice(Math.max(0, index - margin), index + margin + 1).map((near) => near.zoneKnots),
    ),
  }));
  const byZones = piecesKept.get(line) ?? new WeakMap();
  byZones.set(speedZones, pieces);
  piecesKept.set(line, byZones);
  return pieces;
}

/** Stretches of the line at one speed, in order. */
function speedRuns(input: VoyageInput, cumulative: readonly number[]) {
  const runs: { fromMetres: number; toMetres: number; knots: number }[] = [];
  for (const piece of linePieces(input.line, cumulative, input.speedZones)) {
    const knots = Math.min(input.cruiseKnots, piece.zoneKnots);
    const last = runs[runs.length - 1];
    if (last && last.knots === knots) last.toMetres = piece.toMetres;
    else runs.push({ fromMetres: piece.fromMetres, toMetres: piece.toMetres, knots });
  }
  return runs.filter((run) => run.toMetres > run.fromMetres);
}

/** Where along the line the boat pauses: each stop in turn, at the line's nearest pass after the one before. */
function pausePoints(input: VoyageInput, cumulative: readonly number[]) {
  const pauses: { atMetres: number; maxStopMinutes: number }[] = [];
  let from = 0;
  for (const stop of input.stops) {
    const nearest = nearestAlong(input.line, cumulative, stop.at, from);
    if (nearest.distanceMetres > stop.radiusMetres) continue;
    const last = pauses[pauses.length - 1];
    if (last && nearest.metres - last.atMetres < VOYAGE_DEFAULTS.sameStopMetres) {
      last.maxStopMinutes = Math.min(last.maxStopMinutes, stop.maxStopMinutes);
    } else {
      pauses.push({ atMetres: nearest.metres, maxStopMinutes: stop.maxStopMinutes });
    }
    from = nearest.metres;
  }
  return pauses;
}

export function planVoyage(input: VoyageInput): Voyage {
  const cumulative = cumulativeMetres(input.line);
  const lengthMetres = cumulative[cumulative.length - 1] as number;
  const runs = speedRuns(input, cumulative);
  const sailingSeconds = runs.reduce(
    (sum, run) => sum + (run.toMetres - run.fromMetres) / (run.knots * KNOTS_TO_METRES_PER_SECOND),
    0,
  );
  const pauses = pausePoints(input, cumulative);
  const spare = Math.max(0, input.scheduledSeconds - sailingSeconds) / Math.max(1, pauses.length) / 60;
  const pauseSeconds = pauses.map(({ maxStopMinutes }) => {
    const longest = Math.min(
      VOYAGE_DEFAULTS.longestPauseMinutes,
      maxStopMinutes - VOYAGE_DEFAULTS.stopAllowanceMarginMinutes,
    );
    return Math.max(VOYAGE_DEFAULTS.shortestPauseMinutes, Math.min(spare, longest)) * 60;
  });

  const legs: Leg[] = [];
  let clock = 0;
  let pause = 0;
  for (const run of runs) {
    let from = run.fromMetres;
    while (from < run.toMetres) {
      const next = pauses[pause];
      const to = next && next.atMetres < run.toMetres ? Math.max(next.atMetres, from) : run.toMetres;
      if (to > from) {
        const seconds = (to - from) / (run.knots * KNOTS_TO_METRES_PER_SECOND);
        legs.push({
          kind: 'sail',
          startSeconds: clock,
          seconds,
          fromMetres: from,
          toMetres: to,
          knots: run.knots,
        });
        clock += seconds;
      }
      if (next && next.atMetres < run.toMetres) {
        const seconds = pauseSeconds[pause] as number;
        legs.push({ kind: 'pause', startSeconds: clock, seconds, atMetres: to });
        clock += seconds;
        pause += 1;
      }
      from = to;
    }
  }
  return { line: input.line, cumulative, legs, lengthMetres, durationSeconds: clock };
}

/** Where the boat is `elapsedSeconds` after leaving: in port before and after, else on a leg. */
export function positionOnVoyage(voyage: Voyage, elapsedSeconds: number): VoyagePoint {
  if (elapsedSeconds < 0 || elapsedSeconds >= voyage.durationSeconds) {
    const end = elapsedSeconds < 0 ? 0 : voyage.lengthMetres;
    const { at, courseDegrees } = pointAlong(voyage.line, voyage.cumulative, end);
    return { at, speedKnots: 0, courseDegrees, phase: 'in-port' };
  }
  const leg =
    voyage.legs.find((candidate) => elapsedSeconds < candidate.startSeconds + candidate.seconds) ??
    (voyage.legs[voyage.legs.length - 1] as Leg);
  if (leg.kind === 'pause') {
    const { at, courseDegrees } = pointAlong(voyage.line, voyage.cumulative, leg.atMetres);
    return { at, speedKnots: 0, courseDegrees, phase: 'at-stop' };
  }
  const fraction = (elapsedSeconds - leg.startSeconds) / leg.seconds;
  const metres = leg.fromMetres + (leg.toMetres - leg.fromMetres) * fraction;
  const { at, courseDegrees } = pointAlong(voyage.line, voyage.cumulative, metres);
  return { at, speedKnots: leg.knots, courseDegrees, phase: 'under-way' };
}
