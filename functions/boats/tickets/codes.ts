/**
 * E-tickets: the code a ticket's QR carries is a compact JWS (ES256) over the booking's reference, departure
 * and seat count — no personal data — signed through the signing port. A pier scanner verifies it offline
 * with the published public key (GET /api/tickets/keys); it cannot be guessed or forged without the key.
 */
import { compactVerify, createLocalJWKSet, type JSONWebKeySet } from 'jose';
import * as z from 'zod';
import type { Signer } from '../../platform/signing/port.js';
import type { Booking } from '../bookings/model.js';

export const TicketClaims = z.object({
  typ: z.literal('halong-boat-ticket'),
  v: z.literal(1),
  /** Booking reference. */
  bid: z.string(),
  /** Departure id (names the day, time and boat). */
  dep: z.string(),
  /** Departure instant, UTC ISO-8601. */
  at: z.string(),
  /** Seats on the ticket. */
  n: z.number().int().min(1),
  /** Issued at, epoch seconds. */
  iat: z.number().int(),
});
export type TicketClaims = z.infer<typeof TicketClaims>;

export async function issueTicketCode(signer: Signer, booking: Booking, now: Date): Promise<string> {
  const claims: TicketClaims = {
    typ: 'halong-boat-ticket',
    v: 1,
    bid: booking.id,
    dep: booking.departure.id,
    at: booking.departure.departsAt,
    n: booking.seats,
    iat: Math.floor(now.getTime() / 1000),
  };
  return signer.sign(claims);
}

export class InvalidTicketError extends Error {
  override readonly name = 'InvalidTicketError';
}

/** What a scanner does offline: checks the signature against the published keys and reads the claims. */
export async function readTicketCode(code: string, keys: JSONWebKeySet): Promise<TicketClaims> {
  try {
    const { payload } = await compactVerify(code, createLocalJWKSet(keys), { algorithms: ['ES256'] });
    return TicketClaims.parse(JSON.parse(new TextDecoder().decode(payload)));
  } catch {
    throw new InvalidTicketError('This is not a ticket of the Hạ Long boat booking service.');
  }
}
