/**
 * `npm run simulate`: the fleet simulator on its own, against a running platform (`npm start -- --no-simulator`,
 * or any local platform at --url); or, with --scenario, one scenario played on a boat on a trip:
 *
 *   npm run simulate -- --scenario sos|signal-lost|overspeed|leave-area|overcapacity [--boat <boatId>]
 *                       [--url http://127.0.0.1:4321] [--minutes <silent minutes, signal-lost>]
 *   npm run simulate -- [--url …] [--interval <seconds>]
 *
 * Both read the platform through its API as the local demo manager (platform-api.ts) and report through its intake.
 */
import { parseArgs } from 'node:util';
import { createLogger } from '../../platform/logger.js';
import { HALONG_BAY } from './bay.js';
import { ControlError, findRunningSimulator, type SimulatorState, startControlEndpoint } from './control.js';
import { injectScenario, ScenarioError } from './inject.js';
import { OSMAND_PATH } from './osmand-client.js';
import { demoManagerCredentials, fleetFromPlatform, PlatformApiError, platformApi } from './platform-api.js';
import { SCENARIO_SETTINGS, SCENARIOS, type ScenarioName } from './scenarios.js';
import { createFleetSimulator } from './simulator.js';

const USAGE = `Usage:
  npm run simulate -- --scenario ${SCENARIOS.join('|')} [--boat <boatId>] [--url <platform>] [--minutes <n>]
  npm run simulate -- [--url <platform>] [--interval <seconds>]     (the fleet simulator on its own)

  --url       the platform, default http://127.0.0.1:4321
  --boat      the boat to play the scenario on; default a boat on a trip now
  --minutes   how long signal-lost keeps the boat silent, default ${SCENARIO_SETTINGS.signalLostMinutes}
  --interval  seconds between a boat's reports on a trip, default 5`;

class UsageError extends Error {}

function say(line: string): void {
  process.stdout.write(`${line}\n`);
}

function positiveNumber(value: string | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isFinite(number) || number <= 0) throw new UsageError(`--${name} must be a positive number.`);
  return number;
}

/** The simulator announced for this platform, if any (one announced for another platform does not count). */
async function simulatorFor(platformUrl: string): Promise<SimulatorState | null> {
  const running = await findRunningSimulator();
  return running && new URL(running.platformUrl).origin === new URL(platformUrl).origin ? running : null;
}

async function runStandalone(platformUrl: string, intervalSeconds: number): Promise<void> {
  const running = await findRunningSimulator();
  if (running) {
    throw new UsageError(
      `A simulator already runs (process ${running.pid}, for ${running.platformUrl}): two would report the same boats.`,
    );
  }
  const api = platformApi(platformUrl, await demoManagerCredentials());
  await api.boats();
  const simulator = createFleetSimulator({
    platformUrl,
    fleet: fleetFromPlatform(api, HALONG_BAY),
    intervalSeconds,
    logger: createLogger('info'),
  });
  const control = await startControlEndpoint(simulator, platformUrl);
  simulator.start();
  say(
    `Simulator: the platform's boats on a trip report every ${intervalSeconds} s to ${platformUrl}${OSMAND_PATH} ` +
      '(Ctrl-C to stop; `npm run simulate -- --scenario …` in another terminal injects a scenario).',
  );
  await new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => resolve());
  });
  await simulator.stop();
  await control.stop();
}

function parsedArguments() {
  try {
    return parseArgs({
      options: {
        scenario: { type: 'string' },
        boat: { type: 'string' },
        url: { type: 'string', default: 'http://127.0.0.1:4321' },
        minutes: { type: 'string' },
        interval: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
      strict: true,
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

async function main(): Promise<void> {
  const { values } = parsedArguments();
  if (values.help) {
    say(USAGE);
    return;
  }
  let platformUrl: string;
  try {
    platformUrl = new URL(values.url).origin;
  } catch {
    throw new UsageError(`--url must be a URL such as http://127.0.0.1:4321, not "${values.url}".`);
  }
  if (values.scenario === undefined) {
    await runStandalone(platformUrl, positiveNumber(values.interval, 'interval', 5));
    return;
  }
  if (!(SCENARIOS as readonly string[]).includes(values.scenario)) {
    throw new UsageError(`--scenario must be one of ${SCENARIOS.join(', ')}; not "${values.scenario}".`);
  }
  await injectScenario({
    scenario: values.scenario as ScenarioName,
    ...(values.boat ? { boatId: values.boat } : {}),
    platformUrl,
    silentMinutes: positiveNumber(values.minutes, 'minutes', SCENARIO_SETTINGS.signalLostMinutes),
    api: platformApi(platformUrl, await demoManagerCredentials()),
    bay: HALONG_BAY,
    simulator: await simulatorFor(platformUrl),
    say,
  });
}

main().catch((error: unknown) => {
  const known = [UsageError, ScenarioError, ControlError, PlatformApiError].some(
    (kind) => error instanceof kind,
  );
  process.stderr.write(
    known
      ? `✖ ${(error as Error).message}\n${error instanceof UsageError ? `\n${USAGE}\n` : ''}`
      : `✖ ${error instanceof Error ? error.stack : String(error)}\n`,
  );
  process.exitCode = 1;
});
