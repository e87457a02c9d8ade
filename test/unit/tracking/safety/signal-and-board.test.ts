/**
 * The signal check (who is silent on a trip, whose signal came back) and the live board (who sees which boat, what
 * a ticket holder is shown), on a situation built from the demo fleet.
 */
import { describe, expect, it } from 'vitest';
import features from '../../../../assets/map/halong-bay-features.geo.json' with { type: 'json' };
import fleet from '../../../../assets/seed/demo-fleet.json' with { type: 'json' };
import { type Departure, newDeparture } from '../../../../functions/boats/departures/model.js';
import { Boat, Operator } from '../../../../functions/boats/fleet/model.js';
import type { BaySituation } from '../../../../functions/boats/reads.js';
import {
  followedTripsOf,
  mayView,
  scheduledDepartureOf,
  trackedBoats,
} from '../../../../functions/tracking/live/board.js';
import type { Alert } from '../../../../functions/tracking/live/model.js';
import type { BoatPosition } from '../../../../functions/tracking/model.js';
import { rulesFromFeatures, unsavedRules } from '../../../../functions/tracking/safety/default-rules.js';
import { signalFindings } from '../../../../functions/tracking/safety/signal-lost.js';

const rules = unsavedRules(rulesFromFeatures(features), new Date());
const boats = fleet.boats.map((boat) => Boat.parse(boat));
const operators = fleet.operators.map((operator) => Operator.parse(operator));
const boat = (id: string) => boats.find((candidate) => candidate.id === id) as Boat;
const operator = (id: string) => operators.find((candidate) => candidate.id === id) as Operator;

const NOW = new Date('2026-07-19T07:00:00.000Z'); // 14:00 in Hạ Long

/** A departure of `boatId` on route 1 leaving `minutesAgo` before NOW. */
function departureOf(boatId: string, minutesAgo: number, overrides: Partial<Departure> = {}): Departure {
  const departs = new Date(NOW.getTime() - minutesAgo * 60_000 + 7 * 3_600_000).toISOString();
  const theBoat = boat(boatId);
  return {
    ...newDeparture({
      boat: theBoat,
      operator: operator(theBoat.operatorId),
      routeId: 1,
      portId: 'tuan-chau',
      localDate: departs.slice(0, 10),
      localTime: departs.slice(11, 16),
      fares: {
        adult: 100_000,
        'child-7-to-12': 70_000,
        'child-under-7': 0,
        'vietnamese-senior-60': 50_000,
        'severe-disability': 0,
      },
      createdAt: NOW.toISOString(),
    }),
    ...overrides,
  };
}

function situation(departures: Departure[]): BaySituation {
  return {
    boats,
    operators: new Map(operators.map((entry) => [entry.id, entry])),
    departures,
    routes: new Map(),
    routeHours: new Map([[1, 4]]),
  };
}

function positionOf(boatId: string, secondsAgo: number): BoatPosition {
  return {
    source: 'osmand',
    trackerId: boat(boatId).trackerId ?? 'x',
    fixTime: new Date(NOW.getTime() - secondsAgo * 1000).toISOString(),
    latitude: 20.9136,
    longitude: 107.02379,
    speedKnots: 9,
    courseDegrees: 90,
    altitudeMetres: null,
    accuracyMetres: 5,
    hdop: null,
    batteryPercent: 80,
    valid: true,
    mock: false,
    alarm: null,
    attributes: { ignition: true },
    boatId,
    receivedAt: NOW.toISOString(),
    departureId: null,
    flags: [],
  };
}

describe('signalFindings', () => {
  it('finds a boat on a trip silent for longer than the limit, with the people aboard and its last position', () => {
    const bay = situation([departureOf('bay-pearl-01', 60, { aboard: 40 })]);
    const limit = rules.signalLostAfterSeconds;
    const { lost } = signalFindings(bay, [positionOf('bay-pearl-01', limit + 1)], [], rules, NOW);
    expect(lost).toHaveLength(1);
    expect(lost[0]?.subject).toMatchObject({ boatId: 'bay-pearl-01', aboard: 40, certifiedCapacity: 48 });
    expect(lost[0]?.position).toMatchObject({ latitude: 20.9136, longitude: 107.02379 });
    expect(lost[0]?.finding.kind).toBe('signal-lost');
  });

  it('leaves alone a boat heard within the limit, a boat on no trip, and a trip that left less than the limit ago', () => {
    // Timetables run in whole minutes: the trip leaving this very minute is within any limit.
    const bay = situation([departureOf('bay-pearl-01', 60), departureOf('bay-pearl-02', 0)]);
    const latest = [
      positionOf('bay-pearl-01', rules.signalLostAfterSeconds - 1),
      positionOf('sea-swallow-1', 3600),
    ];
    expect(signalFindings(bay, latest, [], rules, NOW).lost).toEqual([]);
  });

  it('finds a boat that never reported since its trip left, and leaves a suspended trip’s boat to the ban', () => {
    const bay = situation([
      departureOf('bay-pearl-01', 10),
      departureOf('bay-pearl-02', 10, { status: 'suspended' }),
    ]);
    const { lost } = signalFindings(bay, [], [], rules, NOW);
    expect(lost.map((entry) => entry.subject.boatId)).toEqual(['bay-pearl-01']);
    expect(lost[0]?.finding.reason.en).toMatch(/^No position since the trip left/);
    expect(lost[0]?.position).toBeNull();
  });

  it('notes the signal back on an unresolved signal-lost alert once the boat is heard within the limit', () => {
    const alert = {
      id: 'AL-20260719-aaaaaaaaaa',
      kind: 'signal-lost',
      state: 'acknowledged',
      boatId: 'bay-pearl-01',
      conditionEndedAt: null,
    } as Alert;
    const bay = situation([departureOf('bay-pearl-01', 60)]);
    expect(signalFindings(bay, [positionOf('bay-pearl-01', 5)], [alert], rules, NOW).restored).toEqual([
      alert,
    ]);
    expect(signalFindings(bay, [positionOf('bay-pearl-01', 500)], [alert], rules, NOW).restored).toEqual([]);
  });
});

describe('the live board', () => {
  const bay = situation([departureOf('bay-pearl-01', 60, { aboard: 40 }), departureOf('sea-swallow-1', 30)]);
  const latest = [positionOf('bay-pearl-01', 5), positionOf('sea-swallow-1', 5)];
  const sos = { kind: 'sos', state: 'open', boatId: 'bay-pearl-01' } as Alert;

  it('shows the authority every boat, an operator its company’s only', () => {
    expect(trackedBoats({ kind: 'authority' }, bay, latest, [], rules, NOW)).toHaveLength(boats.length);
    const own = trackedBoats(
      { kind: 'operator', operatorId: 'demo-bay-cruises' },
      bay,
      latest,
      [sos],
      rules,
      NOW,
    );
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((entry) => entry.operatorId === 'demo-bay-cruises')).toBe(true);
    expect(own.find((entry) => entry.boatId === 'bay-pearl-01')).toMatchObject({
      state: 'under-way',
      openAlerts: ['sos'],
      trip: { aboard: 40, clearance: 'not-cleared', routeId: 1 },
    });
  });

  it('shows a ticket holder their boat alone, without its alerts or the tracker’s attributes', () => {
    const departure = bay.departures[0] as Departure;
    const shown = trackedBoats(
      { kind: 'ticket', boatId: 'bay-pearl-01', departureId: departure.id },
      bay,
      latest,
      [sos],
      rules,
      NOW,
    );
    expect(shown.map((entry) => entry.boatId)).toEqual(['bay-pearl-01']);
    expect(shown[0]?.openAlerts).toEqual([]);
    expect(shown[0]?.position).not.toHaveProperty('attributes');
    expect(shown[0]?.position?.latitude).toBe(20.9136);
  });

  it('hides the boat’s position from a ticket holder outside their trip', () => {
    const later = departureOf('bay-pearl-01', -600); // leaves in 10 hours
    const shown = trackedBoats(
      { kind: 'ticket', boatId: 'bay-pearl-01', departureId: later.id },
      situation([later]),
      latest,
      [],
      rules,
      NOW,
    );
    expect(shown[0]?.position).toBeNull();
  });

  it('has a trip’s ticket holders follow its boat from an hour before it leaves to an hour after its return, and not after', () => {
    const trips = (minutesAgo: number) =>
      followedTripsOf(situation([departureOf('bay-pearl-05', minutesAgo)]), 'bay-pearl-05', NOW).length;
    expect(trips(-61)).toBe(0);
    expect(trips(-59)).toBe(1);
    expect(trips(5 * 60 - 1)).toBe(1); // four hours' route, one hour late
    expect(trips(5 * 60 + 1)).toBe(0);
    // One trip's late return meets the next one's hour before: both trips' holders follow the boat.
    const earlier = departureOf('bay-pearl-05', 4 * 60 + 30);
    const next = departureOf('bay-pearl-05', -45);
    expect(followedTripsOf(situation([earlier, next]), 'bay-pearl-05', NOW).map(({ id }) => id)).toEqual([
      earlier.id,
      next.id,
    ]);
    expect(followedTripsOf(situation([earlier, next]), 'bay-pearl-04', NOW)).toEqual([]);
  });

  it('finds the departure a boat is scheduled to run, from boarding to an hour after its route’s hours', () => {
    const soon = departureOf('bay-pearl-02', -20);
    expect(scheduledDepartureOf(situation([soon]), 'bay-pearl-02', NOW)?.id).toBe(soon.id);
    expect(
      scheduledDepartureOf(situation([departureOf('bay-pearl-02', -40)]), 'bay-pearl-02', NOW),
    ).toBeNull();
    expect(
      scheduledDepartureOf(situation([departureOf('bay-pearl-02', 5 * 60 + 1)]), 'bay-pearl-02', NOW),
    ).toBeNull();
    expect(mayView({ kind: 'operator', operatorId: 'x' }, { boatId: 'b', operatorId: 'y' })).toBe(false);
  });
});
