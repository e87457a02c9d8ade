/**
 * Whether a token is a booking's: the access token given when booking, or the token of the link in the
 * confirmation message, compared by their SHA-256 in constant time. Apart from the bookings' service so that a
 * reader of one booking (the tracking domain's "where is my boat") does not load the service.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

export function accessTokenMatches(
  booking: { accessTokenHash: string; linkTokenHash?: string | undefined },
  token: string,
): boolean {
  const given = Buffer.from(sha256(token), 'hex');
  return [booking.accessTokenHash, booking.linkTokenHash].some((hash) => {
    if (!hash) return false;
    const expected = Buffer.from(hash, 'hex');
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
