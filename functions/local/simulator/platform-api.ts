/**
 * What `npm run simulate` learns of a running platform through its own API, signed in as the local platform's
 * demo manager (assets/seed/demo-accounts.json): the boats as the authority's live map shows them (trip, latest
 * position, certified capacity), their trackers from the fleet's pages, a trip's port. The standalone simulator
 * sails from this, and a scenario picks its boat from it — whether or not a simulator runs inside `npm start`.
 */
import * as z from 'zod';
import { addDays, localDateAt } from '../../platform/local-time.js';
import { metresBetween } from '../../tracking/safety/geometry.js';
import { readDemoAccounts } from '../bootstrap.js';
import type { SimulatorBay } from './bay.js';
import type { FleetSource, SimulatedBoat } from './fleet.js';

const REQUEST_TIMEOUT_MS = 10_000;
/** The live map's read is reused this long: the standalone simulator asks every few seconds. */
const FLEET_KEPT_MS = 30_000;
/** A boat whose last position is this close to a port lies there between trips. */
const IN_PORT_METRES = 1_500;

const Localized = z.object({ vi: z.string(), en: z.string() });

/** The parts of the live map's boat (GET /api/tracking/boats) the simulator reads. */
export const MapBoat = z.object({
  boatId: z.string(),
  name: z.string(),
  operatorId: z.string(),
  certifiedCapacity: z.number().int(),
  state: z.string(),
  position: z
    .object({
      latitude: z.number(),
      longitude: z.number(),
      fixTime: z.iso.datetime(),
      speedKnots: z.number().nullable(),
      courseDegrees: z.number().nullable(),
      batteryPercent: z.number().nullable(),
    })
    .nullable(),
  trip: z
    .object({
      departureId: z.string(),
      routeId: z.number().int(),
      routeName: Localized,
      departsAt: z.iso.datetime(),
      expectedReturnAt: z.iso.datetime(),
    })
    .nullable(),
});
export type MapBoat = z.infer<typeof MapBoat>;

const FleetBoat = z.object({ id: z.string(), trackerId: z.string().nullable() });

export class PlatformApiError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PlatformApiError';
  }
}

/** The local demo manager's e-mail and password, from the seed the local platform creates its accounts from. */
export async function demoManagerCredentials(): Promise<{ email: string; password: string }> {
  const manager = (await readDemoAccounts()).find((account) => account.roles.includes('manager'));
  if (!manager) throw new PlatformApiError('The demo accounts have no manager.');
  return { email: manager.email, password: manager.password };
}

export interface PlatformApi {
  /** The boats as the authority's live map shows them, each with its tracker id (null without one). */
  boats(): Promise<(MapBoat & { trackerId: string | null })[]>;
  /** The port a departure leaves from. */
  departurePort(departureId: string): Promise<string | null>;
  /** The port of each boat's next departure on sale today or tomorrow (the public search). */
  nextDeparturePorts(now: Date): Promise<Map<string, string>>;
  /** After how many seconds of silence a boat on a trip raises signal-lost, by the rules in force. */
  signalLostAfterSeconds(): Promise<number | null>;
  /** The unresolved alerts: their boat, kind and reason. */
  openAlerts(): Promise<{ boatId: string; kind: string; reason: { en: string } }[]>;
}

export function platformApi(
  platformUrl: string,
  credentials: { email: string; password: string },
): PlatformApi {
  let token: Promise<string> | null = null;
  const ports = new Map<string, string | null>();

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    try {
      return await fetch(new URL(path, platformUrl), {
        ...init,
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
    } catch (error) {
      throw new PlatformApiError(
        `The platform does not answer at ${platformUrl} (${String(error)}): is \`npm start\` running?`,
      );
    }
  }

  async function signIn(): Promise<string> {
    const response = await request('/api/auth/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(credentials),
    });
    if (!response.ok) {
      throw new PlatformApiError(
        `Signing in as ${credentials.email} at ${platformUrl} answered ${response.status}: the simulator reads the boats as the local platform's demo manager.`,
      );
    }
    return ((await response.json()) as { idToken: string }).idToken;
  }

  async function read(path: string, signedIn: boolean): Promise<unknown> {
    const headers = (bearer: string | null): HeadersInit =>
      bearer ? { Authorization: `Bearer ${bearer}` } : {};
    if (signedIn && !token)
      token = signIn().catch((error: unknown) => {
        token = null;
        throw error;
      });
    let response = await request(path, { headers: headers(signedIn ? await token : null) });
    if (response.status === 401 && signedIn) {
      // The session expired: sign in once more.
      token = signIn();
      response = await request(path, { headers: headers(await token) });
    }
    if (!response.ok) throw new PlatformApiError(`GET ${path} answered ${response.status}.`);
    return response.json();
  }

  return {
    async boats() {
      const [board, operators] = await Promise.all([
        read('/api/tracking/boats', true),
        read('/api/boats/operators', false),
      ]);
      const boats = z.object({ boats: z.array(MapBoat) }).parse(board).boats;
      const operatorIds = z.object({ operators: z.array(z.object({ id: z.string() })) }).parse(operators);
      const fleets = await Promise.all(
        operatorIds.operators.map(
          async ({ id }) =>
            z
              .object({ boats: z.array(FleetBoat) })
              .parse(await read(`/api/boats/operators/${encodeURIComponent(id)}/boats`, true)).boats,
        ),
      );
      const trackers = new Map(fleets.flat().map((boat) => [boat.id, boat.trackerId]));
      return boats.map((boat) => ({ ...boat, trackerId: trackers.get(boat.boatId) ?? null }));
    },

    async departurePort(departureId) {
      if (!ports.has(departureId)) {
        const offer = z
          .object({ portId: z.string() })
          .safeParse(
            await read(`/api/boats/departures/${encodeURIComponent(departureId)}`, false).catch(() => null),
          );
        ports.set(departureId, offer.success ? offer.data.portId : null);
      }
      return ports.get(departureId) ?? null;
    },

    async nextDeparturePorts(now) {
      const today = localDateAt(now);
      const days = await Promise.all(
        [today, addDays(today, 1)].map(
          async (date) =>
            z
              .object({
                departures: z.array(z.object({ boat: z.object({ id: z.string() }), portId: z.string() })),
              })
              .parse(await read(`/api/boats/departures?date=${date}`, false)).departures,
        ),
      );
      const ports = new Map<string, string>();
      for (const offer of days.flat()) if (!ports.has(offer.boat.id)) ports.set(offer.boat.id, offer.portId);
      return ports;
    },

    async signalLostAfterSeconds() {
      const rules = z
        .object({ signalLostAfterSeconds: z.number() })
        .safeParse(await read('/api/tracking/rules', true).catch(() => null));
      return rules.success ? rules.data.signalLostAfterSeconds : null;
    },

    async openAlerts() {
      const alerts = z.object({
        alerts: z.array(
          z.object({ boatId: z.string(), kind: z.string(), reason: z.object({ en: z.string() }) }),
        ),
      });
      return alerts.parse(await read('/api/tracking/alerts', true)).alerts;
    },
  };
}

/** The port nearest a position, when the position is in it. */
function portAround(
  bay: SimulatorBay,
  position: { latitude: number; longitude: number } | null,
): string | null {
  if (!position) return null;
  for (const [id, at] of bay.ports) {
    if (metresBetween(at, [position.longitude, position.latitude]) <= IN_PORT_METRES) return id;
  }
  return null;
}

/**
 * The fleet as the platform's API shows it, for the standalone simulator: a boat's trip is the live map's (its
 * hours from the expected return), its port between trips the one it was last seen in, else its next departure's. The API does not say a
 * trip is suspended by a weather ban, so — unlike the simulator inside `npm start` — this one sails it.
 */
export function fleetFromPlatform(api: PlatformApi, bay: SimulatorBay): FleetSource {
  let kept: { at: number; boats: Promise<SimulatedBoat[]> } | null = null;
  const readFleet = async (): Promise<SimulatedBoat[]> => {
    const [listed, nextPorts] = await Promise.all([api.boats(), api.nextDeparturePorts(new Date())]);
    const boats = listed.filter((boat) => boat.trackerId);
    return Promise.all(
      boats.map(async (boat) => {
        const trip = boat.trip;
        const portId = trip ? await api.departurePort(trip.departureId) : null;
        return {
          boatId: boat.boatId,
          name: boat.name,
          trackerId: boat.trackerId as string,
          certifiedCapacity: boat.certifiedCapacity,
          homePortId: portAround(bay, boat.position) ?? portId ?? nextPorts.get(boat.boatId) ?? null,
          trip: trip && {
            departureId: trip.departureId,
            routeId: trip.routeId,
            portId,
            departsAt: trip.departsAt,
            scheduledHours: (Date.parse(trip.expectedReturnAt) - Date.parse(trip.departsAt)) / 3_600_000,
          },
        };
      }),
    );
  };
  return async () => {
    if (!kept || Date.now() - kept.at > FLEET_KEPT_MS) {
      const read = { at: Date.now(), boats: readFleet() };
      kept = read;
      read.boats.catch(() => {
        if (kept === read) kept = null;
      });
    }
    return kept.boats;
  };
}
