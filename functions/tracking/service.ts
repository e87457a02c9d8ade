/**
 * The rules of position intake: which boat reported (its registered tracker), which trip it was on, whether the
 * fix is plausible after the boat's latest, and that a late, resent or implausible position is kept in the
 * history but never moves the boat backwards on the live map.
 */

import type { BaySituation } from '../boats/reads.js';
import { addDays, localDateAt } from '../platform/local-time.js';
import {
  followedTripsOf,
  mayView,
  scheduledDepartureOf,
  scheduledTripOf,
  trackedBoats,
  type Viewer,
} from './live/board.js';
import type { TrackedBoat } from './live/model.js';
import {
  type BoatPosition,
  IMPLAUSIBLE_SPEED_KNOTS,
  type IntakeResult,
  type PositionFlag,
  type PositionReport,
} from './model.js';
import type { AlertsService } from './safety/alerts.js';
import type { SafetyRules } from './safety/model.js';
import { findingsOf } from './safety/rules.js';
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
  /** The departure a boat was running at an instant (boats' reads): where its history is filed. */
  tripAt: (boatId: string, instant: Date) => Promise<{ departureId: string } | null>;
  /** The fleet, the departures and the routes around an instant (boats' reads, kept a few seconds). */
  situation: (instant: Date) => Promise<BaySituation>;
  /** A local day's departures (boats' reads): where a boat's past trips are filed. */
  departuresOn: (localDate: string) => Promise<readonly BaySituation['departures'][number][]>;
  /** The safety rules as they stand (kept a few seconds). */
  rules: () => Promise<SafetyRules>;
  alerts: AlertsService;
  /** A boat's latest position changed: locally the live map is told at once; on AWS the table's stream does. */
  boatChanged: (position: BoatPosition) => Promise<void>;
  clock?: () => Date;
}

const EARTH_RADIUS_NAUTICAL_MILES = 3440.065;
const METRES_PER_NAUTICAL_MILE = 1852;
/** Below this, two fixes are taken as a second apart: a jump's speed over no time at all is not a number. */
const SHORTEST_INTERVAL_HOURS = 1 / 3600;
/** The longest stretch of one boat's history read at once. */
export const MAX_TRACK_HOURS = 48;

export class TrackRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrackRangeError';
  }
}

export class BoatNotVisibleError extends Error {
  constructor(readonly boatId: string) {
    super(`There is no boat ${boatId} you may see.`);
    this.name = 'BoatNotVisibleError';
  }
}

/** The speed a position shows: the tracker's, or else the distance from the boat's latest over the time between. */
function speedOf(
  report: Pick<PositionReport, 'speedKnots' | 'fixTime' | 'latitude' | 'longitude'>,
  latest: Pick<BoatPosition, 'fixTime' | 'latitude' | 'longitude'> | null,
): number | null {
  if (report.speedKnots !== null) return report.speedKnots;
  if (!latest) return null;
  const hours = (Date.parse(report.fixTime) - Date.parse(latest.fixTime)) / 3_600_000;
  return hours > 0 ? nauticalMilesBetween(latest, report) / hours : null;
}

export function createTrackingService({
  store,
  boatByTrackerId,
  tripAt,
  situation,
  departuresOn,
  rules,
  alerts,
  boatChanged,
  clock = () => new Date(),
}: TrackingDependencies) {
  /** The safety rules on a position just stored: SOS on any new one, the rest on a boat's new latest. */
  async function applyRules(position: BoatPosition, isLatest: boolean, current: SafetyRules) {
    const bay = await situation(new Date(position.fixTime));
    const boat = bay.boats.find((candidate) => candidate.id === position.boatId);
    if (!boat) return;
    const departure = scheduledDepartureOf(bay, boat.id, new Date(position.fixTime));
    const trip = scheduledTripOf(departure);
    const found = findingsOf({
      position,
      stillSince: position.stillSince ?? null,
      certifiedCapacity: boat.certifiedCapacity,
      trip,
      rules: current,
    });
    const findings = isLatest ? found : found.filter((finding) => finding.kind === 'sos');
    await alerts.raise(
      {
        boatId: boat.id,
        boatName: boat.name,
        registrationNumber: boat.registrationNumber,
        operatorId: boat.operatorId,
        operatorPhone: bay.operators.get(boat.operatorId)?.contactPhone ?? null,
        operatorEmail: bay.operators.get(boat.operatorId)?.contactEmail ?? null,
        certifiedCapacity: boat.certifiedCapacity,
        departureId: departure?.id ?? null,
        aboard: departure ? departure.aboard : null,
      },
      findings,
      { latitude: position.latitude, longitude: position.longitude, fixTime: position.fixTime },
    );
  }

  const service = {
    /** A tracker's position: its boat found by the tracker's registered id. */
    async acceptPosition(report: PositionReport, receivedAt: Date): Promise<IntakeResult> {
      const boat = await boatByTrackerId(report.trackerId);
      if (!boat) throw new UnknownTrackerError(report.trackerId);
      return service.acceptBoatPosition(boat, report, receivedAt);
    },

    /**
     * Stores a boat's position: in the history always (once per boat and fix time), as the boat's latest when
     * it is newer than the latest stored and not an implausible jump from it — or, when it is, a plausible run
     * from the fix before it, itself newer than the latest (two fixes in a row agreeing: the latest was wrong);
     * then applies the safety rules.
     */
    async acceptBoatPosition(
      boat: { boatId: string },
      report: PositionReport,
      receivedAt: Date,
    ): Promise<IntakeResult> {
      const fixTime = new Date(report.fixTime);
      const [trip, latest, current] = await Promise.all([
        tripAt(boat.boatId, fixTime),
        store.getLatest(boat.boatId),
        rules(),
      ]);
      const unflagged: BoatPosition = {
        ...report,
        boatId: boat.boatId,
        receivedAt: receivedAt.toISOString(),
        departureId: trip?.departureId ?? null,
        flags: [],
        stillSince: null,
      };
      // The fix the new one is judged from: the latest, or — when the latest is the wrong one — the fix before.
      let from = latest;
      let flags: PositionFlag[] = [];
      if (latest && isImplausibleJump(latest, report)) {
        const previous = await store.previousInHistory(unflagged);
        if (previous && previous.fixTime > latest.fixTime && !isImplausibleJump(previous, report)) {
          // Two fixes in a row after the latest agree with each other and not with it: a wrong fix (a first one
          // from a tracker still finding satellites) must not pin the boat, so the latest is left behind.
          from = previous;
        } else {
          flags = ['implausible-jump'];
        }
      }
      const speed = speedOf(report, from);
      const still = speed !== null && speed < current.movingAboveKnots;
      // Still since the fix it is judged from, if that one was still too (its own stillSince is the latest's
      // when it was judged from a wrong latest, so it is not carried over).
      const stillBefore =
        from === latest
          ? (latest?.stillSince ?? null)
          : from && from.speedKnots !== null && from.speedKnots < current.movingAboveKnots
            ? from.fixTime
            : null;
      const position: BoatPosition = {
        ...unflagged,
        flags,
        stillSince: still ? (stillBefore ?? report.fixTime) : null,
      };
      const added = await store.addToHistory(position);
      // Tried for a resent position too: if the first attempt stored the history and failed before this write,
      // the resend completes it. The condition keeps it from replacing anything as new or newer.
      const isLatest = flags.length === 0 && (await store.putLatestIfNewer(position));
      if (added || isLatest) await applyRules(position, isLatest, current);
      if (isLatest) await boatChanged(position);
      return {
        boatId: boat.boatId,
        duplicate: !added,
        latest: isLatest,
        departureId: position.departureId,
        flags,
      };
    },

    /** Every boat's latest position, as stored. */
    listLatest: () => store.listLatest(),

    /** The boats the viewer may see, as the live map draws them. */
    async listBoats(viewer: Viewer): Promise<TrackedBoat[]> {
      const now = clock();
      const [bay, latest, current, currentRules] = await Promise.all([
        situation(now),
        store.listLatest(),
        alerts.listCurrent(),
        rules(),
      ]);
      return trackedBoats(viewer, bay, latest, current, currentRules, now);
    },

    /**
     * One boat as the live map draws it, from its latest position as just stored (no read of every boat's):
     * what the live updates send on each new position. Null for a boat that is not in the fleet.
     */
    async boatWith(viewer: Viewer, position: BoatPosition): Promise<TrackedBoat | null> {
      const now = clock();
      const [bay, current, currentRules] = await Promise.all([situation(now), alerts.listCurrent(), rules()]);
      const boats = trackedBoats(
        viewer,
        onlyBoat(bay, position.boatId),
        [position],
        current,
        currentRules,
        now,
      );
      return boats[0] ?? null;
    },

    /**
     * The boat as each trip's ticket holders see it now, for the trips whose holders follow it (board.ts): what
     * `listBoats` gives them, with this position. None outside every trip's window.
     */
    async ticketViewsOf(position: BoatPosition): Promise<{ departureId: string; boat: TrackedBoat }[]> {
      const now = clock();
      const trips = followedTripsOf(await situation(now), position.boatId, now);
      const views = await Promise.all(
        trips.map(async ({ id }) => {
          const viewer: Viewer = { kind: 'ticket', boatId: position.boatId, departureId: id };
          return { departureId: id, boat: await service.boatWith(viewer, position) };
        }),
      );
      return views.flatMap(({ departureId, boat }) => (boat ? [{ departureId, boat }] : []));
    },

    /**
     * A boat's positions from `from` to `to` (at most 48 hours), in fix-time order: its trips' histories and its
     * days off any trip. A ticket holder sees only their own trip's.
     */
    async track(viewer: Viewer, boatId: string, from: Date, to: Date): Promise<BoatPosition[]> {
      if (!(from < to)) throw new TrackRangeError('from must be before to.');
      if (to.getTime() - from.getTime() > MAX_TRACK_HOURS * 3_600_000) {
        throw new TrackRangeError(`At most ${MAX_TRACK_HOURS} hours at once.`);
      }
      const bay = await situation(to);
      const boat = bay.boats.find((candidate) => candidate.id === boatId);
      if (!boat || !mayView(viewer, { boatId, operatorId: boat.operatorId }))
        throw new BoatNotVisibleError(boatId);
      const days = new Set<string>();
      for (let day = localDateAt(from); day <= localDateAt(to); day = addDays(day, 1)) days.add(day);
      const departures = (await Promise.all([...days].map((day) => departuresOn(day)))).flat();
      const trips =
        viewer.kind === 'ticket'
          ? departures.filter((departure) => departure.id === viewer.departureId)
          : departures.filter((departure) => departure.boatId === boatId);
      const reads = [
        ...trips.map((departure) => store.listTripPositions(departure.id)),
        ...(viewer.kind === 'ticket' ? [] : [...days].map((day) => store.listOffTripPositions(boatId, day))),
      ];
      const inRange = (await Promise.all(reads)).flat().filter((position) => {
        const at = Date.parse(position.fixTime);
        return position.boatId === boatId && at >= from.getTime() && at <= to.getTime();
      });
      return inRange.sort((a, b) => a.fixTime.localeCompare(b.fixTime));
    },

    /**
     * The check the schedules port runs every 15 seconds: raises signal-lost for each boat on a trip silent
     * for longer than the rules allow, and notes the signal's return on those alerts.
     */
    async checkSignals(): Promise<{ lost: number; restored: number }> {
      const now = clock();
      // Loaded by the first check: only the jobs' function runs it, not the reads' or the intake's.
      const [{ signalFindings }, bay, latest, current, currentRules] = await Promise.all([
        import('./safety/signal-lost.js'),
        situation(now),
        store.listLatest(),
        alerts.listCurrent(),
        rules(),
      ]);
      const { lost, restored } = signalFindings(bay, latest, current, currentRules, now);
      // Many boats at once (a storm takes a whole coast's signal): raised side by side, a few at a time.
      let raised = 0;
      await inBatches(lost, SIGNAL_RAISES_AT_ONCE, async ({ subject, finding, position }) => {
        raised += (await alerts.raise(subject, [finding], position)).length;
      });
      await inBatches(restored, SIGNAL_RAISES_AT_ONCE, (alert) => alerts.conditionEnded(alert, now));
      return { lost: raised, restored: restored.length };
    },
  };
  return service;
}

/** How many signal-lost alerts one check raises at once: each is a transaction and its messages. */
const SIGNAL_RAISES_AT_ONCE = 16;

async function inBatches<T>(
  items: readonly T[],
  size: number,
  act: (item: T) => Promise<unknown>,
): Promise<void> {
  for (let start = 0; start < items.length; start += size) {
    await Promise.all(items.slice(start, start + size).map(act));
  }
}

/** The situation narrowed to one boat, so a view of it does not walk the fleet. */
function onlyBoat(bay: BaySituation, boatId: string): BaySituation {
  return { ...bay, boats: bay.boats.filter((boat) => boat.id === boatId) };
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
