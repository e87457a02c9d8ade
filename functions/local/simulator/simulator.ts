/**
 * The fleet simulator: every few seconds, each boat on a trip reports where its schedule puts it (a boat in port
 * once a minute), as a real OsmAnd request over HTTP to the platform's intake, so the demo runs through the same
 * path as a phone with Traccar Client. A boat can be silenced (the signal-lost scenario), held while a scenario
 * reports for it, and sent back to its schedule from where the scenario left it.
 */
import type { Logger } from '../../platform/logger.js';
import { seededNormal } from '../../platform/seeded-random.js';
import type { LonLat } from '../../tracking/safety/geometry.js';
import { HALONG_BAY, type SimulatorBay } from './bay.js';
import type { FleetSource, SimulatedBoat } from './fleet.js';
import {
  batteryOf,
  createVoyagePlanner,
  type Rejoin,
  rejoinStep,
  scheduledPoint,
  trackerReportOf,
} from './motion.js';
import { createOsmAndSender, OSMAND_PATH, type SendOutcome, type TrackerReport } from './osmand-client.js';

export interface FleetSimulatorOptions {
  /** The platform's address, e.g. http://127.0.0.1:4321: reports go to its /api/tracking/osmand. */
  platformUrl: string;
  fleet: FleetSource;
  bay?: SimulatorBay;
  /** How often a boat on a trip reports (Traccar Client's interval). */
  intervalSeconds?: number;
  /** How often a boat in port without a trip reports. */
  idleIntervalSeconds?: number;
  requestTimeoutMs?: number;
  /** The GPS noise's seed: the same seed, the same noise. */
  seed?: number;
  clock?: () => Date;
  fetch?: (request: Request) => Promise<Response>;
  logger: Logger;
}

export interface TickOutcome extends SendOutcome {
  /** Boats whose report was due this round. */
  reported: string[];
  onTrip: number;
}

/** What the control channel may ask of a running simulator (control.ts). */
export interface SimulatorControls {
  /** Sends nothing for the boat for `seconds`: its tracker lost its signal. */
  silence(boatId: string, seconds: number): Promise<SimulatedBoat | null>;
  /** Sends nothing for the boat for `seconds` while a scenario reports for it. */
  hold(boatId: string, seconds: number): Promise<SimulatedBoat | null>;
  /** Ends a hold; the boat heads back to its schedule from `from`, where the scenario left it. */
  resume(boatId: string, from: LonLat): Promise<SimulatedBoat | null>;
}

export interface FleetSimulator extends SimulatorControls {
  platformUrl: string;
  /** One round: the reports due now, sent. */
  tick(): Promise<TickOutcome>;
  /** Runs rounds every `intervalSeconds` until stopped. */
  start(): void;
  stop(): Promise<void>;
}

interface BoatState {
  lastSentAt: number;
  last: TrackerReport | null;
  silencedUntil: number;
  heldUntil: number;
  rejoin: Rejoin | null;
}

export function createFleetSimulator({
  platformUrl,
  fleet,
  bay = HALONG_BAY,
  intervalSeconds = 5,
  idleIntervalSeconds = 60,
  requestTimeoutMs = 10_000,
  seed = 2026,
  clock = () => new Date(),
  fetch,
  logger,
}: FleetSimulatorOptions): FleetSimulator {
  const sender = createOsmAndSender({
    intakeUrl: new URL(OSMAND_PATH, platformUrl).href,
    timeoutMs: requestTimeoutMs,
    ...(fetch ? { fetch } : {}),
    logger,
  });
  const voyageOf = createVoyagePlanner(bay);
  const normal = seededNormal(seed);
  const states = new Map<string, BoatState>();
  const stateOf = (boatId: string): BoatState => {
    let state = states.get(boatId);
    if (!state) {
      state = {
        lastSentAt: Number.NEGATIVE_INFINITY,
        last: null,
        silencedUntil: 0,
        heldUntil: 0,
        rejoin: null,
      };
      states.set(boatId, state);
    }
    return state;
  };
  let unreachable = false;
  let timer: NodeJS.Timeout | null = null;
  let round: Promise<unknown> | null = null;

  /** The boat's report now, or null when it has none due (silenced, held, not yet its minute, no port). */
  function reportDue(boat: SimulatedBoat, now: Date): TrackerReport | null {
    const state = stateOf(boat.boatId);
    const time = now.getTime();
    if (time < state.silencedUntil || time < state.heldUntil) return null;
    const interval = (boat.trip ? intervalSeconds : idleIntervalSeconds) * 1000;
    // Timers drift by a few milliseconds: a report due within half a second counts as due now.
    if (time - state.lastSentAt < interval - 500) return null;
    const scheduled = scheduledPoint(boat, voyageOf(boat), bay, now);
    if (!scheduled) return null;
    let point = scheduled;
    if (state.rejoin) {
      const step = rejoinStep(state.rejoin, scheduled, bay, now);
      point = step.point;
      state.rejoin = step.rejoin;
    }
    const report = trackerReportOf(boat.trackerId, point, now, normal, batteryOf(boat.boatId, now));
    state.lastSentAt = time;
    state.last = report;
    return report;
  }

  async function findBoat(boatId: string): Promise<SimulatedBoat | null> {
    return (await fleet(clock())).find((boat) => boat.boatId === boatId) ?? null;
  }

  const simulator: FleetSimulator = {
    platformUrl,

    async tick() {
      const now = clock();
      const boats = await fleet(now);
      const due = boats.flatMap((boat) => {
        const report = reportDue(boat, now);
        return report ? [{ boat, report }] : [];
      });
      const outcome = await sender.send(due.map(({ report }) => report));
      if (outcome.buffered > 0 && outcome.delivered === 0 && !unreachable) {
        unreachable = true;
        logger.warn('simulator: the platform is not answering; positions are kept and sent again', {
          platformUrl,
          buffered: sender.buffered(),
        });
      } else if (outcome.delivered > 0 && unreachable) {
        unreachable = false;
        logger.info('simulator: the platform answers again', { platformUrl });
      }
      return {
        ...outcome,
        reported: due.map(({ boat }) => boat.boatId),
        onTrip: boats.filter((boat) => boat.trip).length,
      };
    },

    start() {
      if (timer) return;
      const run = () => {
        // A round still sending (a slow platform) is not overlapped: the next starts on the next beat.
        if (round) return;
        round = simulator
          .tick()
          .catch((error: unknown) => logger.warn('simulator: a round failed', { error: String(error) }))
          .finally(() => {
            round = null;
          });
      };
      // The first round one interval on, by when the server that started it is listening.
      timer = setInterval(run, intervalSeconds * 1000);
      timer.unref();
    },

    async stop() {
      if (timer) clearInterval(timer);
      timer = null;
      await round;
    },

    async silence(boatId, seconds) {
      const boat = await findBoat(boatId);
      if (boat) stateOf(boatId).silencedUntil = clock().getTime() + seconds * 1000;
      return boat;
    },

    async hold(boatId, seconds) {
      const boat = await findBoat(boatId);
      if (boat) stateOf(boatId).heldUntil = clock().getTime() + seconds * 1000;
      return boat;
    },

    async resume(boatId, from) {
      const boat = await findBoat(boatId);
      if (boat) {
        const state = stateOf(boatId);
        state.heldUntil = 0;
        state.rejoin = { from, at: clock() };
        // The scenario's last report was just now: the boat's next is a full interval later.
        state.lastSentAt = clock().getTime();
      }
      return boat;
    },
  };
  return simulator;
}
