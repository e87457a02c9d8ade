/** Which departure a boat is running at an instant: the rule that files a boat's positions under its trips. */
import type { Departure } from './model.js';

/** After a route's longest typical duration, how long a boat is still counted on the trip (late returns). */
export const TRIP_MARGIN_HOURS = 1;
/** A route's duration when its catalogue entry gives none. */
export const DEFAULT_TRIP_HOURS = 4;

const HOUR_MS = 3_600_000;

/**
 * The boat's departure (open or departed; not cancelled or suspended by a ban) with departsAt ≤ instant ≤
 * departsAt + its route's hours + 1 hour; the one that left last when two overlap; undefined when none.
 */
export function departureRunningAt(
  departures: readonly Pick<Departure, 'id' | 'boatId' | 'routeId' | 'departsAt' | 'status'>[],
  routeHours: ReadonlyMap<number, number>,
  boatId: string,
  instant: Date,
) {
  const time = instant.getTime();
  return departures
    .filter((departure) => departure.boatId === boatId && departure.status === 'open')
    .filter((departure) => {
      const departs = Date.parse(departure.departsAt);
      const lasts = (routeHours.get(departure.routeId) ?? DEFAULT_TRIP_HOURS) + TRIP_MARGIN_HOURS;
      return departs <= time && time <= departs + lasts * HOUR_MS;
    })
    .sort((a, b) => b.departsAt.localeCompare(a.departsAt))[0];
}
