/**
 * The fleet simulator against the real platform over real HTTP on 127.0.0.1: the seeded fleet read from the
 * table, a departure running now sailed along its route, positions stored as the boats' latest; and scenarios
 * injected as `npm run simulate` does, through the platform's API and intake and the simulator's control endpoint.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDeparture } from '../../../functions/boats/departures/model.js';
import { createDeparturesStore } from '../../../functions/boats/departures/store.js';
import { createFleetStore } from '../../../functions/boats/fleet/store.js';
import { baySituationFor, departuresOfDayFor } from '../../../functions/boats/reads.js';
import { HALONG_BAY, routeLineFor } from '../../../functions/local/simulator/bay.js';
import {
  type ControlEndpoint,
  findRunningSimulator,
  type SimulatorState,
  startControlEndpoint,
} from '../../../functions/local/simulator/control.js';
import { fleetFromTable } from '../../../functions/local/simulator/fleet.js';
import { injectScenario, ScenarioError } from '../../../functions/local/simulator/inject.js';
import { OSMAND_PATH, osmAndRequest } from '../../../functions/local/simulator/osmand-client.js';
import { demoManagerCredentials, platformApi } from '../../../functions/local/simulator/platform-api.js';
import { type ScenarioTarget, scenarioReports } from '../../../functions/local/simulator/scenarios.js';
import { createFleetSimulator, type FleetSimulator } from '../../../functions/local/simulator/simulator.js';
import type { Alert, TrackedBoat } from '../../../functions/tracking/index.js';
import { isInsidePolygon, metresFromLine } from '../../../functions/tracking/safety/geometry.js';
import { createTestPlatform, demo, silentLogger, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let server: Server;
let platformUrl = '';
let simulator: FleetSimulator;
let control: ControlEndpoint;
let stateDirectory = '';
let state: SimulatorState;

/** Bay Pearl 01 left Tuần Châu on route 1 six minutes ago: under way, out of port, short of its first stop. */
async function scheduleDepartureRunningNow(): Promise<void> {
  const { db } = platform.dependencies;
  const fleet = createFleetStore(db, platform.tableName);
  const [boat, operator] = await Promise.all([
    fleet.getBoat('bay-pearl-01'),
    fleet.getOperator('demo-bay-cruises'),
  ]);
  if (!boat || !operator) throw new Error('the demo fleet is not seeded');
  const local = new Date(Date.now() - 6 * 60_000 + 7 * 3_600_000).toISOString();
  const departure = newDeparture({
    boat,
    operator,
    routeId: 1,
    portId: 'tuan-chau',
    localDate: local.slice(0, 10),
    localTime: local.slice(11, 16),
    fares: {
      adult: 1,
      'child-7-to-12': 1,
      'child-under-7': 0,
      'vietnamese-senior-60': 1,
      'severe-disability': 0,
    },
    createdAt: new Date().toISOString(),
  });
  expect(await createDeparturesStore(db, platform.tableName).addDepartures([departure])).toEqual({
    added: true,
  });
}

async function managerGet<T>(path: string): Promise<T> {
  const token = await platform.signIn(demo.manager.email, demo.manager.password);
  const response = await fetch(`${platformUrl}${path}`, { headers: { Authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

const boatsOnMap = async () => (await managerGet<{ boats: TrackedBoat[] }>('/api/tracking/boats')).boats;
const openAlerts = async () => (await managerGet<{ alerts: Alert[] }>('/api/tracking/alerts')).alerts;

beforeAll(async () => {
  platform = await createTestPlatform();
  await scheduleDepartureRunningNow();
  server = await new Promise<Server>((resolve) => {
    const started = serve({ fetch: platform.app.fetch, port: 0, hostname: '127.0.0.1' }, () =>
      resolve(started as Server),
    ) as Server;
  });
  platformUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  simulator = createFleetSimulator({
    platformUrl,
    fleet: fleetFromTable(baySituationFor(platform.dependencies), departuresOfDayFor(platform.dependencies)),
    logger: silentLogger,
  });
  stateDirectory = await mkdtemp(join(tmpdir(), 'halong-simulator-'));
  control = await startControlEndpoint(simulator, platformUrl, join(stateDirectory, 'simulator.json'));
  state = (await findRunningSimulator(join(stateDirectory, 'simulator.json'))) as SimulatorState;
});

afterAll(async () => {
  await control?.stop();
  await new Promise((resolve) => server?.close(resolve));
  await rm(stateDirectory, { recursive: true, force: true });
  await platform.dispose();
});

describe('the fleet simulator against the platform', () => {
  it('sails the boat on a trip along its route and keeps the others in port, stored as their latest', async () => {
    const first = await simulator.tick();
    expect(first.buffered).toBe(0);
    expect(first.refused).toBe(0);
    expect(first.reported).toContain('bay-pearl-01');
    // Boats with a departure today lie in their port; the one with an expired certificate has none, and no port.
    expect(first.reported).toContain('heritage-lotus');
    expect(first.reported).not.toContain('bay-pearl-05');

    const boats = await boatsOnMap();
    const underWay = boats.find((boat) => boat.boatId === 'bay-pearl-01');
    expect(underWay?.trip?.routeId).toBe(1);
    expect(underWay?.position?.speedKnots).toBeGreaterThan(0);
    expect(underWay?.state).toBe('under-way');
    const line = routeLineFor(HALONG_BAY, 1, 'tuan-chau')?.line ?? [];
    const position = underWay?.position;
    expect(metresFromLine([position?.longitude ?? 0, position?.latitude ?? 0], line)).toBeLessThan(30);
    expect(boats.find((boat) => boat.boatId === 'heritage-lotus')?.state).toBe('in-port');
  });

  it('reports the boat on a trip again on the next round, a few seconds on', async () => {
    const before = (await boatsOnMap()).find((boat) => boat.boatId === 'bay-pearl-01')?.position?.fixTime;
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    const next = await simulator.tick();
    expect(next.reported).toEqual(['bay-pearl-01']);
    const after = (await boatsOnMap()).find((boat) => boat.boatId === 'bay-pearl-01')?.position?.fixTime;
    expect(Date.parse(after ?? '')).toBeGreaterThan(Date.parse(before ?? ''));
  }, 20_000);
});

describe('scenarios injected as `npm run simulate` does', () => {
  const lines: string[] = [];
  const inject = async (
    scenario: 'sos' | 'overcapacity' | 'signal-lost',
    simulatorState: SimulatorState | null,
  ) =>
    injectScenario({
      scenario,
      platformUrl,
      api: platformApi(platformUrl, await demoManagerCredentials()),
      bay: HALONG_BAY,
      simulator: simulatorState,
      say: (line) => lines.push(line),
    });

  it('sos: picks the boat on a trip, and the authority sees its SOS alert', async () => {
    await inject('sos', state);
    expect(lines[0]).toContain('Bay Pearl 01');
    const sos = (await openAlerts()).find((alert) => alert.kind === 'sos');
    expect(sos?.boatId).toBe('bay-pearl-01');
    expect(lines.at(-1)).toContain('console shows it');
  }, 20_000);

  it('overcapacity: a head count over the certificate raises the alert', async () => {
    await inject('overcapacity', null);
    const alert = (await openAlerts()).find((candidate) => candidate.kind === 'overcapacity');
    expect(alert?.boatId).toBe('bay-pearl-01');
    expect(alert?.reason.en).toContain('49 people aboard');
  }, 20_000);

  it('signal-lost: the running simulator stops reporting the boat; without one, says so', async () => {
    await expect(inject('signal-lost', null)).rejects.toThrow(ScenarioError);
    await expect(inject('signal-lost', null)).rejects.toThrow(/No simulator is running/);
    await inject('signal-lost', state);
    expect(lines.at(-1)).toMatch(/Bay Pearl 01 .* falls silent for 10 min/);
    await new Promise((resolve) => setTimeout(resolve, 5_000));
    expect((await simulator.tick()).reported).not.toContain('bay-pearl-01');
  }, 20_000);
});

describe('the overspeed and leave-area scenarios’ reports through the intake', () => {
  // `npm run simulate` sends a scenario's reports as their times come (a minute of overspeed; minutes to reach the
  // zone's edge). Here the same reports are made to end now and sent at once, over HTTP as the injector sends
  // them, each to a boat of its own that has just left on route 1, so the rules judge exactly those positions.
  const line = routeLineFor(HALONG_BAY, 1, 'tuan-chau')?.line ?? [];
  const targets: Record<'overspeed' | 'leave-area', ScenarioTarget> = {} as never;

  beforeAll(async () => {
    targets.overspeed = await boatLeftSixMinutesAgo('scenario-overspeed', 'QN-92001');
    targets['leave-area'] = await boatLeftSixMinutesAgo('scenario-leave-area', 'QN-92002');
    // The intake keeps its reads of the fleet and the day's trips for up to 10 s: these boats and trips are new.
    await new Promise((resolve) => setTimeout(resolve, 10_500));
  }, 30_000);

  async function boatLeftSixMinutesAgo(id: string, registrationNumber: string): Promise<ScenarioTarget> {
    const { db } = platform.dependencies;
    const fleet = createFleetStore(db, platform.tableName);
    const operator = await fleet.getOperator('demo-bay-cruises');
    if (!operator) throw new Error('the demo fleet is not seeded');
    const boat = {
      id,
      operatorId: operator.id,
      name: `Scenario ${id}`,
      registrationNumber,
      class: 'day-cruise' as const,
      certifiedCapacity: 48,
      safetyCertificateExpiresOn: '2030-12-31',
      trackerId: `GT-${id.toUpperCase()}`,
      mmsi: null,
    };
    expect(await fleet.addBoatIfAbsent(boat)).toBe(true);
    const local = new Date(Date.now() - 6 * 60_000 + 7 * 3_600_000).toISOString();
    const departure = newDeparture({
      boat,
      operator,
      routeId: 1,
      portId: 'tuan-chau',
      localDate: local.slice(0, 10),
      localTime: local.slice(11, 16),
      fares: {
        adult: 1,
        'child-7-to-12': 1,
        'child-under-7': 0,
        'vietnamese-senior-60': 1,
        'severe-disability': 0,
      },
      createdAt: new Date().toISOString(),
    });
    await createDeparturesStore(db, platform.tableName).addDepartures([departure]);
    return {
      boatId: id,
      name: boat.name,
      trackerId: boat.trackerId,
      certifiedCapacity: boat.certifiedCapacity,
      // Open water on route 1, out of port and of the slow zones.
      at: line[5] as [number, number],
      speedKnots: 10,
      courseDegrees: 90,
      batteryPercent: 80,
      routeLine: line,
    };
  }

  /** The scenario's reports, ending a second ago, sent one after the other as Traccar Client's requests. */
  async function sendEndingNow(scenario: 'overspeed' | 'leave-area', target: ScenarioTarget) {
    const planned = scenarioReports(scenario, target, HALONG_BAY, new Date(0));
    const lasts = (planned.at(-1)?.at.getTime() ?? 0) + 1_000;
    // On a whole second, as the injector starts one: the intake stores a fix time to the second.
    const start = Math.floor((Date.now() - lasts) / 1000) * 1000;
    const reports = scenarioReports(scenario, target, HALONG_BAY, new Date(start));
    for (const report of reports) {
      const response = await fetch(osmAndRequest(`${platformUrl}${OSMAND_PATH}`, report, 5_000));
      expect(response.status, await response.text()).toBe(200);
    }
    return reports;
  }

  it('overspeed: a minute at 25 knots along the route raises the overspeed alert', async () => {
    const target = targets.overspeed;
    const reports = await sendEndingNow('overspeed', target);
    expect(reports.length).toBeGreaterThan(10);
    const alert = (await openAlerts()).find(
      (candidate) => candidate.boatId === target.boatId && candidate.kind === 'overspeed',
    );
    expect(alert?.reason.en).toBe('25 kn, limit 20.');
    const position = (await boatsOnMap()).find((boat) => boat.boatId === target.boatId)?.position;
    expect(position?.fixTime).toBe(reports.at(-1)?.at.toISOString());
  }, 20_000);

  it('leave-area: a run to past the permitted zone’s nearest edge raises out-of-area, where the boat left it', async () => {
    const target = targets['leave-area'];
    const reports = await sendEndingNow('leave-area', target);
    const last = reports.at(-1);
    expect(isInsidePolygon([last?.longitude ?? 0, last?.latitude ?? 0], HALONG_BAY.permittedZone)).toBe(
      false,
    );
    const alert = (await openAlerts()).find(
      (candidate) => candidate.boatId === target.boatId && candidate.kind === 'out-of-area',
    );
    expect(alert).toBeDefined();
    const where = alert?.position;
    expect(isInsidePolygon([where?.longitude ?? 0, where?.latitude ?? 0], HALONG_BAY.permittedZone)).toBe(
      false,
    );
    // Its first position outside the zone raised it; the later ones keep the one alert.
    const firstOutside = reports.find(
      (report) => !isInsidePolygon([report.longitude, report.latitude], HALONG_BAY.permittedZone),
    );
    expect(where?.fixTime).toBe(firstOutside?.at.toISOString());
  }, 20_000);
});
