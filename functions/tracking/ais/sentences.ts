/**
 * One line of a shore receiver's output read as an NMEA 0183 AIS sentence (`!AIVDM`, `!AIVDO`, any talker): its
 * checksum checked, its fields split, and the NMEA 4.10 tag block some receivers put before it
 * (`\s:station,c:1718000000*hh\!AIVDM,…`) read for the receiver's time. Nothing is decoded here: the payload
 * stays six-bit text until its parts are together (reassembly.ts).
 */

/** One sentence: a whole AIS message, or one part of a multi-part one. */
export interface AisFragment {
  /** How many sentences the message takes (1–9) and which this one is (1-based). */
  fragmentCount: number;
  fragmentNumber: number;
  /** Ties the parts of one multi-part message together (0–9); empty on a single-part one. */
  sequentialId: string;
  /** The radio channel heard on (A, B, 1, 2), or empty. */
  channel: string;
  /** The armoured six-bit payload. */
  payload: string;
  /** Bits to drop from the end of the last part's payload (0–5). */
  fillBits: number;
  /** The tag block's `c:` time (unix milliseconds): when the receiver heard it; null without one. */
  receivedAtMs: number | null;
  /** The tag block's `s:` source (the receiving station), when it is a plain name. */
  station: string | null;
}

export type SentenceReading =
  | { kind: 'fragment'; fragment: AisFragment }
  | { kind: 'bad-checksum' }
  | { kind: 'malformed' };

const SENTENCE =
  /^!([A-Z]{2})VD[MO],([1-9]),([1-9]),([0-9]?),([A-Za-z0-9]?),([0-9:;<=>?@A-W`a-w]+),([0-5])\*([0-9A-Fa-f]{2})$/;
const TAG_BLOCK = /^\\([^\\]*)\*([0-9A-Fa-f]{2})\\/;
const STATION = /^[\w.-]{1,40}$/;
// Below this a `c:` is seconds (as NMEA 4.10 says), above milliseconds (as some receivers write it).
const LARGEST_UNIX_SECONDS = 2_147_483_647;

/** Reads one line (surrounding white space and a CR ignored). */
export function readSentence(line: string): SentenceReading {
  let text = line.trim();
  let tags: Map<string, string> | null = null;
  if (text.startsWith('\\')) {
    const block = TAG_BLOCK.exec(text);
    if (!block) return { kind: 'malformed' };
    const [whole, content = '', checksum = ''] = block;
    if (xorChecksum(content) !== Number.parseInt(checksum, 16)) return { kind: 'bad-checksum' };
    tags = readTags(content);
    if (!tags) return { kind: 'malformed' };
    text = text.slice(whole.length);
  }

  const star = text.lastIndexOf('*');
  if (!text.startsWith('!') || star < 0 || !/^\*[0-9A-Fa-f]{2}$/.test(text.slice(star))) {
    return { kind: 'malformed' };
  }
  if (xorChecksum(text.slice(1, star)) !== Number.parseInt(text.slice(star + 1), 16)) {
    return { kind: 'bad-checksum' };
  }
  const fields = SENTENCE.exec(text);
  if (!fields) return { kind: 'malformed' };
  const [, , count = '', number = '', sequentialId = '', channel = '', payload = '', fill = ''] = fields;
  const fragmentCount = Number(count);
  const fragmentNumber = Number(number);
  if (fragmentNumber > fragmentCount) return { kind: 'malformed' };

  const unixTime = tags?.get('c');
  let receivedAtMs: number | null = null;
  if (unixTime !== undefined) {
    if (!/^\d{1,13}$/.test(unixTime)) return { kind: 'malformed' };
    const value = Number(unixTime);
    receivedAtMs = value <= LARGEST_UNIX_SECONDS ? value * 1000 : value;
  }
  const station = tags?.get('s');
  return {
    kind: 'fragment',
    fragment: {
      fragmentCount,
      fragmentNumber,
      sequentialId,
      channel,
      payload,
      fillBits: Number(fill),
      receivedAtMs,
      station: station !== undefined && STATION.test(station) ? station : null,
    },
  };
}

/** NMEA's checksum: the XOR of every character between the start mark (`!`, `$` or `\`) and `*`. */
export function xorChecksum(text: string): number {
  let sum = 0;
  for (let index = 0; index < text.length; index += 1) sum ^= text.charCodeAt(index);
  return sum;
}

/** `s:station,c:1718000000,g:1-2-42` as a map of code to value; null when a field has no `code:`. */
function readTags(content: string): Map<string, string> | null {
  const tags = new Map<string, string>();
  for (const field of content.split(',')) {
    const match = /^([a-z]):(.*)$/i.exec(field);
    if (!match) return null;
    tags.set((match[1] ?? '').toLowerCase(), match[2] ?? '');
  }
  return tags;
}
