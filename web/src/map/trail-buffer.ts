// The last minutes of each boat's positions, kept in the browser from the live messages (and the track read for
// a selected boat), for the trails drawn behind the markers.

export interface TrailPoint {
  latitude: number;
  longitude: number;
  fixTime: string;
}

/**
 * Per boat, positions newer than `windowMinutes` before the newest one heard, in time order, one per fix time.
 * Late positions (a tracker's buffered batch) slot into place; older than the window they are dropped.
 */
export class TrailBuffer {
  private readonly trails = new Map<string, TrailPoint[]>();

  constructor(private readonly windowMinutes: number) {}

  add(boatId: string, point: TrailPoint): void {
    const trail = this.trails.get(boatId) ?? [];
    const time = Date.parse(point.fixTime);
    if (Number.isNaN(time)) return;
    const index = trail.findIndex((existing) => Date.parse(existing.fixTime) >= time);
    if (index !== -1 && Date.parse(trail[index]?.fixTime ?? '') === time) return;
    const at = index === -1 ? trail.length : index;
    trail.splice(at, 0, { latitude: point.latitude, longitude: point.longitude, fixTime: point.fixTime });
    const newest = Date.parse(trail.at(-1)?.fixTime ?? point.fixTime);
    const oldestKept = newest - this.windowMinutes * 60_000;
    while (trail.length > 0 && Date.parse(trail[0]?.fixTime ?? '') < oldestKept) trail.shift();
    this.trails.set(boatId, trail);
  }

  addAll(boatId: string, points: readonly TrailPoint[]): void {
    for (const point of points) this.add(boatId, point);
  }

  trail(boatId: string): readonly TrailPoint[] {
    return this.trails.get(boatId) ?? [];
  }

  boatIds(): string[] {
    return [...this.trails.keys()];
  }
}
