import { describe, expect, it } from 'vitest';
import fleetSeed from '../../../../assets/seed/demo-fleet.json' with { type: 'json' };
import type { Departure } from '../../../../functions/boats/departures/model.js';
import { newDeparture } from '../../../../functions/boats/departures/model.js';
import type { Boat, Operator } from '../../../../functions/boats/fleet/model.js';
import type { BaySituation } from '../../../../functions/boats/reads.js';
import { HALONG_BAY } from '../../../../functions/local/simulator/bay.js';
import { fleetOfSituation, type SimulatedBoat } from '../../../../functions/local/simulator/fleet.js';
import { REJOIN_KNOTS } from '../../../../functions/local/simulator/motion.js';
import { createFleetSimulator } from '../../../../functions/local/simulator/simulator.js';
import { KNOTS_TO_METRES_PER_SECOND } from '../../../../functions/local/simulator/voyage.js';
import { type LonLat, metresBetween } from '../../../../functions/tracking/safety/geometry.js';
import { silentLogger } from '../../../integration/support/platform.js';

const boats = fleetSeed.boats as Boat[];
const operators = fleetSeed.operators as Operator[];
const fares = {
  adult: 1,
  'child-7-to-12': 1,
  'child-under-7': 0,
  'vietnamese-senior-60': 1,
  'severe-disability': 0,
};

function departure(boatId: string, routeId: number, portId: string, localTime: string): Departure {
  const boat = boats.find((candidate) => candidate.id === boatId) as Boat;
  const operator = operators.find((candidate) => candidate.id === boat.operatorId) as Operator;
  return newDeparture({
    boat,
    operator,
    routeId,
    portId,
    localDate: '2026-12-07',
    localTime,
    fares,
    createdAt: '2026-12-01T00:00:00.000Z',
  });
}

function situation(departures: Departure[]): BaySituation {
  return {
    boats,
    operators: new Map(operators.map((operator) => [operator.id, operator])),
    departures,
    routes: new Map(),
    routeHours: new Map([
      [1, 4],
      [2, 6],
    ]),
  };
}

// 09:30 in Hạ Long.
const NOW = new Date('2026-12-07T02:30:00.000Z');

describe('the fleet the simulator sails', () => {
  const day = [
    departure('bay-pearl-01', 1, 'tuan-chau', '08:00'),
    departure('heritage-lotus', 1, 'ha-long-cruise-port', '09:00'),
    { ...departure('sea-swallow-2', 2, 'tuan-chau', '09:00'), status: 'suspended' as const },
    departure('bay-pearl-02', 2, 'tuan-chau', '14:00'),
  ];
  const fleet = fleetOfSituation(situation(day), NOW);
  const boat = (id: string) => fleet.find((candidate) => candidate.boatId === id) as SimulatedBoat;

  it('puts each boat with a departure running now on that trip, from its departure’s port', () => {
    expect(boat('bay-pearl-01').trip).toMatchObject({ routeId: 1, portId: 'tuan-chau', scheduledHours: 4 });
    expect(boat('heritage-lotus').trip).toMatchObject({ routeId: 1, portId: 'ha-long-cruise-port' });
  });

  it('keeps a boat whose trip a weather ban suspended, and a boat not yet out, in their ports', () => {
    expect(boat('sea-swallow-2')).toMatchObject({ trip: null, homePortId: 'tuan-chau' });
    expect(boat('bay-pearl-02')).toMatchObject({ trip: null, homePortId: 'tuan-chau' });
  });

  it('has no port for a boat with no departure in the days read', () => {
    expect(boat('van-don-dart')).toMatchObject({ trip: null, homePortId: null });
  });

  it('keeps a boat with no departure left today in the port of tomorrow’s', () => {
    const tomorrow = { ...departure('hon-gai-explorer', 6, 'hon-gai', '08:30'), localDate: '2026-12-08' };
    const later = fleetOfSituation(situation(day), NOW, [tomorrow]);
    expect(later.find((candidate) => candidate.boatId === 'hon-gai-explorer')).toMatchObject({
      trip: null,
      homePortId: 'hon-gai',
    });
  });
});

/** A simulator over a fixed fleet, its clock moved by hand, its requests answered 200 and kept. */
function simulatorOf(fleet: SimulatedBoat[], start: Date) {
  let now = start.getTime();
  const sent: URLSearchParams[] = [];
  const simulator = createFleetSimulator({
    platformUrl: 'http://127.0.0.1:4321',
    fleet: async () => fleet,
    clock: () => new Date(now),
    fetch: async (request) => {
      sent.push(new URL(request.url).searchParams);
      return new Response('{}', { status: 200 });
    },
    logger: silentLogger,
  });
  return {
    simulator,
    sent,
    advance: (seconds: number) => {
      now += seconds * 1000;
    },
    reportsOf: (trackerId: string) => sent.filter((fields) => fields.get('id') === trackerId),
  };
}

const onTrip: SimulatedBoat = {
  boatId: 'bay-pearl-01',
  name: 'Bay Pearl 01',
  trackerId: 'GT-QN5868',
  certifiedCapacity: 48,
  homePortId: 'tuan-chau',
  trip: {
    departureId: 'dep-20261207-0800-bay-pearl-01',
    routeId: 2,
    portId: 'tuan-chau',
    departsAt: '2026-12-07T01:00:00.000Z',
    scheduledHours: 6,
  },
};
const inPort: SimulatedBoat = { ...onTrip, boatId: 'bay-pearl-02', trackerId: 'GT-QN5912', trip: null };
const pointOf = (fields: URLSearchParams): LonLat => [Number(fields.get('lon')), Number(fields.get('lat'))];

/** Where a fresh simulator reports the boat on a trip at an instant: its schedule, and a fix's noise. */
async function scheduledAt(instant: Date): Promise<LonLat> {
  const probe = simulatorOf([onTrip], instant);
  await probe.simulator.tick();
  return pointOf(probe.sent[0] as URLSearchParams);
}

describe('the fleet simulator', () => {
  it('reports a boat on a trip every 5 seconds and a boat in port every minute', async () => {
    const { simulator, advance, reportsOf } = simulatorOf([onTrip, inPort], NOW);
    for (let round = 0; round < 24; round++) {
      await simulator.tick();
      advance(5);
    }
    expect(reportsOf('GT-QN5868')).toHaveLength(24);
    expect(reportsOf('GT-QN5912')).toHaveLength(2);
    const port = HALONG_BAY.ports.get('tuan-chau') as LonLat;
    for (const fields of reportsOf('GT-QN5912')) {
      expect(fields.get('speed')).toBe('0');
      expect(metresBetween(pointOf(fields), port)).toBeLessThan(20);
    }
    const speeds = reportsOf('GT-QN5868').map((fields) => Number(fields.get('speed')));
    expect(Math.min(...speeds)).toBeGreaterThan(0);
  });

  it('puts a boat where its schedule says after a restart, as if it had run all along', async () => {
    const running = simulatorOf([onTrip], NOW);
    for (let round = 0; round <= 120; round++) {
      await running.simulator.tick();
      if (round < 120) running.advance(5);
    }
    const restarted = simulatorOf([onTrip], new Date(NOW.getTime() + 600_000));
    await restarted.simulator.tick();
    const before = pointOf(running.sent.at(-1) as URLSearchParams);
    const after = pointOf(restarted.sent[0] as URLSearchParams);
    expect(metresBetween(pointOf(running.sent[0] as URLSearchParams), before)).toBeGreaterThan(200);
    expect(metresBetween(before, after)).toBeLessThan(30);
  });

  it('sends nothing for a silenced boat until its silence ends', async () => {
    const { simulator, advance, reportsOf } = simulatorOf([onTrip], NOW);
    expect(await simulator.silence('bay-pearl-01', 60)).toMatchObject({ trackerId: 'GT-QN5868' });
    expect(await simulator.silence('no-such-boat', 60)).toBeNull();
    for (let round = 0; round < 12; round++) {
      await simulator.tick();
      advance(5);
    }
    expect(reportsOf('GT-QN5868')).toHaveLength(0);
    await simulator.tick();
    expect(reportsOf('GT-QN5868')).toHaveLength(1);
  });

  it('holds a boat during a scenario, then steers it back to its schedule at a boat’s speed', async () => {
    const { simulator, advance, reportsOf } = simulatorOf([onTrip], NOW);
    await simulator.hold('bay-pearl-01', 120);
    await simulator.tick();
    expect(reportsOf('GT-QN5868')).toHaveLength(0);
    // Where a leave-area scenario left it: a couple of kilometres off its scheduled point.
    const scheduled = await scheduledAt(NOW);
    const away: LonLat = [scheduled[0] + 0.02, scheduled[1] - 0.01];
    await simulator.resume('bay-pearl-01', away);
    let previous = away;
    for (let round = 0; round < 120; round++) {
      advance(5);
      await simulator.tick();
      const point = pointOf(reportsOf('GT-QN5868').at(-1) as URLSearchParams);
      // At most 15 knots for 5 seconds, and a few metres of GPS noise.
      expect(metresBetween(previous, point)).toBeLessThan(REJOIN_KNOTS * KNOTS_TO_METRES_PER_SECOND * 5 + 20);
      previous = point;
    }
    expect(metresBetween(previous, await scheduledAt(new Date(NOW.getTime() + 600_000)))).toBeLessThan(30);
  });
});
