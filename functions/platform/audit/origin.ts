/**
 * Where an audit entry says a read came from: the viewer's address and user agent. Apart from the entry's schema
 * so that a route can take it at the request without loading the log (which loads with the pier's service).
 */
import type { Context } from 'hono';
import { clientAddress } from '../client-address.js';

/** How much of a User-Agent header is kept: enough to tell browsers and scanners apart, not a stored essay. */
export const USER_AGENT_MAX_LENGTH = 256;

export interface AuditOriginFields {
  address: string | null;
  userAgent: string | null;
}

/**
 * The `from` of an entry, for a page that knows its viewer's address some other way (Astro's `clientAddress`).
 * The user agent is the client's own text, cut to a bounded length. A header value is a byte string (Fetch
 * refuses NUL, and every character is at most U+00FF), so the cut can never leave half a surrogate pair.
 */
export function auditOrigin(request: Request, address: string | null | undefined): AuditOriginFields {
  const userAgent = request.headers.get('User-Agent')?.trim();
  // 'unknown' is what client-address.ts answers when neither the edge nor the socket said.
  return {
    address: address && address !== 'unknown' ? address.slice(0, 64) : null,
    userAgent: userAgent ? userAgent.slice(0, USER_AGENT_MAX_LENGTH) : null,
  };
}

/** The `from` of an entry for an API request: its viewer's address as client-address.ts reads it. */
export function auditOriginOf(context: Context): AuditOriginFields {
  return auditOrigin(context.req.raw, clientAddress(context));
}
