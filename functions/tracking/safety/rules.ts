/**
 * The safety rules, applied to a boat's newest position: which alerts it raises, each with its reason in both
 * languages. Pure: the service gives it the position, the boat, its trip and the rules as they stand, so every
 * rule is tested without a table. Signal loss is not here: silence has no position, and a scheduled check finds
 * it (signal-lost.ts).
 */

import type { AlertKind, BoatState } from '../live/model.js';
import type { BoatPosition } from '../model.js';
import { isInsidePolygon, type LonLat, metresBetween, metresFromLine } from './geometry.js';
import type { AllowedStop, PortArea, SafetyRules } from './model.js';

/** The trip a boat is scheduled to run around an instant, as the rules need it. */
export interface ScheduledTrip {
  departureId: string;
  routeId: number;
  departsAt: string;
  /** `suspended`: a weather ban stopped it; the boat should be in port. */
  status: 'open' | 'suspended';
  cleared: boolean;
  aboard: number;
  /** A weather ban in force covers this trip. */
  banned: boolean;
}

export interface RuleInput {
  position: Pick<BoatPosition, 'latitude' | 'longitude' | 'speedKnots' | 'alarm' | 'fixTime' | 'attributes'>;
  /** Since when the boat has been slower than `movingAboveKnots`, this position included; null when moving. */
  stillSince: string | null;
  certifiedCapacity: number;
  trip: ScheduledTrip | null;
  rules: SafetyRules;
}

export interface Finding {
  kind: AlertKind;
  reason: { vi: string; en: string };
}

const lonLatOf = (position: { longitude: number; latitude: number }): LonLat => [
  position.longitude,
  position.latitude,
];

export function portAt(point: LonLat, rules: Pick<SafetyRules, 'ports'>): PortArea | undefined {
  return rules.ports.find((port) => metresBetween(point, lonLatOf(port)) <= port.radiusMetres);
}

export function stopAt(
  point: LonLat,
  rules: Pick<SafetyRules, 'stops'>,
  routeId: number | null,
): AllowedStop | undefined {
  return rules.stops.find(
    (stop) =>
      (stop.routeId === null || routeId === null || stop.routeId === routeId) &&
      metresBetween(point, lonLatOf(stop)) <= stop.radiusMetres,
  );
}

/** The lowest limit among the speed zones containing the point, else the bay's default. */
export function speedLimitAt(
  point: LonLat,
  rules: Pick<SafetyRules, 'speedZones' | 'defaultSpeedLimitKnots'>,
) {
  const zones = rules.speedZones.filter((zone) => isInsidePolygon(point, zone.polygon));
  const lowest = zones.sort((a, b) => a.limitKnots - b.limitKnots)[0];
  return lowest
    ? { limitKnots: lowest.limitKnots, zone: lowest.name }
    : { limitKnots: rules.defaultSpeedLimitKnots, zone: null };
}

/** A head count an on-board counter may send as the attribute `passengers`. */
export function reportedPassengers(attributes: Record<string, unknown>): number | null {
  const value = Number(attributes.passengers);
  return Number.isInteger(value) && value >= 0 ? value : null;
}

const knots = (value: number) => `${Math.round(value * 10) / 10}`;
const minutesBetween = (from: string, to: string) => (Date.parse(to) - Date.parse(from)) / 60_000;

/** Every rule the position breaks. SOS always; the others only on a scheduled trip, once out of port. */
export function findingsOf({ position, stillSince, certifiedCapacity, trip, rules }: RuleInput): Finding[] {
  const findings: Finding[] = [];
  const point = lonLatOf(position);
  if (position.alarm === 'sos') {
    findings.push({
      kind: 'sos',
      reason: { vi: 'Tín hiệu SOS từ thiết bị trên tàu.', en: 'SOS from the boat’s tracker.' },
    });
  }
  if (!trip) return findings;
  const inPort = portAt(point, rules);
  if (inPort) return findings;

  if (trip.status === 'suspended' || trip.banned) {
    findings.push({
      kind: 'departed-without-clearance',
      reason: {
        vi: 'Tàu rời cảng khi chuyến đang bị đình chỉ do lệnh cấm thời tiết.',
        en: 'The boat left port while its trip is suspended by a weather ban.',
      },
    });
  } else if (!trip.cleared) {
    findings.push({
      kind: 'departed-without-clearance',
      reason: {
        vi: 'Tàu rời cảng khi chuyến chưa được cấp phép rời bến.',
        en: 'The boat left port before its trip was cleared.',
      },
    });
  }
  const counted = Math.max(trip.aboard, reportedPassengers(position.attributes) ?? 0);
  if (counted > certifiedCapacity) {
    findings.push({
      kind: 'overcapacity',
      reason: {
        vi: `${counted} người trên tàu, vượt sức chở được đăng kiểm ${certifiedCapacity}.`,
        en: `${counted} people aboard, over the certified capacity of ${certifiedCapacity}.`,
      },
    });
  }
  if (!isInsidePolygon(point, rules.permittedZone.polygon)) {
    findings.push({
      kind: 'out-of-area',
      reason: {
        vi: `Tàu ở ngoài ${rules.permittedZone.name.vi}.`,
        en: `The boat is outside the ${rules.permittedZone.name.en}.`,
      },
    });
  }
  // A route may have more than one line (variants from different ports): off route is off all of them.
  const corridor = rules.corridors
    .filter((candidate) => candidate.routeId === trip.routeId)
    .map((candidate) => ({ ...candidate, metres: metresFromLine(point, candidate.line) }))
    .sort((a, b) => a.metres - a.widthMetres - (b.metres - b.widthMetres))[0];
  if (corridor) {
    const metres = corridor.metres;
    if (metres > corridor.widthMetres) {
      findings.push({
        kind: 'off-route',
        reason: {
          vi: `Cách tuyến ${trip.routeId} ${Math.round(metres)} m (hành lang ${corridor.widthMetres} m).`,
          en: `${Math.round(metres)} m off route ${trip.routeId} (corridor ${corridor.widthMetres} m).`,
        },
      });
    }
  }
  if (position.speedKnots !== null) {
    const { limitKnots, zone } = speedLimitAt(point, rules);
    if (position.speedKnots > limitKnots) {
      findings.push({
        kind: 'overspeed',
        reason: {
          vi: `${knots(position.speedKnots)} hải lý/giờ, giới hạn ${knots(limitKnots)}${zone ? ` (${zone.vi})` : ''}.`,
          en: `${knots(position.speedKnots)} kn, limit ${knots(limitKnots)}${zone ? ` (${zone.en})` : ''}.`,
        },
      });
    }
  }
  if (stillSince) {
    const still = minutesBetween(stillSince, position.fixTime);
    const stop = stopAt(point, rules, trip.routeId);
    const allowed = stop ? stop.maxStopMinutes : rules.stoppedAfterMinutes;
    if (still > allowed) {
      findings.push({
        kind: 'stopped',
        reason: stop
          ? {
              vi: `Dừng ${Math.round(still)} phút tại ${stop.name.vi} (tối đa ${allowed}).`,
              en: `Stopped ${Math.round(still)} min at ${stop.name.en} (at most ${allowed}).`,
            }
          : {
              vi: `Dừng ${Math.round(still)} phút ngoài điểm dừng cho phép (tối đa ${allowed}).`,
              en: `Stopped ${Math.round(still)} min away from any allowed stop (at most ${allowed}).`,
            },
      });
    }
  }
  return findings;
}

/** How the live map draws a boat (its open alerts are drawn over this). */
export function boatStateOf(
  position: Pick<BoatPosition, 'latitude' | 'longitude' | 'speedKnots' | 'fixTime'> | null,
  onTrip: { routeId: number } | null,
  rules: SafetyRules,
  now: Date,
): BoatState {
  const age = position ? (now.getTime() - Date.parse(position.fixTime)) / 1000 : Number.POSITIVE_INFINITY;
  if (age > rules.signalLostAfterSeconds) return onTrip ? 'silent' : 'off-duty';
  if (!position) return 'off-duty';
  if ((position.speedKnots ?? 0) >= rules.movingAboveKnots) return 'under-way';
  const point = lonLatOf(position);
  if (portAt(point, rules)) return 'in-port';
  if (stopAt(point, rules, onTrip?.routeId ?? null)) return 'at-stop';
  return 'stopped';
}
