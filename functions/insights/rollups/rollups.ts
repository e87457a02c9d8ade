/**
 * The roll-ups: each change of a counted record moves the counters by what its new image adds minus what its old
 * image added (contributions.ts), written once per change (store.ts). Adding commutes, so changes applied out of
 * order leave the same counters; a change delivered twice is applied once; a record removed by its time to live
 * takes nothing back (its counts stay: the counters outlive the records).
 */
import type { TableChange } from '../../platform/table-changes/change.js';
import { contributionsOf } from './contributions.js';
import { addContributions, type CounterTotals, withoutZeros } from './model.js';
import type { RollupStore } from './store.js';

export type ChangeOutcome = 'applied' | 'duplicate' | 'unchanged';

/** The counters a change moves, and by how much (nothing for a change that moves none). */
export function movesOf(change: Pick<TableChange, 'newItem' | 'oldItem' | 'expired'>): CounterTotals {
  if (change.expired) return new Map();
  const totals: CounterTotals = new Map();
  addContributions(totals, contributionsOf(change.newItem), 1);
  addContributions(totals, contributionsOf(change.oldItem), -1);
  return withoutZeros(totals);
}

export function createRollups(store: RollupStore) {
  return {
    /** Applies one change; `capacityUnits` adds up the write capacity spent (for the benchmark). */
    async apply(change: TableChange, spent?: { capacityUnits: number }): Promise<ChangeOutcome> {
      const moves = movesOf(change);
      if (moves.size === 0) return 'unchanged';
      const { applied, capacityUnits } = await store.applyOnce(change.id, moves);
      if (spent) spent.capacityUnits += capacityUnits;
      return applied ? 'applied' : 'duplicate';
    },
  };
}

export type Rollups = ReturnType<typeof createRollups>;
