/**
 * Property: whatever the museum's write schemas accept, the API stores and reads back equal — alone and in
 * the lists. Bodies come from the schemas themselves (support/schema-arbitrary.ts); runs are seeded and short.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExhibitFields, Room, TourFields, Visiting } from '../../../functions/museum/model.js';
import { createMuseumStore } from '../../../functions/museum/store.js';
import { createTestPlatform, type TestPlatform } from '../support/platform.js';
import { acceptedBy } from '../support/schema-arbitrary.js';

let platform: TestPlatform;
let curatorToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  curatorToken = await platform.signIn('curator@halong.test', 'Curator-HaLong-2026');
});
afterAll(() => platform.dispose());

// Seeded and short, so that every run of the suite tries the same bodies; a property gets its own time budget.
const runs = { numRuns: 30, seed: 18_2026, endOnFailure: true };
const PROPERTY_TIMEOUT_MS = 120_000;
const asJson = (value: unknown) => JSON.parse(JSON.stringify(value));

async function put(path: string, body: unknown): Promise<Response> {
  return platform.app.request(path, {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${curatorToken}` },
    body: JSON.stringify(body),
  });
}

async function read<T>(path: string): Promise<T> {
  const response = await platform.app.request(path);
  expect(response.status, path).toBe(200);
  return (await response.json()) as T;
}

describe('what a curator can write, visitors read back equal', () => {
  it(
    'an exhibit (PUT, then GET alone and in the list)',
    async () => {
      const exhibit = acceptedBy(ExhibitFields).map((fields) => ({ ...fields, roomId: 'lobby' }));
      await fc.assert(
        fc.asyncProperty(exhibit, async (body) => {
          const stored = { ...ExhibitFields.parse(body), id: 'whale-skeleton' };
          const response = await put('/api/museum/exhibits/whale-skeleton', body);
          expect(response.status).toBe(200);
          expect(await response.json()).toEqual(asJson(stored));
          expect(await read('/api/museum/exhibits/whale-skeleton')).toEqual(asJson(stored));
          const { exhibits } = await read<{ exhibits: { id: string }[] }>('/api/museum/exhibits?room=lobby');
          expect(exhibits.find((candidate) => candidate.id === 'whale-skeleton')).toEqual(asJson(stored));
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a tour',
    async () => {
      const tour = acceptedBy(TourFields).map((fields) => ({
        ...fields,
        stops: fields.stops.map((stop) => ({ ...stop, exhibitId: 'dau-ram-jar' })),
      }));
      await fc.assert(
        fc.asyncProperty(tour, async (body) => {
          const stored = { ...TourFields.parse(body), id: 'round-trip' };
          expect((await put('/api/museum/tours/round-trip', body)).status).toBe(200);
          const { tours } = await read<{ tours: { id: string }[] }>('/api/museum/tours');
          expect(tours.find((candidate) => candidate.id === 'round-trip')).toEqual(asJson(stored));
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'the visiting information',
    async () => {
      await fc.assert(
        fc.asyncProperty(acceptedBy(Visiting), async (body) => {
          expect((await put('/api/museum/visiting', body)).status).toBe(200);
          expect(await read('/api/museum/visiting')).toEqual(asJson(Visiting.parse(body)));
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'a room (written by the seed, through the store)',
    async () => {
      const store = createMuseumStore(platform.dependencies.db, platform.tableName);
      await fc.assert(
        fc.asyncProperty(acceptedBy(Room), async (input) => {
          const room = { ...Room.parse(input), id: 'round-trip-room' };
          await store.putRoom(room);
          const { rooms } = await store.readCatalog();
          expect(asJson(rooms.find((candidate) => candidate.id === 'round-trip-room'))).toEqual(asJson(room));
        }),
        runs,
      );
    },
    PROPERTY_TIMEOUT_MS,
  );
});
