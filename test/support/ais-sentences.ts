/**
 * AIS sentences made for tests, for the MMSIs of our seeded fleet: a message's fields packed into bits
 * (ITU-R M.1371 layouts), armoured six bits to a character, split into sentences with their checksums, and an
 * NMEA 4.10 tag block when asked for. Written from the standard's tables, not from the decoder under test.
 */

/** A field: its value and its width in bits (a negative value is written in two's complement). */
type Field = readonly [value: number, width: number];

/** `!AIVDM,…` with its `*hh`: the XOR of the characters after `!`. */
export function withChecksum(sentence: string): string {
  return `${sentence}*${checksumOf(sentence.slice(1))}`;
}

function checksumOf(text: string): string {
  let sum = 0;
  for (const character of text) sum ^= character.charCodeAt(0);
  return sum.toString(16).toUpperCase().padStart(2, '0');
}

/** `\c:<unix seconds>,s:<station>*hh\`, as a shore receiver puts before a sentence. */
export function tagBlock(fields: { unixSeconds?: number; station?: string }): string {
  const content = [
    ...(fields.station ? [`s:${fields.station}`] : []),
    ...(fields.unixSeconds !== undefined ? [`c:${fields.unixSeconds}`] : []),
  ].join(',');
  return `\\${content}*${checksumOf(content)}\\`;
}

/** Six-bit text: upper-case letters, digits, space and punctuation; `@` pads to `characters`. */
function text(value: string, characters: number): Field[] {
  return [...value.padEnd(characters, '@').slice(0, characters)].map((character) => {
    const code = character.charCodeAt(0);
    return [code >= 64 ? code - 64 : code, 6] as const;
  });
}

function armour(fields: readonly Field[]): { payload: string; fillBits: number } {
  let bits = '';
  for (const [value, width] of fields) {
    const unsigned = value < 0 ? 2 ** width + value : value;
    bits += unsigned.toString(2).padStart(width, '0');
  }
  const fillBits = (6 - (bits.length % 6)) % 6;
  bits += '0'.repeat(fillBits);
  let payload = '';
  for (let start = 0; start < bits.length; start += 6) {
    const sextet = Number.parseInt(bits.slice(start, start + 6), 2);
    payload += String.fromCharCode(sextet < 40 ? sextet + 48 : sextet + 56);
  }
  return { payload, fillBits };
}

interface SentenceOptions {
  channel?: string;
  sequentialId?: number;
  /** Characters of payload per sentence: a longer message is split into parts. */
  partLength?: number;
}

function sentencesOf(fields: readonly Field[], options: SentenceOptions = {}): string[] {
  const { payload, fillBits } = armour(fields);
  const partLength = options.partLength ?? 60;
  const parts: string[] = [];
  for (let start = 0; start < payload.length; start += partLength)
    parts.push(payload.slice(start, start + partLength));
  return parts.map((part, index) => {
    const last = index === parts.length - 1;
    const sequentialId = parts.length > 1 ? String(options.sequentialId ?? 1) : '';
    return withChecksum(
      `!AIVDM,${parts.length},${index + 1},${sequentialId},${options.channel ?? 'A'},${part},${last ? fillBits : 0}`,
    );
  });
}

const degrees = (value: number) => Math.round(value * 600_000);

export interface PositionFields {
  mmsi: number;
  latitude: number;
  longitude: number;
  /** Tenths of a knot in the message; 102.3 is "not available". */
  speedKnots?: number;
  courseDegrees?: number;
  heading?: number;
  utcSecond?: number;
  navigationStatus?: number;
  highAccuracy?: boolean;
}

/** A class A position report (type 1, 2 or 3): one sentence. */
export function classAPosition(fields: PositionFields, messageType: 1 | 2 | 3 = 1): string {
  const [sentence] = sentencesOf([
    [messageType, 6],
    [0, 2],
    [fields.mmsi, 30],
    [fields.navigationStatus ?? 0, 4],
    [0, 8],
    [Math.round((fields.speedKnots ?? 102.3) * 10), 10],
    [fields.highAccuracy ? 1 : 0, 1],
    [degrees(fields.longitude), 28],
    [degrees(fields.latitude), 27],
    [Math.round((fields.courseDegrees ?? 360) * 10), 12],
    [fields.heading ?? 511, 9],
    [fields.utcSecond ?? 60, 6],
    [0, 2],
    [0, 3],
    [0, 1],
    [0, 19],
  ]);
  return sentence ?? '';
}

/** A class B position report (type 18): one sentence. */
export function classBPosition(fields: PositionFields): string {
  const [sentence] = sentencesOf([
    [18, 6],
    [0, 2],
    [fields.mmsi, 30],
    [0, 8],
    [Math.round((fields.speedKnots ?? 102.3) * 10), 10],
    [fields.highAccuracy ? 1 : 0, 1],
    [degrees(fields.longitude), 28],
    [degrees(fields.latitude), 27],
    [Math.round((fields.courseDegrees ?? 360) * 10), 12],
    [fields.heading ?? 511, 9],
    [fields.utcSecond ?? 60, 6],
    [0, 2],
    [1, 1],
    [0, 5],
    [0, 1],
    [0, 20],
  ]);
  return sentence ?? '';
}

export interface StaticFields {
  mmsi: number;
  imo?: number;
  callSign?: string;
  name?: string;
  shipType?: number;
  dimensions?: readonly [bow: number, stern: number, port: number, starboard: number];
  eta?: readonly [month: number, day: number, hour: number, minute: number];
  draughtMetres?: number;
  destination?: string;
}

const dimensionFields = (
  [bow, stern, port, starboard]: StaticFields['dimensions'] = [0, 0, 0, 0],
): Field[] => [
  [bow, 9],
  [stern, 9],
  [port, 6],
  [starboard, 6],
];

/** Type 5, class A's static and voyage data: 424 bits, two sentences. */
export function staticAndVoyage(fields: StaticFields, options: SentenceOptions = {}): string[] {
  const [month, day, hour, minute] = fields.eta ?? [0, 0, 24, 60];
  return sentencesOf(
    [
      [5, 6],
      [0, 2],
      [fields.mmsi, 30],
      [0, 2],
      [fields.imo ?? 0, 30],
      ...text(fields.callSign ?? '', 7),
      ...text(fields.name ?? '', 20),
      [fields.shipType ?? 0, 8],
      ...dimensionFields(fields.dimensions),
      [1, 4],
      [month, 4],
      [day, 5],
      [hour, 5],
      [minute, 6],
      [Math.round((fields.draughtMetres ?? 0) * 10), 8],
      ...text(fields.destination ?? '', 20),
      [0, 1],
      [0, 1],
    ],
    options,
  );
}

/** Type 24 part A (the name) and part B (ship type, call sign, dimensions): one sentence each. */
export function staticReport(fields: StaticFields): { partA: string; partB: string } {
  const [partA] = sentencesOf([[24, 6], [0, 2], [fields.mmsi, 30], [0, 2], ...text(fields.name ?? '', 20)]);
  const [partB] = sentencesOf([
    [24, 6],
    [0, 2],
    [fields.mmsi, 30],
    [1, 2],
    [fields.shipType ?? 0, 8],
    ...text('SRT', 3),
    [0, 4],
    [0, 20],
    ...text(fields.callSign ?? '', 7),
    ...dimensionFields(fields.dimensions),
    [0, 6],
  ]);
  return { partA: partA ?? '', partB: partB ?? '' };
}
