/**
 * Which stored items the shared pages show, by key (docs/data-model.md), and so which changes of the table make
 * pages stale: on AWS the table's stream is read with it (page-invalidation.ts), and the stream's event source
 * filter is built from it (cdk/stacks/web-stack.ts). Only what pages display counts: bookings, holds, sessions,
 * counters, the fleet (departures copy the boats' names) and the cancellation policy (shown by the booking form
 * alone, read fresh) make no shared page stale.
 */
import type { Departure } from '../boats/index.js';
import type { PageDataTopic } from './shared-pages.js';

/** An item the stream says changed: its key, and the attributes whose values changed. */
export interface StoredItemChange {
  partitionKey: string;
  sortKey: string;
  /** Every attribute whose value differs between the item before and after; null when it was added or removed. */
  changedAttributes: readonly string[] | null;
}

/** The items of a partition (one, or every one whose key begins so) that pages show, and what they show. */
interface ItemsPagesShow {
  partition: { equals: string } | { beginsWith: string };
  /** Which items of the partition; all of them when absent. */
  sortKey?: RegExp;
  changes: readonly PageDataTopic[];
  /** Attributes whose change alone is not worth an invalidation. */
  notWorthInvalidating?: readonly string[];
}

/**
 * A departure's seat counters, moved by every hold, payment, expiry and cancellation (bookings-store.ts). The
 * departure search shows them, but they change at the pace of bookings, and CloudFront charges per invalidation
 * path (and lets only 15 wildcard paths be in progress): seats left show up to the pages' cache lifetime late,
 * as before, while a booking always reads them fresh. The holds refused for want of seats (the managers' count)
 * show on no page.
 */
const SEAT_COUNTERS = [
  'held',
  'sold',
  'seatsFree',
  'refusedRequests',
  'refusedSeats',
] as const satisfies readonly (keyof Departure)[];

/**
 * What the pier writes on a departure (boarding, counter sales, crew, clearance, departure): no public page shows
 * it, and every check-in moves `aboard`. A suspension does change what the public sees, and is invalidated.
 */
const PIER_RECORDS = [
  'aboard',
  'walkUps',
  'crew',
  'clearance',
  'departedAt',
  'departedBy',
] as const satisfies readonly (keyof Departure)[];

const ITEMS_PAGES_SHOW: readonly ItemsPagesShow[] = [
  // The routes, the ports and the fee policy; a route's fee is part of every departure's price.
  {
    partition: { equals: 'BOATS#CATALOG' },
    sortKey: /^(ROUTE#|PORT#|FEE_POLICY$)/,
    changes: ['routes', 'departures'],
  },
  {
    partition: { beginsWith: 'DEPARTURES#' },
    changes: ['departures'],
    notWorthInvalidating: [...SEAT_COUNTERS, ...PIER_RECORDS],
  },
  // Rooms, exhibits, tours and the visiting information.
  { partition: { equals: 'MUSEUM#CATALOG' }, changes: ['museum'] },
  { partition: { equals: 'WIFI#HOTSPOTS' }, changes: ['hotspots'] },
];

/** The partition keys of the items pages show: every change elsewhere in the table can be left unread. */
export const PAGE_DATA_PARTITIONS = {
  equal: ITEMS_PAGES_SHOW.flatMap(({ partition }) => ('equals' in partition ? [partition.equals] : [])),
  beginningWith: ITEMS_PAGES_SHOW.flatMap(({ partition }) =>
    'beginsWith' in partition ? [partition.beginsWith] : [],
  ),
} as const;

/** The page data a change of one item makes stale enough to invalidate the pages showing it. */
export function pageDataChangedByItem(change: StoredItemChange): readonly PageDataTopic[] {
  const items = ITEMS_PAGES_SHOW.find(
    ({ partition, sortKey }) =>
      ('equals' in partition
        ? change.partitionKey === partition.equals
        : change.partitionKey.startsWith(partition.beginsWith)) &&
      (!sortKey || sortKey.test(change.sortKey)),
  );
  if (!items) return [];
  const { changedAttributes } = change;
  if (changedAttributes === null) return items.changes;
  const worthIt = changedAttributes.some((name) => !items.notWorthInvalidating?.includes(name));
  return worthIt ? items.changes : [];
}
