import { describe, expect, it } from 'vitest';
import type { TrackedBoat } from '../../../../functions/tracking/live/model';
import {
  ALERT_COLOUR,
  boatAppearance,
  boatStates,
  reportAge,
  stateLooks,
} from '../../../../web/src/map/boat-appearance';
import {
  LIVE_TOKEN_PATH,
  liveUrl,
  parseLiveMessage,
  reconnectDelay,
  withConnectToken,
} from '../../../../web/src/map/live-connection';
import { type MapBoat, withBoat } from '../../../../web/src/map/map-boat';
import { positionAt, type ReplayPoint, replaySpan } from '../../../../web/src/map/replay';
import { TrailBuffer } from '../../../../web/src/map/trail-buffer';

const position = (courseDegrees: number | null) =>
  ({
    latitude: 20.9,
    longitude: 107.0,
    fixTime: '2026-07-19T07:05:00.000Z',
    courseDegrees,
  }) as TrackedBoat['position'];

/** Relative luminance and contrast ratio (WCAG 2). */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * (r ?? 0) + 0.7152 * (g ?? 0) + 0.0722 * (bl ?? 0);
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return ((hi ?? 0) + 0.05) / ((lo ?? 0) + 0.05);
}

describe('how a boat is drawn', () => {
  it('turns a boat under way to its course, and leaves the symbols without a heading upright', () => {
    expect(
      boatAppearance({ state: 'under-way', openAlerts: [], position: position(370) }).rotationDegrees,
    ).toBe(10);
    expect(boatAppearance({ state: 'in-port', openAlerts: [], position: position(90) }).rotationDegrees).toBe(
      0,
    );
    expect(
      boatAppearance({ state: 'under-way', openAlerts: [], position: position(null) }).rotationDegrees,
    ).toBe(0);
  });

  it('draws any boat with an open alert in the alert colour, keeping its state’s shape', () => {
    const look = boatAppearance({ state: 'at-stop', openAlerts: ['sos'], position: position(0) });
    expect(look).toMatchObject({ colour: ALERT_COLOUR, symbol: 'square', alerting: true });
  });

  it('gives each state its own shape, so the map reads without colour', () => {
    const symbols = boatStates.map((state) => stateLooks[state].symbol);
    expect(new Set(symbols).size).toBe(boatStates.length);
  });

  it('keeps every colour at 3:1 or more against the sea and the land', () => {
    for (const colour of [...boatStates.map((state) => stateLooks[state].colour), ALERT_COLOUR]) {
      expect(contrast(colour, '#cde5e6')).toBeGreaterThanOrEqual(3);
      expect(contrast(colour, '#f4efe2')).toBeGreaterThanOrEqual(3);
    }
  });

  it('tells the age of the last report in minutes and seconds, and nothing for a boat never heard', () => {
    expect(reportAge('2026-07-19T07:05:00.000Z', Date.parse('2026-07-19T07:09:05.000Z'))).toEqual({
      minutes: 4,
      seconds: 5,
    });
    expect(reportAge(null, Date.now())).toBeNull();
  });
});

describe('the trail of the last minutes', () => {
  const point = (minute: number, latitude = 20.9) => ({
    latitude,
    longitude: 107,
    fixTime: new Date(Date.UTC(2026, 6, 19, 7, minute)).toISOString(),
  });

  it('keeps positions in time order, slotting a late one in and ignoring a duplicate', () => {
    const trails = new TrailBuffer(30);
    trails.addAll('b', [point(0), point(2), point(1), point(2, 21)]);
    expect(trails.trail('b').map((p) => p.fixTime)).toEqual(
      [point(0), point(1), point(2)].map((p) => p.fixTime),
    );
    expect(trails.trail('b').at(-1)?.latitude).toBe(20.9);
  });

  it('forgets positions older than the window before the newest', () => {
    const trails = new TrailBuffer(10);
    trails.addAll('b', [point(0), point(5), point(12)]);
    expect(trails.trail('b').map((p) => p.fixTime)).toEqual([point(5), point(12)].map((p) => p.fixTime));
    trails.add('b', point(1));
    expect(trails.trail('b')).toHaveLength(2);
  });
});

describe('replay of a track', () => {
  const at = (minute: number) => Date.UTC(2026, 6, 19, 7, minute);
  const fix = (
    minute: number,
    latitude: number,
    courseDegrees: number | null,
    speedKnots: number | null,
  ): ReplayPoint => ({
    latitude,
    longitude: 107,
    fixTime: new Date(at(minute)).toISOString(),
    courseDegrees,
    speedKnots,
  });
  const track = [fix(0, 20.9, 350, 8), fix(10, 20.92, 10, 12)];

  it('places the boat between two fixes in proportion to the time, turning the short way round', () => {
    const middle = positionAt(track, at(5));
    expect(middle?.latitude).toBeCloseTo(20.91, 6);
    expect(middle?.courseDegrees).toBeCloseTo(0, 6);
    expect(middle?.speedKnots).toBeCloseTo(10, 6);
  });

  it('holds the first fix before the track and the last after it', () => {
    expect(positionAt(track, at(-5))).toBe(track[0]);
    expect(positionAt(track, at(20))).toBe(track[1]);
    expect(positionAt([], at(0))).toBeNull();
  });

  it('spans the track from its first to its last fix', () => {
    expect(replaySpan([track[1] ?? fix(0, 0, null, null), track[0] ?? fix(0, 0, null, null)])).toEqual({
      start: at(0),
      end: at(10),
    });
    expect(replaySpan([])).toBeNull();
  });
});

describe('the live connection', () => {
  it('asks a staff page’s connect token with its cookie and opens the socket with it in the query', async () => {
    const asked: { url: string; init: RequestInit | undefined }[] = [];
    const fetchToken = (async (url: string, init?: RequestInit) => {
      asked.push({ url, init });
      return Response.json({ token: 'a.b.c', expiresAt: '2026-12-07T08:01:00.000Z' });
    }) as typeof fetch;
    expect(await withConnectToken('wss://live.example/live', LIVE_TOKEN_PATH, fetchToken)).toBe(
      'wss://live.example/live?token=a.b.c',
    );
    expect(asked).toEqual([
      {
        url: '/api/tracking/live/token',
        init: expect.objectContaining({ method: 'POST', credentials: 'same-origin' }),
      },
    ]);
    const refused = (async () => new Response(null, { status: 401 })) as typeof fetch;
    await expect(withConnectToken('wss://live.example/live', LIVE_TOKEN_PATH, refused)).rejects.toThrow(
      /401/,
    );
  });

  it('waits 1 s, then doubles up to 30 s, with at most 20 % jitter', () => {
    expect(reconnectDelay(1, () => 0)).toBe(1000);
    expect(reconnectDelay(3, () => 0)).toBe(4000);
    expect(reconnectDelay(20, () => 0)).toBe(30_000);
    expect(reconnectDelay(20, () => 1)).toBe(36_000);
  });

  it('opens on this origin unless the page names an absolute URL', () => {
    expect(liveUrl(undefined, { protocol: 'http:', host: '127.0.0.1:4321' })).toBe(
      'ws://127.0.0.1:4321/api/tracking/live',
    );
    expect(liveUrl('/api/tracking/live?booking=HL1', { protocol: 'https:', host: 'halong.example' })).toBe(
      'wss://halong.example/api/tracking/live?booking=HL1',
    );
    expect(liveUrl('wss://live.example/prod', { protocol: 'https:', host: 'halong.example' })).toBe(
      'wss://live.example/prod',
    );
  });

  it('reads the known messages and skips anything else', () => {
    expect(parseLiveMessage('{"type":"ready","topics":["tracking"]}')).toEqual({
      type: 'ready',
      topics: ['tracking'],
    });
    expect(parseLiveMessage('{"type":"other"}')).toBeNull();
    expect(parseLiveMessage('not json')).toBeNull();
  });

  it('replaces a boat by a newer message of it and keeps the list in name order', () => {
    const boat = (boatId: string, name: string, state: TrackedBoat['state']): MapBoat => ({
      boatId,
      name,
      state,
      position: null,
      openAlerts: [],
      trip: null,
    });
    const boats = withBoat(
      [boat('b', 'Bay Pearl 02', 'in-port'), boat('a', 'Bay Pearl 01', 'in-port')],
      boat('b', 'Bay Pearl 02', 'under-way'),
    );
    expect(boats.map((b) => [b.boatId, b.state])).toEqual([
      ['a', 'in-port'],
      ['b', 'under-way'],
    ]);
  });
});
