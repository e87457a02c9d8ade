// Replay of a past trip: where the boat was at any instant of its track, between two reported fixes.
import type { TrailPoint } from './trail-buffer';

export interface ReplayPoint extends TrailPoint {
  courseDegrees: number | null;
  speedKnots: number | null;
}

/** The first and last fix times of a track (sorted or not), in milliseconds; null for an empty track. */
export function replaySpan(track: readonly TrailPoint[]): { start: number; end: number } | null {
  const times = track.map((point) => Date.parse(point.fixTime)).filter((time) => !Number.isNaN(time));
  if (times.length === 0) return null;
  return { start: Math.min(...times), end: Math.max(...times) };
}

/**
 * The boat's position at `time` on `track` (in time order): linear between the two fixes around it, the course
 * turned the short way round; before the first fix or after the last, that fix. Null for an empty track.
 */
export function positionAt(track: readonly ReplayPoint[], time: number): ReplayPoint | null {
  const first = track[0];
  const last = track.at(-1);
  if (first === undefined || last === undefined) return null;
  if (time <= Date.parse(first.fixTime)) return first;
  if (time >= Date.parse(last.fixTime)) return last;
  const after = track.findIndex((point) => Date.parse(point.fixTime) > time);
  const from = track[after - 1] ?? first;
  const to = track[after] ?? last;
  const start = Date.parse(from.fixTime);
  const fraction = (time - start) / (Date.parse(to.fixTime) - start);
  const between = (a: number, b: number) => a + (b - a) * fraction;
  return {
    latitude: between(from.latitude, to.latitude),
    longitude: between(from.longitude, to.longitude),
    fixTime: new Date(time).toISOString(),
    courseDegrees: courseBetween(from.courseDegrees, to.courseDegrees, fraction),
    speedKnots:
      from.speedKnots === null || to.speedKnots === null
        ? (from.speedKnots ?? to.speedKnots)
        : between(from.speedKnots, to.speedKnots),
  };
}

function courseBetween(from: number | null, to: number | null, fraction: number): number | null {
  if (from === null || to === null) return from ?? to;
  const turn = ((to - from + 540) % 360) - 180;
  return (((from + turn * fraction) % 360) + 360) % 360;
}
