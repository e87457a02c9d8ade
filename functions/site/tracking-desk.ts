/**
 * What the live map pages read: the boats a signed-in staff member may see (the authority every boat, an operator
 * the company's) and their past tracks, and for a ticket holder their own trip's boat only, cut down to what a
 * passenger may know. The pages render these as a table without JavaScript; the map island draws the same data.
 */
import type { Booking } from '../boats/index.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import {
  BoatNotVisibleError,
  type TrackedBoat,
  type TrackingService,
  TrackRangeError,
  type TripView,
  type Viewer,
} from '../tracking/index.js';

/**
 * A ticket holder's view of their boat: where it is and where it goes next, never who else is aboard, its
 * alerts or its company's other trips. The tracking service shows the position only around the booked trip.
 */
export interface TicketHolderBoat {
  boatId: string;
  name: string;
  state: TrackedBoat['state'];
  position: TrackedBoat['position'];
  trip: Pick<
    TripView,
    'departureId' | 'routeId' | 'routeName' | 'departsAt' | 'expectedReturnAt' | 'nextStop'
  > | null;
  openAlerts: [];
}

export type TrackAnswer =
  | { kind: 'track'; boatId: string; positions: Awaited<ReturnType<TrackingService['track']>> }
  | { kind: 'refused'; status: 400 | 403 | 404; message: string };

export interface TrackingDeskOptions {
  /**
   * The live-updates WebSocket's public URL on AWS (the API Gateway WebSocket API's stage, LIVE_UPDATES_URL);
   * undefined locally, where it is /api/tracking/live on the site's own origin.
   */
  liveUpdatesUrl?: string | undefined;
}

/** Who a signed-in staff member is to the live map; null for a role that sees no boats. */
export function viewerOf(principal: Principal): Viewer | null {
  if (hasAnyRole(principal, ['manager'])) return { kind: 'authority' };
  if (hasAnyRole(principal, ['operator']) && principal.companyId) {
    return { kind: 'operator', operatorId: principal.companyId };
  }
  return null;
}

export function createTrackingDesk(
  tracking: Pick<TrackingService, 'listBoats' | 'track'>,
  options: TrackingDeskOptions = {},
) {
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
    /** The port authority's map: every boat and alert. */
    isAuthority: (principal: Principal) => hasAnyRole(principal, ['manager']),
    /** The fleet map: an operator of a company, or the authority. */
    mayWatchFleet: (principal: Principal) => viewerOf(principal) !== null,
  };
  return {
    // Async so that the module loads with the first map page (site/services.ts).
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    /** The boats `principal` may see, as the live map draws them; none for a role that sees no boats. */
    async boatsFor(principal: Principal): Promise<TrackedBoat[]> {
      const viewer = viewerOf(principal);
      return viewer ? tracking.listBoats(viewer) : [];
    },

    /** A boat's positions between two instants (ISO-8601), for replay; refused as the API would refuse it. */
    async trackFor(principal: Principal, boatId: string, from: string, to: string): Promise<TrackAnswer> {
      const viewer = viewerOf(principal);
      if (!viewer)
        return { kind: 'refused', status: 403, message: 'This needs the role operator or manager.' };
      const [start, end] = [new Date(from), new Date(to)];
      if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime())) {
        return { kind: 'refused', status: 400, message: 'from and to must be ISO-8601 instants.' };
      }
      try {
        return { kind: 'track', boatId, positions: await tracking.track(viewer, boatId, start, end) };
      } catch (error) {
        if (error instanceof TrackRangeError) return { kind: 'refused', status: 400, message: error.message };
        if (error instanceof BoatNotVisibleError)
          return { kind: 'refused', status: 404, message: error.message };
        throw error;
      }
    },

    /** The boat of `booking`'s departure as its ticket holder sees it; null when tracking does not know it. */
    async boatOfBooking(booking: Pick<Booking, 'departure'>): Promise<TicketHolderBoat | null> {
      const [boat] = await tracking.listBoats({
        kind: 'ticket',
        boatId: booking.departure.boat.id,
        departureId: booking.departure.id,
      });
      if (boat === undefined) return null;
      return {
        boatId: boat.boatId,
        name: boat.name,
        state: boat.state,
        position: boat.position,
        trip: boat.trip && {
          departureId: boat.trip.departureId,
          routeId: boat.trip.routeId,
          routeName: boat.trip.routeName,
          departsAt: boat.trip.departsAt,
          expectedReturnAt: boat.trip.expectedReturnAt,
          nextStop: boat.trip.nextStop,
        },
        openAlerts: [],
      };
    },

    /** Where the map island opens its WebSocket: an absolute URL, or the path on the site's origin. */
    async liveUpdatesUrl(): Promise<string> {
      return options.liveUpdatesUrl || '/api/tracking/live';
    },
  };
}

export type TrackingDesk = ReturnType<typeof createTrackingDesk>;
