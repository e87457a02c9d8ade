// Paths by water between places of the bay: the map's box as a grid of 50 m cells, land cells blocked, a search
// (A*) that keeps clear of the coast where it can, then the path pulled straight wherever a straight line stays as
// clear. What comes out is a plausible boat's track on the committed land, not a surveyed fairway.
import type { Position } from 'geojson';
import { distanceMetres, type Land, offsetPosition, onLand, segmentTouchesLand } from './geometry';
import type { GeoBox } from './land';

export interface WaterGridOptions {
  cellMetres: number;
  /** A path prefers to stay this many cells from the coast; closer cells cost more, land cells are closed. */
  clearanceCells: number;
}

export interface WaterGrid {
  readonly land: Land;
  readonly options: WaterGridOptions;
  readonly columns: number;
  readonly rows: number;
  /** Cells to the nearest land cell (0 on land), row by row from the south-west corner. */
  readonly clearance: Uint16Array;
  positionOf(cell: number): Position;
  cellOf(position: Position): number;
}

const metresPerDegreeOfLatitude = 111_320;

/** The box as a grid of cells, each marked with how many cells it lies from land. */
export function waterGrid(land: Land, box: GeoBox, options: WaterGridOptions): WaterGrid {
  const southWest: Position = [box.west, box.south];
  const widthMetres = distanceMetres(southWest, [box.east, box.south]);
  const heightMetres = (box.north - box.south) * metresPerDegreeOfLatitude;
  const columns = Math.ceil(widthMetres / options.cellMetres);
  const rows = Math.ceil(heightMetres / options.cellMetres);
  const positionOf = (cell: number): Position =>
    offsetPosition(
      southWest,
      ((cell % columns) + 0.5) * options.cellMetres,
      (Math.floor(cell / columns) + 0.5) * options.cellMetres,
    );
  const cellOf = (position: Position): number => {
    const east = distanceMetres(southWest, [position[0] ?? 0, box.south]);
    const north = ((position[1] ?? 0) - box.south) * metresPerDegreeOfLatitude;
    const column = Math.min(columns - 1, Math.max(0, Math.floor(east / options.cellMetres)));
    const row = Math.min(rows - 1, Math.max(0, Math.floor(north / options.cellMetres)));
    return row * columns + column;
  };

  const clearance = new Uint16Array(columns * rows).fill(0xffff);
  const queue: number[] = [];
  for (let cell = 0; cell < clearance.length; cell++) {
    if (onLand(positionOf(cell), land)) {
      clearance[cell] = 0;
      queue.push(cell);
    }
  }
  // Breadth first from every land cell at once: each water cell learns its distance to the nearest (in steps).
  for (let head = 0; head < queue.length; head++) {
    const cell = queue[head] ?? 0;
    const next = (clearance[cell] ?? 0) + 1;
    for (const neighbour of neighbours(cell, columns, rows)) {
      if ((clearance[neighbour] ?? 0) > next) {
        clearance[neighbour] = next;
        queue.push(neighbour);
      }
    }
  }
  return { land, options, columns, rows, clearance, positionOf, cellOf };
}

/**
 * The water cell nearest to `position` at least `minimumClearance` cells from land, within `searchMetres`; null
 * when there is none (a place deep inland, or water narrower than the clearance).
 */
export function nearestWaterCell(
  grid: WaterGrid,
  position: Position,
  minimumClearance: number,
  searchMetres: number,
): number | null {
  const centre = grid.cellOf(position);
  const reach = Math.ceil(searchMetres / grid.options.cellMetres);
  const centreColumn = centre % grid.columns;
  const centreRow = Math.floor(centre / grid.columns);
  let best: number | null = null;
  let bestDistance = searchMetres;
  for (let row = centreRow - reach; row <= centreRow + reach; row++) {
    for (let column = centreColumn - reach; column <= centreColumn + reach; column++) {
      if (row < 0 || row >= grid.rows || column < 0 || column >= grid.columns) continue;
      const cell = row * grid.columns + column;
      if ((grid.clearance[cell] ?? 0) < minimumClearance) continue;
      const distance = distanceMetres(position, grid.positionOf(cell));
      if (distance <= bestDistance) {
        best = cell;
        bestDistance = distance;
      }
    }
  }
  return best;
}

/**
 * A path by water from cell `from` to cell `to`, as positions: the cheapest grid path (cells near the coast cost
 * more), pulled straight. Throws when the two are not connected by water.
 */
export function waterPath(grid: WaterGrid, from: number, to: number): Position[] {
  const cells = cheapestCells(grid, from, to);
  return pulledStraight(grid, cells);
}

function cheapestCells(grid: WaterGrid, from: number, to: number): number[] {
  const { columns, rows, clearance } = grid;
  const { clearanceCells } = grid.options;
  const cost = new Float64Array(columns * rows).fill(Number.POSITIVE_INFINITY);
  const cameFrom = new Int32Array(columns * rows).fill(-1);
  const toColumn = to % columns;
  const toRow = Math.floor(to / columns);
  const estimate = (cell: number) =>
    Math.hypot((cell % columns) - toColumn, Math.floor(cell / columns) - toRow);
  const open = new MinHeap();
  cost[from] = 0;
  open.push(from, estimate(from));
  while (open.size > 0) {
    const cell = open.pop();
    if (cell === to) break;
    const here = cost[cell] ?? 0;
    for (const neighbour of neighbours(cell, columns, rows)) {
      const clear = clearance[neighbour] ?? 0;
      if (clear === 0) continue;
      const diagonal =
        neighbour % columns !== cell % columns &&
        Math.floor(neighbour / columns) !== Math.floor(cell / columns);
      const nearCoast = Math.max(0, clearanceCells - clear);
      const step = (diagonal ? Math.SQRT2 : 1) * (1 + 2 * nearCoast);
      if (here + step < (cost[neighbour] ?? 0)) {
        cost[neighbour] = here + step;
        cameFrom[neighbour] = cell;
        open.push(neighbour, here + step + estimate(neighbour));
      }
    }
  }
  if (cameFrom[to] === -1 && from !== to) {
    throw new Error(
      `no water path from ${grid.positionOf(from).join(',')} to ${grid.positionOf(to).join(',')}`,
    );
  }
  const cells = [to];
  while (cells[0] !== from) cells.unshift(cameFrom[cells[0] ?? from] ?? from);
  return cells;
}

/**
 * The grid path with every run of cells replaced by one straight segment where that segment stays on water and
 * at least as far from the coast as the cells it replaces (up to the preferred clearance).
 */
function pulledStraight(grid: WaterGrid, cells: number[]): Position[] {
  const positions = cells.map((cell) => grid.positionOf(cell));
  const line: Position[] = [positions[0] ?? [0, 0]];
  let anchor = 0;
  while (anchor < cells.length - 1) {
    let reach = anchor + 1;
    let leastClearance = Math.min(grid.options.clearanceCells, grid.clearance[cells[anchor] ?? 0] ?? 0);
    for (let candidate = anchor + 2; candidate < cells.length; candidate++) {
      leastClearance = Math.min(leastClearance, grid.clearance[cells[candidate - 1] ?? 0] ?? 0);
      const required = Math.min(leastClearance, grid.clearance[cells[candidate] ?? 0] ?? 0);
      if (!staysClear(grid, positions[anchor] ?? [0, 0], positions[candidate] ?? [0, 0], required)) break;
      reach = candidate;
    }
    while (
      reach > anchor + 1 &&
      segmentTouchesLand(positions[anchor] ?? [0, 0], positions[reach] ?? [0, 0], grid.land)
    ) {
      reach--;
    }
    line.push(positions[reach] ?? [0, 0]);
    anchor = reach;
  }
  return line;
}

function staysClear(grid: WaterGrid, start: Position, end: Position, required: number): boolean {
  const samples = Math.ceil(distanceMetres(start, end) / (grid.options.cellMetres / 2));
  for (let sample = 1; sample < samples; sample++) {
    const t = sample / samples;
    const point: Position = [
      (start[0] ?? 0) + ((end[0] ?? 0) - (start[0] ?? 0)) * t,
      (start[1] ?? 0) + ((end[1] ?? 0) - (start[1] ?? 0)) * t,
    ];
    if ((grid.clearance[grid.cellOf(point)] ?? 0) < Math.max(1, required)) return false;
  }
  return true;
}

function* neighbours(cell: number, columns: number, rows: number): Generator<number> {
  const column = cell % columns;
  const row = Math.floor(cell / columns);
  for (let dRow = -1; dRow <= 1; dRow++) {
    for (let dColumn = -1; dColumn <= 1; dColumn++) {
      if (dRow === 0 && dColumn === 0) continue;
      const nextColumn = column + dColumn;
      const nextRow = row + dRow;
      if (nextColumn < 0 || nextColumn >= columns || nextRow < 0 || nextRow >= rows) continue;
      yield nextRow * columns + nextColumn;
    }
  }
}

/** A binary heap of cells by priority; ties pop in insertion order, so the search is deterministic. */
class MinHeap {
  private readonly items: { cell: number; priority: number; order: number }[] = [];
  private pushed = 0;

  get size(): number {
    return this.items.length;
  }

  push(cell: number, priority: number): void {
    const items = this.items;
    items.push({ cell, priority, order: this.pushed++ });
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (!this.before(index, parent)) break;
      this.swap(index, parent);
      index = parent;
    }
  }

  pop(): number {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined) throw new Error('pop from an empty heap');
    if (items.length > 0) {
      items[0] = last;
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        const right = left + 1;
        let smallest = index;
        if (left < items.length && this.before(left, smallest)) smallest = left;
        if (right < items.length && this.before(right, smallest)) smallest = right;
        if (smallest === index) break;
        this.swap(index, smallest);
        index = smallest;
      }
    }
    return top.cell;
  }

  private before(a: number, b: number): boolean {
    const x = this.items[a];
    const y = this.items[b];
    if (x === undefined || y === undefined) return false;
    return x.priority < y.priority || (x.priority === y.priority && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    const items = this.items;
    const x = items[a];
    const y = items[b];
    if (x === undefined || y === undefined) return;
    items[a] = y;
    items[b] = x;
  }
}
