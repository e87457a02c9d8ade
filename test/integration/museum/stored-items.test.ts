/**
 * What a curator can store, the museum can read back; and an item that cannot be read (written by older
 * code, or edited by hand in the table) is left out of what visitors see, while curators can still replace
 * or delete it.
 */
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Exhibit } from '../../../functions/museum/model.js';
import { createTestPlatform, PROBLEM_JSON, type TestPlatform } from '../support/platform.js';

let platform: TestPlatform;
let curatorToken: string;

beforeAll(async () => {
  platform = await createTestPlatform();
  curatorToken = await platform.signIn('curator@halong.test', 'Curator-HaLong-2026');
});
afterAll(() => platform.dispose());

const asCurator = () => ({ 'Content-Type': 'application/json', Authorization: `Bearer ${curatorToken}` });
const request = (path: string, init?: RequestInit) => platform.app.request(path, init);
const read = async <T>(path: string) => (await (await request(path)).json()) as T;

const visitorReads = [
  '/api/museum/rooms',
  '/api/museum/exhibits',
  '/api/museum/exhibits?room=lobby',
  '/api/museum/search?q=whale',
  '/api/museum/tours',
  '/api/museum/visiting',
];

async function expectEveryReadAnswers(): Promise<void> {
  for (const path of visitorReads) expect((await request(path)).status, path).toBe(200);
}

/** Writes an item straight into the table, as a hand edit in the console would. */
async function putRawItem(item: Record<string, unknown>): Promise<void> {
  await platform.dependencies.db.send(new PutCommand({ TableName: platform.tableName, Item: item }));
}

describe('a curator’s edit the museum could not read back', () => {
  it('refuses (400, naming demoNote) a demo exhibit without its demo note, and every read still answers', async () => {
    const { id, demoNote: _, ...withoutNote } = await read<Exhibit>('/api/museum/exhibits/whale-skeleton');
    expect(withoutNote.demo).toBe(true);
    const response = await request(`/api/museum/exhibits/${id}`, {
      method: 'PUT',
      headers: asCurator(),
      body: JSON.stringify(withoutNote),
    });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe(PROBLEM_JSON);
    const problem = (await response.json()) as { type: string; errors: { path: string }[] };
    expect(problem.type).toBe('/problems/validation-error');
    expect(problem.errors.map((error) => error.path)).toEqual(['demoNote']);
    await expectEveryReadAnswers();
    expect((await read<Exhibit>('/api/museum/exhibits/whale-skeleton')).demoNote).toBeDefined();
  });
});

describe('a damaged item in the table', () => {
  it('is left out of every list and answered 404 alone, and the rest of the catalogue still reads', async () => {
    const jar = await read<Exhibit>('/api/museum/exhibits/dau-ram-jar');
    await putRawItem({
      PK: 'MUSEUM#CATALOG',
      SK: 'EXHIBIT#dau-ram-jar',
      entity: 'Exhibit',
      ...jar,
      title: { vi: 'Chum Đầu Rằm' },
      model: { kind: 'flying-saucer' },
    });
    await putRawItem({ PK: 'MUSEUM#CATALOG', SK: 'ROOM#attic', entity: 'MuseumRoom', id: 'attic', floor: 9 });
    await putRawItem({ PK: 'MUSEUM#CATALOG', SK: 'TOUR#broken', entity: 'Tour', id: 'broken', stops: [] });

    await expectEveryReadAnswers();
    const { exhibits } = await read<{ exhibits: Exhibit[] }>('/api/museum/exhibits');
    expect(exhibits.length).toBeGreaterThanOrEqual(40);
    expect(exhibits.map((exhibit) => exhibit.id)).not.toContain('dau-ram-jar');
    const { rooms } = await read<{ rooms: { id: string }[] }>('/api/museum/rooms');
    expect(rooms.map((room) => room.id)).not.toContain('attic');
    const { tours } = await read<{ tours: { id: string }[] }>('/api/museum/tours');
    expect(tours.map((tour) => tour.id)).not.toContain('broken');
    const alone = await request('/api/museum/exhibits/dau-ram-jar');
    expect(alone.status).toBe(404);
    expect(alone.headers.get('content-type')).toBe(PROBLEM_JSON);

    // The curator repairs it with an ordinary edit, and visitors read it again.
    const { id, ...fields } = jar;
    const repaired = await request(`/api/museum/exhibits/${id}`, {
      method: 'PUT',
      headers: asCurator(),
      body: JSON.stringify(fields),
    });
    expect(repaired.status).toBe(200);
    expect(await read<Exhibit>('/api/museum/exhibits/dau-ram-jar')).toEqual(jar);
  });

  it('can be deleted by a curator, once', async () => {
    await putRawItem({
      PK: 'MUSEUM#CATALOG',
      SK: 'EXHIBIT#half-written',
      entity: 'Exhibit',
      id: 'half-written',
      demo: true,
    });
    await expectEveryReadAnswers();
    const deleted = await request('/api/museum/exhibits/half-written', {
      method: 'DELETE',
      headers: asCurator(),
    });
    expect(deleted.status).toBe(204);
    const again = await request('/api/museum/exhibits/half-written', {
      method: 'DELETE',
      headers: asCurator(),
    });
    expect(again.status).toBe(404);
    const anonymous = await request('/api/museum/exhibits/whale-skeleton', { method: 'DELETE' });
    expect(anonymous.status).toBe(401);
    expect((await request('/api/museum/exhibits/whale-skeleton')).status).toBe(200);
  });
});
