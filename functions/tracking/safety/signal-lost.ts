/**
 * Silence is found by looking, not by waiting for the next report (which may never come): every 15 seconds a
 * check reads every boat's newest position and the trips under way, raises signal-lost for a boat on a trip not
 * heard from for longer than the rules allow, and notes the end of that condition when the boat is heard again.
 * Pure: the job (service.ts) reads the inputs and acts on what this returns.
 */
import type { BaySituation } from '../../boats/reads.js';
import { scheduledDepartureOf } from '../live/board.js';
import type { Alert } from '../live/model.js';
import type { BoatPosition } from '../model.js';
import type { AlertSubject } from './alerts.js';
import type { SafetyRules } from './model.js';
import type { Finding } from './rules.js';

export interface SignalFindings {
  lost: { subject: AlertSubject; finding: Finding; position: Alert['position'] }[];
  /** Current signal-lost alerts whose boat has reported since. */
  restored: Alert[];
}

const minutes = (milliseconds: number) => Math.floor(milliseconds / 60_000);

export function signalFindings(
  situation: BaySituation,
  latest: readonly BoatPosition[],
  current: readonly Alert[],
  rules: Pick<SafetyRules, 'signalLostAfterSeconds'>,
  now: Date,
): SignalFindings {
  const limit = rules.signalLostAfterSeconds * 1000;
  const positions = new Map(latest.map((position) => [position.boatId, position]));
  const lost: SignalFindings['lost'] = [];
  for (const boat of situation.boats) {
    const departure = scheduledDepartureOf(situation, boat.id, now);
    // Under way by the timetable: left, and not suspended (a suspended trip's boat should be in port).
    if (!departure || departure.status !== 'open') continue;
    const departs = Date.parse(departure.departsAt);
    if (now.getTime() - departs <= limit) continue;
    const position = positions.get(boat.id);
    const heard = position ? Date.parse(position.fixTime) : null;
    if (heard !== null && now.getTime() - heard <= limit) continue;
    const silentSince = heard === null || heard < departs ? departs : heard;
    lost.push({
      subject: {
        boatId: boat.id,
        boatName: boat.name,
        registrationNumber: boat.registrationNumber,
        operatorId: boat.operatorId,
        operatorPhone: situation.operators.get(boat.operatorId)?.contactPhone ?? null,
        operatorEmail: situation.operators.get(boat.operatorId)?.contactEmail ?? null,
        certifiedCapacity: boat.certifiedCapacity,
        departureId: departure.id,
        aboard: departure.aboard,
      },
      finding: {
        kind: 'signal-lost',
        reason:
          heard === null
            ? {
                vi: `Không nhận được vị trí nào từ khi chuyến khởi hành lúc ${departure.departsAt} (${minutes(now.getTime() - silentSince)} phút).`,
                en: `No position since the trip left at ${departure.departsAt} (${minutes(now.getTime() - silentSince)} min).`,
              }
            : {
                vi: `Mất tín hiệu ${minutes(now.getTime() - silentSince)} phút trong chuyến (giới hạn ${rules.signalLostAfterSeconds} giây).`,
                en: `Silent for ${minutes(now.getTime() - silentSince)} min on a trip (limit ${rules.signalLostAfterSeconds} s).`,
              },
      },
      position: position
        ? { latitude: position.latitude, longitude: position.longitude, fixTime: position.fixTime }
        : null,
    });
  }
  const restored = current.filter((alert) => {
    if (alert.kind !== 'signal-lost' || alert.state === 'resolved' || alert.conditionEndedAt) return false;
    const position = positions.get(alert.boatId);
    // Raised when the newest fix was too old: a newest fix within the limit now means the boat is heard again.
    return position !== undefined && now.getTime() - Date.parse(position.fixTime) <= limit;
  });
  return { lost, restored };
}
