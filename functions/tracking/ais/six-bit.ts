/**
 * AIS payload armouring (ITU-R M.1371, IEC 61162-1): each payload character carries six bits, the message's
 * fields are read from that bit string most significant bit first, and text fields use AIS's own six-bit
 * character set. Our own reader, sized for the few message types the intake uses (docs/decisions.md says why).
 */

/** A message's bits, read by position and width as the message tables give them. */
export interface PayloadBits {
  /** How many bits the message has (the fill bits dropped). */
  readonly length: number;
  /** An unsigned field of up to 32 bits; bits past the end read as 0. */
  unsigned(start: number, width: number): number;
  /** A two's-complement field (latitude, longitude, rate of turn). */
  signed(start: number, width: number): number;
  /** A text field of `characters` six-bit characters, cut at the first `@` (padding) and trimmed. */
  text(start: number, characters: number): string;
}

/**
 * The bits of a payload; null when a character is outside the armouring's alphabet (`0`–`W` and `` ` ``–`w`).
 */
export function payloadBits(payload: string, fillBits: number): PayloadBits | null {
  const sextets: number[] = [];
  for (let index = 0; index < payload.length; index += 1) {
    const code = payload.charCodeAt(index);
    if (code >= 48 && code <= 87) sextets.push(code - 48);
    else if (code >= 96 && code <= 119) sextets.push(code - 56);
    else return null;
  }
  const length = Math.max(0, sextets.length * 6 - fillBits);
  const bit = (position: number) =>
    position < length ? ((sextets[Math.floor(position / 6)] ?? 0) >> (5 - (position % 6))) & 1 : 0;
  const unsigned = (start: number, width: number) => {
    let value = 0;
    for (let position = start; position < start + width; position += 1) value = value * 2 + bit(position);
    return value;
  };
  return {
    length,
    unsigned,
    signed(start, width) {
      const value = unsigned(start, width);
      return value >= 2 ** (width - 1) ? value - 2 ** width : value;
    },
    text(start, characters) {
      let text = '';
      for (let index = 0; index < characters; index += 1) {
        const value = unsigned(start + index * 6, 6);
        // 0–31 are `@`, `A`–`Z`, `[\]^_`; 32–63 are space to `?`, as in ASCII.
        text += String.fromCharCode(value < 32 ? value + 64 : value);
      }
      const padding = text.indexOf('@');
      return (padding < 0 ? text : text.slice(0, padding)).trim();
    },
  };
}
