/**
 * The simulator inside `npm start`: the fleet read from the table through the boats' reads, reports sent over
 * HTTP to the platform's own intake, and the control endpoint `npm run simulate` talks to. Started after the
 * server listens, without waiting for a round, so start-up is no slower.
 */
import { baySituationFor, departuresOfDayFor } from '../../boats/reads.js';
import type { PlatformDependencies } from '../../platform/dependencies.js';
import { StartupError } from '../startup-error.js';
import { HALONG_BAY } from './bay.js';
import { startControlEndpoint } from './control.js';
import { fleetFromTable } from './fleet.js';
import { OSMAND_PATH } from './osmand-client.js';
import { createFleetSimulator } from './simulator.js';

export interface RunningSimulator {
  /** One line for the start-up output: what runs, how to leave it out, how to inject a scenario. */
  description: string;
  stop(): Promise<void>;
}

/** SIMULATOR_INTERVAL_SECONDS: how often a boat on a trip reports (Traccar Client's interval), 1–3600, default 5. */
export function simulatorIntervalSeconds(value: string | undefined): number {
  if (value === undefined || value === '') return 5;
  const seconds = Number(value);
  if (!Number.isInteger(seconds) || seconds < 1 || seconds > 3600) {
    throw new StartupError(
      `SIMULATOR_INTERVAL_SECONDS must be a whole number from 1 to 3600, not "${value}".`,
    );
  }
  return seconds;
}

export async function startLocalSimulator(
  dependencies: Pick<PlatformDependencies, 'db' | 'config' | 'logger'>,
  platformUrl: string,
  environment: Record<string, string | undefined> = process.env,
): Promise<RunningSimulator> {
  const intervalSeconds = simulatorIntervalSeconds(environment.SIMULATOR_INTERVAL_SECONDS);
  const simulator = createFleetSimulator({
    platformUrl,
    fleet: fleetFromTable(baySituationFor(dependencies), departuresOfDayFor(dependencies)),
    bay: HALONG_BAY,
    intervalSeconds,
    logger: dependencies.logger,
  });
  const control = await startControlEndpoint(simulator, platformUrl);
  simulator.start();
  return {
    description:
      `Simulator: the demo boats on a trip report every ${intervalSeconds} s (in port every minute) to ` +
      `${platformUrl}${OSMAND_PATH}; \`npm start -- --no-simulator\` leaves it out; inject a scenario with ` +
      '`npm run simulate -- --scenario sos|signal-lost|overspeed|leave-area|overcapacity [--boat <id>]`.',
    async stop() {
      await simulator.stop();
      await control.stop();
    },
  };
}
