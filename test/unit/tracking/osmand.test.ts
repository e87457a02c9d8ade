import { describe, expect, it } from 'vitest';
import { readOsmAndFields, readOsmAndJson } from '../../../functions/tracking/osmand.js';

const receivedAt = new Date('2026-07-01T07:31:00.000Z');

/** The fields of a query string, as Traccar Client writes them. */
const query = (text: string) => Object.fromEntries(new URLSearchParams(text));

function reportOf(outcome: ReturnType<typeof readOsmAndFields>) {
  if ('errors' in outcome) throw new Error(`refused: ${JSON.stringify(outcome.errors)}`);
  return outcome.report;
}

function errorPathsOf(outcome: ReturnType<typeof readOsmAndFields>) {
  if ('report' in outcome) throw new Error('accepted');
  return outcome.errors.map((error) => error.path);
}

describe('the OsmAnd query-string form', () => {
  it('reads every field Traccar Client sends, speed in knots', () => {
    const report = reportOf(
      readOsmAndFields(
        query(
          'id=GT-QN5868&timestamp=1782891000&lat=20.9101&lon=107.0734&speed=7.5&bearing=118.4' +
            '&altitude=2.5&accuracy=4.8&batt=87.0&mock=true&alarm=sos',
        ),
        receivedAt,
      ),
    );
    expect(report).toEqual({
      source: 'osmand',
      trackerId: 'GT-QN5868',
      fixTime: '2026-07-01T07:30:00.000Z',
      latitude: 20.9101,
      longitude: 107.0734,
      speedKnots: 7.5,
      courseDegrees: 118.4,
      altitudeMetres: 2.5,
      accuracyMetres: 4.8,
      hdop: null,
      batteryPercent: 87,
      valid: true,
      mock: true,
      alarm: 'sos',
      attributes: {},
    });
  });

  it.each([
    ['unix seconds', '1782891000'],
    ['unix milliseconds', '1782891000000'],
    ['ISO-8601 in UTC', '2026-07-01T07:30:00Z'],
    ['ISO-8601 with an offset', '2026-07-01T14:30:00+07:00'],
    ['ISO-8601 with milliseconds', '2026-07-01T07:30:00.000Z'],
    ['yyyy-MM-dd HH:mm:ss in UTC', '2026-07-01 07:30:00'],
  ])('reads a timestamp in %s', (_form, timestamp) => {
    const report = reportOf(readOsmAndFields({ id: 'a', lat: '20.9', lon: '107', timestamp }, receivedAt));
    expect(report.fixTime).toBe('2026-07-01T07:30:00.000Z');
  });

  it('takes the time of receipt when there is no timestamp, as Traccar does', () => {
    expect(reportOf(readOsmAndFields({ id: 'a', lat: '20.9', lon: '107' }, receivedAt)).fixTime).toBe(
      receivedAt.toISOString(),
    );
  });

  it('reads deviceid, heading, location=lat,lon, hdop and valid', () => {
    const report = reportOf(
      readOsmAndFields(
        query('deviceid=GT-1&location=20.95,107.01&heading=270&hdop=1.2&valid=false'),
        receivedAt,
      ),
    );
    expect(report).toMatchObject({
      trackerId: 'GT-1',
      latitude: 20.95,
      longitude: 107.01,
      courseDegrees: 270,
      hdop: 1.2,
      valid: false,
    });
  });

  it('keeps unknown fields as attributes, within bounds', () => {
    const extra = Array.from({ length: 30 }, (_, index) => `f${index}=${index}`).join('&');
    const report = reportOf(
      readOsmAndFields(
        query(`id=a&lat=1&lon=2&charge=true&${'k'.repeat(41)}=dropped&note=${'x'.repeat(300)}&${extra}`),
        receivedAt,
      ),
    );
    expect(report.attributes.charge).toBe('true');
    expect(report.attributes.note).toBe('x'.repeat(200));
    expect(Object.keys(report.attributes)).toHaveLength(20);
    expect(Object.keys(report.attributes)).not.toContain('k'.repeat(41));
  });

  it('keeps an alarm other than SOS as an attribute', () => {
    const report = reportOf(readOsmAndFields(query('id=a&lat=1&lon=2&alarm=lowBattery'), receivedAt));
    expect(report.alarm).toBeNull();
    expect(report.attributes.alarm).toBe('lowBattery');
  });

  it.each([
    ['no id', 'lat=1&lon=2', 'id'],
    ['no latitude', 'id=a&lon=2', 'lat'],
    ['a latitude out of range', 'id=a&lat=91&lon=2', 'lat'],
    ['a longitude out of range', 'id=a&lat=1&lon=-180.5', 'lon'],
    ['a location out of range', 'id=a&location=95,2', 'location'],
    ['a location that is not two numbers', 'id=a&location=20.9', 'location'],
    ['a speed that is not a number', 'id=a&lat=1&lon=2&speed=fast', 'speed'],
    ['a negative speed', 'id=a&lat=1&lon=2&speed=-3', 'speed'],
    ['a battery over 100 %', 'id=a&lat=1&lon=2&batt=140', 'batt'],
    ['a bearing over 360', 'id=a&lat=1&lon=2&bearing=400', 'bearing'],
    ['a timestamp in no known form', 'id=a&lat=1&lon=2&timestamp=yesterday', 'timestamp'],
    ['a timestamp 6 minutes ahead', 'id=a&lat=1&lon=2&timestamp=1782891420', 'timestamp'],
    ['a timestamp before 2000', 'id=a&lat=1&lon=2&timestamp=0', 'timestamp'],
    ['an invalid valid', 'id=a&lat=1&lon=2&valid=maybe', 'valid'],
    ['a NUL in an attribute', 'id=a&lat=1&lon=2&note=a%00b', 'note'],
    ['a NUL in the id', 'id=a%00b&lat=1&lon=2', 'id'],
  ])('refuses %s', (_case, text, path) => {
    expect(errorPathsOf(readOsmAndFields(query(text), receivedAt))).toContain(path);
  });

  it('accepts a fix up to 5 minutes ahead of our clock', () => {
    const report = reportOf(readOsmAndFields(query('id=a&lat=1&lon=2&timestamp=1782891360'), receivedAt));
    expect(report.fixTime).toBe('2026-07-01T07:36:00.000Z');
  });
});

describe('the OsmAnd JSON form (Traccar Client 9)', () => {
  const body = {
    device_id: 'GT-QN5868',
    location: {
      timestamp: '2026-07-01T07:30:00.000Z',
      coords: { latitude: 20.92, longitude: 106.99, accuracy: 5, speed: 3.086664, heading: 120, altitude: 2 },
      is_moving: true,
      odometer: 1234.5,
      event: 'motionchange',
      battery: { level: 0.8, is_charging: false },
      activity: { type: 'in_vehicle' },
    },
  };

  it('reads the position, speed converted from metres per second to knots', () => {
    const report = reportOf(readOsmAndJson(body, receivedAt));
    expect(report).toMatchObject({
      source: 'osmand',
      trackerId: 'GT-QN5868',
      fixTime: '2026-07-01T07:30:00.000Z',
      latitude: 20.92,
      longitude: 106.99,
      accuracyMetres: 5,
      courseDegrees: 120,
      altitudeMetres: 2,
      batteryPercent: 80,
      mock: false,
      alarm: null,
    });
    expect(report.speedKnots).toBeCloseTo(6, 5);
  });

  it('keeps the other fields as attributes by their path', () => {
    expect(reportOf(readOsmAndJson(body, receivedAt)).attributes).toEqual({
      'location.is_moving': true,
      'location.odometer': 1234.5,
      'location.event': 'motionchange',
      'location.battery.is_charging': false,
      'location.activity.type': 'in_vehicle',
    });
  });

  it('reads -1 as an unknown speed and heading', () => {
    const unknown = {
      ...body,
      location: { ...body.location, coords: { ...body.location.coords, speed: -1, heading: -1 } },
    };
    expect(reportOf(readOsmAndJson(unknown, receivedAt))).toMatchObject({
      speedKnots: null,
      courseDegrees: null,
    });
  });

  it.each([
    ['no device id', { location: body.location }, 'device_id'],
    [
      'no coordinates',
      { device_id: 'a', location: { timestamp: body.location.timestamp } },
      'location.coords',
    ],
    [
      'a latitude out of range',
      { device_id: 'a', location: { coords: { latitude: -91, longitude: 2 } } },
      'location.coords.latitude',
    ],
    [
      'a timestamp in the future',
      {
        device_id: 'a',
        location: { timestamp: '2026-07-01T08:00:00Z', coords: { latitude: 1, longitude: 2 } },
      },
      'location.timestamp',
    ],
    ['a body that is not an object', [1, 2], '(root)'],
  ])('refuses %s', (_case, json, path) => {
    expect(errorPathsOf(readOsmAndJson(json, receivedAt))).toContain(path);
  });
});
