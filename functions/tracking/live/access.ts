/**
 * Who is asking, for the live map's reads and its WebSocket: staff by their bearer token or the site's session
 * cookie (the map page's island calls with the cookie; a WebSocket cannot send a header), a ticket holder by the
 * booking's id and access token in the query. The authority (manager, admin) sees every boat, an operator its
 * company's fleet, a ticket holder their own boat; anyone else is refused.
 */
import { hasAnyRole, type Principal } from '../../platform/auth/principal.js';
import { authenticate } from '../../platform/auth/require-role.js';
import { STAFF_SESSION_COOKIE } from '../../platform/auth/session-routes.js';
import type { TokenVerifier } from '../../platform/auth/verifier.js';
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

export function createViewerResolver(verifier: TokenVerifier, bookedTrip: BookedTripLookup) {
  return async function viewerOf(request: Request): Promise<Viewer> {
    const authorization = request.headers.get('Authorization');
    const session = cookieOf(request.headers.get('Cookie'), STAFF_SESSION_COOKIE);
    if (authorization || session) {
      return viewerOfPrincipal(await authenticate(verifier, authorization ?? `Bearer ${session}`));
    }
    const query = new URL(request.url).searchParams;
    const bookingId = query.get('booking');
    const token = query.get('token');
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

/** What a viewer's WebSocket hears: the topics of liveTopics. */
export function topicsOf(viewer: Viewer): string[] {
  if (viewer.kind === 'authority') return [liveTopics.everything];
  if (viewer.kind === 'operator') return [liveTopics.operator(viewer.operatorId)];
  return [liveTopics.boat(viewer.boatId)];
}
