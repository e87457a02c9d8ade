/**
 * Logging in with a boat booking: a visitor with a ticket for today (or tomorrow, the evening before) types its
 * reference and gets the hotspot's longer ticket session. The boats domain answers through `TicketLookup`,
 * saying only what the portal needs — never names or contacts. A booking lets in, per day, as many logins as
 * its passengers may have sessions; references are 40 random bits, and guessing them is limited per device and
 * per network (attempt-limits.ts: failures lock out for longer and longer).
 */
import { addDays, localDateAt } from '../../platform/local-time.js';
import type { Limit } from '../../platform/rate-limit.js';
import type { SessionPolicy } from '../model.js';

export interface TicketFacts {
  status: 'on_hold' | 'confirmed' | 'expired' | 'cancelled' | 'redeemed';
  /** The departure's local date (Asia/Ho_Chi_Minh). */
  localDate: string;
  seats: number;
}

/** The boats domain's answer for a booking reference; null when there is no such booking. */
export type TicketLookup = (reference: string) => Promise<TicketFacts | null>;

/** A ticket session when the hotspot does not set one: eight hours, or the ordinary session if longer. */
export const DEFAULT_TICKET_SESSION_MINUTES = 480;

export function ticketSessionMinutes(policy: SessionPolicy): number {
  return Math.max(policy.sessionMinutes, policy.ticketSessionMinutes ?? DEFAULT_TICKET_SESSION_MINUTES);
}

// Crockford's reading of look-alikes: references never contain I, L, O or U.
const LOOK_ALIKES: Record<string, string> = { I: '1', L: '1', O: '0' };

/** A reference as people type it (lower case, spaces, O for 0), as stored; null when it cannot be one. */
export function readBookingReference(input: string): string | null {
  const compact = input.toUpperCase().replace(/[\s-]/g, '');
  if (!/^HL[0-9A-Z]{8}$/.test(compact)) return null;
  const body = compact.slice(2).replace(/[ILO]/g, (character) => LOOK_ALIKES[character] ?? character);
  return /^[0-9A-HJKMNP-TV-Z]{8}$/.test(body) ? `HL${body}` : null;
}

/** Whether a booking lets its holder online now: paid (or boarded), and its trip today or tomorrow. */
export function ticketValidAt(ticket: TicketFacts, now: Date): boolean {
  if (ticket.status !== 'confirmed' && ticket.status !== 'redeemed') return false;
  const today = localDateAt(now);
  return ticket.localDate === today || ticket.localDate === addDays(today, 1);
}

export const ticketLimits = {
  perDevice: (device: string): Limit => ({
    bucket: `wifi-ticket-device#${device}`,
    limit: 10,
    windowSeconds: 3600,
  }),
  perBooking: (reference: string, ticket: TicketFacts, policy: SessionPolicy, now: Date): Limit => ({
    bucket: `wifi-ticket-logins#${reference}`,
    limit: ticket.seats * policy.sessionsPerDevicePerDay,
    windowSeconds: 2 * 86_400,
    period: localDateAt(now),
  }),
};
