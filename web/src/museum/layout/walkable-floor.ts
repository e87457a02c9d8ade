// Where a visitor may stand and walk on a floor, around walls and exhibits: a grid of half-metre cells, with
// steps that slide along walls and A* paths between places.
import { contains, type FloorPlan } from './floor-plans';
import type { ExhibitFootprint, ExhibitPlacement } from './placement';
import { BODY_RADIUS } from './visitor';

/** The footprint of a placed object, turned with it, as an obstacle: does (x, z) come within `margin` of it? */
function blockedBy(
  placementOf: ExhibitPlacement,
  size: ExhibitFootprint['size'],
  x: number,
  z: number,
  margin: number,
): boolean {
  if (!placementOf.obstacle) return false;
  const dx = x - placementOf.at[0];
  const dz = z - placementOf.at[2];
  const cos = Math.cos(-placementOf.rotationY);
  const sin = Math.sin(-placementOf.rotationY);
  const localX = dx * cos + dz * sin;
  const localZ = -dx * sin + dz * cos;
  const halfWidth = Math.max(size.width, placementOf.plinth ? 0.7 : 0) / 2;
  const halfDepth = Math.max(size.depth, placementOf.plinth ? 0.7 : 0) / 2;
  return Math.abs(localX) < halfWidth + margin && Math.abs(localZ) < halfDepth + margin;
}

/**
 * Where a visitor may stand on a floor: inside a room, corridor or door (kept off the walls), and not inside an
 * exhibit. A grid of half-metre cells finds walking paths around walls and objects.
 */
export class WalkableFloor {
  static readonly CELL = 0.5;
  private readonly columns: number;
  private readonly rows: number;
  private readonly open: Uint8Array;

  constructor(
    readonly plan: FloorPlan,
    private readonly obstacles: { placement: ExhibitPlacement; size: ExhibitFootprint['size'] }[] = [],
  ) {
    const [x1, z1, x2, z2] = plan.bounds;
    this.columns = Math.ceil((x2 - x1) / WalkableFloor.CELL);
    this.rows = Math.ceil((z2 - z1) / WalkableFloor.CELL);
    this.open = new Uint8Array(this.columns * this.rows);
    for (let row = 0; row < this.rows; row += 1) {
      for (let column = 0; column < this.columns; column += 1) {
        const [x, z] = this.centre(column, row);
        this.open[row * this.columns + column] = this.canStand(x, z) ? 1 : 0;
      }
    }
  }

  /** Whether the visitor may stand at (x, z). */
  canStand(x: number, z: number): boolean {
    const inside = this.plan.areas.some((area) => contains(area.shape, x, z, BODY_RADIUS));
    return (
      inside && !this.obstacles.some(({ placement, size }) => blockedBy(placement, size, x, z, BODY_RADIUS))
    );
  }

  /**
   * One step from `from` toward `to`, stopped by walls and objects: sliding along them when only one
   * direction is blocked, staying put when both are.
   */
  step(from: readonly [number, number], to: readonly [number, number]): [number, number] {
    // In short steps, so that a long move cannot jump over a wall.
    const parts = Math.max(1, Math.ceil(Math.hypot(to[0] - from[0], to[1] - from[1]) / 0.2));
    let at: [number, number] = [from[0], from[1]];
    for (let part = 1; part <= parts; part += 1) {
      const next: [number, number] = [at[0] + (to[0] - from[0]) / parts, at[1] + (to[1] - from[1]) / parts];
      if (this.canStand(next[0], next[1])) at = next;
      else if (this.canStand(next[0], at[1])) at = [next[0], at[1]];
      else if (this.canStand(at[0], next[1])) at = [at[0], next[1]];
      else break;
    }
    return at;
  }

  /** The nearest place to stand to (x, z), searching outward on the grid; null when none is near. */
  nearestStanding(x: number, z: number): [number, number] | null {
    if (this.canStand(x, z)) return [x, z];
    const start = this.cellOf(x, z);
    let best: [number, number] | null = null;
    let bestDistance = Number.POSITIVE_INFINITY;
    for (let radius = 1; radius < 12 && !best; radius += 1) {
      for (let row = start[1] - radius; row <= start[1] + radius; row += 1) {
        for (let column = start[0] - radius; column <= start[0] + radius; column += 1) {
          if (!this.isOpen(column, row)) continue;
          const [cx, cz] = this.centre(column, row);
          const distance = Math.hypot(cx - x, cz - z);
          if (distance < bestDistance) {
            bestDistance = distance;
            best = [cx, cz];
          }
        }
      }
    }
    return best;
  }

  /**
   * A walking path from one place to another around walls and objects (A* over the grid, then only the turns
   * kept), ending exactly at `to`; null when `to` cannot be reached.
   */
  path(from: readonly [number, number], to: readonly [number, number]): [number, number][] | null {
    const start = this.nearestOpenCell(from[0], from[1]);
    const goal = this.nearestOpenCell(to[0], to[1]);
    if (!start || !goal) return null;
    const index = (cell: readonly [number, number]) => cell[1] * this.columns + cell[0];
    const goalIndex = index(goal);
    const cameFrom = new Int32Array(this.columns * this.rows).fill(-1);
    const cost = new Float64Array(this.columns * this.rows).fill(Number.POSITIVE_INFINITY);
    const heuristic = (cellIndex: number) =>
      Math.hypot((cellIndex % this.columns) - goal[0], Math.floor(cellIndex / this.columns) - goal[1]);
    const startIndex = index(start);
    cost[startIndex] = 0;
    // A binary heap of [priority, cell index].
    const heap: [number, number][] = [[heuristic(startIndex), startIndex]];
    const push = (entry: [number, number]) => {
      heap.push(entry);
      let child = heap.length - 1;
      while (child > 0) {
        const parent = (child - 1) >> 1;
        if ((heap[parent] as [number, number])[0] <= entry[0]) break;
        heap[child] = heap[parent] as [number, number];
        child = parent;
      }
      heap[child] = entry;
    };
    const pop = (): [number, number] => {
      const top = heap[0] as [number, number];
      const last = heap.pop() as [number, number];
      if (heap.length > 0) {
        let parent = 0;
        for (;;) {
          let child = parent * 2 + 1;
          if (child >= heap.length) break;
          if (
            child + 1 < heap.length &&
            (heap[child + 1] as [number, number])[0] < (heap[child] as [number, number])[0]
          )
            child += 1;
          if ((heap[child] as [number, number])[0] >= last[0]) break;
          heap[parent] = heap[child] as [number, number];
          parent = child;
        }
        heap[parent] = last;
      }
      return top;
    };
    const steps: [number, number, number][] = [
      [1, 0, 1],
      [-1, 0, 1],
      [0, 1, 1],
      [0, -1, 1],
      [1, 1, Math.SQRT2],
      [1, -1, Math.SQRT2],
      [-1, 1, Math.SQRT2],
      [-1, -1, Math.SQRT2],
    ];
    while (heap.length > 0) {
      const [, current] = pop();
      if (current === goalIndex) break;
      const column = current % this.columns;
      const row = Math.floor(current / this.columns);
      for (const [dx, dz, length] of steps) {
        const next: [number, number] = [column + dx, row + dz];
        // Diagonal steps only where both neighbours are open, so paths never cut a wall's corner.
        if (
          !this.isOpen(...next) ||
          (dx && dz && (!this.isOpen(column + dx, row) || !this.isOpen(column, row + dz)))
        )
          continue;
        const nextIndex = index(next);
        const nextCost = (cost[current] as number) + length;
        if (nextCost < (cost[nextIndex] as number)) {
          cost[nextIndex] = nextCost;
          cameFrom[nextIndex] = current;
          push([nextCost + heuristic(nextIndex), nextIndex]);
        }
      }
    }
    if (goalIndex !== startIndex && cameFrom[goalIndex] === -1) return null;
    const cells: [number, number][] = [];
    for (let at = goalIndex; at !== -1 && at !== startIndex; at = cameFrom[at] as number) {
      cells.unshift(this.centre(at % this.columns, Math.floor(at / this.columns)));
    }
    return this.simplify([[from[0], from[1]], ...cells.slice(0, -1), [to[0], to[1]]]);
  }

  /** Keeps only the turns of a path: a point is dropped when the walk from the previous kept one to the next is clear. */
  private simplify(points: [number, number][]): [number, number][] {
    const kept: [number, number][] = [points[0] as [number, number]];
    let anchor = 0;
    for (let index = 2; index < points.length; index += 1) {
      if (!this.clearLine(points[anchor] as [number, number], points[index] as [number, number])) {
        anchor = index - 1;
        kept.push(points[anchor] as [number, number]);
      }
    }
    if (points.length > 1) kept.push(points[points.length - 1] as [number, number]);
    return kept;
  }

  private clearLine(a: [number, number], b: [number, number]): boolean {
    const length = Math.hypot(b[0] - a[0], b[1] - a[1]);
    const samples = Math.ceil(length / (WalkableFloor.CELL / 2));
    for (let sample = 1; sample < samples; sample += 1) {
      const t = sample / samples;
      if (!this.canStand(a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)) return false;
    }
    return true;
  }

  private nearestOpenCell(x: number, z: number): [number, number] | null {
    const standing = this.nearestStanding(x, z);
    return standing ? this.cellOf(...standing) : null;
  }

  private cellOf(x: number, z: number): [number, number] {
    const [x1, z1] = this.plan.bounds;
    return [Math.floor((x - x1) / WalkableFloor.CELL), Math.floor((z - z1) / WalkableFloor.CELL)];
  }

  private centre(column: number, row: number): [number, number] {
    const [x1, z1] = this.plan.bounds;
    return [x1 + (column + 0.5) * WalkableFloor.CELL, z1 + (row + 0.5) * WalkableFloor.CELL];
  }

  private isOpen(column: number, row: number): boolean {
    if (column < 0 || row < 0 || column >= this.columns || row >= this.rows) return false;
    return this.open[row * this.columns + column] === 1;
  }
}
