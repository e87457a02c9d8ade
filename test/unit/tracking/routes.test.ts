/** The intake routes in-process, with the service replaced: which requests reach them, and how they answer. */
import { describe, expect, it } from 'vitest';
import { createHttpApp } from '../../../functions/platform/http-app.js';
import { createAisIntake } from '../../../functions/tracking/ais/intake.js';
import type { PositionReport } from '../../../functions/tracking/model.js';
import { createTrackingRouter } from '../../../functions/tracking/routes.js';
import { type TrackingService, UnknownTrackerError } from '../../../functions/tracking/service.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function appWith(accepted: PositionReport[], maxBodyBytes = 1024) {
  const acceptBoatPosition = async (boat: { boatId: string }, report: PositionReport) => {
    accepted.push(report);
    return { boatId: boat.boatId, duplicate: false, latest: true, departureId: null, flags: [] };
  };
  const service = {
    async acceptPosition(report: PositionReport) {
      if (report.trackerId === 'unknown') throw new UnknownTrackerError(report.trackerId);
      return acceptBoatPosition({ boatId: 'bay-pearl-01' }, report);
    },
    acceptBoatPosition,
    listLatest: async () => [],
  } satisfies Pick<TrackingService, 'acceptPosition' | 'acceptBoatPosition' | 'listLatest'>;
  const ais = createAisIntake({
    tracking: service as unknown as TrackingService,
    boatByMmsi: async (mmsi) => (mmsi === '574001234' ? { boatId: 'bay-pearl-star' } : null),
    statics: { mergeStatic: async () => true },
  });
  const app = createHttpApp({ logger: silent, maxBodyBytes });
  app.route('/api/tracking', createTrackingRouter(service as unknown as TrackingService, ais));
  return app;
}

const timestamp = Math.floor(Date.now() / 1000) - 60;

describe('POST /api/tracking/osmand', () => {
  it('accepts Traccar Client’s request: fields in the query, Content-Length 0, no Content-Type', async () => {
    const accepted: PositionReport[] = [];
    const response = await appWith(accepted).request(
      `/api/tracking/osmand?id=GT-QN5868&timestamp=${timestamp}&lat=20.91&lon=107.07&speed=5`,
      { method: 'POST', headers: { 'Content-Length': '0' }, body: new Uint8Array(0) },
    );
    expect(response.status).toBe(200);
    expect(accepted).toMatchObject([{ trackerId: 'GT-QN5868', latitude: 20.91, speedKnots: 5 }]);
  });

  it('reads a body without a Content-Type as form fields, as Traccar does', async () => {
    const accepted: PositionReport[] = [];
    const response = await appWith(accepted).request('/api/tracking/osmand', {
      method: 'POST',
      body: new TextEncoder().encode(`id=GT-QN5868&timestamp=${timestamp}&lat=20.91&lon=107.07`),
    });
    expect(response.status).toBe(200);
    expect(accepted).toHaveLength(1);
  });

  it('answers 400 unknown-tracker for a tracker no boat has', async () => {
    const response = await appWith([]).request(`/api/tracking/osmand?id=unknown&lat=1&lon=2`, {
      method: 'POST',
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('Content-Type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ type: '/problems/unknown-tracker' });
  });

  it('answers 400 with the failing fields, in the query or the body', async () => {
    const app = appWith([]);
    const query = await app.request('/api/tracking/osmand?id=a&lat=95&lon=2', { method: 'POST' });
    expect(await query.json()).toMatchObject({
      type: '/problems/validation-error',
      errors: [{ location: 'query', path: 'lat' }],
    });
    const json = await app.request('/api/tracking/osmand', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ location: { coords: { latitude: 1, longitude: 2 } } }),
    });
    expect(await json.json()).toMatchObject({ errors: [{ location: 'body', path: 'device_id' }] });
    const form = await app.request('/api/tracking/osmand', {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'id=a&lat=1&lon=200',
    });
    expect(await form.json()).toMatchObject({ errors: [{ location: 'body', path: 'lon' }] });
  });
});

/** Bay Pearl Star's type 1 report (MMSI 574001234), and another ship's (gpsd's example). */
const BAY_PEARL_STAR = '!AIVDM,1,1,,A,18SJ@DP01;7b9:@;uh34`3hH0000,0*1C';
const ANOTHER_SHIP = '!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C';

describe('POST /api/tracking/ais', () => {
  it('reads a text body one sentence a line (CRLF too) and answers with the counts', async () => {
    const accepted: PositionReport[] = [];
    const response = await appWith(accepted).request('/api/tracking/ais', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: `${BAY_PEARL_STAR}\r\n${ANOTHER_SHIP}\r\nnot a sentence\r\n\r\n`,
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      unknownMmsi: 1,
      badChecksum: 0,
      malformed: 1,
      incomplete: 0,
      notAvailable: 0,
      staticReports: 0,
      otherTypes: 0,
    });
    expect(accepted).toMatchObject([{ source: 'ais', trackerId: 'mmsi:574001234', latitude: 20.9101 }]);
  });

  it('reads the JSON form { sentences: [...] }', async () => {
    const accepted: PositionReport[] = [];
    const response = await appWith(accepted).request('/api/tracking/ais', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sentences: [BAY_PEARL_STAR] }),
    });
    expect(await response.json()).toMatchObject({ accepted: 1 });
    expect(accepted).toHaveLength(1);
  });

  it('answers 400 for a JSON body that is not a list of sentences', async () => {
    const app = appWith([]);
    const wrong = await app.request('/api/tracking/ais', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ sentences: [1] }),
    });
    expect(wrong.status).toBe(400);
    expect(await wrong.json()).toMatchObject({ errors: [{ location: 'body', path: 'sentences.0' }] });
    const broken = await app.request('/api/tracking/ais', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"sentences": [',
    });
    expect(await broken.json()).toMatchObject({ status: 400, type: '/problems/malformed-body' });
  });

  it('answers 413 for more than 2,000 sentences, storing none', async () => {
    const accepted: PositionReport[] = [];
    const response = await appWith(accepted, 256 * 1024).request('/api/tracking/ais', {
      method: 'POST',
      headers: { 'Content-Type': 'text/plain' },
      body: Array.from({ length: 2_001 }, () => BAY_PEARL_STAR).join('\n'),
    });
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ type: '/problems/payload-too-large' });
    expect(accepted).toEqual([]);
  });
});
