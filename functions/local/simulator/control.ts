/**
 * How `npm run simulate` reaches the simulator running inside `npm start` (or a standalone one): a small HTTP
 * endpoint on 127.0.0.1 at a port chosen at start, announced with a random token in .data/simulator.json (readable
 * by this user only) and removed on stop. Only a process of this user on this machine can read the token, so
 * nothing else — not a web page the browser opens — can silence a boat. A file missing, or naming a process that
 * is gone, means no simulator runs.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import * as z from 'zod';
import { ProblemError, problemResponse } from '../../platform/problem.js';
import type { SimulatedBoat } from './fleet.js';
import type { SimulatorControls } from './simulator.js';

export const SIMULATOR_STATE_FILE = new URL('../../../.data/simulator.json', import.meta.url).pathname;

const SimulatorState = z.object({
  pid: z.number().int(),
  controlUrl: z.url(),
  token: z.string().min(32),
  platformUrl: z.url(),
  startedAt: z.iso.datetime(),
});
export type SimulatorState = z.infer<typeof SimulatorState>;

const Seconds = z.object({
  seconds: z
    .number()
    .positive()
    .max(24 * 3600),
});
const From = z.object({ longitude: z.number().min(-180).max(180), latitude: z.number().min(-90).max(90) });

/** What the control endpoint answers about a boat it acted on. */
export type BoatAnswer = Pick<SimulatedBoat, 'boatId' | 'name' | 'trackerId'>;

const CONTROL_TIMEOUT_MS = 5_000;

function controlApp(controls: SimulatorControls, token: string): Hono {
  const app = new Hono();
  app.onError((error, context) =>
    problemResponse(context, error instanceof ProblemError ? error : new ProblemError(500, 'internal-error')),
  );
  app.use(async (context, next) => {
    if (context.req.header('Authorization') !== `Bearer ${token}`) {
      throw new ProblemError(401, 'unauthenticated', 'The token of .data/simulator.json is required.');
    }
    await next();
  });
  const answer = (boat: SimulatedBoat | null, boatId: string) => {
    if (!boat) throw new ProblemError(404, 'not-found', `The simulator sails no boat ${boatId}.`);
    return { boatId: boat.boatId, name: boat.name, trackerId: boat.trackerId } satisfies BoatAnswer;
  };
  const body = async <T>(schema: z.ZodType<T>, request: Request): Promise<T> => {
    const parsed = schema.safeParse(await request.json().catch(() => undefined));
    if (!parsed.success) throw new ProblemError(400, 'validation-error', z.prettifyError(parsed.error));
    return parsed.data;
  };
  app.post('/boats/:boatId/silence', async (context) => {
    const { seconds } = await body(Seconds, context.req.raw);
    const boatId = context.req.param('boatId');
    return context.json(answer(await controls.silence(boatId, seconds), boatId));
  });
  app.post('/boats/:boatId/hold', async (context) => {
    const { seconds } = await body(Seconds, context.req.raw);
    const boatId = context.req.param('boatId');
    return context.json(answer(await controls.hold(boatId, seconds), boatId));
  });
  app.post('/boats/:boatId/resume', async (context) => {
    const { longitude, latitude } = await body(From, context.req.raw);
    const boatId = context.req.param('boatId');
    return context.json(answer(await controls.resume(boatId, [longitude, latitude]), boatId));
  });
  return app;
}

export interface ControlEndpoint {
  url: string;
  stop(): Promise<void>;
}

/** Serves the controls on 127.0.0.1 and announces them in the state file; stop() closes it and removes the file. */
export async function startControlEndpoint(
  controls: SimulatorControls,
  platformUrl: string,
  stateFile = SIMULATOR_STATE_FILE,
): Promise<ControlEndpoint> {
  const token = randomBytes(24).toString('base64url');
  const app = controlApp(controls, token);
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const state: SimulatorState = {
    pid: process.pid,
    controlUrl: url,
    token,
    platformUrl,
    startedAt: new Date().toISOString(),
  };
  await mkdir(dirname(stateFile), { recursive: true });
  await writeFile(stateFile, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
  return {
    url,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // Only our own announcement: another simulator may have started since and written its own.
      const current = await readState(stateFile);
      if (current?.pid === process.pid && current.controlUrl === url) await rm(stateFile, { force: true });
    },
  };
}

async function readState(stateFile: string): Promise<SimulatorState | null> {
  try {
    const parsed = SimulatorState.safeParse(JSON.parse(await readFile(stateFile, 'utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, owned by someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The running simulator's announcement, or null when none runs (no file, or its process is gone). */
export async function findRunningSimulator(stateFile = SIMULATOR_STATE_FILE): Promise<SimulatorState | null> {
  const state = await readState(stateFile);
  return state && processIsAlive(state.pid) ? state : null;
}

export class ControlError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ControlError';
  }
}

/** The controls of a running simulator, over its endpoint. */
export function controlClient(state: SimulatorState) {
  const call = async <T>(method: 'GET' | 'POST', path: string, body?: object): Promise<T> => {
    let response: Response;
    try {
      response = await fetch(new URL(path, state.controlUrl), {
        method,
        headers: { Authorization: `Bearer ${state.token}`, 'Content-Type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
      });
    } catch (error) {
      throw new ControlError(
        `The simulator (process ${state.pid}) does not answer at ${state.controlUrl}: ${String(error)}`,
      );
    }
    const answer = (await response.json().catch(() => null)) as { detail?: string; title?: string } | null;
    if (!response.ok) {
      throw new ControlError(answer?.detail ?? answer?.title ?? `The simulator answered ${response.status}.`);
    }
    return answer as T;
  };
  const path = (boatId: string, action: string) => `/boats/${encodeURIComponent(boatId)}/${action}`;
  return {
    silence: (boatId: string, seconds: number) =>
      call<BoatAnswer>('POST', path(boatId, 'silence'), { seconds }),
    hold: (boatId: string, seconds: number) => call<BoatAnswer>('POST', path(boatId, 'hold'), { seconds }),
    resume: (boatId: string, from: { longitude: number; latitude: number }) =>
      call<BoatAnswer>('POST', path(boatId, 'resume'), from),
  };
}
