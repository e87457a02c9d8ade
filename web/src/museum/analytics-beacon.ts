// Anonymous visit events from the 3D page, batched and sent with navigator.sendBeacon (which survives the page
// being closed): a visit started, each exhibit viewed with how long it stayed in front, tours.
import type { Language } from '../../../functions/platform/language';

type VisitEvent =
  | { type: 'visit-started'; language: Language }
  | { type: 'exhibit-viewed'; exhibitId: string; dwellSeconds: number }
  | { type: 'tour-started' | 'tour-completed'; tourId: string };

const ENDPOINT = '/api/museum/events';
const BATCH = 20;
const MAX_DWELL_SECONDS = 3600;

export function createVisitBeacon(language: Language) {
  // Bounds how much one visit may count (the API limits batches per visit); it identifies nobody. Not
  // crypto.randomUUID, which a page served over plain HTTP (a hotspot's LAN) does not have.
  const visitId = Array.from(crypto.getRandomValues(new Uint8Array(16)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
  let queue: VisitEvent[] = [{ type: 'visit-started', language }];
  let viewing: { exhibitId: string; since: number } | null = null;

  const flush = () => {
    if (queue.length === 0) return;
    // A string body goes as text/plain: no preflight, and the API reads it as JSON.
    const sent = navigator.sendBeacon(ENDPOINT, JSON.stringify({ visitId, events: queue }));
    if (sent) queue = [];
  };
  const push = (event: VisitEvent) => {
    queue.push(event);
    if (queue.length >= BATCH) flush();
  };
  const endViewing = () => {
    if (!viewing) return;
    const dwellSeconds = Math.min(
      MAX_DWELL_SECONDS,
      Math.round((performance.now() - viewing.since) / 100) / 10,
    );
    push({ type: 'exhibit-viewed', exhibitId: viewing.exhibitId, dwellSeconds });
    viewing = null;
  };

  // The page may be closed or put away at any time: send what is waiting then.
  addEventListener('pagehide', () => {
    endViewing();
    flush();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      endViewing();
      flush();
    }
  });

  return {
    /** The visitor now faces `exhibitId` (or nothing): ends the previous view with its dwell time. */
    viewing(exhibitId: string | null) {
      endViewing();
      if (exhibitId) viewing = { exhibitId, since: performance.now() };
    },
    /** A guided tour was started or played to its end. */
    tour(type: 'tour-started' | 'tour-completed', tourId: string) {
      push({ type, tourId });
    },
    flush,
  };
}
