/**
 * `npm run simulate -- --scenario …`: plays a scenario on a boat of a running platform. The boat is one on a trip
 * now (the rules other than SOS apply to a boat on a trip, out of port), found through the platform's API; the
 * scenario's reports go to the platform's intake as real OsmAnd requests. A running simulator holds its own
 * reports for that boat meanwhile and then steers it back to its schedule; signal-lost needs one, since it is the
 * simulator falling silent.
 */
import type { LonLat } from '../../tracking/safety/geometry.js';
import { routeLineFor, type SimulatorBay } from './bay.js';
import { controlClient, type SimulatorState } from './control.js';
import type { SimulatedBoat } from './fleet.js';
import { createVoyagePlanner, scheduledPoint } from './motion.js';
import { OSMAND_PATH, osmAndRequest, type TrackerReport } from './osmand-client.js';
import type { MapBoat, PlatformApi } from './platform-api.js';
import { SCENARIO_SETTINGS, type ScenarioName, type ScenarioTarget, scenarioReports } from './scenarios.js';

/** A scenario that cannot be played as asked: the message says why and what to do. */
export class ScenarioError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioError';
  }
}

/** A position this recent is where the boat is; an older one is not, and its schedule says instead. */
const FRESH_POSITION_MS = 2 * 60_000;
const OUT_OF_PORT_STATES = new Set(['under-way', 'at-stop', 'stopped']);
const REQUEST_TIMEOUT_MS = 10_000;

type ApiBoat = MapBoat & { trackerId: string | null };

/**
 * The boat to play on: the one named, if it can take the scenario; else the first boat on a trip, preferring one
 * out of port (the rules skip a boat in port). SOS, which any boat can send, falls back to any boat with a tracker.
 */
export function chooseBoat(
  boats: readonly ApiBoat[],
  scenario: ScenarioName,
  now: Date,
  boatId?: string,
): ApiBoat & { trackerId: string } {
  const tracked = boats.filter((boat): boat is ApiBoat & { trackerId: string } => boat.trackerId !== null);
  const underWay = (boat: ApiBoat) => boat.trip !== null && Date.parse(boat.trip.departsAt) <= now.getTime();
  if (boatId) {
    const boat = tracked.find((candidate) => candidate.boatId === boatId);
    if (!boat) {
      throw new ScenarioError(
        `No boat ${boatId} with a tracker. Boats: ${tracked.map((candidate) => candidate.boatId).join(', ')}.`,
      );
    }
    if (scenario !== 'sos' && !underWay(boat)) {
      throw new ScenarioError(
        `${boat.name} (${boat.boatId}) is not on a trip that has left: the safety rules other than SOS apply only to a boat on a trip.`,
      );
    }
    return boat;
  }
  const onTrip = tracked.filter(underWay);
  const chosen =
    onTrip.find((boat) => OUT_OF_PORT_STATES.has(boat.state)) ??
    onTrip[0] ??
    (scenario === 'sos' ? tracked[0] : undefined);
  if (!chosen) {
    throw new ScenarioError(
      `No boat is on a trip now (${now.toISOString()}), and the ${scenario} rule applies only to a boat on a trip. ` +
        'Run it while one of the day’s departures is out, or schedule one on the operator’s page.',
    );
  }
  return chosen;
}

/** Where the chosen boat is: its latest position if recent, else where its schedule puts it. */
async function targetOf(
  boat: ApiBoat & { trackerId: string },
  api: PlatformApi,
  bay: SimulatorBay,
  now: Date,
): Promise<ScenarioTarget> {
  const portId = boat.trip ? await api.departurePort(boat.trip.departureId) : null;
  const line = boat.trip ? (routeLineFor(bay, boat.trip.routeId, portId)?.line ?? null) : null;
  const position = boat.position;
  let at: LonLat | null = null;
  let speedKnots = 0;
  let courseDegrees = 0;
  if (position && now.getTime() - Date.parse(position.fixTime) <= FRESH_POSITION_MS) {
    at = [position.longitude, position.latitude];
    speedKnots = position.speedKnots ?? 0;
    courseDegrees = position.courseDegrees ?? 0;
  } else if (boat.trip) {
    const simulated: SimulatedBoat = {
      boatId: boat.boatId,
      name: boat.name,
      trackerId: boat.trackerId,
      certifiedCapacity: boat.certifiedCapacity,
      homePortId: portId,
      trip: {
        departureId: boat.trip.departureId,
        routeId: boat.trip.routeId,
        portId,
        departsAt: boat.trip.departsAt,
        scheduledHours:
          (Date.parse(boat.trip.expectedReturnAt) - Date.parse(boat.trip.departsAt)) / 3_600_000,
      },
    };
    const point = scheduledPoint(simulated, createVoyagePlanner(bay)(simulated), bay, now);
    if (point) ({ at, speedKnots, courseDegrees } = point);
  } else if (position) {
    at = [position.longitude, position.latitude];
  }
  if (!at) {
    throw new ScenarioError(`${boat.name} has never reported and has no trip: there is nowhere to play it.`);
  }
  return {
    boatId: boat.boatId,
    name: boat.name,
    trackerId: boat.trackerId,
    certifiedCapacity: boat.certifiedCapacity,
    at,
    speedKnots,
    courseDegrees,
    batteryPercent: position?.batteryPercent ?? 80,
    routeLine: line,
  };
}

async function sendReport(platformUrl: string, report: TrackerReport): Promise<void> {
  const intake = new URL(OSMAND_PATH, platformUrl).href;
  let response: Response;
  try {
    response = await fetch(osmAndRequest(intake, report, REQUEST_TIMEOUT_MS));
  } catch (error) {
    throw new ScenarioError(`The platform's intake at ${intake} does not answer: ${String(error)}`);
  }
  const text = await response.text();
  if (!response.ok) {
    throw new ScenarioError(
      `The intake answered ${response.status} to a scenario report: ${text.slice(0, 300)}`,
    );
  }
}

const sleep = (milliseconds: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, milliseconds)));

export interface InjectOptions {
  scenario: ScenarioName;
  boatId?: string;
  platformUrl: string;
  /** How long the boat stays silent (signal-lost). */
  silentMinutes?: number;
  api: PlatformApi;
  bay: SimulatorBay;
  /** The simulator running against this platform, when one does. */
  simulator: SimulatorState | null;
  say: (line: string) => void;
}

export async function injectScenario({
  scenario,
  boatId,
  platformUrl,
  silentMinutes = SCENARIO_SETTINGS.signalLostMinutes,
  api,
  bay,
  simulator,
  say,
}: InjectOptions): Promise<void> {
  if (scenario === 'signal-lost' && !simulator) {
    throw new ScenarioError(
      `No simulator is running for ${platformUrl}: signal-lost silences a boat the simulator sails. Start the ` +
        'platform with `npm start` (without --no-simulator), or run `npm run simulate` beside it, then try again.',
    );
  }
  const now = new Date();
  const boat = chooseBoat(await api.boats(), scenario, now, boatId);
  const control = simulator ? controlClient(simulator) : null;
  const label = `${boat.name} (${boat.boatId}, tracker ${boat.trackerId})`;

  if (scenario === 'signal-lost') {
    await control?.silence(boat.boatId, silentMinutes * 60);
    const limit = (await api.signalLostAfterSeconds()) ?? 40;
    say(
      `${label} falls silent for ${silentMinutes} min. The signal-lost alert comes once it has been silent ` +
        `${limit} s (the check runs every 15 s); its reports resume afterwards.`,
    );
    return;
  }

  const target = await targetOf(boat, api, bay, now);
  const planned = scenarioReports(scenario, target, bay, now);
  const plannedLast = planned[planned.length - 1];
  if (!plannedLast) throw new ScenarioError(`${label} is nowhere the ${scenario} scenario can start from.`);
  const seconds = (plannedLast.at.getTime() - now.getTime()) / 1000;
  // The simulator's own reports for the boat would interleave with the scenario's: it holds them until the end.
  await control?.hold(boat.boatId, seconds + 30);
  // Then the scenario starts on the next whole second, after any report the simulator sent before holding: a
  // position in the same second as the boat's latest is the same fix to the platform, a duplicate it does not judge.
  const reports = scenarioReports(
    scenario,
    target,
    bay,
    new Date((Math.floor(Date.now() / 1000) + 1) * 1000),
  );
  const last = reports[reports.length - 1] as TrackerReport;
  say(
    `${scenario} on ${label}: ${reports.length} report${reports.length === 1 ? '' : 's'}` +
      (seconds > 0 ? ` over ${Math.round(seconds)} s` : '') +
      ` to ${platformUrl}${OSMAND_PATH}.`,
  );
  try {
    for (const report of reports) {
      await sleep(report.at.getTime() - Date.now());
      await sendReport(platformUrl, report);
    }
  } finally {
    await control?.resume(boat.boatId, { longitude: last.longitude, latitude: last.latitude });
  }
  if (control) say('The simulator steers the boat back to its schedule.');
  const alert = await alertRaised(api, boat.boatId, ALERT_KIND[scenario]);
  say(
    alert
      ? `The authority's console shows it: ${alert.reason.en}`
      : `No unresolved ${ALERT_KIND[scenario]} alert for ${boat.name} appeared within ${ALERT_WAIT_MS / 1000} s: ` +
          'the rules skip a boat in port, and after an alert is resolved the same rule stays quiet 15 minutes.',
  );
}

/** The alert each scenario should raise. */
const ALERT_KIND: Record<Exclude<ScenarioName, 'signal-lost'>, string> = {
  sos: 'sos',
  overspeed: 'overspeed',
  'leave-area': 'out-of-area',
  overcapacity: 'overcapacity',
};
const ALERT_WAIT_MS = 10_000;

/** The boat's unresolved alert of that kind, looked for until it appears or the wait is over. */
async function alertRaised(api: PlatformApi, boatId: string, kind: string) {
  const until = Date.now() + ALERT_WAIT_MS;
  for (;;) {
    const found = (await api.openAlerts()).find((alert) => alert.boatId === boatId && alert.kind === kind);
    if (found || Date.now() >= until) return found ?? null;
    await sleep(1_000);
  }
}
