/**
 * The AIS intake on DynamoDB Local: a shore receiver's sentences for the seeded Bay Pearl Star (MMSI 574001234),
 * with the tag blocks receivers put before them, multi-part static data, bad checksums, garbage, ships that are
 * no boat of ours, resent and late reports.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDateAt } from '../../../functions/platform/local-time.js';
import type { AisIntakeCounts } from '../../../functions/tracking/ais/model.js';
import { type AisStaticStore, createAisStaticStore } from '../../../functions/tracking/ais/store.js';
import type { BoatPosition } from '../../../functions/tracking/model.js';
import { createTrackingStore, type TrackingStore } from '../../../functions/tracking/store.js';
import {
  classAPosition,
  classBPosition,
  type PositionFields,
  staticAndVoyage,
  staticReport,
  tagBlock,
} from '../../support/ais-sentences.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';

const BAY_PEARL_STAR = 574001234;
const BOAT_ID = 'bay-pearl-star';

let platform: TestPlatform;
let positions: TrackingStore;
let statics: AisStaticStore;

const NONE: AisIntakeCounts = {
  accepted: 0,
  duplicates: 0,
  unknownMmsi: 0,
  badChecksum: 0,
  malformed: 0,
  incomplete: 0,
  notAvailable: 0,
  staticReports: 0,
  otherTypes: 0,
};

/** A whole second `minutesAgo` before now, in unix seconds. */
const secondsAgo = (minutesAgo: number) => Math.floor(Date.now() / 1000) - Math.round(minutesAgo * 60);
const isoOf = (unixSeconds: number) => new Date(unixSeconds * 1000).toISOString();

/** A report as a receiver forwards it: a tag block with the time it heard it, and the fix's UTC second. */
function heard(unixSeconds: number, sentence: (second: number) => string): string {
  return `${tagBlock({ unixSeconds, station: 'tuan-chau-shore' })}${sentence(unixSeconds % 60)}`;
}

const typeOne = (unixSeconds: number, fields: Partial<PositionFields> = {}) =>
  heard(unixSeconds, (utcSecond) =>
    classAPosition({
      mmsi: BAY_PEARL_STAR,
      latitude: 20.9101,
      longitude: 107.0734,
      speedKnots: 7.5,
      courseDegrees: 118.4,
      heading: 120,
      utcSecond,
      ...fields,
    }),
  );

async function send(lines: readonly string[]): Promise<AisIntakeCounts> {
  const response = await platform.app.request('/api/tracking/ais', {
    method: 'POST',
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    body: `${lines.join('\r\n')}\r\n`,
  });
  expect(response.status, await response.clone().text()).toBe(200);
  return (await response.json()) as AisIntakeCounts;
}

async function latestOf(boatId: string): Promise<BoatPosition | undefined> {
  const token = await platform.signIn(demo.manager.email, demo.manager.password);
  const response = await platform.app.request('/api/tracking/latest', {
    headers: { Authorization: `Bearer ${token}` },
  });
  expect(response.status).toBe(200);
  const { positions: latest } = (await response.json()) as { positions: BoatPosition[] };
  return latest.find((position) => position.boatId === boatId);
}

/** The boat's stored positions around an instant: its trip's, or its day's off any trip. */
async function historyAround(position: BoatPosition): Promise<BoatPosition[]> {
  return position.departureId
    ? positions.listTripPositions(position.departureId)
    : positions.listOffTripPositions(position.boatId, localDateAt(new Date(position.fixTime)));
}

beforeAll(async () => {
  platform = await createTestPlatform();
  positions = createTrackingStore(platform.dependencies.db, platform.tableName);
  statics = createAisStaticStore(platform.dependencies.db, platform.tableName);
});
afterAll(() => platform.dispose());

describe('AIS positions of a boat of ours', () => {
  it('stores a class A report (type 1) as the boat’s latest position, with its source and MMSI', async () => {
    const fix = secondsAgo(10);
    expect(await send([typeOne(fix)])).toEqual({ ...NONE, accepted: 1 });
    const latest = await latestOf(BOAT_ID);
    expect(latest).toMatchObject({
      source: 'ais',
      trackerId: 'mmsi:574001234',
      fixTime: isoOf(fix),
      latitude: 20.9101,
      longitude: 107.0734,
      speedKnots: 7.5,
      courseDegrees: 118.4,
      flags: [],
      attributes: { messageType: 1, headingDegrees: 120, station: 'tuan-chau-shore' },
    });
    const history = await historyAround(latest as BoatPosition);
    expect(history.map((position) => position.fixTime)).toContain(isoOf(fix));
  });

  it('stores a class B report (type 18) the same way', async () => {
    const fix = secondsAgo(9);
    const sentence = heard(fix, (utcSecond) =>
      classBPosition({
        mmsi: BAY_PEARL_STAR,
        latitude: 20.912,
        longitude: 107.075,
        speedKnots: 6.1,
        utcSecond,
      }),
    );
    expect(await send([sentence])).toEqual({ ...NONE, accepted: 1 });
    expect(await latestOf(BOAT_ID)).toMatchObject({
      fixTime: isoOf(fix),
      latitude: 20.912,
      speedKnots: 6.1,
      courseDegrees: null,
      attributes: { messageType: 18 },
    });
  });

  it('stores a report heard twice once, counting the second as a duplicate', async () => {
    const fix = secondsAgo(8);
    const sentence = typeOne(fix, { latitude: 20.913 });
    expect(await send([sentence])).toEqual({ ...NONE, accepted: 1 });
    expect(await send([sentence, sentence])).toEqual({ ...NONE, duplicates: 2 });
    const history = await historyAround((await latestOf(BOAT_ID)) as BoatPosition);
    expect(history.filter((position) => position.fixTime === isoOf(fix))).toHaveLength(1);
  });

  it('keeps a late report in the history without moving the boat back', async () => {
    const [newer, older] = [secondsAgo(5), secondsAgo(7)];
    expect(await send([typeOne(newer, { latitude: 20.915 })])).toMatchObject({ accepted: 1 });
    expect(await send([typeOne(older, { latitude: 20.914 })])).toMatchObject({ accepted: 1 });
    const latest = (await latestOf(BOAT_ID)) as BoatPosition;
    expect(latest).toMatchObject({ fixTime: isoOf(newer), latitude: 20.915 });
    const history = await historyAround(latest);
    expect(history.map((position) => position.fixTime)).toEqual(
      expect.arrayContaining([isoOf(older), isoOf(newer)]),
    );
  });

  it('stores a batch’s reports of one boat in fix-time order, the newest as the latest', async () => {
    const [first, second] = [secondsAgo(4), secondsAgo(3.5)];
    const counts = await send([typeOne(second, { latitude: 20.917 }), typeOne(first, { latitude: 20.916 })]);
    expect(counts).toEqual({ ...NONE, accepted: 2 });
    expect(await latestOf(BOAT_ID)).toMatchObject({ fixTime: isoOf(second), latitude: 20.917 });
  });
});

describe('what is counted and skipped', () => {
  it('counts a bad checksum and stores nothing', async () => {
    const before = await latestOf(BOAT_ID);
    const sentence = typeOne(secondsAgo(1), { latitude: 20.93 });
    const checksum = Number.parseInt(sentence.slice(-2), 16);
    const damaged = `${sentence.slice(0, -2)}${(checksum ^ 1).toString(16).toUpperCase().padStart(2, '0')}`;
    expect(await send([damaged])).toEqual({ ...NONE, badChecksum: 1 });
    expect(await latestOf(BOAT_ID)).toEqual(before);
  });

  it('counts garbage lines as malformed and still stores the good ones among them', async () => {
    const fix = secondsAgo(3);
    const counts = await send([
      'GARBAGE',
      '$GPGGA,junk*00',
      typeOne(fix, { latitude: 20.918 }),
      '!AIVDM,1,1',
    ]);
    expect(counts).toEqual({ ...NONE, accepted: 1, malformed: 3 });
    expect(await latestOf(BOAT_ID)).toMatchObject({ fixTime: isoOf(fix) });
  });

  it('counts a ship that is no boat of ours and stores nothing of it', async () => {
    const stranger = heard(secondsAgo(2), (utcSecond) =>
      classAPosition({ mmsi: 477553000, latitude: 20.95, longitude: 107.1, utcSecond }),
    );
    const before = await latestOf(BOAT_ID);
    const static5 = staticAndVoyage({ mmsi: 477553000, name: 'STRANGER' });
    expect(await send([stranger, ...static5])).toEqual({ ...NONE, unknownMmsi: 2 });
    expect(await statics.getStatic('477553000')).toBeNull();
    expect(await latestOf(BOAT_ID)).toEqual(before);
  });

  it('counts a report without a position (latitude 91°, longitude 181°) and stores nothing', async () => {
    const before = await latestOf(BOAT_ID);
    const noFix = typeOne(secondsAgo(1), { latitude: 91, longitude: 181 });
    expect(await send([noFix])).toEqual({ ...NONE, notAvailable: 1 });
    expect(await latestOf(BOAT_ID)).toEqual(before);
  });
});

describe('AIS static data', () => {
  it('joins a two-part type 5 and keeps the boat’s static data under its MMSI', async () => {
    const lines = staticAndVoyage({
      mmsi: BAY_PEARL_STAR,
      callSign: 'XVQN612',
      name: 'BAY PEARL STAR',
      shipType: 60,
      dimensions: [20, 12, 3, 4],
      eta: [7, 1, 11, 30],
      draughtMetres: 1.8,
      destination: 'TUAN CHAU',
    });
    expect(await send(lines)).toEqual({ ...NONE, staticReports: 1 });
    expect(await statics.getStatic('574001234')).toEqual({
      mmsi: '574001234',
      boatId: BOAT_ID,
      name: 'BAY PEARL STAR',
      callSign: 'XVQN612',
      imo: null,
      shipType: 60,
      dimensions: { toBowMetres: 20, toSternMetres: 12, toPortMetres: 3, toStarboardMetres: 4 },
      draughtMetres: 1.8,
      destination: 'TUAN CHAU',
      eta: { month: 7, day: 1, hour: 11, minute: 30 },
      reportedAt: expect.any(String),
    });
  });

  it('lets a type 24’s parts replace only the fields they carry', async () => {
    const { partA, partB } = staticReport({
      mmsi: BAY_PEARL_STAR,
      name: 'BAY PEARL STAR II',
      callSign: 'XV1234',
      shipType: 69,
      dimensions: [10, 20, 3, 3],
    });
    expect(await send([partA, partB])).toEqual({ ...NONE, staticReports: 2 });
    expect(await statics.getStatic('574001234')).toMatchObject({
      name: 'BAY PEARL STAR II',
      callSign: 'XV1234',
      shipType: 69,
      dimensions: { toBowMetres: 10, toSternMetres: 20, toPortMetres: 3, toStarboardMetres: 3 },
      destination: 'TUAN CHAU',
      draughtMetres: 1.8,
    });
  });

  it('counts a type 5 whose second part never came as incomplete and keeps nothing of it', async () => {
    const [first = ''] = staticAndVoyage({
      mmsi: BAY_PEARL_STAR,
      name: 'NEVER STORED',
      destination: 'CAT BA',
    });
    expect(await send([first])).toEqual({ ...NONE, incomplete: 1 });
    expect(await statics.getStatic('574001234')).toMatchObject({ name: 'BAY PEARL STAR II' });
  });

  it('keeps a report heard later than an older one that arrives after it', async () => {
    const earlier = secondsAgo(30);
    const [first = '', second = ''] = staticAndVoyage({ mmsi: BAY_PEARL_STAR, name: 'OLD NAME' });
    const tagged = `${tagBlock({ unixSeconds: earlier })}${first}`;
    expect(await send([tagged, second])).toEqual({ ...NONE, staticReports: 1 });
    expect(await statics.getStatic('574001234')).toMatchObject({ name: 'BAY PEARL STAR II' });
  });
});
