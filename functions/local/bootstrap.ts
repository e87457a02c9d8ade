/** Creates the platform table (from the same definition the CDK stack uses) and seeds the demo data. */
import { readFile } from 'node:fs/promises';
import {
  CreateTableCommand,
  DescribeTableCommand,
  ResourceInUseException,
  ResourceNotFoundException,
  waitUntilTableExists,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import pLimit from 'p-limit';
import type { BoatsCatalogueSeed } from '../boats/catalogue/model.js';
import { readBoatsCatalogueSeed, seedBoatsCatalogue } from '../boats/catalogue/seed.js';
import { createCatalogueStore } from '../boats/catalogue/store.js';
import { createDeparturesStore } from '../boats/departures/store.js';
import { type DemoFleetSeed, readDemoFleetSeed, seedDemoFleet } from '../boats/fleet/demo-seed.js';
import { createFleetStore } from '../boats/fleet/store.js';
import type { DemoCountersInput } from '../insights/rollups/demo-counters.js';
import { seedDemoCounters } from '../insights/rollups/demo-counters-store.js';
import { type DemandSeedInput, seedDemandHistory } from '../insights/seed.js';
import { createInsightsStore } from '../insights/store.js';
import type { MuseumSeed } from '../museum/model.js';
import { readMuseumSeed, seedMuseum } from '../museum/seed.js';
import { createMuseumStore } from '../museum/store.js';
import { type AccountsStore, type DemoAccount, DemoAccountsFile } from '../platform/auth/accounts.js';
import type { PlatformConfig } from '../platform/config.js';
import { createDocumentClient } from '../platform/dynamo.js';
import { createTableInput } from '../platform/table.js';
import { seedDemoDutyContactIn } from '../tracking/safety/demo-seed.js';
import { createHotspotsService } from '../wifi/hotspots-service.js';
import { readWifiSeed, seedHotspots, type WifiSeed } from '../wifi/seed.js';
import { createHotspotStore } from '../wifi/store.js';
import { demoTrades } from './demo-trades.js';

export const DEMO_ACCOUNTS_SEED = new URL('../../assets/seed/demo-accounts.json', import.meta.url);

/** The staff accounts the local platform creates (with their passwords, which npm start prints). */
export async function readDemoAccounts(): Promise<DemoAccount[]> {
  return DemoAccountsFile.parse(JSON.parse(await readFile(DEMO_ACCOUNTS_SEED, 'utf8'))).accounts;
}

/** Connections the bulk load opens to DynamoDB, and so the calls it has under way at once. */
export const BULK_LOAD_CONNECTIONS = 50;

/**
 * A client for creating the table and seeding it. Seeding starts hundreds of writes at once (every data set side by
 * side); beyond one per connection they wait their turn here, before the SDK sends them. Left to the HTTP agent's
 * queue instead, they would wait with their timeouts running, and the SDK would warn that its sockets are at
 * capacity. A call still gets a minute instead of a request's budget (DYNAMODB_ATTEMPT_TIMEOUT_MS): a start-up keeps
 * no visitor waiting, and DynamoDB Local under a whole seed, beside the site's build, is far slower than DynamoDB.
 * Destroy it when done.
 */
export function createBulkLoadClient(
  config: Pick<PlatformConfig, 'region' | 'dynamoEndpoint'>,
): DynamoDBDocumentClient {
  const db = createDocumentClient(
    { ...config, storeAttemptTimeoutMs: 60_000 },
    { maxSockets: BULK_LOAD_CONNECTIONS },
  );
  // Innermost but for reading the answer: each attempt, signed, waits for a connection of its own and holds it
  // until its answer is read, so the socket it used is free again; a retry's backoff holds none.
  const turn = pLimit(BULK_LOAD_CONNECTIONS);
  db.middlewareStack.add((next) => (args) => turn(() => next(args)), {
    step: 'finalizeRequest',
    priority: 'low',
    name: 'bulkLoadTurnMiddleware',
  });
  return db;
}

/** Creates the table unless it exists; returns whether it was created. */
export async function ensureTable(
  db: DynamoDBDocumentClient,
  tableName: string,
  options: { stream?: boolean } = {},
): Promise<boolean> {
  try {
    await db.send(new DescribeTableCommand({ TableName: tableName }));
    return false;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  try {
    await db.send(new CreateTableCommand(createTableInput(tableName, options)));
  } catch (error) {
    // Another process created it between our describe and create: that is the state we wanted.
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  await waitUntilTableExists({ client: db, maxWaitTime: 60 }, { TableName: tableName });
  return true;
}

/** The forecasts' demo history's input: the catalogue's routes and ports, the Wi-Fi areas with their hotspots. */
export function demandSeedInputOf(catalogue: BoatsCatalogueSeed, wifi: WifiSeed): DemandSeedInput {
  return {
    routes: catalogue.routes.map((route) => ({ id: route.id, name: route.name })),
    ports: catalogue.ports.map((port) => ({ id: port.id, name: port.name })),
    areas: wifi.areas.map((area) => ({
      ...area,
      hotspots: wifi.hotspots.filter((hotspot) => hotspot.area === area.id).length,
    })),
  };
}

/** The demo counters' input: the same daily figures as the forecasts' history, sold by the seeded fleet. */
export function demoCountersInputOf(
  catalogue: BoatsCatalogueSeed,
  wifi: WifiSeed,
  fleet: DemoFleetSeed,
  museum: MuseumSeed,
): Omit<DemoCountersInput, 'from' | 'to'> {
  return {
    demand: demandSeedInputOf(catalogue, wifi),
    trades: demoTrades(catalogue, fleet),
    hotspots: wifi.hotspots.map(({ id, area }) => ({ id, area })),
    exhibitIds: museum.exhibits.map((exhibit) => exhibit.id),
  };
}

export interface SeedReport {
  boatsCatalogueItems: number;
  /** Demo boat companies and boats. */
  fleetItems: number;
  departures: number;
  /** The museum's rooms, exhibits, tours and visiting information. */
  museumItems: number;
  /** The city's Wi-Fi hotspots (generated demo data). */
  wifiHotspots: number;
  /** Demand series with their daily history since 2019 (generated demo data). */
  demandSeries: number;
  /** The last year's counters for the managers' dashboard (generated demo data; only when asked for). */
  demoCounters: number;
  /** The safety rules saved with one demo duty contact (only when asked for, and only where none were saved). */
  demoDutyContacts: number;
  accounts: number;
}

/** Writes whatever demo data is missing; a second run writes nothing and reports zeros. */
export async function seedDemoData(
  db: DynamoDBDocumentClient,
  tableName: string,
  accounts: AccountsStore | null,
  options: {
    /** Today's departures already left too, cleared (npm start, for the fleet simulator). */
    tripsUnderWay?: boolean;
    /** The last year's dashboard counters (npm start; the tests ask for them where they read them). */
    demoCounters?: boolean;
    /** A demo duty contact in the safety rules, so the outbox shows the authority's alert messages (npm start). */
    demoDutyContact?: boolean;
  } = {},
): Promise<SeedReport> {
  // Independent data sets: seeded side by side to keep npm start quick.
  const [catalogueSeed, wifiSeed, fleetSeed, museumSeed] = await Promise.all([
    readBoatsCatalogueSeed(),
    readWifiSeed(),
    readDemoFleetSeed(),
    readMuseumSeed(),
  ]);
  const [
    boatsCatalogueItems,
    fleet,
    museumItems,
    wifiHotspots,
    demandSeries,
    demoCounters,
    demoDutyContacts,
  ] = await Promise.all([
    seedBoatsCatalogue(createCatalogueStore(db, tableName), catalogueSeed),
    seedDemoFleet(
      { fleet: createFleetStore(db, tableName), departures: createDeparturesStore(db, tableName) },
      fleetSeed,
      new Date(),
      options,
    ),
    seedMuseum(createMuseumStore(db, tableName), museumSeed),
    seedHotspots(createHotspotsService(createHotspotStore(db, tableName)), wifiSeed),
    seedDemandHistory(createInsightsStore(db, tableName), demandSeedInputOf(catalogueSeed, wifiSeed)),
    options.demoCounters
      ? seedDemoCounters(db, tableName, demoCountersInputOf(catalogueSeed, wifiSeed, fleetSeed, museumSeed))
      : 0,
    options.demoDutyContact ? seedDemoDutyContactIn(db, tableName) : 0,
  ]);
  let createdAccounts = 0;
  if (accounts) {
    const outcomes = await Promise.all(
      (await readDemoAccounts()).map((account) => accounts.createIfAbsent(account)),
    );
    createdAccounts = outcomes.filter((outcome) => outcome === 'created').length;
  }
  return {
    boatsCatalogueItems,
    ...fleet,
    museumItems,
    wifiHotspots,
    demandSeries,
    demoCounters,
    demoDutyContacts,
    accounts: createdAccounts,
  };
}
