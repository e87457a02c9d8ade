/**
 * The short-lived token a signed-in staff member's page opens a live-updates WebSocket with. On AWS the socket is
 * on the WebSocket API's own host, where the site's HttpOnly session cookie is not sent and a browser cannot set
 * a header, so the page first asks the API (with its cookie) for this token and puts it in the socket's query.
 *
 * Sealed the way the Wi-Fi portal seals its login pages (wifi/portal/login-context.ts): the claims as base64url
 * JSON and an HMAC-SHA-256 of them under a key of the platform's (a generated Secrets Manager secret on AWS, read
 * like the portal's; a random key made at start locally), compared in constant time. The MAC covers the purpose as
 * well as the claims, so nothing else sealed with the same key can pass for one. It binds the staff member's id,
 * roles and company, and opens a connection for a minute after it is issued. node:crypto rather than a JWT
 * library's signing: the tracking function's cold start has no room for one (250 kB budget).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { isRole, type Principal } from '../auth/principal.js';

/** How long a token opens a connection; the connection itself then lives as any other. */
export const LIVE_CONNECT_TOKEN_SECONDS = 60;
/** What the token is for: opening the live updates, and nothing else. */
const PURPOSE = 'halong-live-updates-connect';
/** A token issued by a clock a little ahead of the checker's is still good. */
const CLOCK_SKEW_SECONDS = 5;

/**
 * The key, as the functions that issue or check tokens hold it: read when first needed (on AWS a Secrets Manager
 * call, which most requests of the tracking function never need at all).
 */
export type LiveConnectKey = () => Promise<Uint8Array>;

export class InvalidLiveConnectTokenError extends Error {
  constructor(readonly reason: 'malformed' | 'forged' | 'expired') {
    super(`live-updates token ${reason}`);
    this.name = 'InvalidLiveConnectTokenError';
  }
}

export interface LiveConnectToken {
  token: string;
  expiresAt: string;
}

interface Claims {
  purpose: string;
  sub: string;
  roles: unknown;
  companyId: unknown;
  iat: number;
  exp: number;
}

/** The MAC of `data` for `purpose` (exported for the tests: a token sealed for another purpose). */
export const sealOf = (key: Uint8Array, purpose: string, data: string) =>
  createHmac('sha256', key).update(`${purpose}.${data}`).digest('base64url');

export function issueLiveConnectToken(
  key: Uint8Array,
  principal: Pick<Principal, 'subject' | 'roles' | 'companyId'>,
  now: Date,
): LiveConnectToken {
  const iat = Math.floor(now.getTime() / 1000);
  const claims: Claims = {
    purpose: PURPOSE,
    sub: principal.subject,
    roles: principal.roles,
    companyId: principal.companyId,
    iat,
    exp: iat + LIVE_CONNECT_TOKEN_SECONDS,
  };
  const data = Buffer.from(JSON.stringify(claims), 'utf8').toString('base64url');
  return {
    token: `${data}.${sealOf(key, PURPOSE, data)}`,
    expiresAt: new Date(claims.exp * 1000).toISOString(),
  };
}

/** The staff member a token was issued to; InvalidLiveConnectTokenError when forged, expired or not one. */
export function verifyLiveConnectToken(key: Uint8Array, token: string, now: Date): Principal {
  const [data, seal, ...rest] = token.split('.');
  if (!data || !seal || rest.length > 0) throw new InvalidLiveConnectTokenError('malformed');
  const expected = Buffer.from(sealOf(key, PURPOSE, data));
  const given = Buffer.from(seal);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw new InvalidLiveConnectTokenError('forged');
  }
  const claims = JSON.parse(Buffer.from(data, 'base64url').toString('utf8')) as Claims;
  if (claims.purpose !== PURPOSE || typeof claims.sub !== 'string') {
    throw new InvalidLiveConnectTokenError('forged');
  }
  const at = now.getTime() / 1000;
  // Whatever its `exp` says, a token older than a minute (by its issue time) opens nothing.
  if (
    !(claims.exp > at) ||
    !(claims.iat <= at + CLOCK_SKEW_SECONDS) ||
    at - claims.iat > LIVE_CONNECT_TOKEN_SECONDS
  ) {
    throw new InvalidLiveConnectTokenError('expired');
  }
  return {
    subject: claims.sub,
    email: null,
    roles: Array.isArray(claims.roles) ? claims.roles.filter(isRole) : [],
    companyId: typeof claims.companyId === 'string' && claims.companyId.length > 0 ? claims.companyId : null,
  };
}
