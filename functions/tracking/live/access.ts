/**
 * Who is asking, for the live map's reads and its WebSocket: staff by their bearer token or the site's session
 * cookie (the map page's island calls with the cookie), or — on the WebSocket only, whose host on AWS never gets
 * the cookie and whose handshake a browser cannot add a header to — by a live-updates token in the query
 * (`?token=`, issued for a minute by `POST /api/tracking/live/token`); a ticket holder by the booking's id and
 * access token in the query. The authority (manager, admin) sees every boat, an operator its company's fleet, a
 * ticket holder their own boat; anyone else is refused.
 */
import { hasAnyRole, type Principal } from '../../platform/auth/principal.js';
import { authenticate } from '../../platform/auth/require-role.js';
import { STAFF_SESSION_COOKIE } from '../../platform/auth/session-routes.js';
import type { TokenVerifier } from '../../platform/auth/verifier.js';
import {
  InvalidLiveConnectTokenError,
  type LiveConnectKey,
  verifyLiveConnectToken,
} from '../../platform/live-updates/connect-token.js';
import { ProblemError } from '../../platform/problem.js';
import type { Viewer } from './board.js';
import { liveTopics } from './model.js';

export type BookedTripLookup = (
  bookingId: string,
  token: string,
) => Promise<{ departureId: string; boatId: string; status: string } | null>;

/** Statuses of a booking whose holder may follow its boat: paid, or boarded. */
const FOLLOWING_STATUSES: ReadonlySet<string> = new Set(['confirmed', 'redeemed']);

function cookieOf(header: string | null, name: string): string | null {
  for (const part of (header ?? '').split(';')) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return decodeURIComponent(value.join('='));
  }
  return null;
}

export function viewerOfPrincipal(principal: Principal): Viewer {
  if (hasAnyRole(principal, ['manager'])) return { kind: 'authority' };
  if (principal.roles.includes('operator') && principal.companyId) {
    return { kind: 'operator', operatorId: principal.companyId };
  }
  throw new ProblemError(
    403,
    'forbidden',
    'The live map is for the port authority, operators and ticket holders.',
  );
}

/** The signed-in staff member of a request, by bearer token or session cookie; ProblemError 401 otherwise. */
export function createStaffResolver(verifier: TokenVerifier) {
  return function staffOf(request: Request): Promise<Principal> {
    const authorization = request.headers.get('Authorization');
    const session = cookieOf(request.headers.get('Cookie'), STAFF_SESSION_COOKIE);
    return authenticate(verifier, authorization ?? (session ? `Bearer ${session}` : undefined));
  };
}

export interface ViewerResolverOptions {
  /** Admits staff by a live-updates token in the query (`?token=` without `booking`): the WebSocket's resolver. */
  liveConnectKey?: LiveConnectKey | null;
  clock?: () => Date;
}

export function createViewerResolver(
  verifier: TokenVerifier,
  bookedTrip: BookedTripLookup,
  { liveConnectKey = null, clock = () => new Date() }: ViewerResolverOptions = {},
) {
  const staffOf = createStaffResolver(verifier);
  return async function viewerOf(request: Request): Promise<Viewer> {
    const query = new URL(request.url).searchParams;
    const bookingId = query.get('booking');
    const token = query.get('token');
    // The token first: it is what the page chose to connect with, on AWS as locally (where the cookie comes too).
    if (liveConnectKey && token && !bookingId) {
      return viewerOfPrincipal(await liveConnectPrincipal(await liveConnectKey(), token, clock()));
    }
    if (
      request.headers.has('Authorization') ||
      cookieOf(request.headers.get('Cookie'), STAFF_SESSION_COOKIE)
    ) {
      return viewerOfPrincipal(await staffOf(request));
    }
    if (!bookingId || !token) {
      throw new ProblemError(
        401,
        'unauthenticated',
        'Sign in as staff, or give your booking’s reference and access token (?booking=…&token=…).',
        undefined,
        { 'WWW-Authenticate': 'Bearer' },
      );
    }
    const trip = bookingId.length <= 64 && token.length <= 256 ? await bookedTrip(bookingId, token) : null;
    if (!trip) throw new ProblemError(404, 'not-found', 'No booking has this reference and token.');
    if (!FOLLOWING_STATUSES.has(trip.status)) {
      throw new ProblemError(403, 'forbidden', 'Only a paid booking shows where its boat is.');
    }
    return { kind: 'ticket', boatId: trip.boatId, departureId: trip.departureId };
  };
}

export type ViewerResolver = ReturnType<typeof createViewerResolver>;

async function liveConnectPrincipal(key: Uint8Array, token: string, now: Date): Promise<Principal> {
  try {
    return verifyLiveConnectToken(key, token, now);
  } catch (error) {
    if (!(error instanceof InvalidLiveConnectTokenError)) throw error;
    throw new ProblemError(
      401,
      'invalid-token',
      'The live-updates token is not valid or has expired: ask POST /api/tracking/live/token for a new one.',
    );
  }
}

/** What a viewer's WebSocket hears: the topics of liveTopics. */
export function topicsOf(viewer: Viewer): string[] {
  if (viewer.kind === 'authority') return [liveTopics.everything];
  if (viewer.kind === 'operator') return [liveTopics.operator(viewer.operatorId)];
  return [liveTopics.trip(viewer.departureId)];
}
