/**
 * A shore receiver's lines read into what the intake stores: position reports in the shape every intake shares
 * (PositionReport, source `ais`) and static data, with a count of every line or message left out and why.
 * Pure: no look-up of boats here (the intake does that), so it is tested on sentences alone.
 */

import type { PositionReport } from '../model.js';
import { FUTURE_TOLERANCE_MS } from '../osmand.js';
import { type AisPositionMessage, type AisStaticFields, decodeMessage } from './messages.js';
import { aisTrackerId } from './model.js';
import { reassemble } from './reassembly.js';
import { type AisFragment, readSentence } from './sentences.js';
import { payloadBits } from './six-bit.js';

/** A position report of an MMSI; `report` is null when the transponder had no position (91°, 181°). */
export interface AisPosition {
  mmsi: string;
  report: PositionReport | null;
}

export interface AisStatic {
  mmsi: string;
  fields: AisStaticFields;
  reportedAt: string;
}

export interface AisReading {
  positions: AisPosition[];
  statics: AisStatic[];
  badChecksum: number;
  malformed: number;
  incomplete: number;
  otherTypes: number;
}

/** Navigational status 14: an AIS-SART, man-overboard or EPIRB-AIS device is active — a distress signal. */
const STATUS_DISTRESS = 14;
/** Before this, a receiver's `c:` is a clock never set, not a time. */
const EARLIEST_RECEIPT = Date.parse('2000-01-01T00:00:00Z');
/**
 * How far after the receipt time a fix's UTC second may point: the transponder's GPS clock and ours differ by a
 * moment, so a second just ahead of ours is this minute's, not the last one's.
 */
const CLOCK_SKEW_SECONDS = 5;

/** Reads a request's lines (blank ones skipped) received at `receivedAt`. */
export function readAisLines(lines: readonly string[], receivedAt: Date): AisReading {
  const reading: AisReading = {
    positions: [],
    statics: [],
    badChecksum: 0,
    malformed: 0,
    incomplete: 0,
    otherTypes: 0,
  };
  const fragments: AisFragment[] = [];
  for (const line of lines) {
    if (line.trim() === '') continue;
    const sentence = readSentence(line);
    if (sentence.kind === 'fragment') fragments.push(sentence.fragment);
    else if (sentence.kind === 'bad-checksum') reading.badChecksum += 1;
    else reading.malformed += 1;
  }
  const { payloads, incomplete } = reassemble(fragments);
  reading.incomplete = incomplete;

  for (const { payload, fillBits, receivedAtMs, station } of payloads) {
    const bits = payloadBits(payload, fillBits);
    const message = bits ? decodeMessage(bits) : ({ kind: 'malformed' } as const);
    const heardAt = receivedAtMs ?? receivedAt.getTime();
    if (message.kind === 'other') {
      reading.otherTypes += 1;
    } else if (
      message.kind === 'malformed' ||
      heardAt > receivedAt.getTime() + FUTURE_TOLERANCE_MS ||
      heardAt < EARLIEST_RECEIPT
    ) {
      reading.malformed += 1;
    } else if (message.kind === 'static') {
      reading.statics.push({
        mmsi: message.mmsi,
        fields: message.fields,
        reportedAt: new Date(Math.floor(heardAt / 1000) * 1000).toISOString(),
      });
    } else {
      const fixTime = fixTimeOf(new Date(heardAt), message.utcSecond);
      reading.positions.push({ mmsi: message.mmsi, report: positionReport(message, fixTime, station) });
    }
  }
  return reading;
}

/**
 * When a position was taken. AIS sends only the second of the minute (the UTC second field); the minute is the
 * receiver's: its tag block's `c:` time when it sends one, else our time of receipt. The fix is the instant with
 * that second in the 60 seconds ending 5 seconds after the receipt (a fix is forwarded within seconds, and the
 * two clocks differ by a moment). With no UTC second (60–63: not available, manual, dead reckoning, inoperative)
 * the receipt time is the fix's, to the second. Whole seconds either way, so the same report heard twice — by two
 * receivers, or resent — has one fix time and is stored once.
 */
export function fixTimeOf(receipt: Date, utcSecond: number | null): Date {
  const second = Math.floor(receipt.getTime() / 1000) * 1000;
  if (utcSecond === null) return new Date(second);
  const ahead = (utcSecond - new Date(second).getUTCSeconds() + 60) % 60;
  const offset = ahead <= CLOCK_SKEW_SECONDS ? ahead : ahead - 60;
  return new Date(second + offset * 1000);
}

function positionReport(
  message: AisPositionMessage,
  fixTime: Date,
  station: string | null,
): PositionReport | null {
  if (message.latitude === null || message.longitude === null) return null;
  const attributes: PositionReport['attributes'] = {
    messageType: message.messageType,
    positionAccuracy: message.highAccuracy ? 'high' : 'low',
  };
  if (message.headingDegrees !== null) attributes.headingDegrees = message.headingDegrees;
  if (message.navigationStatus !== null) attributes.navigationStatus = message.navigationStatus;
  if (station !== null) attributes.station = station;
  return {
    source: 'ais',
    trackerId: aisTrackerId(message.mmsi),
    fixTime: fixTime.toISOString(),
    latitude: message.latitude,
    longitude: message.longitude,
    speedKnots: message.speedKnots,
    courseDegrees: message.courseDegrees,
    altitudeMetres: null,
    accuracyMetres: null,
    hdop: null,
    batteryPercent: null,
    valid: true,
    mock: false,
    alarm: message.navigationStatus === STATUS_DISTRESS ? 'sos' : null,
    attributes,
  };
}
