import { describe, expect, it } from 'vitest';
import {
  createOsmAndSender,
  osmAndQuery,
  osmAndRequest,
  type TrackerReport,
} from '../../../../functions/local/simulator/osmand-client.js';
import { readOsmAndFields } from '../../../../functions/tracking/osmand.js';

const report: TrackerReport = {
  trackerId: 'GT-QN5868',
  at: new Date('2026-12-07T03:15:42.250Z'),
  latitude: 20.9123456789,
  longitude: 107.0123456789,
  speedKnots: 9.86,
  courseDegrees: 118.44,
  altitudeMetres: 1.52,
  accuracyMetres: 4.37,
  batteryPercent: 87.5,
};

describe('a report as Traccar Client sends it', () => {
  it('names its fields in Traccar Client’s order, the time in unix seconds and the speed in knots', () => {
    expect(osmAndQuery(report)).toBe(
      'id=GT-QN5868&timestamp=1796613342&lat=20.912346&lon=107.012346&speed=9.9&bearing=118.4&altitude=1.5&accuracy=4.4&batt=87.5',
    );
  });

  it('adds the SOS alarm and an on-board counter’s passengers after the protocol’s fields', () => {
    const query = new URLSearchParams(
      osmAndQuery({ ...report, alarm: 'sos', attributes: { passengers: 49 } }),
    );
    expect([...query.keys()].slice(-2)).toEqual(['alarm', 'passengers']);
    expect(query.get('alarm')).toBe('sos');
    expect(query.get('passengers')).toBe('49');
  });

  it('is a POST to the intake with the fields in the query, no body and no Content-Type', async () => {
    const request = osmAndRequest('http://127.0.0.1:4321/api/tracking/osmand', report, 1000);
    const url = new URL(request.url);
    expect(request.method).toBe('POST');
    expect(`${url.origin}${url.pathname}`).toBe('http://127.0.0.1:4321/api/tracking/osmand');
    expect(request.headers.get('Content-Type')).toBeNull();
    expect(await request.text()).toBe('');
    expect(request.signal.aborted).toBe(false);
  });

  it('reads back through the platform’s OsmAnd reader as the same position', () => {
    const fields = Object.fromEntries(new URLSearchParams(osmAndQuery({ ...report, alarm: 'sos' })));
    const outcome = readOsmAndFields(fields, new Date('2026-12-07T03:16:00Z'));
    expect(outcome).toHaveProperty('report');
    if (!('report' in outcome)) return;
    expect(outcome.report).toMatchObject({
      trackerId: 'GT-QN5868',
      fixTime: '2026-12-07T03:15:42.000Z',
      speedKnots: 9.9,
      courseDegrees: 118.4,
      batteryPercent: 87.5,
      alarm: 'sos',
    });
    expect(outcome.report.latitude).toBeCloseTo(report.latitude, 6);
    expect(outcome.report.longitude).toBeCloseTo(report.longitude, 6);
  });
});

describe('the sender’s buffer', () => {
  const at = (second: number, trackerId = 'GT-1'): TrackerReport => ({
    ...report,
    trackerId,
    at: new Date(Date.UTC(2026, 11, 7, 3, 0, second)),
  });
  const timestampOf = (request: Request) => Number(new URL(request.url).searchParams.get('timestamp'));

  it('sends a failed position again on the next round, after the newer one: late and out of order', async () => {
    const seen: number[] = [];
    let reachable = false;
    const sender = createOsmAndSender({
      intakeUrl: 'http://127.0.0.1:9/api/tracking/osmand',
      concurrency: 1,
      fetch: async (request) => {
        if (!reachable) throw new TypeError('fetch failed');
        seen.push(timestampOf(request));
        return new Response('{}', { status: 200 });
      },
    });
    expect(await sender.send([at(0)])).toEqual({ delivered: 0, refused: 0, buffered: 1 });
    expect(sender.buffered()).toBe(1);
    reachable = true;
    expect(await sender.send([at(5)])).toEqual({ delivered: 2, refused: 0, buffered: 0 });
    expect(seen).toEqual([
      timestampOf(osmAndRequest('x:', at(5), 1)),
      timestampOf(osmAndRequest('x:', at(0), 1)),
    ]);
    expect(sender.buffered()).toBe(0);
  });

  it('keeps a position the platform answered 5xx, and drops one it refused with 400', async () => {
    const warnings: string[] = [];
    const sender = createOsmAndSender({
      intakeUrl: 'http://127.0.0.1:9/api/tracking/osmand',
      fetch: async (request) =>
        new Response('{}', {
          status: new URL(request.url).searchParams.get('id') === 'GT-UNKNOWN' ? 400 : 503,
        }),
      logger: { warn: (message) => warnings.push(message) },
    });
    expect(await sender.send([at(0, 'GT-UNKNOWN'), at(0, 'GT-1')])).toEqual({
      delivered: 0,
      refused: 1,
      buffered: 1,
    });
    expect(sender.buffered()).toBe(1);
    expect(warnings).toHaveLength(1);
  });

  it('gives up the oldest positions beyond its limit, as a phone’s storage fills', async () => {
    const sender = createOsmAndSender({
      intakeUrl: 'http://127.0.0.1:9/api/tracking/osmand',
      bufferLimit: 3,
      fetch: async () => {
        throw new TypeError('fetch failed');
      },
    });
    await sender.send([at(0), at(5), at(10), at(15), at(20)]);
    expect(sender.buffered()).toBe(3);
  });
});
