/**
 * `npm start`: the whole platform on one port. Starts DynamoDB Local (or uses DYNAMODB_ENDPOINT), creates
 * and seeds the table, builds the site when stale, serves /api and the site, and stops everything —
 * the Java process included — on Ctrl-C. `--in-memory` keeps no data; `--dev` (`npm run dev`) serves the
 * site from Astro's dev server with hot reload instead of the build; `--no-edge-cache` leaves out the local
 * stand-in for CloudFront (functions/local/edge-cache.ts); `--no-simulator` leaves out the fleet simulator that
 * moves the demo boats (functions/local/simulator/).
 */
import type { ChildProcess } from 'node:child_process';
import type { Server } from 'node:http';
import { createServer } from 'node:net';
import { serve } from '@hono/node-server';
import { boatsJobsFor } from '../boats/jobs.js';
import { forecastsFor, insightsJobsFor } from '../insights/index.js';
import { rollupBackfillFor, rollupStreamHandlerFor } from '../insights/rollups/assembly.js';
import { defaultBackfillSince } from '../insights/rollups/model.js';
import { ConfigurationError, loadConfig, type PlatformConfig } from '../platform/config.js';
import {
  contentSecurityPolicy,
  inlineScriptHashes,
  STRIPE_CHECKOUT_ORIGIN,
} from '../platform/content-security-policy.js';
import { createLocalLiveUpdates } from '../platform/live-updates/local-websocket.js';
import { localDateAt } from '../platform/local-time.js';
import { createLogger } from '../platform/logger.js';
import type { PaymentsPort } from '../platform/payments/port.js';
import { createStripePayments } from '../platform/payments/stripe.js';
import { startLocalSchedules } from '../platform/schedules/local-timers.js';
import { createLocalSigner } from '../platform/signing/local-signer.js';
import {
  type LocalStreamReader,
  startLocalStreamReader,
} from '../platform/table-changes/local-stream-reader.js';
import { createSiteServices } from '../site/services.js';
import { trackingJobsFor, trackingServiceFor } from '../tracking/index.js';
import { createBulkLoadClient, ensureTable, readDemoAccounts, seedDemoData } from './bootstrap.js';
import { createLocalDependencies } from './dependencies.js';
import { freePort, type RunningDynamoDb, startDynamoDbLocal, waitUntilAnswering } from './dynamodb-local.js';
import { createLocalEdgeCache } from './edge-cache.js';
import { attachLiveUpdates } from './live.js';
import { createLocalApi } from './local-api.js';
import { type RunningSimulator, startLocalSimulator } from './simulator/local.js';
import { buildSite, mountSite, SITE_STATIC_FILES, siteBuildReason, startSiteDevServer } from './site.js';
import { createStartOutput, seedSummary } from './start-output.js';
import { StartupError } from './startup-error.js';
import { startTestCheckout, type TestCheckout } from './test-checkout.js';

const PLATFORM_NAME = 'Hạ Long smart-tourism platform';
const DATA_DIRECTORY = new URL('../../.data/dynamodb', import.meta.url).pathname;
// Kept beside the data, so tickets sold in an earlier run still verify.
const TICKET_KEY_FILE = new URL('../../.data/ticket-signing-key.json', import.meta.url).pathname;

function parsePort(value: string | undefined): number {
  const port = Number(value ?? 4321);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new StartupError(`PORT must be a whole number from 1 to 65535, not "${value}".`);
  }
  return port;
}

async function assertPortFree(port: number, host: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        error.code === 'EADDRINUSE'
          ? new StartupError(
              `Port ${port} is already in use: stop the program using it, or run PORT=${port + 1} npm start.`,
            )
          : new StartupError(
              `Cannot listen on ${host}:${port} (${error.code}): choose another PORT or HOST.`,
            ),
      ),
    );
    probe.listen(port, host, () => probe.close(() => resolve()));
  });
}

/**
 * Stripe itself when keys are configured; otherwise the local test checkout, whose signed events reach the
 * webhook of this process at `webhookUrl`.
 */
async function startPayments(
  config: PlatformConfig,
  webhookUrl: string,
): Promise<{ payments: PaymentsPort; description: string; paymentPageOrigin: string }> {
  if (config.stripe) {
    return {
      payments: createStripePayments(config.stripe),
      paymentPageOrigin: STRIPE_CHECKOUT_ORIGIN,
      description: `Stripe (${config.stripe.secretKey.includes('_live_') ? 'LIVE mode' : 'test mode'})`,
    };
  }
  testCheckout = await startTestCheckout({
    deliver: async (body, signature) => {
      const response = await fetch(webhookUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'Stripe-Signature': signature },
        body,
      });
      return response.status;
    },
  });
  const { secretKey, webhookSecret, apiBase } = testCheckout;
  return {
    payments: createStripePayments({ secretKey, webhookSecret, apiBase }),
    paymentPageOrigin: new URL(testCheckout.pageOrigin).origin,
    description: `local test checkout at ${apiBase} (test mode: no money moves; set STRIPE_SECRET_KEY to use Stripe)`,
  };
}

let testCheckout: TestCheckout | null = null;
let dynamoDb: RunningDynamoDb | null = null;
let siteDevServer: ChildProcess | null = null;
let simulator: RunningSimulator | null = null;
let rollupReader: LocalStreamReader | null = null;
let stopping = false;

/** Stops Astro's dev server and DynamoDB Local (waiting for the Java process to end), then exits. */
async function shutdown(exitCode: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  siteDevServer?.kill('SIGTERM');
  await simulator?.stop();
  await rollupReader?.stop();
  await testCheckout?.stop();
  await dynamoDb?.stop();
  process.exit(exitCode);
}

async function main(): Promise<void> {
  // The SDK's notice that future releases need Node 22 is in the README; keep the start-up output short.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      process.stdout.write(`\nStopping (${signal})…\n`);
      void shutdown(0);
    });
  }
  // Last resort if something throws later: never leave the Java process behind.
  process.once('exit', () => {
    dynamoDb?.process.kill('SIGKILL');
    siteDevServer?.kill('SIGKILL');
  });

  const inMemory = process.argv.includes('--in-memory');
  const devMode = process.argv.includes('--dev');
  const port = parsePort(process.env.PORT);
  const host = process.env.HOST ?? '127.0.0.1';
  // Checked before anything starts; the endpoint is DynamoDB Local's, known once it runs, unless one is given.
  const settings = loadConfig({ ...process.env, AUTH_MODE: 'local' });
  const output = createStartOutput(settings.logLevel);
  await assertPortFree(port, host);

  const buildReason = devMode ? null : siteBuildReason();
  if (buildReason === 'missing') output.step('Building the site (first start only, under a minute)…');
  if (buildReason === 'stale') output.step('Rebuilding the site (its sources changed; under a minute)…');
  let siteBuilt = buildReason === null;
  const siteBuild = siteBuilt
    ? Promise.resolve()
    : buildSite().then(() => {
        siteBuilt = true;
      });
  // Awaited below; this only keeps a failed build from counting as unhandled while DynamoDB starts.
  siteBuild.catch(() => undefined);

  let endpoint = settings.dynamoEndpoint;
  if (endpoint) {
    output.step(`Using DynamoDB at ${endpoint}…`);
    await waitUntilAnswering(endpoint, 5000);
  } else {
    output.step(
      inMemory
        ? 'Starting DynamoDB Local (in memory)…'
        : `Starting DynamoDB Local (data in ${DATA_DIRECTORY})…`,
    );
    dynamoDb = await startDynamoDbLocal(inMemory ? null : DATA_DIRECTORY);
    endpoint = dynamoDb.endpoint;
    dynamoDb.process.once('exit', (code) => {
      if (stopping) return;
      process.stderr.write(
        `DynamoDB Local stopped unexpectedly (exit code ${code}); stopping the platform.\n`,
      );
      void shutdown(1);
    });
  }

  const config: PlatformConfig = { ...settings, dynamoEndpoint: endpoint };
  // In dev mode the API listens on a private port chosen now; the webhook goes straight to it.
  const apiPort = devMode ? await freePort() : port;
  const apiHost = devMode || host === '0.0.0.0' ? '127.0.0.1' : host;
  const {
    payments,
    description: paymentsDescription,
    paymentPageOrigin,
  } = await startPayments(config, `http://${apiHost}:${apiPort}/api/payments/stripe/webhook`);
  const signer = await createLocalSigner(inMemory ? null : TICKET_KEY_FILE);
  // The WebSocket endpoint of the live updates, on the same HTTP server as the API (attached below).
  const liveUpdates = createLocalLiveUpdates({ logger: createLogger(config.logLevel) });
  const dependencies = await createLocalDependencies(config, { payments, signer, liveUpdates });
  output.step('Seeding demo data…');
  const bulkLoad = createBulkLoadClient(config);
  const created = await ensureTable(bulkLoad, config.tableName);
  // Today's trips that have left are seeded too (cleared, under way), for the fleet simulator to sail; and the
  // dashboard's demo year (generated demo counters) unless --no-demo-counters.
  const seeded = await seedDemoData(bulkLoad, config.tableName, dependencies.localAuth?.accounts ?? null, {
    tripsUnderWay: !process.argv.includes('--no-simulator'),
    demoCounters: !process.argv.includes('--no-demo-counters'),
    // A demo duty officer in the safety rules, so the outbox shows the authority's message for each alert.
    demoDutyContact: true,
  });
  bulkLoad.destroy();
  output.step(`  ${seedSummary(config.tableName, created, seeded)}`);
  // The jobs EventBridge Scheduler runs on AWS (ending unpaid holds…), on timers in this process.
  startLocalSchedules(boatsJobsFor(dependencies), dependencies.logger);
  // The safety check for boats gone silent, every 15 seconds (EventBridge Scheduler's minute, repeated, on AWS).
  startLocalSchedules(trackingJobsFor(trackingServiceFor(dependencies)), dependencies.logger);
  // The nightly forecasts, made once now so the managers' API has them from the start; next, the next night.
  output.step('Forecasting demand 90 days ahead…');
  await forecastsFor(dependencies).refreshAll();
  startLocalSchedules(insightsJobsFor(dependencies), dependencies.logger, { ranAlready: true });
  // The managers' counters: rebuilt from the records once, then kept by the table's stream as on AWS. The scan
  // goes through the bulk-load client, whose patience suits reading the whole table on a busy laptop.
  output.step('Counting the records for the managers’ dashboard…');
  const counting = createBulkLoadClient(config);
  await rollupBackfillFor({ db: counting, config }).run({
    since: defaultBackfillSince(localDateAt(new Date())),
  });
  counting.destroy();
  rollupReader = await startLocalStreamReader({
    dynamoDb: dependencies.db,
    tableName: config.tableName,
    handler: rollupStreamHandlerFor(dependencies),
    logger: dependencies.logger,
    startingPosition: 'LATEST',
  });
  if (!siteBuilt) output.step('Waiting for the site build to finish…');
  await siteBuild;

  const accounts = dependencies.localAuth ? await readDemoAccounts() : [];
  const shownHost = host === '127.0.0.1' || host === '0.0.0.0' ? 'localhost' : host;
  /** What runs beside the site, then the one URL with the accounts to sign in with. */
  const announceReady = (name: string) => {
    output.step(`Payments: ${paymentsDescription}.`);
    output.step(
      'Messages: e-mail and SMS go to the outbox, GET /api/outbox (signed in as a manager or operator).',
    );
    if (simulator) output.step(simulator.description);
    output.ready(name, `http://${shownHost}:${port}/`, accounts);
  };
  if (devMode) {
    // The API on a private port; Astro's dev server on the public one forwards /api to it.
    // Astro's dev server forwards WebSocket upgrades under /api here too (web/astro.config.mjs).
    attachLiveUpdates(listen(createLocalApi(dependencies), apiPort, '127.0.0.1'), liveUpdates, dependencies);
    const devServer = startSiteDevServer(port, host, `http://127.0.0.1:${apiPort}`, {
      DYNAMODB_ENDPOINT: endpoint,
      TABLE_NAME: config.tableName,
    });
    siteDevServer = devServer;
    devServer.once('exit', (code) => {
      if (stopping) return;
      process.stderr.write(`The Astro dev server stopped (exit code ${code}); stopping the platform.\n`);
      void shutdown(1);
    });
    await startSimulatorUnlessTold(dependencies, `http://127.0.0.1:${apiPort}`);
    announceReady(`${PLATFORM_NAME} (dev, hot reload)`);
    return;
  }
  const app = createLocalApi(dependencies, {
    contentSecurityPolicy: contentSecurityPolicy(inlineScriptHashes(SITE_STATIC_FILES), [paymentPageOrigin]),
  });
  await mountSite(app, createSiteServices(dependencies), dependencies.config);
  // CloudFront's part, played locally; `--no-edge-cache` serves every request from the app (the origin) itself.
  const server = listen(
    process.argv.includes('--no-edge-cache') ? app : createLocalEdgeCache(app.fetch),
    port,
    host,
  );
  attachLiveUpdates(server, liveUpdates, dependencies);
  await startSimulatorUnlessTold(dependencies, `http://${apiHost}:${port}`);
  announceReady(PLATFORM_NAME);
}

/** The fleet simulator, reporting to this platform over HTTP, unless `--no-simulator`. */
async function startSimulatorUnlessTold(
  dependencies: Parameters<typeof startLocalSimulator>[0],
  platformUrl: string,
): Promise<void> {
  if (process.argv.includes('--no-simulator')) return;
  simulator = await startLocalSimulator(dependencies, platformUrl);
}

function listen(
  app: { fetch: (request: Request) => Response | Promise<Response> },
  port: number,
  host: string,
): Server {
  // An HTTP/1.1 server, as serve() makes without its createServer option.
  const server = serve({ fetch: app.fetch, port, hostname: host }) as Server;
  server.once('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`Cannot serve on ${host}:${port} (${error.code}): choose another PORT.\n`);
    void shutdown(1);
  });
  return server;
}

main().catch(async (error: unknown) => {
  if (error instanceof StartupError || error instanceof ConfigurationError) {
    process.stderr.write(`\n✖ ${error.message}\n`);
  } else {
    process.stderr.write(
      `\n✖ The platform could not start: ${error instanceof Error ? error.stack : String(error)}\n`,
    );
  }
  void shutdown(1);
});
