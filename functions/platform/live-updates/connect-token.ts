/**
 * The short-lived token a signed-in staff member's page opens a live-updates WebSocket with. On AWS the socket is
 * on the WebSocket API's own host, where the site's HttpOnly session cookie is not sent and a browser cannot set
 * a header, so the page first asks the API (with its cookie) for this token and puts it in the socket's query.
 *
 * A compact JWT, HS256 under a key of the platform's (a generated Secrets Manager secret on AWS, read like the
 * Wi-Fi portal's; a random key made at start locally): it binds the staff member's id, roles and company, is for
 * this one purpose (its audience; a token of any other kind, or a staff ID token, is refused) and expires a minute
 * after it is issued. jose checks the signature with WebCrypto's HMAC verify, which compares in constant time.
 */
import { errors, jwtVerify, SignJWT } from 'jose';
import { isRole, type Principal } from '../auth/principal.js';

/** How long a token opens a connection; the connection itself then lives as any other. */
export const LIVE_CONNECT_TOKEN_SECONDS = 60;
/** The token's audience: opening the live updates, and nothing else. */
const PURPOSE = 'halong-live-updates-connect';
const ALGORITHM = 'HS256';

export class InvalidLiveConnectTokenError extends Error {
  override readonly name = 'InvalidLiveConnectTokenError';
}

export interface LiveConnectToken {
  token: string;
  expiresAt: string;
}

export async function issueLiveConnectToken(
  key: Uint8Array,
  principal: Pick<Principal, 'subject' | 'roles' | 'companyId'>,
  now: Date,
): Promise<LiveConnectToken> {
  const issuedAt = Math.floor(now.getTime() / 1000);
  const expires = issuedAt + LIVE_CONNECT_TOKEN_SECONDS;
  const token = await new SignJWT({ roles: principal.roles, companyId: principal.companyId })
    .setProtectedHeader({ alg: ALGORITHM })
    .setSubject(principal.subject)
    .setAudience(PURPOSE)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expires)
    .sign(key);
  return { token, expiresAt: new Date(expires * 1000).toISOString() };
}

/** The staff member a token was issued to; InvalidLiveConnectTokenError when tampered with, expired or not one. */
export async function verifyLiveConnectToken(key: Uint8Array, token: string, now: Date): Promise<Principal> {
  try {
    const { payload } = await jwtVerify(token, key, {
      algorithms: [ALGORITHM],
      audience: PURPOSE,
      currentDate: now,
      requiredClaims: ['sub', 'iat', 'exp'],
      // Whatever its `exp` says, a token older than this is refused.
      maxTokenAge: LIVE_CONNECT_TOKEN_SECONDS,
    });
    const { roles, companyId } = payload as { roles?: unknown; companyId?: unknown };
    return {
      subject: String(payload.sub),
      email: null,
      roles: Array.isArray(roles) ? roles.filter(isRole) : [],
      companyId: typeof companyId === 'string' && companyId.length > 0 ? companyId : null,
    };
  } catch (error) {
    if (error instanceof errors.JOSEError) throw new InvalidLiveConnectTokenError(error.code);
    throw error;
  }
}
