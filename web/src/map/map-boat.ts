// The boat as the map island knows it: a tracked boat as the authority and operators see it, or the cut-down
// view of a ticket holder (no company, no people aboard, no alerts). Fields a view lacks are not shown.
import type { TrackedBoat, TripView } from '../../../functions/tracking/live/model';

export type MapBoat = Pick<TrackedBoat, 'boatId' | 'name' | 'state' | 'position' | 'openAlerts'> &
  Partial<Pick<TrackedBoat, 'operatorName' | 'certifiedCapacity' | 'registrationNumber'>> & {
    trip:
      | (Pick<
          TripView,
          'departureId' | 'routeId' | 'routeName' | 'departsAt' | 'expectedReturnAt' | 'nextStop'
        > &
          Partial<Pick<TripView, 'aboard' | 'clearance'>>)
      | null;
  };

/** `boats` with `update` in place of the boat of the same id (added when new), in name order. */
export function withBoat(boats: readonly MapBoat[], update: MapBoat): MapBoat[] {
  const others = boats.filter((boat) => boat.boatId !== update.boatId);
  return [...others, update].sort((a, b) => a.name.localeCompare(b.name));
}
