/** The intake route in-process, with the service replaced: which requests reach it, and how it answers. */
import { describe, expect, it } from 'vitest';
import type { RequireRole } from '../../../functions/platform/auth/require-role.js';
import { createHttpApp } from '../../../functions/platform/http-app.js';
import type { PositionReport } from '../../../functions/tracking/model.js';
import { createTrackingRouter } from '../../../functions/tracking/routes.js';
import { type TrackingService, UnknownTrackerError } from '../../../functions/tracking/service.js';

const silent = { debug() {}, info() {}, warn() {}, error() {} };

function appWith(accepted: PositionReport[]) {
  const service = {
    async acceptPosition(report: PositionReport) {
      if (report.trackerId === 'unknown') throw new UnknownTrackerError(report.trackerId);
      accepted.push(report);
      return { boatId: 'bay-pearl-01', duplicate: false, latest: true, departureId: null, flags: [] };
    },
    listLatest: async () => [],
  } satisfies TrackingService;
  const app = createHttpApp({ logger: silent, maxBodyBytes: 1024 });
  // The live map's role guard is the platform's (tested there); these tests are about the intake.
  const anyone = (() => async (_context: unknown, next: () => Promise<void>) =>
    next()) as unknown as RequireRole;
  app.route('/api/tracking', createTrackingRouter(service, anyone));
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
