/**
 * What the live map pages read: the boats a signed-in staff member may see (the authority every boat, an operator
 * the company's), and for a ticket holder their own trip's boat only, cut down to what a passenger may know.
 * The pages render these as a table without JavaScript; the map island draws the same data.
 */
import type { Booking } from '../boats/index.js';
import { hasAnyRole, type Principal } from '../platform/auth/principal.js';
import { STAFF_SESSION_COOKIE } from '../platform/auth/session-routes.js';
import type { TrackedBoat, TripView } from '../tracking/index.js';

/** The tracking domain's reads the pages need, as its index provides them. */
export interface TrackingReads {
  /** Every boat `principal` may see, with its latest position, trip and open alerts. */
  listBoatsFor(principal: Principal): Promise<TrackedBoat[]>;
  /** One boat as tracked, whoever asks: callers decide what of it to show. */
  trackedBoat(boatId: string): Promise<TrackedBoat | null>;
}

/**
 * A ticket holder's view of their boat: where it is and where it goes next, never who else is aboard, its
 * alerts or its company's other trips. The trip is present only while the boat runs the booked departure.
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

export interface TrackingDeskOptions {
  /**
   * The live-updates WebSocket's public URL on AWS (the API Gateway WebSocket API's stage, LIVE_UPDATES_URL);
   * undefined locally, where it is /api/tracking/live on the site's own origin.
   */
  liveUpdatesUrl?: string | undefined;
}

export function createTrackingDesk(reads: TrackingReads, options: TrackingDeskOptions = {}) {
  const pageTools = {
    sessionCookieName: STAFF_SESSION_COOKIE,
    /** The port authority's map: every boat and alert. */
    isAuthority: (principal: Principal) => hasAnyRole(principal, ['manager']),
    /** The fleet map: an operator's company, or every company for the authority. */
    mayWatchFleet: (principal: Principal) => hasAnyRole(principal, ['operator', 'manager']),
  };
  return {
    // Async so that the module loads with the first map page (site/services.ts).
    async pageTools(): Promise<typeof pageTools> {
      return pageTools;
    },

    boatsFor: (principal: Principal) => reads.listBoatsFor(principal),

    /** Where the map island opens its WebSocket: an absolute URL, or the path on the site's origin. */
    async liveUpdatesUrl(): Promise<string> {
      return options.liveUpdatesUrl || '/api/tracking/live';
    },

    /**
     * The boat of `booking`'s departure as its ticket holder sees it; its position only while it runs that
     * departure (before and after, it carries other people), null when the boat is unknown to tracking.
     */
    async boatOfBooking(booking: Pick<Booking, 'departure'>): Promise<TicketHolderBoat | null> {
      const boat = await reads.trackedBoat(booking.departure.boat.id);
      if (boat === null) return null;
      const onThisTrip = boat.trip !== null && boat.trip.departureId === booking.departure.id;
      return {
        boatId: boat.boatId,
        name: boat.name,
        state: onThisTrip ? boat.state : 'off-duty',
        position: onThisTrip ? boat.position : null,
        trip:
          onThisTrip && boat.trip
            ? {
                departureId: boat.trip.departureId,
                routeId: boat.trip.routeId,
                routeName: boat.trip.routeName,
                departsAt: boat.trip.departsAt,
                expectedReturnAt: boat.trip.expectedReturnAt,
                nextStop: boat.trip.nextStop,
              }
            : null,
        openAlerts: [],
      };
    },
  };
}

export type TrackingDesk = ReturnType<typeof createTrackingDesk>;
