/**
 * Property: whatever the boats domain's write schemas accept, DynamoDB stores and the read schemas load back
 * equal — through the API where one writes the entity (routes, cancellation policy), through the stores
 * where the seed or the scheduler does. Bodies come from the schemas themselves
 * (support/schema-arbitrary.ts); runs are seeded and short.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod';
import { CancellationPolicy } from '../../../functions/boats/catalogue/cancellation-policy.js';
import { Port, RouteDetails } from '../../../functions/boats/catalogue/model.js';
import { createCatalogueStore } from '../../../functions/boats/catalogue/store.js';
import { Departure, departureIdFor } from '../../../functions/boats/departures/model.js';
import { createDeparturesStore } from '../../../functions/boats/departures/store.js';
import { Boat, Operator } from '../../../functions/boats/fleet/model.js';
import { createFleetStore } from '../../../functions/boats/fleet/store.js';
import { createTestPlatform, demo, type TestPlatform } from '../support/platform.js';
import { acceptedBy } from '../support/schema-arbitrary.js';

let platform: TestPlatform;
let managerToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  managerToken = await platform.signIn(demo.manager.email, demo.manager.password);
});
afterAll(() => platform.dispose());

// Seeded and short, so that every run of the suite tries the same bodies; a property gets its own time budget.
const runs = { numRuns: 30, seed: 18_2026, endOnFailure: true };
const PROPERTY_TIMEOUT_MS = 120_000;
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));
let generated = 0;
function uniqueId(prefix: string): string {
  generated += 1;
  return `${prefix}-${generated}`;
}

async function put(path: string, body: unknown): Promise<Response> {
  return platform.app.request(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${managerToken}` },
    body: JSON.stringify(body),
  });
}

async function read<T>(path: string): Promise<T> {
  const response = await platform.app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe('what a manager can write through the API reads back equal', () => {
  it(
    'a route’s details (PUT, then GET alone and in the list)',
    async () => {
      const details = fc
        .tuple(acceptedBy(RouteDetails), fc.constantFrom(null, 'tuan-chau', 'hon-gai'))
        .map(([route, departurePortId]) => ({ ...route, departurePortId }));
      await fc.assert(
        fc.asyncProperty(details, async (body) => {
          const stored = asJson(RouteDetails.parse(body));
          const response = await put('/api/boats/routes/3', body);
          expect(response.status).toBe(200);
          expect(await response.json()).toMatchObject(stored);
          expect(await read('/api/boats/routes/3')).toMatchObject(stored);
          const { routes } = await read<{ routes: { id: number }[] }>('/api/boats/routes');
          expect(routes.find((route) => route.id === 3)).toMatchObject(stored);
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'the cancellation policy',
    async () => {
      await fc.assert(
        fc.asyncProperty(acceptedBy(CancellationPolicy), async (body) => {
          expect((await put('/api/boats/cancellation-policy', body)).status).toBe(200);
          expect(await read('/api/boats/cancellation-policy')).toEqual(
            asJson(CancellationPolicy.parse(body)),
          );
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});

describe('what the seed and the scheduler store reads back equal', () => {
  it(
    'a port',
    async () => {
      const store = createCatalogueStore(platform.dependencies.db, platform.tableName);
      await fc.assert(
        fc.asyncProperty(acceptedBy(Port), async (input) => {
          const port = { ...Port.parse(input), id: uniqueId('round-trip-port') };
          expect(await store.addPortIfAbsent(port)).toBe(true);
          const ports = await store.listPorts();
          expect(asJson(ports.find((candidate) => candidate.id === port.id))).toEqual(asJson(port));
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a boat company and a boat',
    async () => {
      const store = createFleetStore(platform.dependencies.db, platform.tableName);
      await fc.assert(
        fc.asyncProperty(acceptedBy(Operator), acceptedBy(Boat), async (operatorInput, boatInput) => {
          const operator = { ...Operator.parse(operatorInput), id: uniqueId('round-trip-operator') };
          const boat = { ...Boat.parse(boatInput), id: uniqueId('round-trip-boat'), operatorId: operator.id };
          expect(await store.addOperatorIfAbsent(operator)).toBe(true);
          expect(await store.addBoatIfAbsent(boat)).toBe(true);
          expect(asJson(await store.getOperator(operator.id))).toEqual(asJson(operator));
          expect(asJson(await store.getBoat(boat.id))).toEqual(asJson(boat));
          expect(asJson(await store.listBoatsOf(operator.id))).toEqual([asJson(boat)]);
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a departure, its seat counters adding up to its capacity',
    async () => {
      const store = createDeparturesStore(platform.dependencies.db, platform.tableName);
      const departure = acceptedBy(z.object(Departure.shape))
        .map((candidate) => {
          const held = Math.min(candidate.held, candidate.capacity);
          const sold = Math.min(candidate.sold, candidate.capacity - held);
          const boatId = uniqueId('round-trip-boat');
          const id = departureIdFor(boatId, candidate.localDate, '08:00');
          return { ...candidate, id, boatId, held, sold, seatsFree: candidate.capacity - held - sold };
        })
        .filter((candidate) => Departure.safeParse(candidate).success);
      await fc.assert(
        fc.asyncProperty(departure, async (input) => {
          const stored = Departure.parse(input);
          expect(await store.addDepartures([stored])).toEqual({ added: true });
          expect(asJson(await store.getDeparture(stored.id))).toEqual(asJson(stored));
          const day = await store.listDeparturesOn(stored.localDate);
          expect(asJson(day.find((candidate) => candidate.id === stored.id))).toEqual(asJson(stored));
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
