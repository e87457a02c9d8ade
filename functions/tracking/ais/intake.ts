/**
 * The AIS intake: a shore receiver's sentences read (reports.ts), each message matched to a boat of ours by its
 * MMSI, positions stored through the tracking service's one path (history, conditional latest, jump check) and
 * static data merged per MMSI. A receiver hears every ship in range: an MMSI that is no boat of ours is counted,
 * not refused.
 */
import type { PositionReport } from '../model.js';
import type { TrackingService } from '../service.js';
import type { AisIntakeCounts } from './model.js';
import { readAisLines } from './reports.js';
import type { AisStaticStore } from './store.js';

/** A boat as the tracking service's intake takes it. */
type Boat = Parameters<TrackingService['acceptBoatPosition']>[0];

export interface AisIntakeDependencies {
  /** Where every intake's positions go: history, latest, jump check. */
  tracking: Pick<TrackingService, 'acceptBoatPosition'>;
  /** The boat whose transponder has this 9-digit MMSI (boats' reads). */
  boatByMmsi: (mmsi: string) => Promise<Boat | null>;
  statics: Pick<AisStaticStore, 'mergeStatic'>;
}

/** How many boats' positions are stored at once: a batch of many ships is not a burst of a thousand writes. */
const BOATS_AT_ONCE = 8;

export function createAisIntake({ tracking, boatByMmsi, statics }: AisIntakeDependencies) {
  return {
    /**
     * Reads and stores a request's sentences. Each boat's positions are stored one after another in fix-time
     * order, so each is judged against the one before it; different boats' at once, a few at a time.
     */
    async acceptSentences(lines: readonly string[], receivedAt: Date): Promise<AisIntakeCounts> {
      const reading = readAisLines(lines, receivedAt);
      const counts: AisIntakeCounts = {
        accepted: 0,
        duplicates: 0,
        unknownMmsi: 0,
        badChecksum: reading.badChecksum,
        malformed: reading.malformed,
        incomplete: reading.incomplete,
        notAvailable: 0,
        staticReports: 0,
        otherTypes: reading.otherTypes,
      };

      const reportsOfBoat = new Map<string, { boat: Boat; reports: PositionReport[] }>();
      for (const { mmsi, report } of reading.positions) {
        const boat = await boatByMmsi(mmsi);
        if (!boat) counts.unknownMmsi += 1;
        else if (!report) counts.notAvailable += 1;
        else {
          const ofBoat = reportsOfBoat.get(boat.boatId) ?? { boat, reports: [] };
          ofBoat.reports.push(report);
          reportsOfBoat.set(boat.boatId, ofBoat);
        }
      }
      await eachAtOnce([...reportsOfBoat.values()], BOATS_AT_ONCE, async ({ boat, reports }) => {
        reports.sort((a, b) => a.fixTime.localeCompare(b.fixTime));
        for (const report of reports) {
          const result = await tracking.acceptBoatPosition(boat, report, receivedAt);
          if (result.duplicate) counts.duplicates += 1;
          else counts.accepted += 1;
        }
      });

      for (const { mmsi, fields, reportedAt } of reading.statics) {
        const boat = await boatByMmsi(mmsi);
        if (!boat) {
          counts.unknownMmsi += 1;
          continue;
        }
        await statics.mergeStatic({ mmsi, boatId: boat.boatId, fields, reportedAt });
        counts.staticReports += 1;
      }
      return counts;
    },
  };
}

export type AisIntake = ReturnType<typeof createAisIntake>;

/** Runs `work` on every item, at most `limit` at a time. */
async function eachAtOnce<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next] as T;
      next += 1;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
