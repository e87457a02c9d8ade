/**
 * Sending positions as Traccar Client does (traccar-client-android ProtocolFormatter.kt and RequestManager.kt):
 * one POST per position to the server URL with the fields in the query string and an empty body, counted as
 * delivered on any 2xx; a position that failed stays in a buffer and goes again later, after newer ones, so the
 * platform meets late and out-of-order positions as it does from real phones. See
 * /work/shared/protocols/boat-tracking.md.
 */
import type { Logger } from '../../platform/logger.js';

/** One position as a tracker reports it. */
export interface TrackerReport {
  trackerId: string;
  at: Date;
  latitude: number;
  longitude: number;
  speedKnots: number;
  courseDegrees: number;
  altitudeMetres: number;
  accuracyMetres: number;
  batteryPercent: number;
  /** Traccar Client's SOS shortcut. */
  alarm?: 'sos';
  /** Fields beyond the protocol's (an on-board passenger counter's `passengers`): kept by the platform. */
  attributes?: Readonly<Record<string, string | number>>;
}

export const OSMAND_PATH = '/api/tracking/osmand';

const rounded = (value: number, decimals: number) => String(Number(value.toFixed(decimals)));

/**
 * The query string of a report, the fields in Traccar Client's order: id, timestamp (unix seconds), lat, lon,
 * speed (knots), bearing, altitude, accuracy, batt, then the alarm and any extra field.
 */
export function osmAndQuery(report: TrackerReport): string {
  const fields = new URLSearchParams({
    id: report.trackerId,
    timestamp: String(Math.floor(report.at.getTime() / 1000)),
    lat: rounded(report.latitude, 6),
    lon: rounded(report.longitude, 6),
    speed: rounded(report.speedKnots, 1),
    bearing: rounded(report.courseDegrees, 1),
    altitude: rounded(report.altitudeMetres, 1),
    accuracy: rounded(report.accuracyMetres, 1),
    batt: rounded(report.batteryPercent, 1),
  });
  if (report.alarm) fields.append('alarm', report.alarm);
  for (const [name, value] of Object.entries(report.attributes ?? {})) fields.append(name, String(value));
  return fields.toString();
}

/** The request Traccar Client makes for a report: a POST to the URL with the fields in its query, no body. */
export function osmAndRequest(intakeUrl: string, report: TrackerReport, timeoutMs: number): Request {
  return new Request(`${intakeUrl}?${osmAndQuery(report)}`, {
    method: 'POST',
    signal: AbortSignal.timeout(timeoutMs),
  });
}

export interface SendOutcome {
  delivered: number;
  /** Answered 4xx: the platform refused the position itself, so sending it again changes nothing. */
  refused: number;
  /** Timed out, unreachable or 5xx: kept to send again. */
  buffered: number;
}

export interface OsmAndSenderOptions {
  /** The platform's intake, e.g. http://127.0.0.1:4321/api/tracking/osmand. */
  intakeUrl: string;
  /** Each request's budget (Traccar Client waits 15 s). */
  timeoutMs?: number;
  /** Positions kept for a later try; the oldest are dropped beyond this, as a phone's storage would fill. */
  bufferLimit?: number;
  /** Requests in flight at once. */
  concurrency?: number;
  fetch?: (request: Request) => Promise<Response>;
  logger?: Pick<Logger, 'warn'>;
}

export interface OsmAndSender {
  /** Sends these positions, then the ones buffered from earlier failures (so those arrive late, out of order). */
  send(reports: readonly TrackerReport[]): Promise<SendOutcome>;
  /** How many positions wait for another try. */
  buffered(): number;
}

export function createOsmAndSender({
  intakeUrl,
  timeoutMs = 10_000,
  bufferLimit = 5_000,
  concurrency = 16,
  fetch: send = (request) => fetch(request),
  logger,
}: OsmAndSenderOptions): OsmAndSender {
  let buffer: TrackerReport[] = [];
  const refusalsLogged = new Set<string>();

  async function deliver(report: TrackerReport): Promise<'delivered' | 'refused' | 'buffered'> {
    try {
      const response = await send(osmAndRequest(intakeUrl, report, timeoutMs));
      const text = await response.text();
      if (response.ok) return 'delivered';
      // Traccar Client retries any failure; a 4xx is our platform refusing the content (an unknown tracker id),
      // which another try cannot change, so it is said once per tracker and status instead of resent for ever.
      if (
        response.status >= 400 &&
        response.status < 500 &&
        response.status !== 408 &&
        response.status !== 429
      ) {
        const key = `${report.trackerId}\u0000${response.status}`;
        if (!refusalsLogged.has(key)) {
          refusalsLogged.add(key);
          logger?.warn('simulator: the platform refused a position', {
            trackerId: report.trackerId,
            status: response.status,
            answer: text.slice(0, 300),
          });
        }
        return 'refused';
      }
      return 'buffered';
    } catch {
      return 'buffered';
    }
  }

  return {
    async send(reports) {
      const retried = buffer;
      buffer = [];
      const queue = [...reports, ...retried];
      const outcome: SendOutcome = { delivered: 0, refused: 0, buffered: 0 };
      const failed: TrackerReport[] = [];
      const worker = async () => {
        for (let report = queue.shift(); report; report = queue.shift()) {
          const result = await deliver(report);
          outcome[result] += 1;
          if (result === 'buffered') failed.push(report);
        }
      };
      await Promise.all(Array.from({ length: Math.min(concurrency, queue.length) }, worker));
      failed.sort((a, b) => a.at.getTime() - b.at.getTime());
      buffer = [...failed, ...buffer].slice(-bufferLimit);
      return outcome;
    },
    buffered: () => buffer.length,
  };
}
