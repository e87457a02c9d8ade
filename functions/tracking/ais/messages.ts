/**
 * The AIS messages the intake uses, decoded from their bits (ITU-R M.1371-5; the field tables as gpsd's AIVDM
 * documentation lays them out): position reports of class A (types 1, 2, 3) and class B (18, 19), and static
 * data (5 for class A, 24 parts A and B for class B). AIS's "not available" values become null here; what they
 * mean for a position (no position at all) is the intake's to decide.
 */
import type { AisStaticData } from './model.js';
import type { PayloadBits } from './six-bit.js';

export interface AisPositionMessage {
  kind: 'position';
  messageType: 1 | 2 | 3 | 18 | 19;
  mmsi: string;
  /** Null when the transponder has no position (latitude 91°, longitude 181°). */
  latitude: number | null;
  longitude: number | null;
  speedKnots: number | null;
  courseDegrees: number | null;
  headingDegrees: number | null;
  /** The second of the UTC minute the fix was taken; null when the transponder gives none (60–63). */
  utcSecond: number | null;
  /** Class A's navigational status (0 under way using engine … 14 AIS-SART active); null for class B. */
  navigationStatus: number | null;
  /** The position's accuracy flag: true under 10 m (DGNSS), false over. */
  highAccuracy: boolean;
}

/** The static fields one message carries; a field it does not carry is absent, not null. */
export type AisStaticFields = Partial<Omit<AisStaticData, 'mmsi' | 'boatId' | 'reportedAt'>>;

export interface AisStaticMessage {
  kind: 'static';
  messageType: 5 | 24;
  mmsi: string;
  fields: AisStaticFields;
}

export type AisMessage =
  | AisPositionMessage
  | AisStaticMessage
  | { kind: 'other'; messageType: number }
  | { kind: 'malformed' };

/** Latitude and longitude are in 1/10,000 minute. */
const UNITS_PER_DEGREE = 600_000;
const LATITUDE_NOT_AVAILABLE = 91 * UNITS_PER_DEGREE;
const LONGITUDE_NOT_AVAILABLE = 181 * UNITS_PER_DEGREE;
const SPEED_NOT_AVAILABLE = 1023;
const COURSE_NOT_AVAILABLE = 3600;
const HEADING_NOT_AVAILABLE = 511;
const NAVIGATION_STATUS_NOT_DEFINED = 15;

/**
 * The bits each type needs up to the last field read. Type 5 is 424 bits, but some transponders send 420 (a
 * destination's last character cut), which is still read.
 */
const SHORTEST_BITS: Record<number, number> = { 1: 143, 2: 143, 3: 143, 18: 139, 19: 301, 5: 420 };
const TYPE_24_PART_A_BITS = 160;
const TYPE_24_PART_B_BITS = 162;

/** Where the fields of a position report start: class A's and class B's layouts differ after the MMSI. */
const POSITION_LAYOUT = {
  classA: { speed: 50, accuracy: 60, longitude: 61, latitude: 89, course: 116, heading: 128, second: 137 },
  classB: { speed: 46, accuracy: 56, longitude: 57, latitude: 85, course: 112, heading: 124, second: 133 },
} as const;

export function decodeMessage(bits: PayloadBits): AisMessage {
  const messageType = bits.unsigned(0, 6);
  const shortest = SHORTEST_BITS[messageType];
  if (shortest !== undefined && bits.length < shortest) return { kind: 'malformed' };
  const mmsi = String(bits.unsigned(8, 30)).padStart(9, '0');
  switch (messageType) {
    case 1:
    case 2:
    case 3:
    case 18:
    case 19:
      return decodePosition(bits, messageType, mmsi);
    case 5:
      return { kind: 'static', messageType, mmsi, fields: decodeStaticAndVoyage(bits) };
    case 24:
      return decodeStaticReport(bits, mmsi);
    default:
      return { kind: 'other', messageType };
  }
}

function decodePosition(
  bits: PayloadBits,
  messageType: AisPositionMessage['messageType'],
  mmsi: string,
): AisPositionMessage | { kind: 'malformed' } {
  const classA = messageType <= 3;
  const at = classA ? POSITION_LAYOUT.classA : POSITION_LAYOUT.classB;
  const rawLongitude = bits.signed(at.longitude, 28);
  const rawLatitude = bits.signed(at.latitude, 27);
  const available = rawLatitude !== LATITUDE_NOT_AVAILABLE && rawLongitude !== LONGITUDE_NOT_AVAILABLE;
  const latitude = rawLatitude / UNITS_PER_DEGREE;
  const longitude = rawLongitude / UNITS_PER_DEGREE;
  if (available && (Math.abs(latitude) > 90 || Math.abs(longitude) > 180)) return { kind: 'malformed' };

  const speed = bits.unsigned(at.speed, 10);
  const course = bits.unsigned(at.course, 12);
  const heading = bits.unsigned(at.heading, 9);
  const second = bits.unsigned(at.second, 6);
  const status = classA ? bits.unsigned(38, 4) : NAVIGATION_STATUS_NOT_DEFINED;
  return {
    kind: 'position',
    messageType,
    mmsi,
    latitude: available ? roundDegrees(latitude) : null,
    longitude: available ? roundDegrees(longitude) : null,
    // 1022 is "102.2 knots or more": kept as 102.2, which the jump check and the speed rules read as very fast.
    speedKnots: speed === SPEED_NOT_AVAILABLE ? null : speed / 10,
    courseDegrees: course >= COURSE_NOT_AVAILABLE ? null : course / 10,
    headingDegrees: heading === HEADING_NOT_AVAILABLE || heading > 359 ? null : heading,
    utcSecond: second < 60 ? second : null,
    navigationStatus: status === NAVIGATION_STATUS_NOT_DEFINED ? null : status,
    highAccuracy: bits.unsigned(at.accuracy, 1) === 1,
  };
}

/** Type 5, class A's static and voyage data: every static field. */
function decodeStaticAndVoyage(bits: PayloadBits): AisStaticFields {
  const month = bits.unsigned(274, 4);
  const day = bits.unsigned(278, 5);
  const hour = bits.unsigned(283, 5);
  const minute = bits.unsigned(288, 6);
  const draught = bits.unsigned(294, 8);
  return {
    imo: orNull(bits.unsigned(40, 30)),
    callSign: bits.text(70, 7) || null,
    name: bits.text(112, 20) || null,
    shipType: orNull(bits.unsigned(232, 8)),
    dimensions: dimensionsAt(bits, 240),
    // Month 0, day 0, hour 24 and minute 60 are AIS's "not available".
    eta:
      month >= 1 && month <= 12 && day >= 1
        ? { month, day, hour: hour <= 23 ? hour : null, minute: minute <= 59 ? minute : null }
        : null,
    draughtMetres: draught === 0 ? null : draught / 10,
    destination: bits.text(302, 20) || null,
  };
}

/** Type 24, class B's static data, sent in two messages: part A the name, part B the rest. */
function decodeStaticReport(bits: PayloadBits, mmsi: string): AisMessage {
  const part = bits.unsigned(38, 2);
  if (part === 0) {
    if (bits.length < TYPE_24_PART_A_BITS) return { kind: 'malformed' };
    return { kind: 'static', messageType: 24, mmsi, fields: { name: bits.text(40, 20) || null } };
  }
  if (part !== 1) return { kind: 'other', messageType: 24 };
  if (bits.length < TYPE_24_PART_B_BITS) return { kind: 'malformed' };
  // An auxiliary craft's (MMSI 98…) part B carries its mother ship's MMSI where the dimensions would be.
  const auxiliaryCraft = mmsi.startsWith('98');
  return {
    kind: 'static',
    messageType: 24,
    mmsi,
    fields: {
      shipType: orNull(bits.unsigned(40, 8)),
      callSign: bits.text(90, 7) || null,
      ...(auxiliaryCraft ? {} : { dimensions: dimensionsAt(bits, 132) }),
    },
  };
}

/** Bow, stern (9 bits each), port, starboard (6 bits each) in metres; null when all are 0 (not available). */
function dimensionsAt(bits: PayloadBits, start: number): AisStaticFields['dimensions'] {
  const dimensions = {
    toBowMetres: bits.unsigned(start, 9),
    toSternMetres: bits.unsigned(start + 9, 9),
    toPortMetres: bits.unsigned(start + 18, 6),
    toStarboardMetres: bits.unsigned(start + 24, 6),
  };
  return Object.values(dimensions).some((metres) => metres > 0) ? dimensions : null;
}

const orNull = (value: number) => (value === 0 ? null : value);

/** 1/10,000 minute is 1/600,000 degree: seven decimals keep it (about 1 cm). */
const roundDegrees = (degrees: number) => Math.round(degrees * 1e7) / 1e7;
