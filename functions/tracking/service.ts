/**
 * The rules of position intake: which boat reported (its registered tracker), which trip it was on, whether the
 * fix is plausible after the boat's latest, and that a late, resent or implausible position is kept in the
 * history but never moves the boat backwards on the live map.
 */
import {
  type BoatPosition,
  IMPLAUSIBLE_SPEED_KNOTS,
  type IntakeResult,
  type PositionFlag,
  type PositionReport,
} from './model.js';
import type { TrackingStore } from './store.js';

export class UnknownTrackerError extends Error {
  constructor(readonly trackerId: string) {
    super(`No boat is registered with tracker "${trackerId}".`);
    this.name = 'UnknownTrackerError';
  }
}

export interface TrackingDependencies {
  store: TrackingStore;
  /** The boat a tracker is registered on (boats' reads). */
  boatByTrackerId: (trackerId: string) => Promise<{ boatId: string } | null>;
  /** The departure a boat was running at an instant (boats' reads). */
  tripAt: (boatId: string, instant: Date) => Promise<{ departureId: string } | null>;
}

const EARTH_RADIUS_NAUTICAL_MILES = 3440.065;
const METRES_PER_NAUTICAL_MILE = 1852;
/** Below this, two fixes are taken as a second apart: a jump's speed over no time at all is not a number. */
const SHORTEST_INTERVAL_HOURS = 1 / 3600;

export function createTrackingService({ store, boatByTrackerId, tripAt }: TrackingDependencies) {
  const service = {
    /** Stores a tracker's position (see acceptBoatPosition) once its tracker is known to be a boat's. */
    async acceptPosition(report: PositionReport, receivedAt: Date): Promise<IntakeResult> {
      const boat = await boatByTrackerId(report.trackerId);
      if (!boat) throw new UnknownTrackerError(report.trackerId);
      return service.acceptBoatPosition(boat, report, receivedAt);
    },

    /**
     * Stores a position of a boat already identified (by its tracker, or its MMSI for AIS): in the history always
     * (once per boat and fix time), as the boat's latest when it is newer than the latest stored and not an
     * implausible jump from it. Every intake ends here.
     */
    async acceptBoatPosition(
      boat: { boatId: string },
      report: PositionReport,
      receivedAt: Date,
    ): Promise<IntakeResult> {
      const fixTime = new Date(report.fixTime);
      const [trip, latest] = await Promise.all([tripAt(boat.boatId, fixTime), store.getLatest(boat.boatId)]);
      const flags: PositionFlag[] = latest && isImplausibleJump(latest, report) ? ['implausible-jump'] : [];
      const position: BoatPosition = {
        ...report,
        boatId: boat.boatId,
        receivedAt: receivedAt.toISOString(),
        departureId: trip?.departureId ?? null,
        flags,
      };
      const added = await store.addToHistory(position);
      // Tried for a resent position too: if the first attempt stored the history and failed before this write,
      // the resend completes it. The condition keeps it from replacing anything as new or newer.
      const isLatest = flags.length === 0 && (await store.putLatestIfNewer(position));
      return {
        boatId: boat.boatId,
        duplicate: !added,
        latest: isLatest,
        departureId: position.departureId,
        flags,
      };
    },

    /** Every boat's latest position: the live map. */
    listLatest: () => store.listLatest(),
  };
  return service;
}

export type TrackingService = ReturnType<typeof createTrackingService>;

/**
 * Whether reaching `next` from `latest` would take more than 60 knots. Only a fix newer than the latest is
 * judged (an older one never becomes the latest anyway); the fixes' stated accuracy is allowed for, so GPS
 * noise between two fixes a second apart is not a jump.
 */
export function isImplausibleJump(
  latest: Pick<BoatPosition, 'fixTime' | 'latitude' | 'longitude' | 'accuracyMetres'>,
  next: Pick<BoatPosition, 'fixTime' | 'latitude' | 'longitude' | 'accuracyMetres'>,
): boolean {
  const hours = (Date.parse(next.fixTime) - Date.parse(latest.fixTime)) / 3_600_000;
  if (hours <= 0) return false;
  const uncertainty = ((latest.accuracyMetres ?? 0) + (next.accuracyMetres ?? 0)) / METRES_PER_NAUTICAL_MILE;
  const distance = Math.max(0, nauticalMilesBetween(latest, next) - uncertainty);
  return distance / Math.max(hours, SHORTEST_INTERVAL_HOURS) > IMPLAUSIBLE_SPEED_KNOTS;
}

/** Great-circle distance (haversine). */
export function nauticalMilesBetween(
  a: { latitude: number; longitude: number },
  b: { latitude: number; longitude: number },
): number {
  const radians = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * radians;
  const dLon = (b.longitude - a.longitude) * radians;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.latitude * radians) * Math.cos(b.latitude * radians) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_NAUTICAL_MILES * Math.asin(Math.min(1, Math.sqrt(h)));
}
