/**
 * Reading a shore receiver's AIS sentences: the checksums, the lines that are no sentence, multi-part messages,
 * AIS's "not available" values and the fix's time. Public examples (gpsd's AIVDM documentation and test data)
 * anchor the decoding; sentences for the seeded Bay Pearl Star (MMSI 574001234) were made with the standard's
 * tables (test/support/ais-sentences.ts) and checked against another decoder.
 */
import { describe, expect, it } from 'vitest';
import { fixTimeOf, readAisLines } from '../../../functions/tracking/ais/reports.js';
import { readSentence } from '../../../functions/tracking/ais/sentences.js';
import {
  classAPosition,
  classBPosition,
  staticAndVoyage,
  tagBlock,
  withChecksum,
} from '../../support/ais-sentences.js';

const receivedAt = new Date('2026-07-01T07:30:30.250Z');
const read = (lines: string[]) => readAisLines(lines, receivedAt);
const BAY_PEARL_STAR = 574001234;

/** Public examples, from gpsd's AIVDM documentation and sample data. */
const PUBLIC = {
  classAMoored: '!AIVDM,1,1,,B,177KQJ5000G?tO`K>RA1wUbN0TKH,0*5C',
  classAUnderWay: '!AIVDM,1,1,,B,133i;RPP1DPEbcDMV@1r:Ow:2>`<,0*41',
  classB: '!AIVDM,1,1,,A,B5NJ;PP005l4ot5Isbl03wsUkP06,0*76',
  classBExtended: '!AIVDM,1,1,,B,C5N3SRgPEnJGEBT>NhWAwwo862PaLELTBJ:V00000000S0D:R220,0*0B',
  staticAndVoyage: [
    '!AIVDM,2,1,1,A,55?MbV02;H;s<HtKR20EHE:0@T4@Dn2222222216L961O5Gf0NSQEp6ClRp8,0*1C',
    '!AIVDM,2,2,1,A,88888888880,2*25',
  ],
  staticPartA: '!AIVDM,1,1,,A,H42O55i18tMET00000000000000,2*6D',
  staticPartB: '!AIVDM,1,1,,A,H42O55lti4hhhilD3nink000?050,0*40',
};
/** A base station's report (type 4): the payload of gpsd's example. */
const BASE_STATION = withChecksum('!AIVDM,1,1,,A,403OviQuMGCqWrRO9>E6fE700@GO,0');

/** Bay Pearl Star under way off Tuần Châu: type 1, 7.5 knots, course 118.4°, heading 120°, second 12. */
const BAY_PEARL_STAR_TYPE_1 = '!AIVDM,1,1,,A,18SJ@DP01;7b9:@;uh34`3hH0000,0*1C';

describe('position reports', () => {
  it('reads a class A report (type 1) with every field', () => {
    const { positions } = read([PUBLIC.classAMoored]);
    expect(positions).toEqual([
      {
        mmsi: '477553000',
        report: {
          source: 'ais',
          trackerId: 'mmsi:477553000',
          fixTime: '2026-07-01T07:30:15.000Z',
          latitude: 47.5828333,
          longitude: -122.3458333,
          speedKnots: 0,
          courseDegrees: 51,
          altitudeMetres: null,
          accuracyMetres: null,
          hdop: null,
          batteryPercent: null,
          valid: true,
          mock: false,
          alarm: null,
          attributes: { messageType: 1, positionAccuracy: 'low', headingDegrees: 181, navigationStatus: 5 },
        },
      },
    ]);
  });

  it('reads the seeded boat’s type 1, its MMSI as the tracker id', () => {
    const [position] = read([BAY_PEARL_STAR_TYPE_1]).positions;
    expect(position?.mmsi).toBe('574001234');
    expect(position?.report).toMatchObject({
      trackerId: 'mmsi:574001234',
      fixTime: '2026-07-01T07:30:12.000Z',
      latitude: 20.9101,
      longitude: 107.0734,
      speedKnots: 7.5,
      courseDegrees: 118.4,
      attributes: { headingDegrees: 120, navigationStatus: 0 },
    });
  });

  it('reads types 2 and 3 as class A reports too', () => {
    const fields = { mmsi: BAY_PEARL_STAR, latitude: 20.9, longitude: 107.05, speedKnots: 3, utcSecond: 20 };
    const { positions } = read([classAPosition(fields, 2), classAPosition({ ...fields, utcSecond: 21 }, 3)]);
    expect(positions.map((position) => position.report?.attributes.messageType)).toEqual([2, 3]);
    expect(positions.map((position) => position.report?.latitude)).toEqual([20.9, 20.9]);
  });

  it('reads class B reports: type 18, and type 19 with its name left aside', () => {
    const { positions } = read([PUBLIC.classB, PUBLIC.classBExtended]);
    expect(positions.map(({ mmsi, report }) => ({ mmsi, ...report }))).toMatchObject([
      {
        mmsi: '367430530',
        fixTime: '2026-07-01T07:29:55.000Z',
        latitude: 37.785035,
        longitude: -122.26732,
        speedKnots: 0,
        courseDegrees: 0,
        attributes: { messageType: 18 },
      },
      {
        mmsi: '367059850',
        fixTime: '2026-07-01T07:29:46.000Z',
        latitude: 29.543695,
        longitude: -88.8103917,
        speedKnots: 8.7,
        courseDegrees: 335.9,
        attributes: { messageType: 19 },
      },
    ]);
    expect(positions[0]?.report?.attributes).not.toHaveProperty('navigationStatus');
  });

  it('reads "not available" speed (102.3), course (360) and heading (511) as unknown', () => {
    const unknown = classBPosition({ mmsi: BAY_PEARL_STAR, latitude: 20.9, longitude: 107 });
    const [position] = read([unknown]).positions;
    expect(position?.report).toMatchObject({ speedKnots: null, courseDegrees: null });
    expect(position?.report?.attributes).not.toHaveProperty('headingDegrees');
    const [underWay] = read([PUBLIC.classAUnderWay]).positions;
    expect(underWay?.report).toMatchObject({ speedKnots: 8.4, courseDegrees: 260.1 });
    expect(underWay?.report?.attributes).toEqual({
      messageType: 1,
      positionAccuracy: 'high',
      navigationStatus: 0,
    });
  });

  it('has no position for latitude 91° and longitude 181° (not available)', () => {
    const reading = read([
      classAPosition({ mmsi: BAY_PEARL_STAR, latitude: 91, longitude: 181, utcSecond: 5 }),
    ]);
    expect(reading.positions).toEqual([{ mmsi: '574001234', report: null }]);
    expect(reading.malformed).toBe(0);
  });

  it('counts a position beyond the poles, not marked unavailable, as malformed', () => {
    const reading = read([classAPosition({ mmsi: BAY_PEARL_STAR, latitude: 95, longitude: 107 })]);
    expect(reading.positions).toEqual([]);
    expect(reading.malformed).toBe(1);
  });

  it('raises the SOS alarm for navigational status 14 (AIS-SART active)', () => {
    const distress = classAPosition({
      mmsi: BAY_PEARL_STAR,
      latitude: 20.9,
      longitude: 107,
      navigationStatus: 14,
    });
    expect(read([distress]).positions[0]?.report?.alarm).toBe('sos');
  });

  it('counts a message of another type (a base station’s report) and uses nothing of it', () => {
    expect(read([BASE_STATION])).toMatchObject({ positions: [], statics: [], otherTypes: 1, malformed: 0 });
  });
});

describe('static data', () => {
  it('joins a type 5 from its two sentences: every static and voyage field', () => {
    const reading = read(PUBLIC.staticAndVoyage);
    expect(reading.incomplete).toBe(0);
    expect(reading.statics).toEqual([
      {
        mmsi: '351759000',
        reportedAt: '2026-07-01T07:30:30.000Z',
        fields: {
          imo: 9134270,
          callSign: '3FOF8',
          name: 'EVER DIADEM',
          shipType: 70,
          dimensions: { toBowMetres: 225, toSternMetres: 70, toPortMetres: 1, toStarboardMetres: 31 },
          eta: { month: 5, day: 15, hour: 14, minute: 0 },
          draughtMetres: 12.2,
          destination: 'NEW YORK',
        },
      },
    ]);
  });

  it('reads type 24 part A (the name) and part B (type, call sign, size) as separate messages', () => {
    expect(read([PUBLIC.staticPartA, PUBLIC.staticPartB]).statics.map((report) => report.fields)).toEqual([
      { name: 'PROGUY' },
      {
        shipType: 60,
        callSign: 'TC6163',
        dimensions: { toBowMetres: 0, toSternMetres: 15, toPortMetres: 0, toStarboardMetres: 5 },
      },
    ]);
  });

  it('reads unset static fields (IMO 0, no ETA, no size) as unknown', () => {
    const [report] = read(staticAndVoyage({ mmsi: BAY_PEARL_STAR, name: 'BAY PEARL STAR' })).statics;
    expect(report?.fields).toMatchObject({
      imo: null,
      callSign: null,
      name: 'BAY PEARL STAR',
      shipType: null,
      dimensions: null,
      eta: null,
      draughtMetres: null,
      destination: null,
    });
  });
});

describe('multi-part messages', () => {
  const [first = '', second = ''] = staticAndVoyage({ mmsi: BAY_PEARL_STAR, name: 'BAY PEARL STAR' });
  const [otherFirst = '', otherSecond = ''] = staticAndVoyage(
    { mmsi: 574009999, name: 'OTHER' },
    { channel: 'B', sequentialId: 1 },
  );

  it('joins the parts of two messages interleaved on two channels', () => {
    const reading = read([first, otherFirst, second, otherSecond]);
    expect(reading.statics.map((report) => report.fields.name)).toEqual(['BAY PEARL STAR', 'OTHER']);
    expect(reading.incomplete).toBe(0);
  });

  it('counts a message whose last part never came as incomplete, and keeps nothing of it', () => {
    expect(read([first, BAY_PEARL_STAR_TYPE_1])).toMatchObject({ statics: [], incomplete: 1 });
  });

  it('counts a last part without its first as incomplete', () => {
    expect(read([second])).toMatchObject({ statics: [], incomplete: 1 });
  });

  it('counts a first part followed by a new first part of the same id as incomplete, joining the second', () => {
    const reading = read([first, first, second]);
    expect(reading).toMatchObject({ incomplete: 1 });
    expect(reading.statics).toHaveLength(1);
  });

  it('counts a message with a part that fails its checksum as incomplete too', () => {
    const damaged = second.replace(',00000000000,', ',00000000001,');
    expect(read([first, damaged])).toMatchObject({ statics: [], incomplete: 1, badChecksum: 1 });
  });
});

describe('checksums and garbage', () => {
  it('counts a sentence whose checksum is wrong and reads nothing of it', () => {
    const damaged = BAY_PEARL_STAR_TYPE_1.replace('18SJ', '18SK');
    expect(read([damaged])).toMatchObject({ positions: [], badChecksum: 1, malformed: 0 });
  });

  it('accepts a checksum in lower case, and a CR at the end of the line', () => {
    const lower = `${PUBLIC.classB.slice(0, -2)}${PUBLIC.classB.slice(-2).toLowerCase()}\r`;
    expect(read([lower]).positions).toHaveLength(1);
  });

  it.each([
    ['a line of text', 'hello, receiver'],
    ['a GPS sentence', '$GPRMC,123519,A,4807.038,N,01131.000,E,022.4,084.4,230394,003.1,W*6A'],
    ['a sentence with no checksum', '!AIVDM,1,1,,A,18SJ@DP01;7b9:@;uh34`3hH0000,0'],
    ['an empty payload', withChecksum('!AIVDM,1,1,,A,,0')],
    ['a character outside the armouring', withChecksum('!AIVDM,1,1,,A,18SJ@DP01;7b9:@;uh34|3hH0000,0')],
    ['part 3 of 2', withChecksum('!AIVDM,2,3,1,A,18SJ@DP01,0')],
    ['a payload too short for its type', withChecksum('!AIVDM,1,1,,A,18SJ@DP01,0')],
  ])('counts %s as malformed', (_name, line) => {
    expect(read([line])).toMatchObject({ positions: [], statics: [], malformed: 1, badChecksum: 0 });
  });

  it('skips blank lines without counting them', () => {
    expect(read(['', '   ', BAY_PEARL_STAR_TYPE_1])).toMatchObject({ malformed: 0, positions: [{}] });
  });

  it('reads !AIVDO (the receiver’s own ship) and other talkers as !AIVDM', () => {
    const own = withChecksum(BAY_PEARL_STAR_TYPE_1.slice(0, -3).replace('!AIVDM', '!AIVDO'));
    const baseStation = withChecksum(BAY_PEARL_STAR_TYPE_1.slice(0, -3).replace('!AIVDM', '!BSVDM'));
    expect(read([own, baseStation]).positions).toHaveLength(2);
  });
});

describe('tag blocks and the fix’s time', () => {
  it('takes the fix’s minute from the tag block’s c: time, and keeps the receiving station', () => {
    const heard = Date.parse('2026-07-01T07:20:14Z') / 1000;
    const line = `${tagBlock({ unixSeconds: heard, station: 'halong-1' })}${BAY_PEARL_STAR_TYPE_1}`;
    const [position] = read([line]).positions;
    expect(position?.report).toMatchObject({
      fixTime: '2026-07-01T07:20:12.000Z',
      attributes: { station: 'halong-1' },
    });
  });

  it('reads a c: time in milliseconds as well', () => {
    const heard = Date.parse('2026-07-01T07:20:14Z');
    const [position] = read([`${tagBlock({ unixSeconds: heard })}${BAY_PEARL_STAR_TYPE_1}`]).positions;
    expect(position?.report?.fixTime).toBe('2026-07-01T07:20:12.000Z');
  });

  it('counts a tag block whose checksum is wrong as a bad checksum', () => {
    const line = `${tagBlock({ unixSeconds: 1782890403 }).replace('c:1', 'c:2')}${BAY_PEARL_STAR_TYPE_1}`;
    expect(read([line])).toMatchObject({ positions: [], badChecksum: 1 });
  });

  it('counts a report heard, by its tag block, more than 5 minutes in the future as malformed', () => {
    const future = Math.floor(receivedAt.getTime() / 1000) + 600;
    expect(read([`${tagBlock({ unixSeconds: future })}${BAY_PEARL_STAR_TYPE_1}`])).toMatchObject({
      positions: [],
      malformed: 1,
    });
  });

  it('takes the minute of receipt, or the one before, for the report’s UTC second', () => {
    const receipt = new Date('2026-07-01T07:30:30.250Z');
    expect(fixTimeOf(receipt, 20).toISOString()).toBe('2026-07-01T07:30:20.000Z');
    expect(fixTimeOf(receipt, 40).toISOString()).toBe('2026-07-01T07:29:40.000Z');
    expect(fixTimeOf(receipt, 33).toISOString()).toBe('2026-07-01T07:30:33.000Z');
    expect(fixTimeOf(new Date('2026-07-01T07:30:58Z'), 1).toISOString()).toBe('2026-07-01T07:31:01.000Z');
  });

  it('takes the receipt time, to the second, when the report has no UTC second', () => {
    expect(fixTimeOf(new Date('2026-07-01T07:30:30.750Z'), null).toISOString()).toBe(
      '2026-07-01T07:30:30.000Z',
    );
  });
});

describe('a sentence', () => {
  it('splits the fields of a multi-part sentence', () => {
    expect(readSentence(PUBLIC.staticAndVoyage[1] ?? '')).toEqual({
      kind: 'fragment',
      fragment: {
        fragmentCount: 2,
        fragmentNumber: 2,
        sequentialId: '1',
        channel: 'A',
        payload: '88888888880',
        fillBits: 2,
        receivedAtMs: null,
        station: null,
      },
    });
  });
});
