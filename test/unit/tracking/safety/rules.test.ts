/** Each safety rule on the seeded rules (drawn from the bay's map features), one finding at a time. */
import { describe, expect, it } from 'vitest';
import features from '../../../../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import { rulesFromFeatures, unsavedRules } from '../../../../functions/tracking/safety/default-rules.js';
import {
  isInsidePolygon,
  metresBetween,
  metresFromLine,
} from '../../../../functions/tracking/safety/geometry.js';
import type { SafetyRules } from '../../../../functions/tracking/safety/model.js';
import {
  boatStateOf,
  findingsOf,
  type RuleInput,
  type ScheduledTrip,
  speedLimitAt,
} from '../../../../functions/tracking/safety/rules.js';

const rules: SafetyRules = unsavedRules(rulesFromFeatures(features), new Date('2026-07-19T00:00:00Z'));

/** Open water on route 1 between Tuần Châu and the Thiên Cung cave: no port, stop or slow zone within 1 km. */
const ON_ROUTE_1 = { longitude: 107.02379, latitude: 20.9136 };
const TUAN_CHAU_PORT = { longitude: 106.993, latitude: 20.92 };
const THIEN_CUNG_STOP = { longitude: 107.008, latitude: 20.913 };
/** West of the tourist zone, on the mainland side. */
const OUTSIDE_ZONE = { longitude: 106.9, latitude: 20.8 };
/** Inside the zone near Cửa Vạn, far from route 1's line. */
const FAR_FROM_ROUTE_1 = { longitude: 107.2, latitude: 20.95 };

const trip = (overrides: Partial<ScheduledTrip> = {}): ScheduledTrip => ({
  departureId: 'dep-1',
  routeId: 1,
  departsAt: '2026-07-19T06:00:00.000Z',
  status: 'open',
  cleared: true,
  aboard: 40,
  banned: false,
  ...overrides,
});

const input = (
  overrides: Partial<RuleInput> & { at?: { longitude: number; latitude: number } } = {},
): RuleInput => {
  const { at = ON_ROUTE_1, ...rest } = overrides;
  return {
    position: { ...at, speedKnots: 9, alarm: null, fixTime: '2026-07-19T07:00:00.000Z', attributes: {} },
    stillSince: null,
    certifiedCapacity: 48,
    trip: trip(),
    rules,
    ...rest,
  };
};

const kinds = (rule: RuleInput) => findingsOf(rule).map((finding) => finding.kind);

describe('the seeded rules', () => {
  it('come from the map features: a permitted zone, corridors of every route, ports, stops and slow zones', () => {
    expect(rules.version).toBe(0);
    expect(rules.permittedZone.polygon[0]?.length).toBeGreaterThan(3);
    expect(new Set(rules.corridors.map((corridor) => corridor.routeId))).toEqual(
      new Set([1, 2, 3, 4, 5, 6, 7, 8]),
    );
    expect(rules.ports.map((port) => port.id).sort()).toEqual([
      'cai-rong',
      'ha-long-cruise-port',
      'hon-gai',
      'tuan-chau',
    ]);
    expect(rules.speedZones.every((zone) => zone.limitKnots < rules.defaultSpeedLimitKnots)).toBe(true);
    expect(rules.dutyContacts).toEqual([]);
  });
});

describe('findingsOf', () => {
  it('finds nothing for a cleared boat under way on its route within the limit', () => {
    expect(findingsOf(input())).toEqual([]);
  });

  it('raises SOS from the tracker’s alarm, on a trip or not, even in port', () => {
    const sos = input({ at: TUAN_CHAU_PORT, trip: null });
    sos.position.alarm = 'sos';
    expect(kinds(sos)).toEqual(['sos']);
  });

  it('checks nothing else while the boat is in port: boarding and mooring are not breaking rules', () => {
    expect(kinds(input({ at: TUAN_CHAU_PORT, trip: trip({ cleared: false, aboard: 60 }) }))).toEqual([]);
  });

  it('raises departed-without-clearance for a boat out of port on a trip not cleared', () => {
    const [finding] = findingsOf(input({ trip: trip({ cleared: false }) }));
    expect(finding?.kind).toBe('departed-without-clearance');
    expect(finding?.reason.en).toMatch(/before its trip was cleared/);
  });

  it('raises departed-without-clearance, naming the ban, for a boat out on a trip a weather ban suspended', () => {
    const [finding] = findingsOf(input({ trip: trip({ status: 'suspended', banned: true, cleared: true }) }));
    expect(finding?.kind).toBe('departed-without-clearance');
    expect(finding?.reason.en).toMatch(/weather ban/);
  });

  it('raises overcapacity from the check-in count or an on-board counter’s `passengers`, over the certificate', () => {
    expect(kinds(input({ trip: trip({ aboard: 49 }) }))).toEqual(['overcapacity']);
    const counted = input();
    counted.position.attributes = { passengers: 49 };
    const [finding] = findingsOf(counted);
    expect(finding?.kind).toBe('overcapacity');
    expect(finding?.reason.en).toBe('49 people aboard, over the certified capacity of 48.');
    expect(kinds(input({ trip: trip({ aboard: 48 }) }))).toEqual([]);
  });

  it('raises out-of-area outside the permitted zone', () => {
    expect(kinds(input({ at: OUTSIDE_ZONE }))).toContain('out-of-area');
  });

  it('raises off-route beyond the corridor of the trip’s route, with the distance', () => {
    const findings = findingsOf(input({ at: FAR_FROM_ROUTE_1 }));
    expect(findings.map((finding) => finding.kind)).toEqual(['off-route']);
    expect(findings[0]?.reason.en).toMatch(/^\d+ m off route 1 \(corridor 800 m\)\.$/);
  });

  it('raises overspeed over the bay’s limit, and over a slow zone’s lower one near a cave', () => {
    const fast = input();
    fast.position.speedKnots = 25;
    expect(kinds(fast)).toEqual(['overspeed']);
    const nearCave = input({ at: THIEN_CUNG_STOP });
    nearCave.position.speedKnots = 9;
    const { limitKnots, zone } = speedLimitAt([THIEN_CUNG_STOP.longitude, THIEN_CUNG_STOP.latitude], rules);
    expect(limitKnots).toBeLessThan(9);
    expect(zone).not.toBeNull();
    expect(kinds(nearCave)).toEqual(['overspeed']);
  });

  it('raises stopped after the allowed minutes away from stops, and after a stop’s own maximum at a stop', () => {
    const stillFor = (minutes: number, at = ON_ROUTE_1) => {
      const rule = input({
        at,
        stillSince: new Date(Date.parse('2026-07-19T07:00:00.000Z') - minutes * 60_000).toISOString(),
      });
      rule.position.speedKnots = 0.3;
      return kinds(rule);
    };
    expect(stillFor(rules.stoppedAfterMinutes - 1)).toEqual([]);
    expect(stillFor(rules.stoppedAfterMinutes + 1)).toEqual(['stopped']);
    const atStop = rules.stops.find((stop) => stop.routeId === 1);
    expect(atStop).toBeDefined();
    expect(stillFor(rules.stoppedAfterMinutes + 1, THIEN_CUNG_STOP)).toEqual([]);
    expect(stillFor((atStop?.maxStopMinutes ?? 0) + 1, THIEN_CUNG_STOP)).toEqual(['stopped']);
  });

  it('checks only SOS for a boat on no trip', () => {
    expect(kinds(input({ at: OUTSIDE_ZONE, trip: null }))).toEqual([]);
  });
});

describe('boatStateOf', () => {
  const now = new Date('2026-07-19T07:00:30.000Z');
  const at = (
    where: { longitude: number; latitude: number },
    speedKnots: number,
    fixTime = '2026-07-19T07:00:00.000Z',
  ) => ({
    ...where,
    speedKnots,
    fixTime,
  });

  it('tells under way, in port, at a stop and stopped apart', () => {
    expect(boatStateOf(at(ON_ROUTE_1, 9), { routeId: 1 }, rules, now)).toBe('under-way');
    expect(boatStateOf(at(TUAN_CHAU_PORT, 0), { routeId: 1 }, rules, now)).toBe('in-port');
    expect(boatStateOf(at(THIEN_CUNG_STOP, 0.5), { routeId: 1 }, rules, now)).toBe('at-stop');
    expect(boatStateOf(at(ON_ROUTE_1, 0.5), { routeId: 1 }, rules, now)).toBe('stopped');
  });

  it('calls a boat on a trip not heard for longer than the signal limit silent, one on no trip off duty', () => {
    const old = at(ON_ROUTE_1, 9, '2026-07-19T06:55:00.000Z');
    expect(boatStateOf(old, { routeId: 1 }, rules, now)).toBe('silent');
    expect(boatStateOf(old, null, rules, now)).toBe('off-duty');
    expect(boatStateOf(null, { routeId: 1 }, rules, now)).toBe('silent');
  });
});

describe('geometry', () => {
  it('measures metres close to the great circle over the bay', () => {
    // Tuần Châu to Bãi Cháy's cruise port: about 6.5 km.
    const metres = metresBetween([106.993, 20.92], [107.048, 20.952]);
    expect(metres).toBeGreaterThan(6_300);
    expect(metres).toBeLessThan(6_800);
  });

  it('measures the distance to a line, its ends included', () => {
    const line = [
      [107, 20.9],
      [107.01, 20.9],
    ] as const;
    expect(metresFromLine([107.005, 20.9], line)).toBeCloseTo(0, 5);
    expect(metresFromLine([107.005, 20.901], line)).toBeCloseTo(111.32, 0);
    expect(metresFromLine([106.99, 20.9], line)).toBeGreaterThan(1_000);
  });

  it('takes a hole of a polygon as outside', () => {
    const square = (half: number) =>
      [
        [-half, -half],
        [half, -half],
        [half, half],
        [-half, half],
        [-half, -half],
      ] as [number, number][];
    expect(isInsidePolygon([0.5, 0.5], [square(1)])).toBe(true);
    expect(isInsidePolygon([0.1, 0.1], [square(1), square(0.2)])).toBe(false);
    expect(isInsidePolygon([2, 0], [square(1)])).toBe(false);
  });
});
